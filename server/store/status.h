#ifndef CAMPANA_STORE_STATUS_H_
#define CAMPANA_STORE_STATUS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace campana::store {

// Success, or what the database said went wrong. fenced(): a write refused
// because another process has since taken `fenced_workshops` (EventStore's
// TakeOwnership); the writer must stop serving those, and nothing of the batch
// was written.
struct Status {
  bool ok = true;
  std::string message;
  std::vector<uint64_t> fenced_workshops;
  bool fenced() const { return !fenced_workshops.empty(); }
  static Status Ok() { return {}; }
  static Status Error(std::string m) { return {false, std::move(m)}; }
  static Status Fenced(std::vector<uint64_t> workshops, std::string m) {
    return {false, std::move(m), std::move(workshops)};
  }
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_STATUS_H_
