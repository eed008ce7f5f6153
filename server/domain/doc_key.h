#ifndef CAMPANA_DOMAIN_DOC_KEY_H_
#define CAMPANA_DOMAIN_DOC_KEY_H_

#include <compare>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "domain/types.h"

// A device's view of a workshop is a set of documents. Each document has a key,
// a content the codec renders from the state, and a visibility: the audiences
// whose devices may see it. Private things (another participant's answers)
// simply have a visibility that leaves others out, so they can never reach
// their sockets. This header names them; docs.h says which exist and who sees
// them.
namespace campana::domain {

// Values match campana.v1.DocKind.
enum class DocKind : uint8_t {
  kWorkshop = 1,
  kParticipant = 2,
  kGroups = 3,
  kTimer = 4,
  kBell = 5,
  kAgenda = 6,
  kAnswer = 7,
  kShownAnswer = 8,
  kRace = 9,
  kCardDeck = 10,
  kCardGroup = 11,
  kCardResults = 12,
  kDating = 13,
  kDatingUnit = 14,
  kDatingNote = 15,
  kAccess = 16,  // id 0: the projector secret and the bans; facilitators only
  kLiveQuestion = 17,
  kLiveAnswer = 18,
  kShownLiveAnswer = 19,
  kBoard = 20,
  kBoardNote = 21,
  kBoardCluster = 22,
  kBoardMine = 23,
  kBoardTally = 24,
  kPoll = 25,
  kPollMine = 26,
  kPollTally = 27,
  kPollText = 28,
  kPollProgress = 29,
  kPollHidden = 30,
  kActionPlan = 31,
};

struct DocKey {
  DocKind kind;
  uint64_t id = 0;
  // clang-tidy 14 reads the defaulted <=> as comparing with a literal 0.
  // NOLINTNEXTLINE(modernize-use-nullptr)
  auto operator<=>(const DocKey&) const = default;
  std::string Describe() const;  // "Timer/3"
};

uint64_t BellDocId(const Scope& scope);

enum class AudienceKind : uint8_t {
  kEveryone = 1,      // every device in the workshop, joined or not
  kStaff = 2,         // projectors and facilitators
  kFacilitators = 3,  // facilitators only
  kGroup = 4,         // the participants of one group
  kParticipant = 5,   // the devices of one participant
};

struct Audience {
  AudienceKind kind;
  uint32_t id = 0;
  // clang-tidy 14 reads the defaulted <=> as comparing with a literal 0.
  // NOLINTNEXTLINE(modernize-use-nullptr)
  auto operator<=>(const Audience&) const = default;
  std::string Describe() const;  // "group 2"

  static Audience Everyone() { return {AudienceKind::kEveryone, 0}; }
  static Audience Staff() { return {AudienceKind::kStaff, 0}; }
  static Audience Facilitators() { return {AudienceKind::kFacilitators, 0}; }
  static Audience Group(GroupNumber g) { return {AudienceKind::kGroup, g}; }
  static Audience Participant(ParticipantId p) {
    return {AudienceKind::kParticipant, p};
  }
};

// Sorted, without duplicates. Empty: the document does not exist.
using Visibility = std::vector<Audience>;

// True if the sorted lists share an element.
bool Intersects(const Visibility& a, const Visibility& b);

// The documents changed by applying events, without duplicates.
class Touched {
 public:
  void Add(const DocKey& key) { keys_.insert(key); }
  const std::set<DocKey>& keys() const { return keys_; }
  void Clear() { keys_.clear(); }

 private:
  std::set<DocKey> keys_;
};

// Called once for each document of a walk over the state (ForEachDoc).
using DocVisitor = std::function<void(const DocKey&)>;

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_DOC_KEY_H_
