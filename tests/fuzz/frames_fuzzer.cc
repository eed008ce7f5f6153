// fuzz_frames: the bytes a device sends once its WebSocket is open, through
// Beast's frame parser and codec::DecodeClientMessage, as in
// net::WebSocketSession: a server-side websocket::stream, accepted from an
// upgrade request, with the server's message limit (net::Limits), reading the
// way the session reads (a zero-length read to wait for a message, then the
// whole message into a flat_buffer given back afterwards) until the stream
// fails or closes. Every whole message is decoded: text frames as JSON, binary
// as protobuf.
//
// Left out: the timeouts (they need a clock, and decide nothing about bytes),
// and the Transport's socket: the stream below Beast is in memory. One check
// besides crashes: what Beast writes back after the handshake (pongs, a close
// frame) is never more than the device sent, plus one close frame. The
// Transport queues those bytes for a device that does not read, up to
// Limits::max_queued_control_bytes; this says that bound is reached only by
// sending as much.
//
// Input: one byte for how many bytes each read of the "socket" returns (1 to
// 255; 0: as many as Beast asks for), then what the device sends: masked
// frames, as a browser sends them.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket.hpp>

#include "codec/wire_codec.h"
#include "net/limits.h"

namespace campana::fuzz {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

// The device's end of the connection, in memory. Reads return the input
// `chunk` bytes at a time, then the end of the stream. Writes (the handshake's
// reply, pongs, the closing frame) complete at once and whole, as with
// net::Transport, which queues them, and go nowhere. Every completion is
// posted, never called inline.
class MemoryStream {
 public:
  using executor_type = asio::io_context::executor_type;

  MemoryStream(executor_type executor, std::string_view input, size_t chunk)
      : executor_(std::move(executor)), input_(input), chunk_(chunk) {}

  executor_type get_executor() noexcept { return executor_; }
  size_t written() const { return written_; }

  template <class MutableBufferSequence, class ReadToken>
  auto async_read_some(const MutableBufferSequence& buffers,
                       ReadToken&& token) {
    return asio::async_initiate<ReadToken, void(beast::error_code, size_t)>(
        [this](auto handler, const MutableBufferSequence& buffers) {
          beast::error_code ec;
          size_t n = 0;
          if (asio::buffer_size(buffers) == 0) {
            // Like a socket: an empty read completes at once with nothing.
          } else if (input_.empty()) {
            ec = asio::error::eof;
          } else {
            n = asio::buffer_copy(
                buffers,
                asio::buffer(input_.data(), std::min(chunk_, input_.size())));
            input_.remove_prefix(n);
          }
          this->Complete(std::move(handler), ec, n);
        },
        token, buffers);
  }

  template <class ConstBufferSequence, class WriteToken>
  auto async_write_some(const ConstBufferSequence& buffers,
                        WriteToken&& token) {
    return asio::async_initiate<WriteToken, void(beast::error_code, size_t)>(
        [this](auto handler, const ConstBufferSequence& buffers) {
          written_ += asio::buffer_size(buffers);
          this->Complete(std::move(handler), beast::error_code(),
                         asio::buffer_size(buffers));
        },
        token, buffers);
  }

  template <class Handler>
  void Complete(Handler&& handler, beast::error_code ec, size_t n) {
    auto executor = asio::get_associated_executor(handler, executor_);
    asio::post(executor, beast::bind_front_handler(
                             std::forward<Handler>(handler), ec, n));
  }

 private:
  executor_type executor_;
  std::string_view input_;
  size_t chunk_;
  size_t written_ = 0;
};

// Found by Beast through argument-dependent lookup. Its timeouts close the
// socket (they are never set here); its asynchronous close handshake ends by
// tearing the connection down. Nothing to shut down in memory.
void beast_close_socket(MemoryStream&) {}

template <class TeardownHandler>
void async_teardown(beast::role_type, MemoryStream& stream,
                    TeardownHandler&& handler) {
  asio::post(stream.get_executor(),
             beast::bind_front_handler(std::forward<TeardownHandler>(handler),
                                       beast::error_code()));
}

// WebSocketSession's reading, over the memory stream.
class Session {
 public:
  Session(asio::io_context& io, std::string_view input, size_t chunk)
      : ws_(io.get_executor(), input, chunk) {}

  void Run() {
    http::request<http::string_body> upgrade{http::verb::get, "/ws", 11};
    upgrade.set(http::field::host, "campana.local");
    upgrade.set(http::field::upgrade, "websocket");
    upgrade.set(http::field::connection, "Upgrade");
    upgrade.set(http::field::sec_websocket_key, "dGhlIHNhbXBsZSBub25jZQ==");
    upgrade.set(http::field::sec_websocket_version, "13");
    ws_.read_message_max(net::Limits{}.max_message_bytes);
    ws_.async_accept(upgrade, [this](beast::error_code ec) {
      if (ec) return Trace("accept failed: " + ec.message());
      handshake_bytes_ = ws_.next_layer().written();
      ReadNext();
    });
  }

  // After the run: the replies to `sent` bytes from the device.
  void CheckReplies(size_t sent) const {
    constexpr size_t kCloseFrame = 2 + 125;
    const size_t replies = ws_.next_layer().written() - handshake_bytes_;
    if (handshake_bytes_ != 0 && replies > sent + kCloseFrame) {
      std::fprintf(stderr,
                   "fuzz_frames: %zu bytes sent, %zu bytes of replies: Beast "
                   "writes back more than a device sends\n",
                   sent, replies);
      std::abort();
    }
  }

 private:
  void ReadNext() {
    ws_.async_read_some(
        asio::mutable_buffer(&no_room_, 0),
        [this](beast::error_code ec, size_t) {
          if (ec) return Trace("read ended: " + ec.message());
          if (ws_.is_message_done()) return OnMessage(ec);
          ws_.async_read(
              buffer_, [this](beast::error_code ec, size_t) { OnMessage(ec); });
        });
  }

  void OnMessage(beast::error_code ec) {
    if (ec) return Trace("read ended: " + ec.message());
    const auto data = buffer_.cdata();
    const codec::Inbound inbound = codec::DecodeClientMessage(
        std::string_view(static_cast<const char*>(data.data()), data.size()),
        ws_.got_text() ? codec::Format::kJson : codec::Format::kBinary);
    if (trace_) {
      const auto* rejection = std::get_if<domain::Rejection>(&inbound.body);
      Trace(std::string(ws_.got_text() ? "text" : "binary") + " message, " +
            std::to_string(data.size()) + " bytes: " +
            (rejection != nullptr
                 ? "rejected " + rejection->Describe()
                 : "request " + std::to_string(inbound.request_id)));
    }
    buffer_.consume(buffer_.size());
    buffer_.shrink_to_fit();
    ReadNext();
  }

  // FUZZ_TRACE=1 fuzz_frames FILE: what the session read.
  void Trace(const std::string& line) const {
    if (trace_) std::fprintf(stderr, "%s\n", line.c_str());
  }

  const bool trace_ = std::getenv("FUZZ_TRACE") != nullptr;
  size_t handshake_bytes_ = 0;  // 0 until the handshake is done
  websocket::stream<MemoryStream> ws_;
  beast::flat_buffer buffer_;
  char no_room_ = 0;
};

}  // namespace
}  // namespace campana::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static boost::asio::io_context io;
  const size_t chunk = data[0] == 0 ? SIZE_MAX : data[0];
  io.restart();
  campana::fuzz::Session session(
      io, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1),
      chunk);
  session.Run();
  io.run();
  session.CheckReplies(size - 1);
  return 0;
}
