#include "domain/docs.h"

#include <algorithm>
#include <optional>

#include "domain/activities/registry.h"

namespace campana::domain {
namespace {

Visibility Sorted(Visibility v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

Visibility ScopeVisibility(const WorkshopState& s, const Scope& scope) {
  switch (scope.kind) {
    case Scope::Kind::kRoom:
      return {Audience::Everyone()};
    case Scope::Kind::kGroup:
      return {Audience::Staff(), Audience::Group(scope.id)};
    case Scope::Kind::kTeam: {
      Visibility v{Audience::Staff()};
      for (const Team& team : s.groups.teams) {
        if (team.id != scope.id) continue;
        for (GroupNumber g : team.groups) v.push_back(Audience::Group(g));
      }
      return Sorted(std::move(v));
    }
  }
  return {};
}

}  // namespace

uint64_t BellDocId(const Scope& scope) {
  return (uint64_t{static_cast<uint8_t>(scope.kind)} << 32) | scope.id;
}

Visibility VisibilityOf(const WorkshopState& s, const DocKey& key) {
  std::optional<Visibility> activity;
  ForEachActivity([&]<class A>() {
    if (!activity && OwnsDoc<A>(key.kind)) activity = A::VisibilityOf(s, key);
  });
  if (activity) return *activity;
  switch (key.kind) {
    case DocKind::kWorkshop:
    case DocKind::kGroups:
    case DocKind::kAgenda:
      if (!s.created()) return {};
      return {Audience::Everyone()};
    case DocKind::kParticipant: {
      const Participant* p =
          s.FindParticipant(static_cast<ParticipantId>(key.id));
      if (p == nullptr) return {};
      Visibility v{Audience::Staff(), Audience::Participant(p->id)};
      if (p->group != 0) v.push_back(Audience::Group(p->group));
      return Sorted(std::move(v));
    }
    case DocKind::kTimer: {
      auto it = s.timers.find(static_cast<TimerId>(key.id));
      if (it == s.timers.end()) return {};
      return ScopeVisibility(s, it->second.scope);
    }
    case DocKind::kBell: {
      const Scope scope{static_cast<Scope::Kind>(key.id >> 32),
                        static_cast<uint32_t>(key.id)};
      if (!s.bells.contains(scope)) return {};
      return ScopeVisibility(s, scope);
    }
    case DocKind::kAnswer: {
      auto it = s.answers.find(static_cast<AnswerId>(key.id));
      if (it == s.answers.end()) return {};
      return Sorted({Audience::Facilitators(),
                     Audience::Participant(it->second.participant)});
    }
    case DocKind::kAccess:
      if (!s.created()) return {};
      return {Audience::Facilitators()};
    case DocKind::kShownAnswer: {
      auto it = s.answers.find(static_cast<AnswerId>(key.id));
      if (it == s.answers.end() ||
          !s.answer_displays.contains(it->second.agenda_index))
        return {};
      return {Audience::Staff()};
    }
    default:  // an activity's kind, answered above
      break;
  }
  return {};
}

Visibility SubscriptionOf(const WorkshopState& s, Role role,
                          ParticipantId participant) {
  switch (role) {
    case Role::kSystem:
      return {};
    case Role::kProjector:
      return {Audience::Everyone(), Audience::Staff()};
    case Role::kFacilitator:
      return {Audience::Everyone(), Audience::Staff(),
              Audience::Facilitators()};
    case Role::kParticipant: {
      const Participant* p = s.FindParticipant(participant);
      if (p == nullptr) return {Audience::Everyone()};
      Visibility v{Audience::Everyone(), Audience::Participant(p->id)};
      if (p->group != 0) v.push_back(Audience::Group(p->group));
      return Sorted(std::move(v));
    }
  }
  return {};
}

void ForEachDoc(const WorkshopState& s,
                const std::function<void(const DocKey&)>& visit) {
  if (!s.created()) return;
  visit({DocKind::kWorkshop, 0});
  for (const auto& [id, p] : s.participants) visit({DocKind::kParticipant, id});
  visit({DocKind::kGroups, 0});
  for (const auto& [id, t] : s.timers) visit({DocKind::kTimer, id});
  for (const auto& [scope, b] : s.bells)
    visit({DocKind::kBell, BellDocId(scope)});
  visit({DocKind::kAgenda, 0});
  for (const auto& [id, a] : s.answers) {
    visit({DocKind::kAnswer, id});
    if (s.answer_displays.contains(a.agenda_index))
      visit({DocKind::kShownAnswer, id});
  }
  ForEachActivity([&]<class A>() { A::ForEachDoc(s, visit); });
  visit({DocKind::kAccess, 0});
}

bool Intersects(const Visibility& a, const Visibility& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

}  // namespace campana::domain
