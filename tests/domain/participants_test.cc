#include "workshop_fixture.h"

namespace campana::domain {
namespace {

class ParticipantsTest : public WorkshopFixture {};

TEST_F(ParticipantsTest, JoinGivesIdsInOrderAndSecretTokens) {
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{" Ana ", Presence::kInRoom, "device-key-1"}),
            "ParticipantJoined(1, \"Ana\", room, group 0)");
  EXPECT_EQ(last.joined, 1u);
  EXPECT_EQ(last.resume_token.size(), 32u);
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"Beto", Presence::kRemote, "device-key-2"}),
            "ParticipantJoined(2, \"Beto\", remote, group 0)");
  EXPECT_NE(state().participants.at(1).resume_token,
            state().participants.at(2).resume_token);
  EXPECT_EQ(state().by_token.at(state().participants.at(2).resume_token), 2u);
}

TEST_F(ParticipantsTest, ResentJoinReturnsTheSameParticipant) {
  Run(Actor::Participant(0),
      cmd::Join{"Ana", Presence::kInRoom, "device-key-1"});
  const std::string token = last.resume_token;
  // The Ack was lost on the Wi-Fi; the phone sends the same Join again.
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"Ana", Presence::kInRoom, "device-key-1"}),
            "no change");
  EXPECT_EQ(last.joined, 1u);
  EXPECT_EQ(last.resume_token, token);
  EXPECT_EQ(state().participants.size(), 1u);
}

TEST_F(ParticipantsTest, BadNamesAndKeysAreRefusedAndChangeNothing) {
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"", Presence::kInRoom, "device-key-1"}),
            "rejected InvalidName: the name is empty");
  EXPECT_EQ(
      Run(Actor::Participant(0),
          cmd::Join{std::string(41, 'x'), Presence::kInRoom, "device-key-1"}),
      "rejected InvalidName: the name is longer than 40 characters");
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"\u200b", Presence::kInRoom, "device-key-1"}),
            "rejected InvalidName: the name has no visible characters");
  EXPECT_EQ(
      Run(Actor::Participant(0), cmd::Join{"Ana", Presence::kInRoom, "short"}),
      "rejected InvalidArgument: the join key must be 8 to 128 printable "
      "characters");
  EXPECT_TRUE(state().participants.empty());
  EXPECT_EQ(workshop.offset(), 1u);
}

TEST_F(ParticipantsTest, RenameRemoveAndRejoin) {
  const ParticipantId ana = Join("Ana");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RenameParticipant{ana, "Ana"}),
            "no change");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RenameParticipant{9, "X"}),
            "rejected NotFound: no participant 9");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RemoveParticipant{ana}),
            "ParticipantRemoved(1)");
  EXPECT_TRUE(state().by_token.empty());
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RemoveParticipant{ana}),
            "rejected NotFound: no participant 1");
  // Ids are never reused.
  EXPECT_EQ(Join("Ana"), 2u);
}

TEST_F(ParticipantsTest, ConnectionsAreRecordedOnlyWhenTheyChange) {
  const ParticipantId ana = Join("Ana");
  EXPECT_EQ(Run(Actor::System(), cmd::SetConnected{ana, true}),
            "ConnectionChanged(1, connected)");
  EXPECT_EQ(Run(Actor::System(), cmd::SetConnected{ana, true}), "no change");
  EXPECT_EQ(Run(Actor::System(), cmd::SetConnected{ana, false}),
            "ConnectionChanged(1, disconnected)");
}

TEST_F(ParticipantsTest, DuplicatesAreKnownBySeq) {
  const ParticipantId ana = Join("Ana");
  EXPECT_FALSE(workshop.IsDuplicate(Actor::Participant(ana), 1));
  Run(Actor::Participant(ana), cmd::SetPresence{0, Presence::kRemote},
      /*client_seq=*/1);
  EXPECT_TRUE(workshop.IsDuplicate(Actor::Participant(ana), 1));
  EXPECT_FALSE(workshop.IsDuplicate(Actor::Participant(ana), 2));
  EXPECT_FALSE(workshop.IsDuplicate(Actor::Participant(ana), 0))
      << "seq 0 means no dedupe";
}

}  // namespace
}  // namespace campana::domain
