#ifndef CAMPANA_NET_TRANSPORT_H_
#define CAMPANA_NET_TRANSPORT_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/websocket/teardown.hpp>

#include "app/session_sink.h"

namespace campana::net {

// The socket under a device's WebSocket, as Beast's next layer. Beast runs the
// protocol over it: the handshake, reading and unmasking frames, answering
// pings, the close handshake. This class owns the writes. Every byte for the
// device goes through one queue: the app's data frames, written straight from
// the bytes shared by every device with one send(2) each and no allocation, and
// Beast's own output (the handshake reply, pings, pongs, a close frame), which
// it copies and queues behind them. So a broadcast costs a socket one system
// call, and none of Beast's frames can land in the middle of one of ours.
//
// Writes are non-blocking: what the socket cannot take now waits in the queue
// until it is writable. A write error closes the socket, and the pending read
// reports it.
//
// One thread: all calls on the socket's io_context thread.
class Transport {
 public:
  using socket_type = boost::asio::ip::tcp::socket;
  using executor_type = socket_type::executor_type;
  using next_layer_type = socket_type;

  explicit Transport(socket_type&& socket);
  // Moved only when the stream is built, with nothing queued.
  Transport(Transport&&) = default;
  ~Transport() { AddQueued(-static_cast<ptrdiff_t>(queued_bytes_)); }

  // Whose lifetime a wait for the socket to drain extends (the session that
  // owns this).
  void set_owner(std::weak_ptr<void> owner) { owner_ = std::move(owner); }

  // Queues one whole message as a single unmasked frame (server to client) and
  // writes what the socket takes now.
  void WriteFrame(const app::SharedBytes& payload, bool text);

  // Beast has queued a close frame: nothing may follow it (RFC 6455 section
  // 5.5.1), and WriteFrame drops what comes.
  bool closing() const { return closing_; }

  // Drops the queue and closes the socket (a device too far behind); the
  // pending read reports the end.
  void Abort(boost::system::error_code reason) { Fail(reason); }

  // Frames and bytes not yet written.
  size_t queued_frames() const { return queue_.size() - head_; }
  size_t queued_bytes() const { return queued_bytes_; }
  // Of those, Beast's own frames (pongs, pings, the close).
  size_t queued_control_bytes() const { return control_bytes_; }
  // Beast's frames may wait up to this many bytes; past it the device is
  // dropped (it pings and does not read the pongs). 0: no bound.
  void set_max_control_bytes(size_t max) { max_control_bytes_ = max; }
  // Bytes waiting in every Transport of the process.
  static size_t TotalQueuedBytes();

  executor_type get_executor() noexcept { return socket_.get_executor(); }
  socket_type& next_layer() noexcept { return socket_; }
  const socket_type& next_layer() const noexcept { return socket_; }

  // AsyncReadStream, for Beast: straight to the socket.
  template <class MutableBufferSequence, class ReadToken>
  auto async_read_some(const MutableBufferSequence& buffers,
                       ReadToken&& token) {
    return socket_.async_read_some(buffers, std::forward<ReadToken>(token));
  }

  // AsyncWriteStream, for Beast's own output: the bytes are copied into the
  // queue and the write completes at once, whole.
  template <class ConstBufferSequence, class WriteToken>
  auto async_write_some(const ConstBufferSequence& buffers,
                        WriteToken&& token) {
    return boost::asio::async_initiate<WriteToken,
                                       void(boost::system::error_code, size_t)>(
        [this](auto handler, const ConstBufferSequence& buffers) {
          std::string bytes(boost::asio::buffer_size(buffers), '\0');
          boost::asio::buffer_copy(boost::asio::buffer(bytes), buffers);
          const size_t size = bytes.size();
          const boost::system::error_code ec = failed_;
          if (!ec) WriteFramed(std::move(bytes));
          auto executor =
              boost::asio::get_associated_executor(handler, get_executor());
          boost::asio::post(
              executor, boost::beast::bind_front_handler(std::move(handler), ec,
                                                         ec ? 0 : size));
        },
        token, buffers);
  }

 private:
  // One item of the queue: a data frame (its header built here, its payload
  // shared) or bytes that are already framed (Beast's).
  struct Pending {
    app::SharedBytes bytes;
    std::array<uint8_t, 10> header{};
    uint8_t header_size = 0;
    size_t written = 0;  // of header and bytes together
    size_t size() const { return header_size + bytes->size(); }
  };

  void WriteFramed(std::string bytes);
  void Push(Pending pending);
  // Writes as much of the queue as the socket takes; waits for room if it is
  // full.
  void Flush();
  void Fail(boost::system::error_code ec);

  void AddQueued(ptrdiff_t bytes);

  socket_type socket_;
  std::weak_ptr<void> owner_;
  // Usually empty or one frame: a vector with a front index, which holds
  // nothing while idle (an empty std::deque holds 512 bytes).
  std::vector<Pending> queue_;
  size_t head_ = 0;
  size_t queued_bytes_ = 0;
  size_t control_bytes_ = 0;
  size_t max_control_bytes_ = 0;
  bool waiting_ = false;  // for the socket to be writable
  bool closing_ = false;
  boost::system::error_code failed_;
};

// Beast's teardown after the close frame, once the queue (which ends with that
// frame) is written: the TCP teardown of Beast itself (shut down sending, read
// to the end, close).
template <class Handler>
struct TeardownAfterQueue {
  Transport& transport;
  boost::beast::role_type role;
  Handler handler;

  void operator()(boost::system::error_code ec = {}) {
    if (!ec && transport.queued_frames() > 0) {
      transport.next_layer().async_wait(Transport::socket_type::wait_write,
                                        std::move(*this));
      return;
    }
    boost::beast::websocket::async_teardown(role, transport.next_layer(),
                                            std::move(handler));
  }
};

// Found by Beast through argument-dependent lookup, by this name.
template <class TeardownHandler>
void async_teardown(  // NOLINT(readability-identifier-naming)
    boost::beast::role_type role, Transport& transport,
    TeardownHandler&& handler) {
  TeardownAfterQueue<std::decay_t<TeardownHandler>>{
      transport, role, std::forward<TeardownHandler>(handler)}();
}

}  // namespace campana::net

#endif  // CAMPANA_NET_TRANSPORT_H_
