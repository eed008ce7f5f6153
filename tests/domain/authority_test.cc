// Who may send what: every command, for every role. The expectations are
// written out here rather than read from each command's kAllowed, so changing a
// permission needs both.

#include "domain/authority.h"

#include <variant>

#include <gtest/gtest.h>

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

struct Case {
  Command command;
  bool participant;
  bool facilitator;
  bool system;
};

// One sample of every command, with who may send it.
std::vector<Case> AllCommands() {
  return {
      {cmd::CreateWorkshop{"XYZ234", "T", "es", {}}, false, false, true},
      {cmd::Join{"Ana", Presence::kInRoom, "join-key-1"}, true, false, false},
      {cmd::RenameParticipant{0, "Ana B"}, true, true, false},
      {cmd::RemoveParticipant{1}, false, true, false},
      {cmd::AllowBack{1}, false, true, false},
      {cmd::RotateProjectorKey{}, false, true, false},
      {cmd::CloseWorkshop{}, false, false, true},
      {cmd::InviteFacilitator{"Marta"}, false, true, false},
      {cmd::RevokeFacilitator{1}, false, true, false},
      {cmd::CountConsoles{0, 1}, false, false, true},
      {cmd::ResetPersonalCode{1}, false, true, false},
      {cmd::SetPresence{0, Presence::kRemote}, true, true, false},
      {cmd::SetConnected{1, true}, false, false, true},
      {cmd::SetupGroups{cmd::GroupMode::kRandom, 2, 0, false}, false, true,
       false},
      {cmd::MoveParticipant{1, 1}, false, true, false},
      {cmd::ChooseGroup{1}, true, false, false},
      {cmd::SetGroupChoice{true}, false, true, false},
      {cmd::DefineTeams{{{"A", {1}}}}, false, true, false},
      {cmd::CreateTimer{"Estrategia", std::chrono::minutes(2), Scope::Room()},
       false, true, false},
      {cmd::StartTimer{1}, false, true, false},
      {cmd::PauseTimer{1}, false, true, false},
      {cmd::AddTime{1, std::chrono::seconds(30)}, false, true, false},
      {cmd::ResetTimer{1}, false, true, false},
      {cmd::DeleteTimer{1}, false, true, false},
      {cmd::RingBell{Scope::Room()}, false, true, false},
      {cmd::Tick{}, false, false, true},
      {cmd::GotoAgendaItem{0}, false, true, false},
      {cmd::ShowScene{Scene::kGroups}, false, true, false},
      {cmd::EditAgendaItem{0, "Bienvenida", std::chrono::minutes(5)}, false,
       true, false},
      {cmd::MoveAgendaItem{1, 2}, false, true, false},
      {cmd::RemoveAgendaItem{1}, false, true, false},
      {cmd::AddAgendaItem{1, "Pausa", std::chrono::minutes(15)}, false, true,
       false},
      {cmd::SubmitAnswer{0, "una idea"}, true, false, false},
      {cmd::ShowAnswers{0, true, false}, false, true, false},
      {cmd::StartRaceStrategy{}, false, true, false},
      {cmd::OpenRaceWindow{}, false, true, false},
      {cmd::NameCaptain{1, 2}, false, true, false},
      {cmd::StartRun{1}, true, true, false},  // captains: the domain checks
      {cmd::StopRun{1}, true, true, false},
      {cmd::VoidRun{1}, true, true, false},
      {cmd::FinishRace{}, false, true, false},
      {cmd::StartCardSort{}, false, true, false},
      {cmd::MoveCard{7, 0}, true, false, false},
      {cmd::LockCards{}, true, false, false},
      {cmd::RevealCards{}, false, true, false},
      {cmd::StartDatingRound{}, false, true, false},
      {cmd::ChooseFirstSpeaker{}, true, false, false},
      {cmd::StartSharing{}, false, true, false},
      {cmd::SwapSpeakers{}, false, true, false},
      {cmd::EndDate{}, false, true, false},
      {cmd::PairLateJoiners{}, false, true, false},
      {cmd::SaveNote{1, "nota"}, true, false, false},
      {cmd::ShareNotes{1, true}, true, false, false},
      {cmd::SetDatingOptions{"", false, {}}, false, true, false},
      {cmd::AskQuestion{"¿Qué?"}, false, true, false},
      {cmd::AnswerQuestion{1, "esto"}, true, false, false},
      {cmd::CloseQuestion{1}, false, true, false},
      {cmd::ShowQuestionAnswers{1, true, false}, false, true, false},
      {cmd::SetBoardPhase{0, BoardPhase::kReveal}, false, true, false},
      {cmd::AddNote{0, 0, 0, "nota"}, true, false, false},
      {cmd::EditNote{1, "otra"}, true, true, false},
      {cmd::DeleteNote{1}, true, false, false},
      {cmd::HideNote{1, true}, false, true, false},
      {cmd::GroupNote{1, 2}, true, true, false},
      {cmd::NameCluster{1, "Tema"}, true, true, false},
      {cmd::LinkNotes{1, 2, true}, true, true, false},
      {cmd::LinkGoal{1, 1, true}, true, true, false},
      {cmd::CastDot{1}, true, false, false},
      {cmd::WithdrawDot{1}, true, false, false},
      {cmd::ProjectBoard{0, 1}, false, true, false},
      {cmd::AskPoll{}, false, true, false},
      {cmd::AnswerPoll{}, true, false, false},
      {cmd::SetPollOpen{}, false, true, false},
      {cmd::ShowPollQuestion{}, false, true, false},
      {cmd::RevealPoll{}, false, true, false},
      {cmd::EditPollQuestion{}, false, true, false},
      {cmd::HidePollText{}, false, true, false},
      {cmd::HidePollWord{}, false, true, false},
      {cmd::SetPlanObjective{}, true, true, false},
      {cmd::AddPlanRow{}, true, true, false},
      {cmd::EditPlanField{}, true, true, false},
      {cmd::MovePlanRow{}, true, true, false},
      {cmd::RemovePlanRow{}, true, true, false},
      {cmd::MarkPlanEditing{}, true, true, false},
      {cmd::ShowPlan{}, false, true, false},
  };
}

TEST(AuthorityTest, TableCoversEveryCommand) {
  const auto cases = AllCommands();
  ASSERT_EQ(cases.size(), std::variant_size_v<CommandVariant>);
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(cases[i].command.index(), i)
        << "cases must follow the order of the Command variant";
  }
}

TEST(AuthorityTest, EveryCommandForEveryRole) {
  for (const Case& c : AllCommands()) {
    const std::string name = CommandName(c.command);
    const bool is_join = std::holds_alternative<cmd::Join>(c.command);
    // A participant who has joined (or, for Join, one who has not).
    const Actor participant = Actor::Participant(is_join ? 0 : 7);
    auto as_participant = CheckAuthority(participant, c.command);
    EXPECT_EQ(!as_participant.has_value(), c.participant)
        << name << " as participant";
    if (as_participant) {
      EXPECT_EQ(as_participant->code, RejectionCode::kPermissionDenied) << name;
    }

    auto as_facilitator = CheckAuthority(Actor::Facilitator(), c.command);
    EXPECT_EQ(!as_facilitator.has_value(), c.facilitator)
        << name << " as facilitator";

    auto as_system = CheckAuthority(Actor::System(), c.command);
    EXPECT_EQ(!as_system.has_value(), c.system) << name << " as system";

    auto as_projector = CheckAuthority(Actor::Projector(), c.command);
    ASSERT_TRUE(as_projector.has_value())
        << name << ": the projector is read-only";
    EXPECT_EQ(as_projector->Describe(),
              "PermissionDenied: the projector is read-only");
  }
}

TEST(AuthorityTest, ParticipantsMustJoinFirstAndOnlyOnce) {
  EXPECT_EQ(
      CheckAuthority(Actor::Participant(0), cmd::ChooseGroup{1})->Describe(),
      "NotJoined: join the workshop first");
  EXPECT_EQ(CheckAuthority(Actor::Participant(3),
                           cmd::Join{"Ana", Presence::kInRoom, "k"})
                ->Describe(),
            "AlreadyJoined: this device has already joined");
}

class ActingForOthersTest : public WorkshopFixture {};

TEST_F(ActingForOthersTest, ParticipantCannotActForAnother) {
  const ParticipantId ana = Join("Ana");
  const ParticipantId beto = Join("Beto");
  EXPECT_EQ(
      Run(Actor::Participant(ana), cmd::RenameParticipant{beto, "Tonto"}),
      "rejected PermissionDenied: participants can only change themselves");
  EXPECT_EQ(
      Run(Actor::Participant(ana), cmd::SetPresence{beto, Presence::kRemote}),
      "rejected PermissionDenied: participants can only change themselves");
  EXPECT_EQ(state().participants.at(beto).display_name, "Beto");
  // Themselves, yes; and the facilitator, anyone.
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::RenameParticipant{0, "Ana B"}),
            "ParticipantRenamed(1, \"Ana B\")");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RenameParticipant{beto, "Roberto"}),
            "ParticipantRenamed(2, \"Roberto\")");
}

TEST_F(ActingForOthersTest, RemovedParticipantCanDoNothing) {
  const ParticipantId ana = Join("Ana");
  Run(Actor::Facilitator(), cmd::RemoveParticipant{ana});
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::RenameParticipant{0, "Ana"}),
            "rejected NotJoined: you are no longer in this workshop");
}

}  // namespace
}  // namespace campana::domain
