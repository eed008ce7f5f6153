// The card sort (ACTIVITIES.md item 6): each group puts one shared deck in
// order, card by card, from any member's phone. Moves are commands applied in
// server order, so two phones moving at once converge on the same order. Then
// the facilitator reveals the reference order and every group's order is scored
// against it.

#include "domain/activities/cards/cards.h"

#include <algorithm>
#include <ostream>

#include "domain/internal.h"

namespace campana::domain {

GroupCards CardSortState::CardsOf(GroupNumber group) const {
  auto it = groups.find(group);
  return it != groups.end() ? it->second
                            : GroupCards{initial_order, false, Time{}};
}

}  // namespace campana::domain

namespace campana::domain {

using internal::Context;
using internal::Events;
using internal::Nothing;
namespace {

std::vector<CardId> Shuffled(std::vector<CardId> ids, Random& rng) {
  for (size_t i = ids.size(); i > 1; --i)
    std::swap(ids[i - 1], ids[rng.Below(static_cast<uint32_t>(i))]);
  return ids;
}

Result<GroupNumber> SortingGroup(const Context& c) {
  const CardSortState& sort = c.state.card_sort;
  if (!sort.active() || !sort.started)
    return Rejection::FailedPrecondition("the card sort has not started");
  const GroupNumber group = c.state.participants.at(c.actor.participant).group;
  if (group == 0)
    return Rejection::FailedPrecondition("you are not in a group");
  if (sort.revealed)
    return Rejection::FailedPrecondition("the answer has been revealed");
  if (sort.CardsOf(group).locked)
    return Rejection::FailedPrecondition("your group has locked its order");
  if (c.now >= sort.ends_at) return Rejection::FailedPrecondition("time is up");
  return group;
}

}  // namespace

void CardSortActivity::SetUp(const Context& c, int index,
                             const AgendaItem& item,
                             std::vector<Event>& events) {
  if (item.activity != ActivityKind::kCardSort ||
      c.state.card_sort.agenda_index == index)
    return;
  Random& rng = c.rng;
  ev::CardSortSetUp setup{.agenda_index = index, .config = item.card_sort};
  // Random ids, so that nothing a phone receives hints at the right order.
  std::vector<CardId> ids;
  while (ids.size() < setup.config.cards.size()) {
    const CardId id = 1 + rng.Below(1'000'000);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  for (size_t i = 0; i < ids.size(); ++i) setup.config.cards[i].id = ids[i];
  setup.reference = ids;
  events.emplace_back(std::move(setup));
}

void CardSortActivity::Joined(const Context&, const ev::ParticipantJoined&,
                              std::vector<Event>&) {}

Result<Decision> CardSortActivity::Decide(const Context& c,
                                          const cmd::StartCardSort&) {
  const CardSortState& sort = c.state.card_sort;
  if (!sort.active())
    return Rejection::FailedPrecondition("there is no card sort");
  if (sort.started)
    return Rejection::FailedPrecondition("the card sort has already started");
  if (sort.reference.size() < 2)
    return Rejection::FailedPrecondition("the deck has fewer than two cards");
  std::vector<CardId> order = Shuffled(sort.reference, c.rng);
  if (order == sort.reference)
    std::rotate(order.begin(), order.begin() + 1,
                order.end());  // never dealt solved
  return Events(
      {ev::CardSortStarted{std::move(order), c.now + sort.config.round}});
}

Result<Decision> CardSortActivity::Decide(const Context& c,
                                          const cmd::MoveCard& command) {
  auto group = SortingGroup(c);
  if (!group.ok()) return group.rejection();
  const std::vector<CardId> order =
      c.state.card_sort.CardsOf(group.value()).order;
  auto at = std::find(order.begin(), order.end(), command.card);
  if (at == order.end())
    return Rejection::NotFound("no card " + std::to_string(command.card));
  if (command.to_index >= order.size()) {
    return Rejection::InvalidArgument("a position from 0 to " +
                                      std::to_string(order.size() - 1));
  }
  if (static_cast<size_t>(at - order.begin()) == command.to_index)
    return Nothing();
  return Events({ev::CardMoved{group.value(), command.card, command.to_index}});
}

Result<Decision> CardSortActivity::Decide(const Context& c,
                                          const cmd::LockCards&) {
  auto group = SortingGroup(c);
  if (!group.ok()) return group.rejection();
  return Events({ev::CardsLocked{group.value(), c.now}});
}

Result<Decision> CardSortActivity::Decide(const Context& c,
                                          const cmd::RevealCards&) {
  const CardSortState& sort = c.state.card_sort;
  if (!sort.active() || !sort.started)
    return Rejection::FailedPrecondition("the card sort has not started");
  if (sort.revealed) return Nothing();
  // Whoever is still sorting stops here: their order is what is scored.
  std::vector<Event> events;
  for (GroupNumber g = 1; g <= c.state.groups.count(); ++g) {
    if (!sort.CardsOf(g).locked) events.emplace_back(ev::CardsLocked{g, c.now});
  }
  events.emplace_back(ev::CardsRevealed{});
  return Events(std::move(events));
}

void CardSortActivity::Tick(const Context& c, std::vector<Event>& events) {
  const CardSortState& sort = c.state.card_sort;
  if (!sort.active() || !sort.started || sort.revealed || sort.ends_at > c.now)
    return;
  for (GroupNumber g = 1; g <= c.state.groups.count(); ++g) {
    if (!sort.CardsOf(g).locked)
      events.emplace_back(ev::CardsLocked{g, sort.ends_at});
  }
}

std::optional<Time> CardSortActivity::NextDeadline(const WorkshopState& s) {
  const CardSortState& sort = s.card_sort;
  if (!sort.active() || !sort.started || sort.revealed) return std::nullopt;
  for (GroupNumber g = 1; g <= s.groups.count(); ++g) {
    if (!sort.CardsOf(g).locked) return sort.ends_at;
  }
  return std::nullopt;
}

void CardSortActivity::Apply(WorkshopState& s, const ev::CardSortSetUp& e,
                             Touched& t) {
  for (const auto& [group, cards] : s.card_sort.groups)
    t.Add({DocKind::kCardGroup, group});
  s.card_sort = CardSortState{.agenda_index = e.agenda_index,
                              .config = e.config,
                              .reference = e.reference};
  t.Add({DocKind::kCardDeck, 0});
  t.Add({DocKind::kCardResults, 0});
  for (GroupNumber g = 1; g <= s.groups.count(); ++g)
    t.Add({DocKind::kCardGroup, g});
}

void CardSortActivity::Apply(WorkshopState& s, const ev::CardSortStarted& e,
                             Touched& t) {
  s.card_sort.started = true;
  s.card_sort.initial_order = e.initial_order;
  s.card_sort.ends_at = e.ends_at;
  t.Add({DocKind::kCardDeck, 0});
  t.Add({DocKind::kCardResults, 0});
  for (GroupNumber g = 1; g <= s.groups.count(); ++g)
    t.Add({DocKind::kCardGroup, g});
}

void CardSortActivity::Apply(WorkshopState& s, const ev::CardMoved& e,
                             Touched& t) {
  GroupCards cards = s.card_sort.CardsOf(e.group);
  auto at = std::find(cards.order.begin(), cards.order.end(), e.card);
  cards.order.erase(at);
  cards.order.insert(cards.order.begin() + e.to_index, e.card);
  s.card_sort.groups[e.group] = std::move(cards);
  t.Add({DocKind::kCardGroup, e.group});
  t.Add({DocKind::kCardResults, 0});
}

void CardSortActivity::Apply(WorkshopState& s, const ev::CardsLocked& e,
                             Touched& t) {
  GroupCards cards = s.card_sort.CardsOf(e.group);
  cards.locked = true;
  cards.locked_at = e.at;
  s.card_sort.groups[e.group] = std::move(cards);
  t.Add({DocKind::kCardGroup, e.group});
  t.Add({DocKind::kCardResults, 0});
}

void CardSortActivity::Apply(WorkshopState& s, const ev::CardsRevealed&,
                             Touched& t) {
  s.card_sort.revealed = true;
  t.Add({DocKind::kCardDeck, 0});
  t.Add({DocKind::kCardResults, 0});
  for (GroupNumber g = 1; g <= s.groups.count(); ++g)
    t.Add({DocKind::kCardGroup, g});
}

std::vector<Card> CardSortActivity::DealtCards(const WorkshopState& s) {
  std::vector<Card> cards = s.card_sort.config.cards;
  std::sort(cards.begin(), cards.end(),
            [](const Card& a, const Card& b) { return a.id < b.id; });
  return cards;
}

std::vector<RankedScore> CardSortActivity::Scores(const WorkshopState& s) {
  const CardSortState& sort = s.card_sort;
  std::vector<RankedScore> scores;
  for (GroupNumber g = 1; g <= s.groups.count(); ++g)
    scores.push_back({g, ScoreOrder(sort.CardsOf(g).order, sort.reference), 0});
  return RankScores(std::move(scores));
}

void CardSortActivity::TouchParticipant(const WorkshopState&, ParticipantId,
                                        Touched&) {}

// One order per group, and the scores of every group: called before and after
// a change of layout, so groups that appear or go are both marked.
void CardSortActivity::TouchLayout(const WorkshopState& s, Touched& t) {
  for (GroupNumber g = 1; g <= s.groups.count(); ++g)
    t.Add({DocKind::kCardGroup, g});
  t.Add({DocKind::kCardResults, 0});
}

void CardSortActivity::ForEachDoc(const WorkshopState& s,
                                  const DocVisitor& visit) {
  if (!s.card_sort.active()) return;
  visit({DocKind::kCardDeck, 0});
  if (!s.card_sort.started) return;
  for (GroupNumber g = 1; g <= s.groups.count(); ++g)
    visit({DocKind::kCardGroup, g});
  visit({DocKind::kCardResults, 0});
}

Visibility CardSortActivity::VisibilityOf(const WorkshopState& s,
                                          const DocKey& key) {
  const CardSortState& sort = s.card_sort;
  if (!sort.active()) return {};
  switch (key.kind) {
    case DocKind::kCardDeck:
      return {Audience::Everyone()};
    case DocKind::kCardGroup: {
      const auto group = static_cast<GroupNumber>(key.id);
      if (!sort.started || group == 0 || group > s.groups.count()) return {};
      return {Audience::Staff(), Audience::Group(group)};
    }
    case DocKind::kCardResults:
      if (!sort.started) return {};
      // The reference order is the answer: facilitators watch the scores
      // build; everybody sees them once revealed.
      if (sort.revealed) return {Audience::Everyone()};
      return {Audience::Facilitators()};
    default:
      return {};
  }
}

void CardSortActivity::Describe(const WorkshopState& s, std::ostream& out) {
  using internal::Ms;
  if (s.card_sort.active()) {
    const CardSortState& c = s.card_sort;
    out << "cards item " << c.agenda_index << (c.started ? " started" : "")
        << (c.revealed ? " revealed" : "") << " ends " << Ms(c.ends_at)
        << " round " << Ms(c.config.round) << " reference";
    for (CardId id : c.reference) out << " " << id;
    out << " initial";
    for (CardId id : c.initial_order) out << " " << id;
    out << "\n";
    for (const Card& card : c.config.cards)
      out << "card " << card.id << " \"" << card.title << "\"\n";
    for (const auto& [g, cards] : c.groups) {
      out << "cards of group " << g
          << (cards.locked ? " locked at " + std::to_string(Ms(cards.locked_at))
                           : "");
      for (CardId id : cards.order) out << " " << id;
      out << "\n";
    }
  }
}

}  // namespace campana::domain
