#ifndef CAMPANA_DOMAIN_ACTIVITIES_CARDS_CARD_SCORE_H_
#define CAMPANA_DOMAIN_ACTIVITIES_CARDS_CARD_SCORE_H_

#include <cstdint>
#include <vector>

#include "domain/agenda_item.h"
#include "domain/types.h"

namespace campana::domain {

// How close an order of cards is to the reference order.
struct CardScore {
  uint32_t exact = 0;  // cards in the same position as in the reference
  uint32_t discordant =
      0;  // pairs in the opposite relative order (Kendall tau distance)
  uint32_t score = 0;  // 0-100: 100 * (1 - discordant / all pairs), rounded
  bool operator==(const CardScore&) const = default;
};

// `order` and `reference` hold the same ids (a permutation of each other).
CardScore ScoreOrder(const std::vector<CardId>& order,
                     const std::vector<CardId>& reference);

struct RankedScore {
  GroupNumber group = 0;
  CardScore score;
  uint32_t rank =
      0;  // 1 is best; equal (score, exact) share a rank ("1, 2, 2, 4")
  bool operator==(const RankedScore&) const = default;
};

// Ranks groups by score, then exact positions; ties keep group order.
std::vector<RankedScore> RankScores(std::vector<RankedScore> scores);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_CARDS_CARD_SCORE_H_
