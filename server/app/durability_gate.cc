#include "app/durability_gate.h"

#include <iterator>

namespace campana::app {

void DurabilityGate::Queue(SessionId session, uint64_t offset,
                           SharedBytes frame, bool makes_live) {
  if (offset <= durable_ && !held_.contains(session)) {
    release_(session, frame, makes_live);
    return;
  }
  held_[session].push_back({offset, std::move(frame), makes_live});
}

std::vector<RenderedRecord> DurabilityGate::Advance(uint64_t offset) {
  if (offset <= durable_) return {};
  durable_ = offset;
  for (auto it = held_.begin(); it != held_.end();) {
    std::vector<Held>& frames = it->second;
    size_t released = 0;
    for (; released < frames.size() && frames[released].offset <= offset;
         ++released) {
      release_(it->first, frames[released].frame, frames[released].makes_live);
    }
    frames.erase(frames.begin(),
                 frames.begin() + static_cast<std::ptrdiff_t>(released));
    it = frames.empty() ? held_.erase(it) : std::next(it);
  }
  std::vector<RenderedRecord> durable;
  while (!records_.empty() && records_.front().offset <= offset) {
    durable.push_back(std::move(records_.front()));
    records_.pop_front();
  }
  return durable;
}

}  // namespace campana::app
