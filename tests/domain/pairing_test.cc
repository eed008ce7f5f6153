// Speed-dating pairs, over many rounds and room sizes (2 to 500), with people
// arriving and leaving between rounds.

#include "domain/activities/dating/pairing.h"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "domain/random.h"

namespace campana::domain {
namespace {

struct Room {
  std::vector<PairingPerson> people;
  MeetingCounts met;
  std::map<ParticipantId, uint32_t> trios;  // how many trios each one was in
  ParticipantId next = 1;
  SplitMix64 rng;
  explicit Room(uint64_t seed) : rng(seed) {}

  void Arrive(Presence presence = Presence::kInRoom, GroupNumber group = 0) {
    people.push_back({next++, presence, group, rng.Next(), 0});
  }
  void Leave() {
    people.erase(people.begin() +
                 rng.Below(static_cast<uint32_t>(people.size())));
  }

  // Pairs a round, checks what must always hold, records the meetings; returns
  // the number of meetings that had happened before.
  int Round(uint32_t round, PairingOptions options = {}) {
    for (PairingPerson& p : people) p.trios = trios[p.id];
    auto units = PairEveryone(people, met, round, options);
    CheckStructure(units);
    CheckTrioMovesAround(units);
    for (const auto& unit : units) {
      if (unit.size() == 3)
        for (ParticipantId id : unit) ++trios[id];
    }
    int repeats = 0;
    for (const auto& unit : units) {
      for (size_t i = 0; i < unit.size(); ++i) {
        for (size_t j = i + 1; j < unit.size(); ++j)
          repeats += met[PairKey(unit[i], unit[j])]++ > 0;
      }
    }
    last = units;
    return repeats;
  }

  void CheckStructure(const std::vector<std::vector<ParticipantId>>& units) {
    std::map<ParticipantId, const PairingPerson*> who;
    for (const auto& p : people) who[p.id] = &p;
    std::multiset<ParticipantId> seen;
    std::map<Presence, int> trios;
    std::map<Presence, int> count;
    for (const auto& p : people) ++count[p.presence];
    for (const auto& unit : units) {
      ASSERT_TRUE(unit.size() == 2 || unit.size() == 3)
          << "nobody alone, no crowds";
      for (ParticipantId id : unit) seen.insert(id);
      const Presence kind = who.at(unit[0])->presence;
      const bool mixed = std::any_of(
          unit.begin(), unit.end(),
          [&](ParticipantId id) { return who.at(id)->presence != kind; });
      if (mixed) {
        ASSERT_TRUE(count[Presence::kInRoom] == 1 ||
                    count[Presence::kRemote] == 1)
            << "in the room with the room, remote with remote, unless one "
               "would be alone";
      }
      if (unit.size() == 3) ++trios[kind];
    }
    for (const auto& p : people)
      ASSERT_EQ(seen.count(p.id), 1u) << "everyone present, once";
    for (const auto& [kind, n] : trios)
      ASSERT_LE(n, 1) << "one trio at most per kind";
  }

  // The kind a person is paired in: their own, unless they are the only one
  // of it (then they join the others).
  Presence PoolOf(const PairingPerson& p) const {
    const auto same = std::count_if(people.begin(), people.end(), [&](auto& x) {
      return x.presence == p.presence;
    });
    const bool alone = same == 1 && people.size() > 1;
    return alone ? (p.presence == Presence::kRemote ? Presence::kInRoom
                                                    : Presence::kRemote)
                 : p.presence;
  }

  // Nobody in a trio a second time while someone else present of their kind
  // has not been in one: in every trio, the most trios a member has had
  // before is at most the fewest anyone of the kind outside it has had.
  void CheckTrioMovesAround(
      const std::vector<std::vector<ParticipantId>>& units) {
    std::map<ParticipantId, const PairingPerson*> who;
    for (const auto& p : people) who[p.id] = &p;
    for (const auto& unit : units) {
      if (unit.size() != 3) continue;
      const Presence kind = PoolOf(*who.at(unit[0]));
      uint32_t most_inside = 0;
      for (ParticipantId id : unit)
        most_inside = std::max(most_inside, who.at(id)->trios);
      for (const auto& p : people) {
        if (PoolOf(p) != kind ||
            std::find(unit.begin(), unit.end(), p.id) != unit.end())
          continue;
        ASSERT_LE(most_inside, p.trios)
            << "someone in the trio for the " << most_inside + 1
            << "th time while " << p.id << " has had " << p.trios;
      }
    }
  }

  std::vector<std::vector<ParticipantId>> last;
};

TEST(PairingTest, EvenRoomsMeetEveryoneBeforeAnyRepeat) {
  for (int n = 2; n <= 60; n += 2) {
    Room room(static_cast<uint64_t>(n));
    for (int i = 0; i < n; ++i) room.Arrive();
    for (int r = 0; r < n - 1; ++r)
      ASSERT_EQ(room.Round(static_cast<uint32_t>(r)), 0)
          << n << " people, round " << r;
    EXPECT_EQ(room.met.size(), static_cast<size_t>(n * (n - 1) / 2))
        << "every pairing used";
  }
  for (int n : {100, 250, 500}) {
    Room room(static_cast<uint64_t>(n));
    for (int i = 0; i < n; ++i) room.Arrive();
    for (int r = 0; r < 12; ++r)
      ASSERT_EQ(room.Round(static_cast<uint32_t>(r)), 0)
          << n << " people, round " << r;
  }
}

TEST(PairingTest, OddRoomsGetOneTrioAndNoRepeatUntilTheTrioHasGoneRound) {
  // The trio uses three meetings a round, so an odd room runs out sooner; and
  // the trio moves (nobody in it twice while someone has not been in it), so
  // once n / 3 rounds have put nearly everyone in one, the last ones may have
  // met already (with 7 people, round 2's trio is taken from two pairs). No
  // repeats for min((n - 3) / 2, n / 3 - 1) rounds: 15 rounds for the 49
  // officials of Guatemala City (the rule's figures are in
  // docs/performance.md).
  for (int n = 3; n <= 61; n += 2) {
    Room room(static_cast<uint64_t>(n));
    for (int i = 0; i < n; ++i) room.Arrive();
    for (int r = 0; r < std::min((n - 3) / 2, n / 3 - 1); ++r)
      ASSERT_EQ(room.Round(static_cast<uint32_t>(r)), 0)
          << n << " people, round " << r;
    room.Round(999);
    EXPECT_EQ(std::count_if(room.last.begin(), room.last.end(),
                            [](const auto& u) { return u.size() == 3; }),
              1);
  }
}

// The trio moves around (issue 12: the same person was in it every round).
// Room::Round asserts the rule each round (CheckTrioMovesAround) and the
// structure (everyone once, units of two or three); here also that six rounds
// of a stable room put 18 different people in the trio when there are that
// many, and that the pairs still never meet twice.
TEST(PairingTest, TheTrioMovesAroundInOddRooms) {
  for (int n : {5, 7, 9, 11, 15, 19, 21, 49, 51, 101, 251, 501}) {
    Room room(static_cast<uint64_t>(n) * 7);
    for (int i = 0; i < n; ++i) room.Arrive();
    int repeats = 0;
    for (uint32_t r = 0; r < 6; ++r) {
      repeats += room.Round(r);
      if (HasFatalFailure()) return;
    }
    const size_t in_a_trio = static_cast<size_t>(
        std::count_if(room.trios.begin(), room.trios.end(),
                      [](const auto& t) { return t.second > 0; }));
    EXPECT_EQ(in_a_trio, std::min<size_t>(18, static_cast<size_t>(n)))
        << n << " people";
    // Repeats over the six rounds, against the pairing before the trio moved
    // (same rooms: 14, 9, 4 and 1 repeats for 5, 7, 9 and 11 people, none from
    // 15 on). Nine people pay two more for the rule: the third
    // round's trio is the last three who had none, whoever they had met.
    const std::map<int, int> before{{5, 14}, {7, 9}, {9, 4}, {11, 1}};
    const int allowed = before.contains(n) ? before.at(n) : 0;
    EXPECT_LE(repeats, allowed + (n == 9 ? 2 : 0)) << n << " people";
  }
}

TEST(PairingTest, TheTrioMovesAroundWhilePeopleComeAndGo) {
  for (int n : {5, 7, 9, 13, 49, 51, 501}) {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
      Room room(seed * 977 + static_cast<uint64_t>(n));
      for (int i = 0; i < n; ++i) room.Arrive();
      for (uint32_t r = 0; r < 6; ++r) {
        // Between one and a tenth leave, and as many (or one more) arrive,
        // so the count is odd in some rounds and even in others.
        const int churn = std::max(1, n / 10);
        for (int k = 0; k < churn; ++k) room.Leave();
        for (int k = 0; k < churn + static_cast<int>(r % 2); ++k) room.Arrive();
        room.Round(r);
        if (HasFatalFailure()) return;
      }
    }
  }
}

TEST(PairingTest, PeopleComingAndGoingStillMeetNewPartners) {
  for (int n : {12, 16, 20, 30, 49, 100, 200, 500}) {
    for (uint64_t seed = 1; seed <= 10; ++seed) {
      Room room(seed * 1000 + static_cast<uint64_t>(n));
      for (int i = 0; i < n; ++i) room.Arrive();
      int repeats = 0;
      for (uint32_t r = 0; r < 6; ++r) {
        const int churn = std::max(1, n / 10);
        for (int k = 0; k < churn; ++k) room.Leave();
        for (int k = 0; k < churn; ++k) room.Arrive();
        repeats += room.Round(r);
      }
      EXPECT_EQ(repeats, 0) << n << " people, seed " << seed
                            << ": six rounds with 10% coming and going";
    }
  }
}

TEST(PairingTest, RemotePeopleMeetRemotePeople) {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    Room room(seed);
    const uint32_t remote = room.rng.Below(8);
    const uint32_t in_room = 2 + room.rng.Below(40);
    for (uint32_t i = 0; i < in_room; ++i) room.Arrive(Presence::kInRoom);
    for (uint32_t i = 0; i < remote; ++i) room.Arrive(Presence::kRemote);
    for (uint32_t r = 0; r < 4; ++r)
      room.Round(r);  // CheckStructure asserts the rules
    if (HasFatalFailure()) return;
  }
  // A lone remote person is not left alone.
  Room room(3);
  for (int i = 0; i < 4; ++i) room.Arrive(Presence::kInRoom);
  room.Arrive(Presence::kRemote);
  room.Round(0);
  EXPECT_EQ(room.last.size(), 2u);
}

TEST(PairingTest, SameGroupPairsAreAvoidedWhenAsked) {
  for (int n : {8, 16, 40, 100}) {
    Room room(static_cast<uint64_t>(n));
    for (int i = 0; i < n; ++i)
      room.Arrive(Presence::kInRoom, 1 + static_cast<GroupNumber>(i % 4));
    for (uint32_t r = 0; r < 3; ++r) {
      room.Round(r, {.avoid_same_group = true});
      std::map<ParticipantId, GroupNumber> group;
      for (const auto& p : room.people) group[p.id] = p.group;
      for (const auto& unit : room.last) {
        EXPECT_NE(group[unit[0]], group[unit[1]])
            << n << " people, round " << r;
      }
    }
  }
}

}  // namespace
}  // namespace campana::domain
