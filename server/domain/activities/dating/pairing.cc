#include "domain/activities/dating/pairing.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <optional>

namespace campana::domain {
namespace {

constexpr uint32_t kRepeatCost =
    1000;  // meeting again costs far more than any group clash
constexpr uint32_t kSameGroupCost = 1;

struct Costs {
  const std::vector<PairingPerson>& pool;
  const MeetingCounts& met;
  const PairingOptions& options;

  // Between pool members i and j (indexes; an index past the pool is the odd
  // one's "bye").
  uint32_t operator()(size_t i, size_t j) const {
    if (i >= pool.size() || j >= pool.size()) return 0;
    uint32_t cost = 0;
    if (auto it = met.find(PairKey(pool[i].id, pool[j].id)); it != met.end())
      cost += it->second * kRepeatCost;
    if (options.avoid_same_group && pool[i].group != 0 &&
        pool[i].group == pool[j].group)
      cost += kSameGroupCost;
    return cost;
  }
};

using Pair = std::pair<size_t, size_t>;

// Round r of the circle method over m (even) seats: seat m-1 stays, the others
// turn.
std::vector<Pair> CirclePairs(size_t m, size_t r) {
  std::vector<Pair> pairs;
  pairs.reserve(m / 2);
  pairs.emplace_back(r % (m - 1), m - 1);
  for (size_t i = 1; i < m / 2; ++i) {
    pairs.emplace_back((r + i) % (m - 1), (r + (m - 1) - i) % (m - 1));
  }
  return pairs;
}

// Swaps partners between two pairs while that lowers the total cost (2-opt), a
// few passes.
void Repair(std::vector<Pair>& pairs, const Costs& cost) {
  for (int pass = 0; pass < 4; ++pass) {
    bool improved = false;
    for (size_t x = 0; x < pairs.size(); ++x) {
      if (cost(pairs[x].first, pairs[x].second) == 0) continue;
      for (size_t y = 0; y < pairs.size(); ++y) {
        if (y == x) continue;
        auto [a, b] = pairs[x];
        auto [c, d] = pairs[y];
        const uint32_t now = cost(a, b) + cost(c, d);
        if (cost(a, c) + cost(b, d) < now) {
          pairs[x] = {a, c};
          pairs[y] = {b, d};
          improved = true;
          break;
        }
        if (cost(a, d) + cost(b, c) < now) {
          pairs[x] = {a, d};
          pairs[y] = {b, c};
          improved = true;
          break;
        }
      }
    }
    if (!improved) return;
  }
}

// Who may be in this round's trio: nobody a second time while someone else has
// not been in one. The trio takes three of the people with the fewest trios:
// those below the third-lowest count must be in it, those at it may be.
struct TrioRule {
  uint32_t third_lowest = 0;
  size_t must_count = 0;

  explicit TrioRule(const std::vector<PairingPerson>& pool) {
    std::vector<uint32_t> counts;
    counts.reserve(pool.size());
    for (const PairingPerson& p : pool) counts.push_back(p.trios);
    std::nth_element(counts.begin(), counts.begin() + 2, counts.end());
    third_lowest = counts[2];
    must_count = static_cast<size_t>(
        std::count_if(counts.begin(), counts.end(),
                      [&](uint32_t c) { return c < third_lowest; }));
  }
  bool Eligible(const PairingPerson& p) const {
    return p.trios <= third_lowest;
  }
  bool Must(const PairingPerson& p) const { return p.trios < third_lowest; }
  bool Allows(const std::vector<PairingPerson>& pool,
              std::initializer_list<size_t> trio) const {
    size_t must = 0;
    for (size_t i : trio) {
      if (!Eligible(pool[i])) return false;
      must += Must(pool[i]) ? 1 : 0;
    }
    return must == must_count;
  }
};

uint32_t TrioCost(const Costs& cost, size_t a, size_t b, size_t c) {
  return cost(a, b) + cost(a, c) + cost(b, c);
}

// When no rotation's empty seat and one of its pairs make an allowed trio: the
// people who must be in it, then the eligible ones who have met them least
// (the one facing the empty seat first, then their partners, so that fewer
// pairs break). The partners left without one pair up between themselves.
std::vector<size_t> BuildTrio(const std::vector<PairingPerson>& pool,
                              const TrioRule& rule, const Costs& cost,
                              std::vector<Pair>& pairs, size_t odd_one) {
  const size_t n = pool.size();
  std::vector<size_t> partner(n, n);
  for (auto [a, b] : pairs) {
    partner[a] = b;
    partner[b] = a;
  }
  std::vector<size_t> trio;
  for (size_t i = 0; i < n; ++i)
    if (rule.Must(pool[i])) trio.push_back(i);
  while (trio.size() < 3) {
    size_t best = n;
    uint64_t best_score = std::numeric_limits<uint64_t>::max();
    for (size_t i = 0; i < n; ++i) {
      if (!rule.Eligible(pool[i]) ||
          std::find(trio.begin(), trio.end(), i) != trio.end())
        continue;
      uint64_t score = 0;
      for (size_t t : trio) score += cost(i, t);
      score *= 4;  // what they cost together first, then fewer broken pairs
      const bool keeps_pair =
          i == odd_one ||
          std::find(trio.begin(), trio.end(), partner[i]) != trio.end();
      if (!keeps_pair) score += 1;
      if (score < best_score) {
        best_score = score;
        best = i;
      }
    }
    trio.push_back(best);
  }
  std::vector<Pair> kept;
  std::vector<size_t> alone;
  auto in_trio = [&](size_t i) {
    return std::find(trio.begin(), trio.end(), i) != trio.end();
  };
  for (auto [a, b] : pairs) {
    if (!in_trio(a) && !in_trio(b)) {
      kept.emplace_back(a, b);
    } else {
      if (!in_trio(a)) alone.push_back(a);
      if (!in_trio(b)) alone.push_back(b);
    }
  }
  if (!in_trio(odd_one)) alone.push_back(odd_one);
  for (size_t i = 0; i + 1 < alone.size(); i += 2)
    kept.emplace_back(alone[i], alone[i + 1]);
  pairs = std::move(kept);
  return trio;
}

// Swaps a trio member with someone of a pair while that lowers the cost and
// the trio stays allowed, a few passes.
void RepairTrio(const std::vector<PairingPerson>& pool, const TrioRule& rule,
                const Costs& cost, std::vector<size_t>& trio,
                std::vector<Pair>& pairs) {
  for (int pass = 0; pass < 4; ++pass) {
    bool improved = false;
    for (size_t s = 0; s < 3; ++s) {
      const size_t x = trio[s];
      const size_t u = trio[(s + 1) % 3];
      const size_t v = trio[(s + 2) % 3];
      const uint32_t x_there = cost(x, u) + cost(x, v);
      for (Pair& pair : pairs) {
        for (int side = 0; side < 2; ++side) {
          const size_t a = side == 0 ? pair.first : pair.second;
          const size_t b = side == 0 ? pair.second : pair.first;
          if (!rule.Allows(pool, {a, u, v})) continue;
          if (cost(a, u) + cost(a, v) + cost(x, b) < x_there + cost(a, b)) {
            trio[s] = a;
            pair = {x, b};
            improved = true;
            break;
          }
        }
        if (trio[s] != x) break;
      }
    }
    if (!improved) return;
  }
}

void PairPool(std::vector<PairingPerson> pool, const MeetingCounts& met,
              uint32_t round, const PairingOptions& options,
              std::vector<std::vector<ParticipantId>>& units) {
  std::sort(pool.begin(), pool.end(),
            [](const PairingPerson& a, const PairingPerson& b) {
              return a.circle_key < b.circle_key;
            });
  const size_t n = pool.size();
  if (n < 2) return;
  const Costs cost{pool, met, options};
  const size_t m = n % 2 == 0 ? n : n + 1;  // an odd pool gets an empty seat
  const bool odd = n % 2 == 1;
  const std::optional<TrioRule> rule =
      odd ? std::optional<TrioRule>(TrioRule(pool)) : std::nullopt;

  // The rotation of this round, unless another has fewer repeats (people came
  // or went). With an odd count, the one facing the empty seat joins one of
  // the pairs if the three may be the trio (else the trio is built from those
  // who may be in it), the rest is repaired, and what the trio costs counts.
  struct Choice {
    std::vector<Pair> pairs;
    std::vector<size_t> trio;  // empty for an even pool
    uint64_t cost = std::numeric_limits<uint64_t>::max();
  };
  Choice best;
  auto consider = [&](Choice c) {
    Repair(c.pairs, cost);
    if (odd) RepairTrio(pool, *rule, cost, c.trio, c.pairs);
    c.cost = 0;
    for (auto [a, b] : c.pairs) c.cost += cost(a, b);
    if (odd) c.cost += TrioCost(cost, c.trio[0], c.trio[1], c.trio[2]);
    if (c.cost < best.cost) best = std::move(c);
  };
  for (size_t t = 0; t < m - 1 && best.cost > 0; ++t) {
    Choice c{CirclePairs(m, (round + t) % (m - 1)), {}, 0};
    if (!odd) {
      consider(std::move(c));
      continue;
    }
    size_t odd_one = n;
    std::erase_if(c.pairs, [&](const Pair& p) {
      if (p.first == n) odd_one = p.second;
      if (p.second == n) odd_one = p.first;
      return p.first == n || p.second == n;
    });
    size_t joined = c.pairs.size();
    uint32_t cheapest = std::numeric_limits<uint32_t>::max();
    for (size_t i = 0; i < c.pairs.size(); ++i) {
      const auto [a, b] = c.pairs[i];
      if (!rule->Allows(pool, {odd_one, a, b})) continue;
      const uint32_t extra = cost(odd_one, a) + cost(odd_one, b);
      if (extra < cheapest) {
        cheapest = extra;
        joined = i;
      }
    }
    if (joined < c.pairs.size()) {
      Choice natural = c;
      natural.trio = {odd_one, c.pairs[joined].first, c.pairs[joined].second};
      natural.pairs.erase(natural.pairs.begin() +
                          static_cast<std::ptrdiff_t>(joined));
      consider(std::move(natural));
      if (best.cost == 0) break;
    }
    // Or a trio built from those who may be in it, who have met least.
    c.trio = BuildTrio(pool, *rule, cost, c.pairs, odd_one);
    consider(std::move(c));
  }

  const std::vector<size_t>& trio = best.trio;
  for (auto [a, b] : best.pairs) {
    std::vector<ParticipantId> unit{pool[a].id, pool[b].id};
    std::sort(unit.begin(), unit.end());
    units.push_back(std::move(unit));
  }
  if (!trio.empty()) {
    std::vector<ParticipantId> unit;
    unit.reserve(trio.size());
    for (size_t i : trio) unit.push_back(pool[i].id);
    std::sort(unit.begin(), unit.end());
    units.push_back(std::move(unit));
  }
}

}  // namespace

uint64_t PairKey(ParticipantId a, ParticipantId b) {
  if (a > b) std::swap(a, b);
  return (uint64_t{a} << 32) | b;
}

std::vector<std::vector<ParticipantId>> PairEveryone(
    const std::vector<PairingPerson>& people, const MeetingCounts& met,
    uint32_t round, const PairingOptions& options) {
  std::vector<PairingPerson> in_room;
  std::vector<PairingPerson> remote;
  for (const PairingPerson& p : people)
    (p.presence == Presence::kRemote ? remote : in_room).push_back(p);
  // Nobody alone: a lone person of one kind meets the other kind.
  if (remote.size() == 1 && !in_room.empty()) {
    in_room.push_back(remote.front());
    remote.clear();
  } else if (in_room.size() == 1 && !remote.empty()) {
    remote.push_back(in_room.front());
    in_room.clear();
  }
  std::vector<std::vector<ParticipantId>> units;
  PairPool(std::move(in_room), met, round, options, units);
  PairPool(std::move(remote), met, round, options, units);
  return units;
}

}  // namespace campana::domain
