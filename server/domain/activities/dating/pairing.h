#ifndef CAMPANA_DOMAIN_ACTIVITIES_DATING_PAIRING_H_
#define CAMPANA_DOMAIN_ACTIVITIES_DATING_PAIRING_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "domain/types.h"

// Who meets whom in a round of speed dating. A pure function of who is present,
// who has met whom, and the round number: no state of its own.
namespace campana::domain {

struct PairingPerson {
  ParticipantId id = 0;
  Presence presence = Presence::kInRoom;
  GroupNumber group = 0;
  // Where the person sits in the round-robin circle: a fixed, shuffled order
  // for the activity, so that the schedule survives people coming and going.
  uint64_t circle_key = 0;
  // How many trios the person has been in so far in this activity (derived
  // from the rounds already drawn), so that the trio moves around.
  uint32_t trios = 0;
};

// How many times each two people have met, keyed by PairKey.
using MeetingCounts = std::unordered_map<uint64_t, uint32_t>;
uint64_t PairKey(ParticipantId a, ParticipantId b);

struct PairingOptions {
  bool avoid_same_group = false;
};

// Pairs everyone in `people` (at least two):
//  - in-room people with in-room people, remote with remote; someone who would
//  be alone in
//    their kind joins the others (nobody is ever alone);
//  - in each kind, an odd count makes one trio, of three people with the
//    fewest trios so far: nobody is in a trio a second time while someone else
//    of the kind has not been in one (PairingPerson::trios);
//  - the pairs follow a round-robin circle (the circle method), which for a
//  stable room
//    brings nobody together twice until every pairing has been used; when
//    people come and go, the rotation with the fewest repeats is taken and
//    remaining repeats (and, if asked, same-group pairs) are swapped away where
//    another pair can take them.
// Each unit lists its members; `round` (0, 1, ...) selects the rotation.
std::vector<std::vector<ParticipantId>> PairEveryone(
    const std::vector<PairingPerson>& people, const MeetingCounts& met,
    uint32_t round, const PairingOptions& options);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_DATING_PAIRING_H_
