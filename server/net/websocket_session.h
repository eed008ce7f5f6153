#ifndef CAMPANA_NET_WEBSOCKET_SESSION_H_
#define CAMPANA_NET_WEBSOCKET_SESSION_H_

#include <deque>
#include <memory>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include "app/session_sink.h"
#include "codec/wire_codec.h"
#include "net/app_bridge.h"
#include "net/limits.h"

namespace campana::net {

// One device's WebSocket. Owns the socket, its read buffer and its write queue;
// lives on one I/O thread (its io_context has exactly one thread, so its
// handlers never run concurrently). Frames from the device are decoded here,
// off the app thread, and handed to it; frames for the device arrive from the
// app thread through Send() and are written one at a time (Beast allows one
// write in flight), from a bounded queue.
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession>,
                         public app::SessionSink {
 public:
  WebSocketSession(boost::asio::ip::tcp::socket&& socket, AppBridge& app,
                   const Limits& limits);
  ~WebSocketSession() override;

  // Completes the upgrade requested by `request`.
  void Run(
      boost::beast::http::request<boost::beast::http::string_body> request);

  // Any thread.
  void Send(app::SharedBytes frame, bool text) override;

 private:
  void OnAccept(boost::beast::error_code ec);
  void DoRead();
  void OnRead(boost::beast::error_code ec, size_t bytes);
  void Enqueue(app::SharedBytes frame, bool text);
  void DoWrite();
  void OnWrite(boost::beast::error_code ec, size_t bytes);
  void Fail(boost::beast::error_code ec, const char* what);

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  AppBridge& app_;
  const Limits limits_;
  const app::SessionId id_;
  codec::Format format_ = codec::Format::kBinary;
  std::string peer_;
  struct Outgoing {
    app::SharedBytes frame;
    bool text;
  };
  std::deque<Outgoing> queue_;
  size_t queued_bytes_ = 0;
  bool opened_ = false;
  bool closed_ = false;
};

}  // namespace campana::net

#endif  // CAMPANA_NET_WEBSOCKET_SESSION_H_
