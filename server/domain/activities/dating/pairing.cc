#include "domain/activities/dating/pairing.h"

#include <algorithm>
#include <limits>

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

  // The rotation of this round, unless another has fewer repeats (people came
  // or went). With an odd count, what the trio would cost counts too.
  std::vector<Pair> best;
  uint64_t best_cost = std::numeric_limits<uint64_t>::max();
  for (size_t t = 0; t < m - 1 && best_cost > 0; ++t) {
    std::vector<Pair> pairs = CirclePairs(m, (round + t) % (m - 1));
    uint64_t total = 0;
    size_t odd = n;
    for (auto [a, b] : pairs) {
      total += cost(a, b);
      if (a == n) odd = b;
      if (b == n) odd = a;
    }
    if (odd < n) {
      uint32_t cheapest = std::numeric_limits<uint32_t>::max();
      for (auto [a, b] : pairs) {
        if (a != n && b != n)
          cheapest = std::min(cheapest, cost(odd, a) + cost(odd, b));
      }
      total += cheapest;
    }
    if (total < best_cost) {
      best_cost = total;
      best = std::move(pairs);
    }
  }

  // The one facing the empty seat joins the pair that suits them best: a trio.
  size_t odd_one = n;
  if (n % 2 == 1) {
    auto bye = std::find_if(best.begin(), best.end(), [&](const Pair& p) {
      return p.first == n || p.second == n;
    });
    odd_one = bye->first == n ? bye->second : bye->first;
    best.erase(bye);
  }
  Repair(best, cost);
  size_t trio = best.size();
  if (odd_one < n) {
    uint32_t lowest = std::numeric_limits<uint32_t>::max();
    for (size_t i = 0; i < best.size(); ++i) {
      const uint32_t c =
          cost(odd_one, best[i].first) + cost(odd_one, best[i].second);
      if (c < lowest) {
        lowest = c;
        trio = i;
      }
    }
  }
  for (size_t i = 0; i < best.size(); ++i) {
    std::vector<ParticipantId> unit{pool[best[i].first].id,
                                    pool[best[i].second].id};
    if (i == trio) unit.push_back(pool[odd_one].id);
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
