#include "domain/activities/cards/card_score.h"

#include <algorithm>
#include <unordered_map>

namespace campana::domain {

CardScore ScoreOrder(const std::vector<CardId>& order,
                     const std::vector<CardId>& reference) {
  CardScore score;
  const size_t n = reference.size();
  std::unordered_map<CardId, size_t> position;
  for (size_t i = 0; i < n; ++i) position[reference[i]] = i;
  // Each card's place in the reference, in the group's order: a pair is
  // discordant when the earlier card of the group's order comes later in the
  // reference. n is a deck (~10): counting pairs directly is clearer than a
  // merge sort and fast enough.
  std::vector<size_t> ranks;
  ranks.reserve(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    ranks.push_back(position.at(order[i]));
    if (i < n && order[i] == reference[i]) ++score.exact;
  }
  for (size_t i = 0; i < ranks.size(); ++i) {
    for (size_t j = i + 1; j < ranks.size(); ++j)
      score.discordant += ranks[i] > ranks[j];
  }
  const uint64_t pairs = uint64_t{n} * (n - (n > 0)) / 2;
  score.score =
      pairs == 0 ? 100
                 : static_cast<uint32_t>(
                       (100 * (pairs - score.discordant) + pairs / 2) / pairs);
  return score;
}

std::vector<RankedScore> RankScores(std::vector<RankedScore> scores) {
  auto better = [](const RankedScore& a, const RankedScore& b) {
    if (a.score.score != b.score.score) return a.score.score > b.score.score;
    return a.score.exact > b.score.exact;
  };
  std::stable_sort(scores.begin(), scores.end(), better);
  for (size_t i = 0; i < scores.size(); ++i) {
    const bool tied = i > 0 && !better(scores[i - 1], scores[i]);
    scores[i].rank = tied ? scores[i - 1].rank : static_cast<uint32_t>(i + 1);
  }
  return scores;
}

}  // namespace campana::domain
