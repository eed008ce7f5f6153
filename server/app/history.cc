#include "app/history.h"

namespace campana::app {

void DeltaHistory::Add(uint64_t from, uint64_t to, std::vector<Part> parts) {
  size_t bytes = 0;
  for (const Part& p : parts) bytes += p.bytes->size();
  entries_.push_back({from, to, std::move(parts), bytes});
  bytes_ += bytes;
  while (entries_.size() > max_entries_ ||
         (bytes_ > max_bytes_ && entries_.size() > 1)) {
    bytes_ -= entries_.front().bytes;
    entries_.pop_front();
  }
}

std::optional<std::string> DeltaHistory::Since(
    uint64_t last_offset, uint64_t current,
    const domain::Visibility& subscription) const {
  if (last_offset == current) return std::string();
  if (last_offset > current || entries_.empty() ||
      entries_.front().from > last_offset + 1 || last() != current) {
    return std::nullopt;
  }
  std::string out;
  for (const Entry& entry : entries_) {
    if (entry.to <= last_offset) continue;
    for (const Part& part : entry.parts) {
      if (domain::Intersects(part.audiences, subscription)) out += *part.bytes;
    }
  }
  return out;
}

}  // namespace campana::app
