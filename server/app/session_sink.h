#ifndef CAMPANA_APP_SESSION_SINK_H_
#define CAMPANA_APP_SESSION_SINK_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "codec/wire_codec.h"

namespace campana::app {

using SessionId = uint64_t;
using SharedBytes = std::shared_ptr<const std::string>;

// The hub's handle on one device connection; server/net implements it. The hub
// calls it on the app thread only, and it must not block: it hands the bytes to
// the connection's own thread, which writes them in order, one frame each.
class SessionSink {
 public:
  virtual ~SessionSink() = default;
  // `frame` is shared with other sessions and never modified. `text` selects a
  // text frame (JSON) instead of a binary one.
  virtual void Send(SharedBytes frame, bool text) = 0;
  // Which I/O thread the connection is on, from 0: the devices of one thread
  // get a broadcast as one list.
  virtual uint32_t shard() const { return 0; }
  // Ends the connection (a device that never said Hello, or one evicted to make
  // room); the server then reports it closed as usual. Does not block.
  virtual void Close() {}
};

// Devices of one shard that get the same binary frames. Immutable once built,
// so that the hub can keep it for the next broadcast while the I/O thread
// writes to it.
struct SinkGroup {
  uint32_t shard = 0;
  std::vector<std::shared_ptr<SessionSink>> sinks;
};
using SharedSinkGroup = std::shared_ptr<const SinkGroup>;

// Hands one binary frame to every device of a group (server/net: one hand-over
// to the group's I/O thread). Each device gets it in order with what it was
// sent before.
using Multicast =
    std::function<void(const SharedSinkGroup& group, const SharedBytes& frame)>;

// Sends a serialized ServerMessage in the session's format (binary, or its JSON
// mapping).
void SendFrame(SessionSink& sink, codec::Format format,
               const SharedBytes& frame);

}  // namespace campana::app

#endif  // CAMPANA_APP_SESSION_SINK_H_
