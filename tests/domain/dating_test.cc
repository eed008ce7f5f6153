// Speed dating in the engine: rounds, first speakers, the bells, latecomers,
// private notes.

#include <set>

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

using std::chrono::minutes;

class DatingTest : public WorkshopFixture {
 protected:
  std::vector<AgendaItem> Agenda() override {
    return {AgendaItem{
        .title = "Citas rápidas",
        .activity = ActivityKind::kSpeedDating,
        .dating = {
            .share = minutes(5),
            .speaker_prompt = "Un éxito y un reto",
            .listener_stems = {"Estoy impresionado por tu..."},
            .call_url_template =
                "https://meet.example.org/campana-{workshop}-{round}-{pair}"}}};
  }
  void SetUp() override {
    WorkshopFixture::SetUp();
    for (const char* name : {"Ana", "Beto", "Carla", "Diego"})
      Connect(Join(name));
    remote = Join("Rita", Presence::kRemote);
    Connect(remote);
    Run(Actor::Facilitator(), cmd::GotoAgendaItem{0});
  }
  void Connect(ParticipantId p) {
    Run(Actor::System(), cmd::SetConnected{p, true});
  }
  const DatingRound& round() { return state().dating.rounds.back(); }
  ParticipantId remote = 0;
};

TEST_F(DatingTest, FiveConnectedMakeAPairAndATrioAndTheRemoteOneGetsACall) {
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartDatingRound{}).substr(0, 21),
            "DatingRoundStarted(1,");
  ASSERT_EQ(round().units.size(), 2u);
  size_t sizes = 0;
  for (const DatingUnit& u : round().units) sizes += u.members.size() * 10;
  EXPECT_EQ(sizes, 50u);  // 2 + 3
  // Rita, alone online, meets people of the room: their pair meets on a call.
  const int unit = state().dating.UnitOf(remote, 1);
  ASSERT_GE(unit, 0);
  EXPECT_TRUE(round().units[static_cast<size_t>(unit)].remote);
  EXPECT_EQ(round().units[static_cast<size_t>(unit)].table, 0u);
  for (const DatingUnit& u : round().units) {
    if (!u.remote) {
      EXPECT_EQ(u.table, 1u) << "in-room pairs get tables";
    }
  }
}

TEST_F(DatingTest, FirstSpeakerByTapOrDrawnAtTheBell) {
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  const ParticipantId tapper = round().units[0].members[0];
  const ParticipantId partner = round().units[0].members[1];
  EXPECT_EQ(
      Run(Actor::Participant(tapper), cmd::ChooseFirstSpeaker{}),
      "FirstSpeakerChosen(round 1, unit 0, " + std::to_string(tapper) + ")");
  EXPECT_EQ(Run(Actor::Participant(partner), cmd::ChooseFirstSpeaker{}),
            "rejected FailedPrecondition: " +
                state().participants.at(tapper).display_name + " shares first");
  // The bell: the undecided pair gets a speaker drawn; sharing runs 5:00 from
  // the bell.
  const std::string bell = Run(Actor::Facilitator(), cmd::StartSharing{});
  EXPECT_NE(bell.find("FirstSpeakerChosen(round 1, unit 1, "),
            std::string::npos)
      << bell;
  EXPECT_NE(bell.find(", drawn); BellRung(room, #1, at 1000700); "
                      "DatingPhaseChanged(3, ends 1300700)"),
            std::string::npos)
      << bell;
  EXPECT_EQ(Run(Actor::Participant(partner), cmd::ChooseFirstSpeaker{}),
            "rejected FailedPrecondition: the sharing has already started");
  now += minutes(5);
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::SwapSpeakers{}),
      "BellRung(room, #2, at 1300700); DatingPhaseChanged(4, ends 1600700)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::SwapSpeakers{}),
            "rejected FailedPrecondition: the first speakers are not sharing");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::EndDate{}),
            "BellRung(room, #3, at 1300700); DatingPhaseChanged(5, ends 0)");
}

TEST_F(DatingTest, NoRepeatedPairOverRoundsAndLatecomersJoinATrio) {
  std::set<std::pair<ParticipantId, ParticipantId>> pairs;
  for (int r = 0; r < 3; ++r) {
    Run(Actor::Facilitator(), cmd::StartDatingRound{});
    for (const DatingUnit& u : round().units) {
      if (u.members.size() == 2) {
        EXPECT_TRUE(pairs.insert({u.members[0], u.members[1]}).second)
            << "round " << r + 1 << " repeats a pair";
      }
    }
    Run(Actor::Facilitator(), cmd::EndDate{});
  }
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  const ParticipantId late = Join("Tardio");
  EXPECT_GE(state().dating.UnitOf(late, 4), 0)
      << "someone arriving during a date joins a pair";
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::PairLateJoiners{}), "no change")
      << "nobody else is waiting";
}

TEST_F(DatingTest, NotesArePrivateToTheirWriter) {
  EXPECT_EQ(Run(Actor::Participant(1), cmd::SaveNote{1, "x"}),
            "rejected FailedPrecondition: you had no date in round 1");
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  EXPECT_EQ(
      Run(Actor::Participant(1), cmd::SaveNote{1, "Me contó de su piloto"}),
      "NoteSaved(1, round 1, \"Me contó de su piloto\")");
  EXPECT_EQ(
      Run(Actor::Participant(1), cmd::SaveNote{1, "Me contó de su piloto"}),
      "no change");
  EXPECT_EQ(
      VisibilityOf(state(), {DocKind::kDatingNote, DatingNoteDocId(1, 1)}),
      (Visibility{Audience::Participant(1)}))
      << "not the partner, not the projector, not the facilitators";
  EXPECT_EQ(
      Run(Actor::Participant(1), cmd::SaveNote{1, std::string(4001, 'a')}),
      "rejected InvalidArgument: the note is longer than 4000 characters");
}

TEST_F(DatingTest, OptionsAreChecked) {
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::SetDatingOptions{"ftp://x", false, false}),
      "rejected InvalidArgument: the call link must be an http(s) address of "
      "up to 300 characters");
  EXPECT_EQ(
      Run(Actor::Facilitator(),
          cmd::SetDatingOptions{"https://meet.example.org/{pair}", true, true}),
      "DatingOptionsSet(https://meet.example.org/{pair}, avoid same group, "
      "collect notes)");
}

TEST_F(DatingTest, TooFewConnectedToPair) {
  for (const auto& [id, p] : std::map(state().participants))
    Run(Actor::System(), cmd::SetConnected{id, false});
  Connect(1);
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::StartDatingRound{}),
      "rejected FailedPrecondition: at least two people must be connected");
}

}  // namespace
}  // namespace campana::domain
