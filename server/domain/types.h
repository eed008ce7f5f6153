#ifndef CAMPANA_DOMAIN_TYPES_H_
#define CAMPANA_DOMAIN_TYPES_H_

#include <compare>
#include <cstdint>
#include <string>

namespace campana::domain {

using ParticipantId = uint32_t;  // 1, 2, ... in join order; never reused
using GroupNumber = uint32_t;    // 1-based; 0 means "in no group"
using TeamId = uint32_t;         // 1-based
using TimerId = uint32_t;        // 1-based
using AnswerId = uint32_t;       // 1-based

enum class Role : uint8_t { kSystem, kParticipant, kProjector, kFacilitator };
enum class Presence : uint8_t { kInRoom = 1, kRemote = 2 };

// What the projector shows: kAuto follows the run of show (the pages pick the
// current activity's scene); the others are a facilitator's choice.
enum class Scene : uint8_t {
  kAuto = 0,
  kJoin = 1,
  kGroups = 2,
  kTimers = 3,
  kTitle = 4,
};
constexpr Scene kLastScene = Scene::kTitle;

// Who issues a command. A participant actor with id 0 has connected but not
// joined yet.
struct Actor {
  Role role = Role::kSystem;
  ParticipantId participant = 0;

  static Actor System() { return {Role::kSystem, 0}; }
  static Actor Facilitator() { return {Role::kFacilitator, 0}; }
  static Actor Projector() { return {Role::kProjector, 0}; }
  static Actor Participant(ParticipantId id) {
    return {Role::kParticipant, id};
  }

  bool operator==(const Actor&) const = default;
  std::string Describe() const;
};

// What a timer or a bell concerns.
struct Scope {
  enum class Kind : uint8_t { kRoom = 1, kTeam = 2, kGroup = 3 };
  Kind kind = Kind::kRoom;
  uint32_t id = 0;  // team id or group number; 0 for the room

  static Scope Room() { return {Kind::kRoom, 0}; }
  static Scope Team(TeamId id) { return {Kind::kTeam, id}; }
  static Scope Group(GroupNumber g) { return {Kind::kGroup, g}; }

  // clang-tidy 14 reads the defaulted <=> as comparing with a literal 0.
  // NOLINTNEXTLINE(modernize-use-nullptr)
  auto operator<=>(const Scope&) const = default;
  std::string Describe() const;
};

const char* Describe(Role role);
const char* Describe(Presence presence);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_TYPES_H_
