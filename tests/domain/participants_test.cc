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

TEST_F(ParticipantsTest, NamesDoNotRepeatWhateverTheirCaseOrAccents) {
  Run(Actor::Participant(0),
      cmd::Join{"Jos\u00e9 P\u00e9rez", Presence::kInRoom, "device-key-1"});
  const ParticipantId jose = last.joined;
  ASSERT_EQ(jose, 1u);
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"jose perez", Presence::kInRoom, "device-key-9"}),
            "rejected NameTaken: someone in this workshop already has this "
            "name; add an initial");
  const ParticipantId ana = Join("Ana");
  EXPECT_EQ(
      Run(Actor::Participant(ana), cmd::RenameParticipant{0, "JOSE PEREZ"}),
      "rejected NameTaken: someone in this workshop already has this "
      "name; add an initial");
  // One's own name, in another case, is still one's own.
  EXPECT_EQ(
      Run(Actor::Participant(jose), cmd::RenameParticipant{0, "Jose Perez"}),
      "ParticipantRenamed(1, \"Jose Perez\")");
  // A name is free again once nobody has it.
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RemoveParticipant{jose}),
            "ParticipantRemoved(1)");
  EXPECT_EQ(
      Run(Actor::Participant(ana), cmd::RenameParticipant{0, "jose perez"}),
      "ParticipantRenamed(2, \"jose perez\")");
}

TEST_F(ParticipantsTest, ABannedDeviceStaysOutUntilAFacilitatorLetsItBack) {
  const ParticipantId ana = Join("Ana");
  const std::string key = state().participants.at(ana).join_key;
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RemoveParticipant{ana, true}),
            "ParticipantRemoved(1, banned)");
  EXPECT_EQ(
      Run(Actor::Participant(0), cmd::Join{"Ana", Presence::kInRoom, key}),
      "rejected Removed: a facilitator removed this device from the "
      "workshop");
  EXPECT_EQ(Run(Actor::Participant(0), cmd::AllowBack{ana}),
            "rejected PermissionDenied: AllowBack is for facilitators");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::AllowBack{7}),
            "rejected NotFound: nobody removed as 7 is kept out");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::AllowBack{ana}), "BanLifted(1)");
  EXPECT_EQ(
      Run(Actor::Participant(0), cmd::Join{"Ana", Presence::kInRoom, key}),
      "ParticipantJoined(2, \"Ana\", room, group 0)");
}

TEST_F(ParticipantsTest, ANewProjectorSecretReplacesTheOld) {
  const std::string first = state().projector_key;
  EXPECT_EQ(first.size(), 32u);
  Run(Actor::Facilitator(), cmd::RotateProjectorKey{});
  EXPECT_NE(state().projector_key, first);
  EXPECT_EQ(state().projector_key.size(), 32u);
  EXPECT_EQ(Run(Actor::Projector(), cmd::RotateProjectorKey{}),
            "rejected PermissionDenied: the projector is read-only");
}

TEST_F(ParticipantsTest, AClosedWorkshopTakesNobodyNewButKeepsItsPeople) {
  Run(Actor::Participant(0),
      cmd::Join{"Ana", Presence::kInRoom, "device-key-1"});
  const ParticipantId ana = last.joined;
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::CloseWorkshop{}),
            "rejected PermissionDenied: CloseWorkshop is for the server");
  EXPECT_EQ(Run(Actor::System(), cmd::CloseWorkshop{}), "WorkshopClosed");
  EXPECT_TRUE(state().closed);
  EXPECT_EQ(Run(Actor::System(), cmd::CloseWorkshop{}), "no change");
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"Beto", Presence::kInRoom, "device-key-2"}),
            "rejected Closed: this workshop is closed: joining has ended");
  // Ana's phone, asking again after a lost Ack, is still Ana.
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"Ana", Presence::kInRoom, "device-key-1"}),
            "no change");
  EXPECT_EQ(last.joined, ana);
  EXPECT_EQ(state().participants.size(), 1u);
}

TEST_F(ParticipantsTest, FacilitatorLinksAreNamedSecretAndRevocable) {
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::InviteFacilitator{" Marta "}),
            "FacilitatorInvited(1, \"Marta\")");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::InviteFacilitator{"Luis"}),
            "FacilitatorInvited(2, \"Luis\")");
  const auto& links = state().facilitator_links;
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links.at(1).key.size(), 32u);
  EXPECT_NE(links.at(1).key, links.at(2).key);
  EXPECT_NE(links.at(1).key, state().facilitator_key);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::InviteFacilitator{""}),
            "rejected InvalidName: the name is empty");
  EXPECT_EQ(Run(Actor::Participant(0), cmd::InviteFacilitator{"Eve"}),
            "rejected PermissionDenied: InviteFacilitator is for facilitators");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RevokeFacilitator{1}),
            "FacilitatorRevoked(1)");
  EXPECT_TRUE(links.at(1).revoked);
  EXPECT_FALSE(links.at(2).revoked);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RevokeFacilitator{1}), "no change");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RevokeFacilitator{9}),
            "rejected NotFound: no facilitator link 9");
  // Who had a link stays listed, so ids are never reused.
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::InviteFacilitator{"Marta"}),
            "FacilitatorInvited(3, \"Marta\")");
}

}  // namespace
}  // namespace campana::domain

namespace campana::domain {
namespace {

class PersonalCodeTest : public WorkshopFixture {};

// A phone that died: the person types the code their first phone showed on a
// new one and is the same participant, with the same token; the old code still
// works until a facilitator resets it, and then only the new one does.
TEST_F(PersonalCodeTest, ANewDeviceBecomesThePersonWithTheirCode) {
  const ParticipantId ana = Join("Ana");
  const std::string code = last.personal_code;
  const std::string token = last.resume_token;
  ASSERT_EQ(code.size(), 8u);
  EXPECT_EQ(code.find_first_of("01IO"), std::string::npos) << code;
  const ParticipantId beto = Join("Beto");
  EXPECT_NE(last.personal_code, code);

  // Her first phone had sent 7 commands: the new one counts on from there.
  Run(Actor::Participant(ana), cmd::SetPresence{0, Presence::kRemote}, 7);
  const std::string typed =
      "  " + code.substr(0, 4) + "-" + code.substr(4) + " ";
  std::string lower = typed;
  for (char& ch : lower) ch = static_cast<char>(std::tolower(ch));
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"", Presence::kInRoom, "new-phone-of-ana", lower}),
            "IdentityReclaimed(1)");
  EXPECT_EQ(last.joined, ana);
  EXPECT_EQ(last.resume_token, token);
  EXPECT_EQ(last.personal_code, code);
  EXPECT_EQ(last.last_client_seq, 7u);
  EXPECT_EQ(state().by_join_key.at("new-phone-of-ana"), ana);
  EXPECT_EQ(state().participants.size(), 2u);
  // Its Ack lost, the new phone asks again: still Ana, nothing new.
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"", Presence::kInRoom, "new-phone-of-ana", code}),
            "no change");
  EXPECT_EQ(last.joined, ana);
  // The same phone cannot then become Beto too.
  EXPECT_EQ(
      Run(Actor::Participant(0),
          cmd::Join{"", Presence::kInRoom, "new-phone-of-ana",
                    state().participants.at(beto).personal_code}),
      "rejected FailedPrecondition: this device is already someone else in "
      "this workshop");
  EXPECT_EQ(
      Run(Actor::Participant(0),
          cmd::Join{"", Presence::kInRoom, "guessing-phone", "ABCD2345"}),
      "rejected NotFound: nobody in this workshop has this personal code");

  // Lost with the phone: the facilitator makes a new code; the old one is dead.
  EXPECT_EQ(Run(Actor::Participant(beto), cmd::ResetPersonalCode{ana}),
            "rejected PermissionDenied: ResetPersonalCode is for facilitators");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ResetPersonalCode{ana}),
            "PersonalCodeReset(1)");
  const std::string fresh = last.personal_code;
  EXPECT_NE(fresh, code);
  EXPECT_EQ(state().participants.at(ana).personal_code, fresh);
  EXPECT_EQ(
      Run(Actor::Participant(0),
          cmd::Join{"", Presence::kInRoom, "third-phone", code}),
      "rejected NotFound: nobody in this workshop has this personal code");
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"", Presence::kInRoom, "third-phone", fresh}),
            "IdentityReclaimed(1)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ResetPersonalCode{9}),
            "rejected NotFound: no participant 9");

  // A closed workshop takes nobody new, but its people come back.
  Run(Actor::System(), cmd::CloseWorkshop{});
  EXPECT_EQ(Run(Actor::Participant(0),
                cmd::Join{"", Presence::kInRoom, "fourth-phone", fresh}),
            "IdentityReclaimed(1)");
  // Removed, the code goes with them.
  Run(Actor::Facilitator(), cmd::RemoveParticipant{ana, false});
  EXPECT_FALSE(state().by_personal_code.contains(fresh));
}

// Consoles open per link, for every console's "who else is here".
TEST_F(PersonalCodeTest, ConsolesAreCountedPerLink) {
  EXPECT_EQ(Run(Actor::System(), cmd::CountConsoles{0, 2}),
            "ConsolesCounted(0, 2)");
  EXPECT_EQ(Run(Actor::System(), cmd::CountConsoles{0, 2}), "no change");
  EXPECT_EQ(Run(Actor::System(), cmd::CountConsoles{3, 1}),
            "ConsolesCounted(3, 1)");
  EXPECT_EQ(state().consoles_online,
            (std::map<uint32_t, uint32_t>{{0, 2}, {3, 1}}));
  EXPECT_TRUE(last_touched.keys().contains({DocKind::kAccess, 0}));
  Run(Actor::System(), cmd::CountConsoles{0, 0});
  EXPECT_EQ(state().consoles_online, (std::map<uint32_t, uint32_t>{{3, 1}}));
  EXPECT_EQ(Run(Actor::Participant(0), cmd::CountConsoles{0, 5}),
            "rejected PermissionDenied: CountConsoles is for the server");
}

}  // namespace
}  // namespace campana::domain
