// The cards activity's part of the codec (domain/activities/cards/).

#include <algorithm>

#include "codec/activities/registry.h"
#include "codec/convert.h"
#include "domain/activities/cards/cards.h"

namespace campana::codec {

using domain::Millis;
using domain::Overloaded;
using internal::At;
using internal::FromProto;
using internal::Ms;
using internal::Ms32;
using internal::ToProto;
namespace cmd = domain::cmd;
namespace ev = domain::ev;
namespace pb = internal::pb;

bool CardSortCodec::EncodeEvent(const domain::Event& event, pb::Event* out) {
  bool encoded = true;
  std::visit(
      Overloaded{
          [&](const ev::CardSortSetUp& e) {
            auto* m = out->mutable_card_sort_set_up();
            m->set_agenda_index(e.agenda_index);
            for (const auto& card : e.config.cards) {
              ToProto(card, m->add_cards());
            }
            m->mutable_reference()->Add(e.reference.begin(), e.reference.end());
            m->set_round_ms(Ms32(e.config.round));
            m->set_instructions(e.config.instructions);
            m->set_first_label(e.config.first_label);
            m->set_last_label(e.config.last_label);
          },
          [&](const ev::CardSortStarted& e) {
            auto* m = out->mutable_card_sort_started();
            m->mutable_initial_order()->Add(e.initial_order.begin(),
                                            e.initial_order.end());
            m->set_ends_at_ms(Ms(e.ends_at));
          },
          [&](const ev::CardMoved& e) {
            auto* m = out->mutable_card_moved();
            m->set_group(e.group);
            m->set_card_id(e.card);
            m->set_to_index(e.to_index);
          },
          [&](const ev::CardsLocked& e) {
            auto* m = out->mutable_cards_locked();
            m->set_group(e.group);
            m->set_at_ms(Ms(e.at));
          },
          [&](const ev::CardsRevealed&) { out->mutable_cards_revealed(); },
          [&](const auto&) { encoded = false; },
      },
      event);
  return encoded;
}

std::optional<domain::Result<domain::Event>> CardSortCodec::DecodeEvent(
    const pb::Event& event) {
  switch (event.body_case()) {
    case pb::Event::kCardSortSetUp: {
      const auto& m = event.card_sort_set_up();
      ev::CardSortSetUp e{m.agenda_index(),
                          {m.instructions(),
                           Millis(m.round_ms()),
                           {},
                           m.first_label(),
                           m.last_label()},
                          {m.reference().begin(), m.reference().end()}};
      for (const pb::Card& card : m.cards()) {
        e.config.cards.push_back(FromProto(card));
      }
      return domain::Event(std::move(e));
    }
    case pb::Event::kCardSortStarted: {
      const auto& m = event.card_sort_started();
      return domain::Event(ev::CardSortStarted{
          {m.initial_order().begin(), m.initial_order().end()},
          At(m.ends_at_ms())});
    }
    case pb::Event::kCardMoved:
      return domain::Event(ev::CardMoved{event.card_moved().group(),
                                         event.card_moved().card_id(),
                                         event.card_moved().to_index()});
    case pb::Event::kCardsLocked:
      return domain::Event(ev::CardsLocked{event.cards_locked().group(),
                                           At(event.cards_locked().at_ms())});
    case pb::Event::kCardsRevealed:
      return domain::Event(ev::CardsRevealed{});
    default:
      return std::nullopt;
  }
}

std::optional<domain::Result<domain::Command>> CardSortCodec::DecodeCommand(
    const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kStartCardSort:
      return Command(cmd::StartCardSort{});
    case pb::Command::kMoveCard:
      return Command(cmd::MoveCard{command.move_card().card_id(),
                                   command.move_card().to_index()});
    case pb::Command::kLockCards:
      return Command(cmd::LockCards{});
    case pb::Command::kRevealCards:
      return Command(cmd::RevealCards{});
    default:
      return std::nullopt;
  }
}

bool CardSortCodec::EncodeDoc(const domain::WorkshopState& s,
                              const domain::DocKey& key, pb::Doc* out) {
  pb::Doc& doc = *out;
  switch (key.kind) {
    case domain::DocKind::kCardDeck: {
      pb::CardDeck* deck = doc.mutable_card_deck();
      ToProto(s.card_sort, deck);
      deck->clear_cards();
      for (const domain::Card& card : domain::CardSortActivity::DealtCards(s))
        ToProto(card, deck->add_cards());
      return true;
    }
    case domain::DocKind::kCardGroup: {
      const auto group = static_cast<domain::GroupNumber>(key.id);
      ToProto(group, s.card_sort.CardsOf(group), doc.mutable_card_group());
      return true;
    }
    case domain::DocKind::kCardResults: {
      const domain::CardSortState& sort = s.card_sort;
      pb::CardResults* m = doc.mutable_card_results();
      m->mutable_reference()->Add(sort.reference.begin(), sort.reference.end());
      for (const domain::RankedScore& r : domain::CardSortActivity::Scores(s)) {
        pb::CardResults::Score* score = m->add_scores();
        score->set_group(r.group);
        score->set_exact(r.score.exact);
        score->set_discordant_pairs(r.score.discordant);
        score->set_score(r.score.score);
        score->set_rank(r.rank);
      }
      return true;
    }
    default:
      return false;
  }
}

void CardSortCodec::SaveState(const domain::WorkshopState& s,
                              pb::WorkshopState* out) {
  pb::WorkshopState& m = *out;
  const domain::CardSortState& sort = s.card_sort;
  pb::CardSortState* cards = m.mutable_card_sort();
  ToProto(sort, cards->mutable_deck());
  cards->mutable_reference()->Add(sort.reference.begin(), sort.reference.end());
  cards->mutable_initial_order()->Add(sort.initial_order.begin(),
                                      sort.initial_order.end());
  for (const auto& [group, order] : sort.groups) {
    ToProto(group, order, cards->add_groups());
  }
}

void CardSortCodec::LoadState(const pb::WorkshopState& m,
                              domain::WorkshopState* out) {
  domain::WorkshopState& s = *out;
  if (m.has_card_sort()) {
    const pb::CardSortState& cards = m.card_sort();
    const pb::CardDeck& deck = cards.deck();
    domain::CardSortState& sort = s.card_sort;
    sort.agenda_index = deck.agenda_index();
    sort.config = {deck.instructions(),
                   domain::Millis(deck.round_ms()),
                   {},
                   deck.first_label(),
                   deck.last_label()};
    for (const pb::Card& card : deck.cards()) {
      sort.config.cards.push_back(FromProto(card));
    }
    sort.reference = {cards.reference().begin(), cards.reference().end()};
    sort.started = deck.started();
    sort.ends_at = domain::FromUnixMillis(deck.ends_at_ms());
    sort.revealed = deck.revealed();
    sort.initial_order = {cards.initial_order().begin(),
                          cards.initial_order().end()};
    for (const pb::CardGroup& g : cards.groups()) {
      sort.groups[g.group()] = {{g.order().begin(), g.order().end()},
                                g.locked(),
                                domain::FromUnixMillis(g.locked_at_ms())};
    }
  }
}

}  // namespace campana::codec
