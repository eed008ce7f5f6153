#ifndef CAMPANA_NET_CONNECTION_LOG_H_
#define CAMPANA_NET_CONNECTION_LOG_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

namespace campana::net {

// Counts WebSocket connections opened and closed, by why they closed, so that
// the log says it in one line every few seconds: a keynote room of 19,000
// phones joining is not 19,000 lines written by the I/O threads (each
// connection's own lines are at debug).
//
// Opened and Closed may be called from any thread, at once; TakeSummary from
// one thread at a time.
class ConnectionLog {
 public:
  enum class Reason : uint8_t {
    kClosedByDevice,  // the WebSocket close handshake
    kWentAway,        // end of stream or reset: the phone left, the Wi-Fi did
    kTimedOut,        // nothing heard, not even a pong
    kTooFarBehind,    // dropped: it did not read what it was sent
    kByServer,        // closed by the server (a device removed, shutting down)
    kError,           // anything else (a protocol error, a message too large)
  };
  static constexpr size_t kReasons = 6;

  void Opened() { opened_.fetch_add(1, std::memory_order_relaxed); }
  // Release: whoever reads this close sees the connection's open too.
  void Closed(Reason why) {
    closed_[static_cast<size_t>(why)].fetch_add(1, std::memory_order_release);
  }

  // "connections: 120 opened, 7 closed (5 went away, 2 timed out); 4,113
  // open", for what happened since the last call; nothing if nothing did.
  std::optional<std::string> TakeSummary();

 private:
  std::atomic<uint64_t> opened_{0};
  std::array<std::atomic<uint64_t>, kReasons> closed_{};
  // What the last summary counted.
  uint64_t said_opened_ = 0;
  std::array<uint64_t, kReasons> said_closed_{};
};

}  // namespace campana::net

#endif  // CAMPANA_NET_CONNECTION_LOG_H_
