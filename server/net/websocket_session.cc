#include "net/websocket_session.h"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace campana::net {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

WebSocketSession::WebSocketSession(boost::asio::ip::tcp::socket&& socket,
                                   AppBridge& app, const Limits& limits)
    : ws_(std::move(socket)),
      app_(app),
      limits_(limits),
      id_(app.NewSessionId()) {
  beast::error_code ec;
  auto endpoint = ws_.next_layer().remote_endpoint(ec);
  if (!ec) peer_ = endpoint.address().to_string();
}

WebSocketSession::~WebSocketSession() = default;

void WebSocketSession::Run(http::request<http::string_body> request) {
  // Our own timeouts rather than timeout::suggested(): phones on venue Wi-Fi
  // vanish without a FIN, and the roster should show them gone within a minute,
  // not five.
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = limits_.websocket_handshake_timeout;
  timeouts.idle_timeout = limits_.websocket_idle_timeout;
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  ws_.read_message_max(limits_.max_message_bytes);

  // Text frames with the JSON mapping, for people with a WebSocket command-line
  // client.
  const std::string protocols(request[http::field::sec_websocket_protocol]);
  const bool json =
      protocols.find(codec::kJsonSubprotocol) != std::string::npos;
  format_ = json ? codec::Format::kJson : codec::Format::kBinary;
  ws_.set_option(websocket::stream_base::decorator(
      [json](websocket::response_type& response) {
        response.set(http::field::server, "campana");
        if (json)
          response.set(http::field::sec_websocket_protocol,
                       codec::kJsonSubprotocol);
      }));
  ws_.async_accept(request,
                   beast::bind_front_handler(&WebSocketSession::OnAccept,
                                             shared_from_this()));
}

void WebSocketSession::OnAccept(beast::error_code ec) {
  if (ec) return Fail(ec, "accept");
  opened_ = true;
  spdlog::info("session {} opened from {} ({})", id_, peer_,
               format_ == codec::Format::kJson ? "json" : "binary");
  app_.Open(id_, shared_from_this(), format_);
  DoRead();
}

// Waits for the next message with an empty buffer: Beast's read of a whole
// message prepares its buffer before anything arrives, and an idle phone would
// keep that room (about 1.5 KB) for hours. The frame header lands in the
// stream's own fixed read buffer; the message is read into buffer_ only once it
// has begun.
void WebSocketSession::DoRead() {
  // Not a null pointer: Beast's UTF-8 check of a text frame does arithmetic on
  // it.
  ws_.async_read_some(
      boost::asio::mutable_buffer(&no_room_, 0),
      beast::bind_front_handler(&WebSocketSession::OnMessageBegun,
                                shared_from_this()));
}

void WebSocketSession::OnMessageBegun(beast::error_code ec, size_t) {
  if (ec) return Fail(ec, "read");
  if (ws_.is_message_done()) return OnRead(ec, 0);  // an empty message
  ws_.async_read(buffer_, beast::bind_front_handler(&WebSocketSession::OnRead,
                                                    shared_from_this()));
}

void WebSocketSession::OnRead(beast::error_code ec, size_t) {
  if (ec) return Fail(ec, "read");
  const bool text = ws_.got_text();
  const auto data = buffer_.cdata();
  codec::Inbound inbound = codec::DecodeClientMessage(
      std::string_view(static_cast<const char*>(data.data()), data.size()),
      text ? codec::Format::kJson : codec::Format::kBinary);
  buffer_.consume(buffer_.size());
  // Give the buffer back: an idle device should not keep its last message's
  // room.
  buffer_.shrink_to_fit();
  app_.Receive(id_, std::move(inbound));
  DoRead();
}

void WebSocketSession::Send(app::SharedBytes frame, bool text) {
  boost::asio::post(
      ws_.get_executor(),
      [self = shared_from_this(), frame = std::move(frame), text]() mutable {
        self->Enqueue(std::move(frame), text);
      });
}

void WebSocketSession::Enqueue(app::SharedBytes frame, bool text) {
  if (closed_) return;
  queued_bytes_ += frame->size();
  queue_.push_back({std::move(frame), text});
  if (queue_.size() - head_ > limits_.max_queued_frames ||
      queued_bytes_ > limits_.max_queued_bytes) {
    spdlog::warn(
        "session {} dropped: {} frames ({} bytes) waiting; it will resume on "
        "reconnect",
        id_, queue_.size() - head_, queued_bytes_);
    closed_ = true;
    beast::error_code ignored;
    ws_.next_layer().close(ignored);
    return;
  }
  if (queue_.size() - head_ == 1) DoWrite();
}

void WebSocketSession::DoWrite() {
  const Outgoing& next = queue_[head_];
  ws_.text(next.text);
  ws_.async_write(boost::asio::buffer(*next.frame),
                  beast::bind_front_handler(&WebSocketSession::OnWrite,
                                            shared_from_this()));
}

void WebSocketSession::OnWrite(beast::error_code ec, size_t) {
  if (ec) return Fail(ec, "write");
  queued_bytes_ -= queue_[head_].frame->size();
  queue_[head_].frame.reset();
  if (++head_ == queue_.size()) {
    queue_.clear();
    queue_.shrink_to_fit();
    head_ = 0;
  } else {
    // A device that never quite catches up: drop the sent frames from the front
    // now and then.
    if (head_ >= 64 && head_ * 2 >= queue_.size()) {
      queue_.erase(queue_.begin(),
                   queue_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
    if (!closed_) DoWrite();
  }
}

void WebSocketSession::Fail(beast::error_code ec, const char* what) {
  closed_ = true;
  if (!opened_) {
    spdlog::debug("websocket from {} failed on {}: {}", peer_, what,
                  ec.message());
    return;
  }
  opened_ =
      false;  // report the end once, whichever of read and write saw it first
  const bool ordinary =
      ec == websocket::error::closed || ec == boost::asio::error::eof ||
      ec == boost::asio::error::operation_aborted ||
      ec == boost::asio::error::connection_reset || ec == beast::error::timeout;
  if (ordinary) {
    spdlog::info("session {} closed ({})", id_, ec.message());
  } else {
    spdlog::info("session {} closed on {}: {}", id_, what, ec.message());
  }
  app_.Close(id_);
}

}  // namespace campana::net
