#ifndef CAMPANA_NET_APP_BRIDGE_H_
#define CAMPANA_NET_APP_BRIDGE_H_

#include <memory>

#include "app/session_sink.h"
#include "codec/wire_codec.h"
#include "net/connection_log.h"

namespace campana::net {

// How connections reach the app thread: each call is queued to it and returns
// at once.
class AppBridge {
 public:
  virtual ~AppBridge() = default;
  virtual app::SessionId NewSessionId() = 0;
  virtual void Open(app::SessionId id, std::shared_ptr<app::SessionSink> sink,
                    codec::Format format) = 0;
  virtual void Receive(app::SessionId id, codec::Inbound inbound) = 0;
  virtual void Close(app::SessionId id) = 0;
  // Where connections count themselves opened and closed (for the log).
  virtual ConnectionLog& connection_log() = 0;
};

}  // namespace campana::net

#endif  // CAMPANA_NET_APP_BRIDGE_H_
