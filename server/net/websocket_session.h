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
  void OnMessageBegun(boost::beast::error_code ec, size_t bytes);
  void OnRead(boost::beast::error_code ec, size_t bytes);
  void Enqueue(app::SharedBytes frame, bool text);
  void DoWrite();
  void OnWrite(boost::beast::error_code ec, size_t bytes);
  void Fail(boost::beast::error_code ec, const char* what);

  // A plain socket under the WebSocket: Beast's websocket timeouts have their
  // own timer, and beast::tcp_stream would add a second one and a longer
  // handler chain to every idle read.
  boost::beast::websocket::stream<boost::asio::ip::tcp::socket> ws_;
  boost::beast::flat_buffer buffer_;
  char no_room_ = 0;  // the zero-length buffer that waits for a message
  AppBridge& app_;
  const Limits limits_;
  const app::SessionId id_;
  codec::Format format_ = codec::Format::kBinary;
  std::string peer_;
  struct Outgoing {
    app::SharedBytes frame;
    bool text;
  };
  // Usually empty or one frame: a vector (with a front index) holds nothing
  // while idle, where an empty std::deque holds 512 bytes.
  std::vector<Outgoing> queue_;
  size_t head_ = 0;
  size_t queued_bytes_ = 0;
  bool opened_ = false;
  bool closed_ = false;
};

}  // namespace campana::net

#endif  // CAMPANA_NET_WEBSOCKET_SESSION_H_
