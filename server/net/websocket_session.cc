#include "net/websocket_session.h"

#include <boost/asio/execution/context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/query.hpp>
#include <spdlog/spdlog.h>

namespace campana::net {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

WebSocketSession::WebSocketSession(boost::asio::ip::tcp::socket&& socket,
                                   AppBridge& app, const Limits& limits)
    : ws_(std::move(socket)),
      app_(app),
      outbox_(boost::asio::use_service<Outbox>(
          static_cast<boost::asio::io_context&>(boost::asio::query(
              ws_.get_executor(), boost::asio::execution::context)))),
      limits_(limits),
      id_(app.NewSessionId()) {
  beast::error_code ec;
  auto endpoint = ws_.next_layer().next_layer().remote_endpoint(ec);
  if (!ec) peer_ = endpoint.address().to_string();
}

WebSocketSession::~WebSocketSession() = default;

void WebSocketSession::Run(const http::request<http::string_body>& request) {
  Transport& transport = ws_.next_layer();
  transport.set_owner(weak_from_this());
  transport.set_max_control_bytes(limits_.max_queued_control_bytes);
  if (limits_.socket_send_buffer > 0) {
    beast::error_code ignored;
    transport.next_layer().set_option(
        boost::asio::socket_base::send_buffer_size(limits_.socket_send_buffer),
        ignored);
  }
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
  app_.connection_log().Opened();
  spdlog::debug("session {} opened from {} ({})", id_, peer_,
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
  outbox_.Add(shared_from_this(), std::move(frame), text);
}

void WebSocketSession::Deliver(const app::SharedBytes& frame, bool text) {
  // Not ws_.is_open(): it reads far into Beast's state, one more cache miss per
  // device in a broadcast. The transport knows when a close frame has gone.
  Transport& transport = ws_.next_layer();
  transport.WriteFrame(frame, text);
  const bool too_far_behind =
      transport.queued_frames() > limits_.max_queued_frames ||
      transport.queued_bytes() > limits_.max_queued_bytes;
  // Over the process's budget, the devices furthest behind go first.
  const bool over_budget =
      transport.queued_bytes() > limits_.max_queued_bytes / 8 &&
      Transport::TotalQueuedBytes() > limits_.max_queued_bytes_total;
  if (too_far_behind || over_budget) {
    spdlog::warn(
        "session {} dropped: {} frames ({} bytes) waiting; it will resume on "
        "reconnect",
        id_, transport.queued_frames(), transport.queued_bytes());
    transport.Abort(boost::asio::error::no_buffer_space);
  }
}

void WebSocketSession::Close() {
  boost::asio::post(ws_.get_executor(), [self = shared_from_this()] {
    self->ws_.next_layer().Abort(boost::asio::error::operation_aborted);
  });
}

void WebSocketSession::Fail(beast::error_code ec, const char* what) {
  if (!opened_) {
    spdlog::debug("websocket from {} failed on {}: {}", peer_, what,
                  ec.message());
    return;
  }
  opened_ = false;
  using Reason = ConnectionLog::Reason;
  Reason why = Reason::kError;
  if (ec == websocket::error::closed) {
    why = Reason::kClosedByDevice;
  } else if (ec == boost::asio::error::eof ||
             ec == boost::asio::error::connection_reset) {
    why = Reason::kWentAway;
  } else if (ec == beast::error::timeout) {
    why = Reason::kTimedOut;
  } else if (ec == boost::asio::error::no_buffer_space) {
    why = Reason::kTooFarBehind;  // Deliver's Abort
  } else if (ec == boost::asio::error::operation_aborted) {
    why = Reason::kByServer;  // Close's Abort
  }
  app_.connection_log().Closed(why);
  if (why == Reason::kError) {
    spdlog::debug("session {} closed on {}: {}", id_, what, ec.message());
  } else {
    spdlog::debug("session {} closed ({})", id_, ec.message());
  }
  app_.Close(id_);
}

}  // namespace campana::net
