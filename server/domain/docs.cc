#include "domain/docs.h"

#include <algorithm>

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
    case DocKind::kRace:
      if (s.race.phase == RacePhase::kNone) return {};
      return {Audience::Everyone()};
    case DocKind::kCardDeck:
      if (!s.card_sort.active()) return {};
      return {Audience::Everyone()};
    case DocKind::kCardGroup: {
      const auto group = static_cast<GroupNumber>(key.id);
      if (!s.card_sort.active() || !s.card_sort.started || group == 0 ||
          group > s.groups.count())
        return {};
      return {Audience::Staff(), Audience::Group(group)};
    }
    case DocKind::kCardResults:
      if (!s.card_sort.active() || !s.card_sort.started) return {};
      // The reference order is the answer: facilitators watch the scores build;
      // everybody sees them once revealed.
      if (s.card_sort.revealed) return {Audience::Everyone()};
      return {Audience::Facilitators()};
    case DocKind::kDating:
      if (!s.dating.active()) return {};
      return {Audience::Everyone()};
    case DocKind::kDatingUnit: {
      // Only the current round's pairs are shown: to their members, and the
      // staff.
      const DatingRound* round = s.dating.current();
      const auto number = static_cast<uint32_t>(key.id >> 20);
      const auto unit = static_cast<size_t>(key.id & 0xfffff);
      if (!s.dating.active() || round == nullptr || round->number != number ||
          unit >= round->units.size()) {
        return {};
      }
      Visibility v{Audience::Staff()};
      for (ParticipantId p : round->units[unit].members) {
        v.push_back(Audience::Participant(p));
      }
      return Sorted(std::move(v));
    }
    case DocKind::kDatingNote: {
      // Private: nobody but the writer, ever (the export carries them only if
      // the workshop collects notes).
      const auto p = static_cast<ParticipantId>(key.id >> 20);
      const auto round = static_cast<uint32_t>(key.id & 0xfffff);
      if (!s.dating.active() || !s.dating.notes.contains({p, round})) return {};
      return {Audience::Participant(p)};
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
  if (s.race.phase != RacePhase::kNone) visit({DocKind::kRace, 0});
  if (s.card_sort.active()) {
    visit({DocKind::kCardDeck, 0});
    if (s.card_sort.started) {
      for (GroupNumber g = 1; g <= s.groups.count(); ++g) {
        visit({DocKind::kCardGroup, g});
      }
      visit({DocKind::kCardResults, 0});
    }
  }
  if (s.dating.active()) {
    visit({DocKind::kDating, 0});
    if (const DatingRound* round = s.dating.current()) {
      for (size_t i = 0; i < round->units.size(); ++i) {
        visit({DocKind::kDatingUnit,
               DatingUnitDocId(round->number, static_cast<uint32_t>(i))});
      }
    }
    for (const auto& [key, note] : s.dating.notes) {
      visit({DocKind::kDatingNote, DatingNoteDocId(key.first, key.second)});
    }
  }
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
