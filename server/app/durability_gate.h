#ifndef CAMPANA_APP_DURABILITY_GATE_H_
#define CAMPANA_APP_DURABILITY_GATE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <unordered_map>
#include <vector>

#include "app/fanout.h"
#include "app/session_sink.h"

namespace campana::app {

// Holds back what may not leave the process before the log is durable up to
// its offset, and lets it go in order when the writer reports that it is. Two
// things wait here: frames for one session (a Welcome, an Ack, a Rejection, a
// Snapshot), and the rendered documents of each record, which become everyone's
// deltas.
//
// Order: a session's frames are released in the order they were queued, never
// one before an earlier one, even when its own offset is already durable (a
// Rejection behind an Ack still waiting). Sessions are independent: one
// device's wait never holds back another's. Records come out oldest first.
//
// Owns what it holds. Callers guarantee that records are held in offset order,
// and Forget a session that goes. `release` gets each frame as it leaves; it
// must not call back into the gate.
//
// Thread: not thread-safe; the hub's thread (the app thread) only.
class DurabilityGate {
 public:
  // Hands a released frame to its session. `makes_live`, as queued: the
  // session may receive deltas once this frame is out.
  using Release = std::function<void(SessionId session, const SharedBytes&,
                                     bool makes_live)>;

  DurabilityGate(uint64_t durable, Release release)
      : release_(std::move(release)), durable_(durable) {}
  DurabilityGate(const DurabilityGate&) = delete;
  DurabilityGate& operator=(const DurabilityGate&) = delete;

  // The log is durable up to here.
  uint64_t durable() const { return durable_; }

  // Releases `frame` at once if `offset` is durable and nothing of the session
  // waits; holds it otherwise.
  void Queue(SessionId session, uint64_t offset, SharedBytes frame,
             bool makes_live = false);
  // Drops what waits for a session that is gone.
  void Forget(SessionId session) { held_.erase(session); }

  // Holds a record's rendered documents until the record is durable.
  void Hold(RenderedRecord record) { records_.push_back(std::move(record)); }

  // The log is durable up to `offset`: releases every frame held for it or
  // before, and returns the records it covers, oldest first. Does nothing when
  // `offset` is not past durable().
  std::vector<RenderedRecord> Advance(uint64_t offset);

 private:
  struct Held {
    uint64_t offset;
    SharedBytes frame;
    bool makes_live;
  };

  const Release release_;
  uint64_t durable_;
  // Only sessions with something held have an entry, so an idle one costs no
  // allocation; rarely more than two frames each.
  std::unordered_map<SessionId, std::vector<Held>> held_;
  std::deque<RenderedRecord> records_;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_DURABILITY_GATE_H_
