#ifndef CAMPANA_APP_SESSION_SINK_H_
#define CAMPANA_APP_SESSION_SINK_H_

#include <cstdint>
#include <memory>
#include <string>

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
};

// Sends a serialized ServerMessage in the session's format (binary, or its JSON
// mapping).
void SendFrame(SessionSink& sink, codec::Format format,
               const SharedBytes& frame);

}  // namespace campana::app

#endif  // CAMPANA_APP_SESSION_SINK_H_
