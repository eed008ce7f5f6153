// Numbered groups, the teams made of them, and who is in which.

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain {

TeamId GroupsState::TeamOf(GroupNumber g) const {
  for (const Team& team : teams) {
    if (std::find(team.groups.begin(), team.groups.end(), g) !=
        team.groups.end())
      return team.id;
  }
  return 0;
}

}  // namespace campana::domain

namespace campana::domain::internal {
namespace {

bool Takes(GroupKind kind, Presence presence) {
  return kind == GroupKind::kMixed ||
         (kind == GroupKind::kInRoom && presence == Presence::kInRoom) ||
         (kind == GroupKind::kRemote && presence == Presence::kRemote);
}

uint32_t CeilDiv(size_t n, uint32_t d) {
  return static_cast<uint32_t>((n + d - 1) / d);
}

// Shuffles `people` and deals them round-robin into groups
// first..first+count-1: sizes differ by at most one.
void Deal(std::vector<ParticipantId> people, GroupNumber first, uint32_t count,
          Random& rng,
          std::vector<std::pair<ParticipantId, GroupNumber>>& out) {
  if (count == 0) return;
  for (size_t i = people.size(); i > 1; --i) {
    std::swap(people[i - 1], people[rng.Below(static_cast<uint32_t>(i))]);
  }
  for (size_t i = 0; i < people.size(); ++i) {
    out.emplace_back(people[i], first + static_cast<GroupNumber>(i % count));
  }
}

// How many of `count` groups go to remote people when they are kept apart: in
// proportion, and at least one each when both kinds are present.
uint32_t RemoteShare(uint32_t count, size_t in_room, size_t remote) {
  if (remote == 0) return 0;
  if (in_room == 0) return count;
  const double share = static_cast<double>(count) *
                       static_cast<double>(remote) /
                       static_cast<double>(in_room + remote);
  return std::clamp(static_cast<uint32_t>(std::lround(share)), 1u, count - 1);
}

}  // namespace

GroupNumber GroupForNewcomer(const WorkshopState& s, Presence presence) {
  if (s.groups.count() == 0 || s.groups.choice_open) return 0;
  std::vector<size_t> sizes(s.groups.count() + 1, 0);
  for (const auto& [id, p] : s.participants) {
    if (p.group != 0 && p.group < sizes.size()) ++sizes[p.group];
  }
  GroupNumber best = 0;
  for (GroupNumber g = 1; g <= s.groups.count(); ++g) {
    if (!Takes(s.groups.kinds[g - 1], presence)) continue;
    if (best == 0 || sizes[g] < sizes[best]) best = g;
  }
  return best;
}

void TouchScopedDocs(const WorkshopState& s, Touched& t) {
  TouchActivitiesLayout(s, t);
  for (const auto& [id, timer] : s.timers) {
    if (timer.scope.kind != Scope::Kind::kRoom) t.Add({DocKind::kTimer, id});
  }
  for (const auto& [scope, bell] : s.bells) {
    if (scope.kind != Scope::Kind::kRoom)
      t.Add({DocKind::kBell, BellDocId(scope)});
  }
}

Result<Decision> Decide(const Context& c, const cmd::SetupGroups& command) {
  std::vector<ParticipantId> in_room;
  std::vector<ParticipantId> remote;
  std::vector<ParticipantId> everyone;
  for (const auto& [id, p] : c.state.participants) {
    (p.presence == Presence::kRemote ? remote : in_room).push_back(id);
    everyone.push_back(id);
  }

  uint32_t room_groups = 0;
  uint32_t remote_groups = 0;
  uint32_t count = command.count;
  if (command.mode == cmd::GroupMode::kBySize) {
    if (command.size == 0)
      return Rejection::InvalidArgument("a group needs a size of at least 1");
    if (command.separate_remote) {
      room_groups = CeilDiv(in_room.size(), command.size);
      remote_groups = CeilDiv(remote.size(), command.size);
      count = room_groups + remote_groups;
    } else {
      count = std::max(1u, CeilDiv(everyone.size(), command.size));
    }
    if (count == 0)
      return Rejection::FailedPrecondition("nobody has joined yet");
  }
  if (count == 0 || count > kMaxGroups) {
    return Rejection::InvalidArgument("the number of groups must be 1 to " +
                                      std::to_string(kMaxGroups));
  }
  if (command.separate_remote && command.mode != cmd::GroupMode::kBySize) {
    if (!in_room.empty() && !remote.empty() && count < 2) {
      return Rejection::InvalidArgument(
          "keeping remote participants apart takes at least 2 groups");
    }
    remote_groups = RemoteShare(count, in_room.size(), remote.size());
    room_groups = count - remote_groups;
  }

  ev::GroupsSetUp setup;
  if (command.separate_remote) {
    setup.kinds.assign(room_groups, GroupKind::kInRoom);
    setup.kinds.insert(setup.kinds.end(), remote_groups, GroupKind::kRemote);
  } else {
    setup.kinds.assign(count, GroupKind::kMixed);
  }
  setup.choice_open = command.mode == cmd::GroupMode::kChoose;
  if (command.mode == cmd::GroupMode::kRandom ||
      command.mode == cmd::GroupMode::kBySize) {
    if (command.separate_remote) {
      Deal(in_room, 1, room_groups, c.rng, setup.assignments);
      Deal(remote, room_groups + 1, remote_groups, c.rng, setup.assignments);
    } else {
      Deal(everyone, 1, count, c.rng, setup.assignments);
    }
    std::sort(setup.assignments.begin(), setup.assignments.end());
  }
  return Events({std::move(setup)});
}

Result<Decision> Decide(const Context& c, const cmd::MoveParticipant& command) {
  const Participant* p = c.state.FindParticipant(command.participant);
  if (p == nullptr)
    return Rejection::NotFound("no participant " +
                               std::to_string(command.participant));
  if (command.group > c.state.groups.count()) {
    return Rejection::NotFound("no group " + std::to_string(command.group));
  }
  if (p->group == command.group) return Nothing();
  return Events({ev::ParticipantMoved{command.participant, command.group}});
}

Result<Decision> Decide(const Context& c, const cmd::ChooseGroup& command) {
  if (!c.state.groups.choice_open) {
    return Rejection::FailedPrecondition("groups are not open for choosing");
  }
  if (command.group == 0 || command.group > c.state.groups.count()) {
    return Rejection::NotFound("no group " + std::to_string(command.group));
  }
  const Participant& p = c.state.participants.at(c.actor.participant);
  if (!Takes(c.state.groups.kinds[command.group - 1], p.presence)) {
    return Rejection::FailedPrecondition(
        p.presence == Presence::kRemote
            ? "that group is for people in the room"
            : "that group is for remote participants");
  }
  if (p.group == command.group) return Nothing();
  return Events({ev::ParticipantMoved{p.id, command.group}});
}

Result<Decision> Decide(const Context& c, const cmd::SetGroupChoice& command) {
  if (c.state.groups.count() == 0)
    return Rejection::FailedPrecondition("set up groups first");
  if (c.state.groups.choice_open == command.open) return Nothing();
  return Events({ev::GroupChoiceSet{command.open}});
}

Result<Decision> Decide(const Context& c, const cmd::DefineTeams& command) {
  if (command.teams.size() > kMaxTeams)
    return Rejection::InvalidArgument("too many teams");
  ev::TeamsDefined defined;
  std::set<GroupNumber> used;
  for (const TeamSpec& spec : command.teams) {
    auto name = CheckText(spec.name, 40, "the team name");
    if (!name.ok()) return name.rejection();
    if (spec.groups.empty())
      return Rejection::InvalidArgument("team " + name.value() +
                                        " has no groups");
    for (GroupNumber g : spec.groups) {
      if (g == 0 || g > c.state.groups.count()) {
        return Rejection::NotFound("no group " + std::to_string(g));
      }
      if (!used.insert(g).second) {
        return Rejection::InvalidArgument("group " + std::to_string(g) +
                                          " is in two teams");
      }
    }
    std::vector<GroupNumber> groups = spec.groups;
    std::sort(groups.begin(), groups.end());
    defined.teams.push_back(Team{static_cast<TeamId>(defined.teams.size() + 1),
                                 name.value(), std::move(groups)});
  }
  return Events({std::move(defined)});
}

void Apply(WorkshopState& s, const ev::GroupsSetUp& e, Touched& t) {
  // Documents per group (the card sort's orders) go with the old layout.
  TouchActivitiesLayout(s, t);
  s.groups.kinds = e.kinds;
  s.groups.choice_open = e.choice_open;
  for (auto& [id, p] : s.participants) {
    if (p.group != 0) t.Add({DocKind::kParticipant, id});
    p.group = 0;
  }
  for (const auto& [id, group] : e.assignments) {
    s.participants.at(id).group = group;
    t.Add({DocKind::kParticipant, id});
  }
  // Teams keep the groups that still exist; a team left with none is gone.
  std::vector<Team> teams;
  for (Team team : s.groups.teams) {
    std::erase_if(team.groups,
                  [&](GroupNumber g) { return g > s.groups.count(); });
    if (!team.groups.empty()) teams.push_back(std::move(team));
  }
  s.groups.teams = std::move(teams);
  t.Add({DocKind::kGroups, 0});
  TouchScopedDocs(s, t);
}

void Apply(WorkshopState& s, const ev::ParticipantMoved& e, Touched& t) {
  s.participants.at(e.participant).group = e.group;
  t.Add({DocKind::kParticipant, e.participant});
  TouchActivitiesOf(s, e.participant, t);
}

void Apply(WorkshopState& s, const ev::GroupChoiceSet& e, Touched& t) {
  s.groups.choice_open = e.open;
  t.Add({DocKind::kGroups, 0});
}

void Apply(WorkshopState& s, const ev::TeamsDefined& e, Touched& t) {
  s.groups.teams = e.teams;
  t.Add({DocKind::kGroups, 0});
  TouchScopedDocs(s, t);
}

}  // namespace campana::domain::internal
