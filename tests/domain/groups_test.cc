#include <algorithm>
#include <map>

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

class GroupsTest : public WorkshopFixture {
 protected:
  std::map<GroupNumber, int> Sizes() {
    std::map<GroupNumber, int> sizes;
    for (const auto& [id, p] : state().participants) ++sizes[p.group];
    return sizes;
  }
  void JoinMany(int in_room, int remote) {
    for (int i = 0; i < in_room; ++i)
      Join("sala" + std::to_string(i), Presence::kInRoom);
    for (int i = 0; i < remote; ++i)
      Join("remoto" + std::to_string(i), Presence::kRemote);
  }
};

TEST_F(GroupsTest, RandomGroupsAreBalancedForEverySize) {
  for (int people = 1; people <= 60; ++people) {
    workshop = Workshop();
    Run(Actor::System(), cmd::CreateWorkshop{"ABC234", "T", "es", {}});
    JoinMany(people, 0);
    const uint32_t groups = 1 + static_cast<uint32_t>(people % 7);
    Run(Actor::Facilitator(),
        cmd::SetupGroups{cmd::GroupMode::kRandom, groups, 0, false});
    auto sizes = Sizes();
    EXPECT_EQ(sizes.count(0), 0u) << people << " people: nobody is left out";
    int smallest = people;
    int largest = 0;
    for (GroupNumber g = 1; g <= groups; ++g) {
      smallest = std::min(smallest, sizes[g]);
      largest = std::max(largest, sizes[g]);
    }
    EXPECT_LE(largest - smallest, 1)
        << people << " people in " << groups << " groups";
  }
}

TEST_F(GroupsTest, RandomDrawIsRecordedInTheEvent) {
  JoinMany(4, 0);
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kRandom, 2, 0, false});
  ASSERT_EQ(last.events.size(), 1u);
  const auto& setup = std::get<ev::GroupsSetUp>(last.events[0]);
  ASSERT_EQ(setup.assignments.size(), 4u);
  for (const auto& [id, group] : setup.assignments) {
    EXPECT_EQ(state().participants.at(id).group, group)
        << "Apply places people as drawn";
  }
}

TEST_F(GroupsTest, RemoteKeptApartInTheirOwnGroups) {
  JoinMany(9, 3);
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::SetupGroups{cmd::GroupMode::kRandom, 4, 0, true})
                .substr(0, 21),
            "GroupsSetUp(4 groups,");
  const GroupsState& g = state().groups;
  ASSERT_EQ(g.count(), 4u);
  EXPECT_EQ(g.kinds,
            (std::vector<GroupKind>{GroupKind::kInRoom, GroupKind::kInRoom,
                                    GroupKind::kInRoom, GroupKind::kRemote}));
  for (const auto& [id, p] : state().participants) {
    const GroupKind kind = g.kinds[p.group - 1];
    EXPECT_EQ(kind == GroupKind::kRemote, p.presence == Presence::kRemote)
        << p.display_name;
  }
}

TEST_F(GroupsTest, BySizeMakesAsManyGroupsAsNeeded) {
  JoinMany(10, 3);
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kBySize, 0, 4, false});
  EXPECT_EQ(state().groups.count(), 4u);  // 13 people, 4 per group
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kBySize, 0, 4, true});
  EXPECT_EQ(state().groups.count(), 4u);  // 3 groups of the room, 1 remote
  EXPECT_EQ(state().groups.kinds.back(), GroupKind::kRemote);
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::SetupGroups{cmd::GroupMode::kBySize, 0, 0, false}),
            "rejected InvalidArgument: a group needs a size of at least 1");
}

TEST_F(GroupsTest, BadLayoutsAreRefused) {
  JoinMany(2, 1);
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::SetupGroups{cmd::GroupMode::kRandom, 0, 0, false}),
            "rejected InvalidArgument: the number of groups must be 1 to 1000");
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::SetupGroups{cmd::GroupMode::kRandom, 1, 0, true}),
            "rejected InvalidArgument: keeping remote participants apart takes "
            "at least 2 groups");
  EXPECT_EQ(state().groups.count(), 0u);
}

TEST_F(GroupsTest, ParticipantsChooseWhenOpen) {
  const ParticipantId ana = Join("Ana");
  Join("Luis");
  const ParticipantId remote = Join("Rita", Presence::kRemote);
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::ChooseGroup{1}),
            "rejected FailedPrecondition: groups are not open for choosing");
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kChoose, 3, 0, true});
  EXPECT_TRUE(state().groups.choice_open);
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::ChooseGroup{2}),
            "ParticipantMoved(1, group 2)");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::ChooseGroup{4}),
            "rejected NotFound: no group 4");
  // 2 groups for the 2 in the room, 1 for the remote person, in proportion.
  EXPECT_EQ(
      Run(Actor::Participant(remote), cmd::ChooseGroup{1}),
      "rejected FailedPrecondition: that group is for people in the room");
  EXPECT_EQ(
      Run(Actor::Participant(ana), cmd::ChooseGroup{3}),
      "rejected FailedPrecondition: that group is for remote participants");
  EXPECT_EQ(Run(Actor::Participant(remote), cmd::ChooseGroup{3}),
            "ParticipantMoved(3, group 3)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::SetGroupChoice{false}),
            "GroupChoiceSet(closed)");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::ChooseGroup{1}),
            "rejected FailedPrecondition: groups are not open for choosing");
}

TEST_F(GroupsTest, FacilitatorMovesAnyone) {
  const ParticipantId ana = Join("Ana");
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kManual, 2, 0, false});
  EXPECT_EQ(state().participants.at(ana).group, 0u);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::MoveParticipant{ana, 2}),
            "ParticipantMoved(1, group 2)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::MoveParticipant{ana, 3}),
            "rejected NotFound: no group 3");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::MoveParticipant{ana, 0}),
            "ParticipantMoved(1, group 0)");
}

TEST_F(GroupsTest, LateJoinersGoToTheSmallestGroupOfTheirKind) {
  JoinMany(5, 1);
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kRandom, 3, 0, true});
  // Room groups 1 and 2 hold 3 and 2; remote group 3 holds 1.
  auto sizes = Sizes();
  const GroupNumber smaller_room_group = sizes[1] < sizes[2] ? 1 : 2;
  const ParticipantId late = Join("Tarde");
  EXPECT_EQ(state().participants.at(late).group, smaller_room_group);
  const ParticipantId late_remote = Join("Remota", Presence::kRemote);
  EXPECT_EQ(state().participants.at(late_remote).group, 3u);
}

TEST_F(GroupsTest, TeamsAreNamedUnionsOfGroups) {
  JoinMany(8, 0);
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kRandom, 4, 0, false});
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::DefineTeams{{{"A", {3, 1}}, {"B", {2, 4}}}}),
            "TeamsDefined(1:A{1,3}, 2:B{2,4})");
  EXPECT_EQ(state().groups.TeamOf(3), 1u);
  EXPECT_EQ(state().groups.TeamOf(4), 2u);
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::DefineTeams{{{"A", {1}}, {"B", {1, 2}}}}),
      "rejected InvalidArgument: group 1 is in two teams");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::DefineTeams{{{"A", {5}}}}),
            "rejected NotFound: no group 5");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::DefineTeams{{{"", {1}}}}),
            "rejected InvalidArgument: the team name is empty");
  // Fewer groups: teams keep the groups that remain.
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kRandom, 2, 0, false});
  EXPECT_EQ(state().groups.teams.size(), 2u);
  EXPECT_EQ(state().groups.teams[0].groups, (std::vector<GroupNumber>{1}));
}

}  // namespace
}  // namespace campana::domain
