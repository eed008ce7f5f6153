#ifndef CAMPANA_APP_HISTORY_H_
#define CAMPANA_APP_HISTORY_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "app/fanout.h"

namespace campana::app {

// The recent deltas of one workshop, as sent, so that a device coming back
// after a drop gets what it missed instead of a whole snapshot (Centrifugo's
// history and recovery). Bounded in entries and bytes; older gaps are answered
// with a snapshot.
class DeltaHistory {
 public:
  DeltaHistory(size_t max_entries, size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}

  // The parts of the delta covering offsets (from - 1, to]. Entries arrive in
  // order, without gaps.
  void Add(uint64_t from, uint64_t to, std::vector<Part> parts);

  // Everything in (last_offset, current] that a device with `subscription`
  // should have, as one frame's worth of concatenated parts, or nullopt when
  // history does not reach back that far. `current` is the newest offset sent
  // to devices.
  std::optional<std::string> Since(
      uint64_t last_offset, uint64_t current,
      const domain::Visibility& subscription) const;

  // The newest offset covered (0 when empty).
  uint64_t last() const { return entries_.empty() ? 0 : entries_.back().to; }

 private:
  struct Entry {
    uint64_t from;
    uint64_t to;
    std::vector<Part> parts;
    size_t bytes;
  };
  const size_t max_entries_;
  const size_t max_bytes_;
  std::deque<Entry> entries_;
  size_t bytes_ = 0;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_HISTORY_H_
