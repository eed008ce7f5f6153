#ifndef CAMPANA_DOMAIN_WORKSHOP_H_
#define CAMPANA_DOMAIN_WORKSHOP_H_

#include <optional>
#include <string>
#include <vector>

#include "domain/commands.h"
#include "domain/docs.h"
#include "domain/events.h"
#include "domain/random.h"
#include "domain/rejection.h"
#include "domain/state.h"

namespace campana::domain {

// What an accepted command produced: the events to log and apply (possibly
// none, e.g. a Join resent after a lost Ack), and what the Ack tells the
// sender.
struct Decision {
  std::vector<Event> events;
  ParticipantId joined = 0;  // Join: the participant the device now is
  std::string resume_token;  // Join: the token to come back with
  // Join: the participant's personal code; ResetPersonalCode: the new one.
  std::string personal_code;
  uint32_t created_id = 0;  // CreateTimer: the new timer
  // Join with a personal code: the participant's last applied client_seq, for
  // the new device to count on from.
  uint64_t last_client_seq = 0;
};

// One workshop's engine: commands in, events out. Pure and deterministic: no
// clock, no randomness, no I/O of its own. Not thread-safe; one thread (the
// hub's) owns each instance.
//
//   auto decision = workshop.Decide(actor, command, now, rng);   // reads only
//   if (decision.ok()) workshop.Apply(record_of(decision));       // mutates
//
// Replaying the logged records into a fresh Workshop rebuilds the same state,
// because Apply is the only mutator and events carry everything Decide drew or
// computed.
class Workshop {
 public:
  Workshop() = default;
  // From a snapshot; rebuilds the derived indexes.
  explicit Workshop(WorkshopState state);

  Workshop(const Workshop&) = default;
  Workshop& operator=(const Workshop&) = default;
  Workshop(Workshop&&) = default;
  Workshop& operator=(Workshop&&) = default;

  // Checks `command` from `actor` at `now`: authority first, then the state.
  // Returns the events it would cause, or why it is refused. Does not change
  // anything.
  Result<Decision> Decide(const Actor& actor, const Command& command, Time now,
                          Random& rng) const;

  // Applies one record. Requires record.offset == offset() + 1. Adds to
  // `touched` every document whose content or visibility may have changed.
  void Apply(const LogRecord& record, Touched& touched);

  // True if `actor` already had a command with this seq applied (seq 0 is never
  // a duplicate).
  bool IsDuplicate(const Actor& actor, uint64_t client_seq) const;

  // The earliest moment a Tick would change something (a running timer reaching
  // zero).
  std::optional<Time> NextDeadline() const;

  uint64_t offset() const { return state_.offset; }
  const WorkshopState& state() const { return state_; }

  // The whole state in a compact, deterministic text form: tests compare these.
  std::string Describe() const;

 private:
  WorkshopState state_;
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_WORKSHOP_H_
