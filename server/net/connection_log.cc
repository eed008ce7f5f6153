#include "net/connection_log.h"

#include <string_view>

namespace campana::net {
namespace {

constexpr std::array<std::string_view, ConnectionLog::kReasons> kReasonNames = {
    "closed by the device", "went away", "timed out", "too far behind",
    "closed by the server", "failed"};

// 19000 -> "19,000": the summary is read by people.
std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<size_t>(at), ",");
  return digits;
}

}  // namespace

std::optional<std::string> ConnectionLog::TakeSummary() {
  // Closed before opened: a connection counted as closed here was counted as
  // opened too, so the number open is never negative.
  std::array<uint64_t, kReasons> closed{};
  uint64_t all_closed = 0;
  for (size_t i = 0; i < kReasons; ++i) {
    closed[i] = closed_[i].load(std::memory_order_acquire);
    all_closed += closed[i];
  }
  const uint64_t opened = opened_.load(std::memory_order_relaxed);
  uint64_t said_all_closed = 0;
  for (uint64_t n : said_closed_) said_all_closed += n;
  if (opened == said_opened_ && all_closed == said_all_closed)
    return std::nullopt;

  std::string line = "connections: " + Grouped(opened - said_opened_) +
                     " opened, " + Grouped(all_closed - said_all_closed) +
                     " closed";
  std::string reasons;
  for (size_t i = 0; i < kReasons; ++i) {
    const uint64_t n = closed[i] - said_closed_[i];
    if (n == 0) continue;
    reasons += (reasons.empty() ? "" : ", ") + Grouped(n) + " " +
               std::string(kReasonNames[i]);
  }
  if (!reasons.empty()) line += " (" + reasons + ")";
  line +=
      "; " + Grouped(opened >= all_closed ? opened - all_closed : 0) + " open";
  said_opened_ = opened;
  said_closed_ = closed;
  return line;
}

}  // namespace campana::net
