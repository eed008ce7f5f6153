#ifndef CAMPANA_DOMAIN_ACTIVITY_H_
#define CAMPANA_DOMAIN_ACTIVITY_H_

// What an activity is to the engine. An activity (the race, the card sort,
// speed dating, the live question...) is a folder under domain/activities/
// with one header declaring its commands (cmd::), events (ev::), state, and a
// descriptor struct; registry.h lists the descriptors once.
//
// The descriptor has only static members:
//
//   using State = ...;               // its part of WorkshopState
//   using CommandTypes = TypeList<...>;  // every command it decides
//   using EventTypes = TypeList<...>;    // every event it applies
//   static constexpr std::array kDocs{DocKind::...};  // the kinds it owns
//   static Result<Decision> Decide(const internal::Context&, const cmd::X&);
//   static void Apply(WorkshopState&, const ev::Y&, Touched&);
//   CAMPANA_ACTIVITY_HOOKS           // the hooks below, each defined in its
//   .cc
//
// The engine builds its Command and Event variants from the lists, dispatches
// each command to the activity that lists it and each event likewise, and
// calls every activity's hooks where the core changes something an activity
// may show. A command, event or hook without a definition fails the build;
// tests/domain/activity_registry_test.cc checks the rest (every document kind
// owned once, every listed document visible to someone, no stale view after a
// participant leaves).
//
// Each command struct states its metadata beside its fields:
//   static constexpr const char* kName = "MoveCard";
//   static constexpr Permission kAllowed = kForParticipants;

#include <array>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/agenda_item.h"
#include "domain/doc_key.h"
#include "domain/permission.h"
#include "domain/rejection.h"
#include "domain/time.h"
#include "domain/type_list.h"
#include "domain/types.h"

namespace campana::domain {

struct WorkshopState;
struct Decision;
struct Event;
namespace ev {
struct ParticipantJoined;
}  // namespace ev
namespace internal {
struct Context;
}  // namespace internal

// The hooks every activity defines (declared by this macro so that they are
// spelled, and documented, once):
//
// SetUp: the agenda reached item `index` (`item`): if the item is this
//   activity's and it was not set up for that item yet, add the events that set
//   it up. Coming back to an item keeps what happened there.
// Joined: participant `joined` is joining now (Decide of a Join): add the
//   events that place them in what is going on.
// Tick: the clock reached c.now: add the events its deadlines cause.
// NextDeadline: the earliest moment a Tick would change something, if any.
// TouchParticipant: participant `p` was renamed, changed presence or left:
//   mark every document that shows their name, presence or membership.
// TouchLayout: the groups or teams are about to change, or just changed
//   (called both times): mark every document that depends on them.
// ForEachDoc: visit every document of the activity that exists, in key order.
// VisibilityOf: who may see `key` (one of kDocs) now; empty if it does not
//   exist. Private things get a visibility that leaves everybody else out.
// Describe: the activity's state, one fact per line, for tests.
#define CAMPANA_ACTIVITY_HOOKS                                               \
  static void SetUp(const internal::Context& c, int index,                   \
                    const AgendaItem& item, std::vector<Event>& events);     \
  static void Joined(const internal::Context& c,                             \
                     const ev::ParticipantJoined& joined,                    \
                     std::vector<Event>& events);                            \
  static void Tick(const internal::Context& c, std::vector<Event>& events);  \
  static std::optional<Time> NextDeadline(const WorkshopState& s);           \
  static void TouchParticipant(const WorkshopState& s, ParticipantId p,      \
                               Touched& t);                                  \
  static void TouchLayout(const WorkshopState& s, Touched& t);               \
  static void ForEachDoc(const WorkshopState& s, const DocVisitor& visit);   \
  static Visibility VisibilityOf(const WorkshopState& s, const DocKey& key); \
  static void Describe(const WorkshopState& s, std::ostream& out);

// True if activity A lists document kind `kind`.
template <class A>
constexpr bool OwnsDoc(DocKind kind) {
  for (DocKind k : A::kDocs)
    if (k == kind) return true;
  return false;
}

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITY_H_
