#ifndef CAMPANA_TESTS_SUPPORT_WS_CLIENT_H_
#define CAMPANA_TESTS_SUPPORT_WS_CLIENT_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <campana/v1/wire.pb.h>

#include "support/device.h"

namespace campana::testing {

using std::chrono_literals::operator""ms;
using std::chrono_literals::operator""s;

// A real WebSocket client (Boost.Beast over loopback TCP) for integration
// tests. Reads run on a thread of its own; the test waits for messages with a
// deadline instead of sleeping. Every message taken is applied to `device`, the
// view a page would hold.
class WsClient {
 public:
  explicit WsClient(uint16_t port, bool json = false);
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  bool Connect(std::string* error = nullptr, const std::string& target = "/ws");
  void Send(const pb::ClientMessage& message);  // binary, or JSON text if json
  void SendRaw(std::string bytes, bool text);
  // Drops the TCP connection without a close handshake, as a phone losing Wi-Fi
  // does.
  void Drop();

  // The next message, or nullopt if none comes within `timeout` (or the
  // connection closed).
  std::optional<pb::ServerMessage> Next(
      std::chrono::milliseconds timeout = 10s);
  // Takes messages until one satisfies `match`; nullopt on timeout or close.
  std::optional<pb::ServerMessage> WaitFor(
      const std::function<bool(const pb::ServerMessage&)>& match,
      std::chrono::milliseconds timeout = 10s);
  // Returns true as soon as `holds` is true of the view, taking messages until
  // it is.
  bool Until(const std::function<bool()>& holds,
             std::chrono::milliseconds timeout = 10s);
  // Waits for a reply (Ack, Rejection, Welcome or Pong) to `request_id`.
  std::optional<pb::ServerMessage> Reply(
      uint64_t request_id, std::chrono::milliseconds timeout = 10s);
  // Waits for the server to close the connection; returns the close code (0 if
  // none given).
  std::optional<int> WaitClosed(std::chrono::milliseconds timeout = 10s);
  // Takes whatever has arrived so far, without waiting.
  void Drain();

  bool closed() const;
  std::string negotiated_protocol() const { return protocol_; }
  std::vector<std::string> texts;  // JSON frames as received, in json mode

  Device device;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint16_t port_;
  bool json_;
  std::string protocol_;
};

// Builders for the messages tests send.
pb::ClientMessage HelloMessage(uint64_t request_id, const std::string& code,
                               pb::Role role, const std::string& secret = "");
pb::ClientMessage CommandMessage(uint64_t request_id,
                                 const pb::Command& command);
pb::ClientMessage PingMessage(uint64_t request_id, int64_t client_time_ms);

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_SUPPORT_WS_CLIENT_H_
