#ifndef CAMPANA_NET_WEBSOCKET_SESSION_H_
#define CAMPANA_NET_WEBSOCKET_SESSION_H_

#include <memory>
#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "app/session_sink.h"
#include "codec/wire_codec.h"
#include "net/app_bridge.h"
#include "net/limits.h"
#include "net/outbox.h"
#include "net/transport.h"

namespace campana::net {

// One device's WebSocket. Owns the socket (through its Transport, which does
// the writing) and its read buffer; lives on one I/O thread (its io_context has
// exactly one thread, so its handlers never run concurrently). Frames from the
// device are decoded here, off the app thread, and handed to it; frames for the
// device arrive from the app thread through Send(), in batches per I/O thread
// (Outbox), and queue in the Transport, which is bounded: a device that falls
// too far behind is dropped, and resumes when it reconnects.
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession>,
                         public app::SessionSink {
 public:
  WebSocketSession(boost::asio::ip::tcp::socket&& socket, AppBridge& app,
                   const Limits& limits);
  ~WebSocketSession() override;

  // Completes the upgrade requested by `request`.
  void Run(const boost::beast::http::request<boost::beast::http::string_body>&
               request);

  // Any thread.
  void Send(app::SharedBytes frame, bool text) override;
  uint32_t shard() const override { return outbox_.shard(); }
  void Close() override;
  // On the session's thread (from its Outbox): queues the frame and starts
  // writing.
  void Deliver(const app::SharedBytes& frame, bool text);

 private:
  void OnAccept(boost::beast::error_code ec);
  void DoRead();
  void OnMessageBegun(boost::beast::error_code ec, size_t bytes);
  void OnRead(boost::beast::error_code ec, size_t bytes);
  void Fail(boost::beast::error_code ec, const char* what);

  // Not over beast::tcp_stream: Beast's websocket timeouts have their own
  // timer, and tcp_stream would add a second one and a longer handler chain to
  // every idle read.
  boost::beast::websocket::stream<Transport> ws_;
  boost::beast::flat_buffer buffer_;
  char no_room_ = 0;  // the zero-length buffer that waits for a message
  AppBridge& app_;
  Outbox& outbox_;
  const Limits& limits_;
  const app::SessionId id_;
  codec::Format format_ = codec::Format::kBinary;
  std::string peer_;
  bool opened_ = false;
};

}  // namespace campana::net

#endif  // CAMPANA_NET_WEBSOCKET_SESSION_H_
