#ifndef CAMPANA_DOMAIN_ACTIVITIES_CARDS_CARDS_H_
#define CAMPANA_DOMAIN_ACTIVITIES_CARDS_CARDS_H_

// The card sort (ACTIVITIES.md item 6): each group puts one shared deck in
// order, card by card, from any member's phone; then the facilitator reveals
// the reference order and every group's order is scored against it. Documents:
// kCardDeck (everyone), kCardGroup (one per group: the group and staff),
// kCardResults (facilitators; everyone once revealed).

#include "domain/activities/cards/card_score.h"
#include "domain/activity.h"

namespace campana::domain::cmd {

// The card sort of the current agenda item.
struct StartCardSort {
  static constexpr const char* kName = "StartCardSort";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct MoveCard {
  static constexpr const char* kName = "MoveCard";
  static constexpr Permission kAllowed = kForParticipants;
  CardId card = 0;
  uint32_t to_index = 0;
};

struct LockCards {
  static constexpr const char* kName = "LockCards";
  static constexpr Permission kAllowed = kForParticipants;
};

struct RevealCards {
  static constexpr const char* kName = "RevealCards";
  static constexpr Permission kAllowed = kForFacilitators;
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

struct CardSortSetUp {
  int agenda_index = -1;
  CardSortConfig config;          // cards carry the ids drawn for them
  std::vector<CardId> reference;  // the ids in the right order
  bool operator==(const CardSortSetUp&) const = default;
};

struct CardSortStarted {
  std::vector<CardId> initial_order;
  Time ends_at;
  bool operator==(const CardSortStarted&) const = default;
};

struct CardMoved {
  GroupNumber group = 0;
  CardId card = 0;
  uint32_t to_index = 0;
  bool operator==(const CardMoved&) const = default;
};

struct CardsLocked {
  GroupNumber group = 0;
  Time at;
  bool operator==(const CardsLocked&) const = default;
};

struct CardsRevealed {
  bool operator==(const CardsRevealed&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

struct GroupCards {
  std::vector<CardId> order;
  bool locked = false;
  Time locked_at;
  bool operator==(const GroupCards&) const = default;
};

// The card sort of the current (or last) card-sort item. A group that has not
// moved a card yet has the initial order.
struct CardSortState {
  int agenda_index = -1;  // -1: none set up
  CardSortConfig config;
  std::vector<CardId> reference;
  bool started = false;
  Time ends_at;
  bool revealed = false;
  std::vector<CardId> initial_order;
  std::map<GroupNumber, GroupCards> groups;
  bool operator==(const CardSortState&) const = default;

  bool active() const { return agenda_index >= 0; }
  // The group's cards: its own order once it has one, else the initial order.
  GroupCards CardsOf(GroupNumber group) const;
};

// The engine's view of the activity: see domain/activity.h for each hook.
struct CardSortActivity {
  using State = CardSortState;
  using CommandTypes = TypeList<cmd::StartCardSort, cmd::MoveCard,
                                cmd::LockCards, cmd::RevealCards>;
  using EventTypes =
      TypeList<ev::CardSortSetUp, ev::CardSortStarted, ev::CardMoved,
               ev::CardsLocked, ev::CardsRevealed>;
  static constexpr std::array kDocs{DocKind::kCardDeck, DocKind::kCardGroup,
                                    DocKind::kCardResults};

  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::StartCardSort& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::MoveCard& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::LockCards& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::RevealCards& command);
  static void Apply(WorkshopState& s, const ev::CardSortSetUp& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::CardSortStarted& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::CardMoved& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::CardsLocked& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::CardsRevealed& e, Touched& t);

  // What devices see of the deck: its cards in id order (ids are random, so
  // the order says nothing about the answer).
  static std::vector<Card> DealtCards(const WorkshopState& s);
  // Every group's order scored against the reference, ranked.
  static std::vector<RankedScore> Scores(const WorkshopState& s);

  CAMPANA_ACTIVITY_HOOKS
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_CARDS_CARDS_H_
