#ifndef CAMPANA_STORE_STATUS_H_
#define CAMPANA_STORE_STATUS_H_

#include <string>
#include <utility>

namespace campana::store {

// Success, or what the database said went wrong. `fenced`: a write refused
// because another process has since taken the workshop (EventStore's
// TakeOwnership); the writer must stop serving it.
struct Status {
  bool ok = true;
  std::string message;
  bool fenced = false;
  static Status Ok() { return {}; }
  static Status Error(std::string m) { return {false, std::move(m)}; }
  static Status Fenced(std::string m) { return {false, std::move(m), true}; }
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_STATUS_H_
