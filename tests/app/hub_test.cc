#include <gtest/gtest.h>

#include "lobby_fixture.h"

namespace campana::testing {
namespace {

using domain::Role;
namespace cmd = domain::cmd;

class HubTest : public LobbyFixture {};

TEST_F(HubTest, NothingLeavesBeforeItIsDurable) {
  const std::string code = CreateWorkshop();
  auto screen = Connect(code, Role::kProjector);
  auto phone = Connect(code, Role::kParticipant);
  EXPECT_EQ(screen->snapshots, 1);
  const size_t screen_frames = screen->received.size();

  Send(*phone, cmd::Join{"Ana", domain::Presence::kInRoom, "join-key-ana"});
  EXPECT_TRUE(phone->acks.empty()) << "no Ack before the record is on disk";
  EXPECT_EQ(screen->received.size(), screen_frames)
      << "no delta before the record is on disk";
  EXPECT_EQ(pending.size(), 2u) << "the join and the connection";

  Commit();
  ASSERT_EQ(phone->acks.size(), 1u);
  EXPECT_EQ(phone->acks[0].joined().participant_id(), 1u);
  EXPECT_EQ(phone->acks[0].joined().resume_token().size(), 32u);
  ASSERT_TRUE(screen->Has(pb::DOC_KIND_PARTICIPANT, 1));
  EXPECT_EQ(
      screen->Get(pb::DOC_KIND_PARTICIPANT, 1).participant().display_name(),
      "Ana");
  EXPECT_TRUE(
      screen->Get(pb::DOC_KIND_PARTICIPANT, 1).participant().connected());
  EXPECT_TRUE(phone->Has(pb::DOC_KIND_PARTICIPANT, 1))
      << "a participant sees itself";
}

TEST_F(HubTest, AFacilitatorCommandFromAParticipantIsRefusedAndChangesNothing) {
  const std::string code = CreateWorkshop();
  std::shared_ptr<Device> ana;
  const uint32_t id = JoinAs(code, ana, "Ana");
  auto screen = Connect(code, Role::kProjector);
  const uint64_t offset = lobby->Find(code)->workshop().offset();

  Send(*ana, cmd::RemoveParticipant{id});
  Send(*screen, cmd::RingBell{});
  Commit();
  ASSERT_EQ(ana->rejections.size(), 1u);
  EXPECT_EQ(ana->rejections[0].code(), pb::REJECTION_CODE_PERMISSION_DENIED);
  EXPECT_EQ(ana->rejections[0].message(),
            "RemoveParticipant is for facilitators");
  ASSERT_EQ(screen->rejections.size(), 1u);
  EXPECT_EQ(screen->rejections[0].message(), "the projector is read-only");
  EXPECT_EQ(lobby->Find(code)->workshop().offset(), offset);
}

TEST_F(HubTest, ResentSubmissionGetsTheOriginalAckAndChangesNothing) {
  const std::string code = CreateWorkshop();
  auto facilitator = Connect(code, Role::kFacilitator);
  Send(*facilitator, cmd::GotoAgendaItem{2});
  std::shared_ptr<Device> ana;
  JoinAs(code, ana, "Ana");
  Send(*ana, cmd::SubmitAnswer{2, "Escuchar"}, /*client_seq=*/1);
  Commit();
  ASSERT_EQ(ana->acks.size(), 2u);
  const uint64_t offset = ana->acks[1].offset();
  Send(*ana, cmd::SubmitAnswer{2, "Escuchar"}, /*client_seq=*/1);
  Commit();
  ASSERT_EQ(ana->acks.size(), 3u);
  EXPECT_TRUE(ana->acks[2].duplicate());
  EXPECT_EQ(ana->acks[2].client_seq(), 1u);
  EXPECT_EQ(lobby->Find(code)->workshop().state().answers.size(), 1u);
  EXPECT_EQ(lobby->Find(code)->workshop().offset(), offset);
}

TEST_F(HubTest, EveryWrongCodeGetsTheSameAnswer) {
  CreateWorkshop();
  for (const std::string code : {"ZZZZZZ", "abc", "", "0O1IL!", "ABCDEFGH"}) {
    auto device = Connect(code, Role::kParticipant);
    ASSERT_EQ(device->rejections.size(), 1u) << code;
    EXPECT_EQ(device->rejections[0].code(), pb::REJECTION_CODE_UNKNOWN_WORKSHOP)
        << code;
    EXPECT_EQ(device->rejections[0].message(), "no workshop has this code")
        << code;
  }
}

TEST_F(HubTest, CodesAreReadForgivingly) {
  const std::string code = CreateWorkshop();
  std::string typed = code.substr(0, 3) + " - " + code.substr(3);
  for (char& ch : typed) ch = static_cast<char>(std::tolower(ch));
  auto device = Connect(typed, Role::kProjector);
  EXPECT_EQ(device->welcomes, 1);
  EXPECT_TRUE(device->rejections.empty());
}

TEST_F(HubTest, WrongFacilitatorKeyIsRefused) {
  const std::string code = CreateWorkshop();
  key = "not-the-key";
  auto device = Connect(code, Role::kFacilitator);
  ASSERT_EQ(device->rejections.size(), 1u);
  EXPECT_EQ(device->rejections[0].code(), pb::REJECTION_CODE_PERMISSION_DENIED);
  EXPECT_EQ(device->welcomes, 0);
}

TEST_F(HubTest, ComingBackGetsOnlyWhatWasMissed) {
  const std::string code = CreateWorkshop();
  auto facilitator = Connect(code, Role::kFacilitator);
  std::shared_ptr<Device> ana;
  JoinAs(code, ana, "Ana");
  Disconnect(*ana);
  Commit();
  // While Ana's phone is away: a timer, a rename, a newcomer.
  Send(*facilitator, cmd::CreateTimer{"Estrategia", std::chrono::minutes(2),
                                      domain::Scope::Room()});
  Send(*facilitator, cmd::StartTimer{1});
  std::shared_ptr<Device> beto;
  JoinAs(code, beto, "Beto");
  Send(*facilitator, cmd::RenameParticipant{ana->participant, "Ana María"});
  Commit();

  auto back = Reconnect(code, Role::kParticipant, *ana);
  Commit();
  EXPECT_EQ(back->snapshots, 0) << "history reaches back: no snapshot needed";
  ASSERT_GE(back->received.size(), 2u);
  ASSERT_TRUE(back->received[0].has_welcome());
  EXPECT_TRUE(back->received[0].welcome().resumed());
  ASSERT_TRUE(back->received[1].has_delta())
      << "what was missed arrives as one delta";
  EXPECT_EQ(back->received[1].delta().patches_size(), 2)
      << "her renamed self and the running timer, once each";
  EXPECT_EQ(back->Get(pb::DOC_KIND_PARTICIPANT, ana->participant)
                .participant()
                .display_name(),
            "Ana María");
  EXPECT_EQ(back->Get(pb::DOC_KIND_TIMER, 1).timer().state(),
            pb::Timer::STATE_RUNNING);

  auto fresh = Connect(code, Role::kParticipant, ana->token);
  Commit();
  EXPECT_EQ(back->View(), fresh->View())
      << "resumed view equals a fresh snapshot";
}

TEST_F(HubTest, ComingBackToAnotherGroupGetsASnapshot) {
  const std::string code = CreateWorkshop();
  auto facilitator = Connect(code, Role::kFacilitator);
  std::shared_ptr<Device> ana;
  std::shared_ptr<Device> beto;
  JoinAs(code, ana, "Ana");
  JoinAs(code, beto, "Beto");
  Send(*facilitator, cmd::SetupGroups{cmd::GroupMode::kManual, 2, 0, false});
  Send(*facilitator, cmd::MoveParticipant{ana->participant, 1});
  Commit();
  Disconnect(*ana);
  Send(*facilitator, cmd::MoveParticipant{ana->participant, 2});
  Commit();
  auto back = Reconnect(code, Role::kParticipant, *ana);
  Commit();
  EXPECT_EQ(back->snapshots, 1);
  EXPECT_EQ(back->Get(pb::DOC_KIND_PARTICIPANT, ana->participant)
                .participant()
                .group(),
            2u);
}

TEST_F(HubTest, AnswersStayWithTheirAuthorAndTheFacilitators) {
  const std::string code = CreateWorkshop();
  auto facilitator = Connect(code, Role::kFacilitator);
  auto screen = Connect(code, Role::kProjector);
  Send(*facilitator, cmd::GotoAgendaItem{2});
  std::shared_ptr<Device> ana;
  std::shared_ptr<Device> beto;
  JoinAs(code, ana, "Ana");
  JoinAs(code, beto, "Beto");
  Send(*ana, cmd::SubmitAnswer{2, "mi secreto"}, 1);
  Commit();
  EXPECT_TRUE(ana->Has(pb::DOC_KIND_ANSWER, 1));
  EXPECT_TRUE(facilitator->Has(pb::DOC_KIND_ANSWER, 1));
  for (const Device* other : {beto.get(), screen.get()}) {
    for (const pb::ServerMessage& m : other->received) {
      EXPECT_EQ(m.DebugString().find("mi secreto"), std::string::npos)
          << "leaked: " << m.ShortDebugString();
    }
  }
  // Shown on the projector, without the name unless asked.
  Send(*facilitator, cmd::ShowAnswers{2, true, false});
  Commit();
  ASSERT_TRUE(screen->Has(pb::DOC_KIND_SHOWN_ANSWER, 1));
  EXPECT_EQ(screen->Get(pb::DOC_KIND_SHOWN_ANSWER, 1).shown_answer().text(),
            "mi secreto");
  EXPECT_EQ(
      screen->Get(pb::DOC_KIND_SHOWN_ANSWER, 1).shown_answer().author_name(),
      "");
  EXPECT_FALSE(beto->Has(pb::DOC_KIND_SHOWN_ANSWER, 1));
  Send(*facilitator, cmd::ShowAnswers{2, false, false});
  Commit();
  EXPECT_FALSE(screen->Has(pb::DOC_KIND_SHOWN_ANSWER, 1))
      << "hiding them removes them from the screen";
}

TEST_F(HubTest, RemovedParticipantLosesItsPlaceAndCanJoinAgain) {
  const std::string code = CreateWorkshop();
  auto facilitator = Connect(code, Role::kFacilitator);
  std::shared_ptr<Device> ana;
  const uint32_t id = JoinAs(code, ana, "Ana");
  Send(*facilitator, cmd::RemoveParticipant{id});
  Commit();
  EXPECT_FALSE(ana->Has(pb::DOC_KIND_PARTICIPANT, id))
      << "the phone learns it was removed";
  EXPECT_FALSE(facilitator->Has(pb::DOC_KIND_PARTICIPANT, id));
  auto again = Connect(code, Role::kParticipant, ana->token);
  ASSERT_EQ(again->rejections.size(), 1u);
  EXPECT_EQ(again->rejections[0].code(), pb::REJECTION_CODE_UNKNOWN_TOKEN);
  Send(*ana, cmd::Join{"Ana", domain::Presence::kInRoom, "another-key-1"});
  Commit();
  ASSERT_EQ(ana->acks.size(), 2u);
  EXPECT_EQ(ana->acks[1].joined().participant_id(), 2u);
}

TEST_F(HubTest, RateLimitSaysSlowDown) {
  const std::string code = CreateWorkshop();
  std::shared_ptr<Device> ana;
  JoinAs(code, ana, "Ana");
  for (int i = 0; i < 100; ++i)
    Send(*ana, cmd::SetPresence{0, i % 2 ? domain::Presence::kInRoom
                                         : domain::Presence::kRemote});
  Commit();
  ASSERT_FALSE(ana->rejections.empty());
  EXPECT_EQ(ana->rejections.back().code(), pb::REJECTION_CODE_BUSY);
  const size_t rejected = ana->rejections.size();
  const size_t acked = ana->acks.size();
  EXPECT_EQ(rejected + acked, 101u) << "every command got an answer";
  now += std::chrono::seconds(5);
  Send(*ana, cmd::SetPresence{0, domain::Presence::kRemote});
  Commit();
  EXPECT_EQ(ana->rejections.size(), rejected);
  EXPECT_EQ(ana->acks.size(), acked + 1)
      << "after a pause the device is heard again";
}

TEST_F(HubTest, JoiningDoesNotSpendTheCommandsTheRoomVotesWith) {
  Restart({.workshop_commands_per_second = 1, .workshop_command_burst = 4});
  const std::string code = CreateWorkshop();
  std::vector<std::shared_ptr<Device>> phones(4);
  for (size_t i = 0; i < phones.size(); ++i)
    JoinAs(code, phones[i], "Persona" + std::to_string(i));
  for (const auto& phone : phones)
    Send(*phone, cmd::SetPresence{0, domain::Presence::kRemote});
  Send(*phones[0], cmd::SetPresence{0, domain::Presence::kInRoom});
  Commit();
  for (const auto& phone : phones)
    EXPECT_GE(phone->acks.size(), 2u) << "the join and the first command";
  ASSERT_EQ(phones[0]->rejections.size(), 1u)
      << "the workshop's commands are counted: the fifth is one too many";
  EXPECT_EQ(phones[0]->rejections[0].code(), pb::REJECTION_CODE_BUSY);
}

TEST_F(HubTest, TimersRunOutOnTheServerClock) {
  const std::string code = CreateWorkshop();
  auto facilitator = Connect(code, Role::kFacilitator);
  Send(*facilitator, cmd::CreateTimer{"Estrategia", std::chrono::seconds(30),
                                      domain::Scope::Room()});
  Send(*facilitator, cmd::StartTimer{1});
  Commit();
  ASSERT_TRUE(wakeup.has_value())
      << "the hub asks to be woken when the timer ends";
  EXPECT_EQ(*wakeup, now + std::chrono::seconds(30));
  now = *wakeup;
  lobby->OnWakeup();
  Commit();
  EXPECT_EQ(facilitator->Get(pb::DOC_KIND_TIMER, 1).timer().state(),
            pb::Timer::STATE_EXPIRED);
  EXPECT_FALSE(wakeup.has_value());
}

TEST_F(HubTest, RestartRecoversFromSnapshotAndLog) {
  Restart({.snapshot_every = 5});
  const std::string code = CreateWorkshop();
  auto facilitator = Connect(code, Role::kFacilitator);
  std::vector<std::shared_ptr<Device>> phones(6);
  for (auto& phone : phones)
    JoinAs(code, phone, "P" + std::to_string(next_session));
  Send(*facilitator, cmd::SetupGroups{cmd::GroupMode::kRandom, 3, 0, false});
  for (auto& phone : phones) Disconnect(*phone);
  // (A console still counted at a restart is counted out after it: one more
  // record.)
  Disconnect(*facilitator);
  Commit();
  const std::string before = lobby->Find(code)->workshop().Describe();
  EXPECT_GT(lobby->Find(code)->workshop().offset(), 5u);

  Restart({.snapshot_every = 5});
  ASSERT_TRUE(store->LatestSnapshot(1).has_value())
      << "recovery starts from a snapshot";
  const auto* hub = lobby->Find(code);
  ASSERT_NE(hub, nullptr);
  EXPECT_EQ(hub->workshop().Describe(), before);
  EXPECT_NE(CreateWorkshop(), code)
      << "a new workshop after a restart gets its own code and id";
}

}  // namespace
}  // namespace campana::testing
