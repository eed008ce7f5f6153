#include "net/transport.h"

#include <atomic>
#include <span>

#include <boost/asio/error.hpp>

namespace campana::net {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

// RFC 6455 section 5.2: FIN, the opcode, and the payload length in 7, 16 or 64
// bits; no mask from a server.
uint8_t WriteHeader(std::array<uint8_t, 10>& header, size_t size, bool text) {
  header[0] = 0x80 | (text ? 0x1 : 0x2);
  if (size < 126) {
    header[1] = static_cast<uint8_t>(size);
    return 2;
  }
  if (size <= 0xffff) {
    header[1] = 126;
    header[2] = static_cast<uint8_t>(size >> 8);
    header[3] = static_cast<uint8_t>(size);
    return 4;
  }
  header[1] = 127;
  for (int i = 0; i < 8; ++i)
    header[2 + i] = static_cast<uint8_t>(uint64_t{size} >> (56 - 8 * i));
  return 10;
}

// At most this many frames go to the kernel in one call.
constexpr size_t kFramesPerWrite = 16;

std::atomic<size_t> total_queued_bytes{0};

}  // namespace

Transport::Transport(socket_type&& socket) : socket_(std::move(socket)) {
  error_code ignored;
  // Only our synchronous writes see this: Asio's asynchronous reads work either
  // way.
  socket_.non_blocking(true, ignored);
}

void Transport::WriteFrame(const app::SharedBytes& payload, bool text) {
  if (failed_ || closing_) return;
  Pending pending;
  pending.header_size = WriteHeader(pending.header, payload->size(), text);
  if (head_ == queue_.size()) {
    // Nothing waiting: write it now, straight from the shared bytes, and queue
    // only what the socket does not take.
    const std::array<asio::const_buffer, 2> buffers{
        asio::buffer(pending.header.data(), pending.header_size),
        asio::buffer(*payload)};
    error_code ec;
    pending.written = socket_.write_some(buffers, ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) {
      pending.written = 0;
      ec = {};
    }
    if (ec) return Fail(ec);
    if (pending.written == pending.header_size + payload->size()) return;
  }
  pending.bytes = payload;
  Push(std::move(pending));
}

size_t Transport::TotalQueuedBytes() {
  return total_queued_bytes.load(std::memory_order_relaxed);
}

void Transport::AddQueued(ptrdiff_t bytes) {
  queued_bytes_ =
      static_cast<size_t>(static_cast<ptrdiff_t>(queued_bytes_) + bytes);
  total_queued_bytes.fetch_add(static_cast<size_t>(bytes),
                               std::memory_order_relaxed);
}

void Transport::WriteFramed(std::string bytes) {
  // FIN and opcode 8: a close frame (Beast's other output is the handshake
  // reply, pings and pongs).
  if (!bytes.empty() && static_cast<uint8_t>(bytes[0]) == 0x88) closing_ = true;
  Pending pending;
  pending.bytes = std::make_shared<const std::string>(std::move(bytes));
  control_bytes_ += pending.size();
  Push(std::move(pending));
  // Beast answers every ping with a pong, whether or not the device reads
  // them: a device that pings and never reads would otherwise grow this queue
  // without end.
  if (max_control_bytes_ != 0 && control_bytes_ > max_control_bytes_)
    Fail(asio::error::no_buffer_space);
}

void Transport::Push(Pending pending) {
  AddQueued(static_cast<ptrdiff_t>(pending.size() - pending.written));
  queue_.push_back(std::move(pending));
  if (!waiting_) Flush();
}

void Transport::Flush() {
  while (head_ < queue_.size()) {
    // The unwritten rest of up to kFramesPerWrite frames, as one gathered
    // write.
    std::array<asio::const_buffer, 2 * kFramesPerWrite> buffers;
    size_t count = 0;
    size_t requested = 0;
    for (size_t i = head_; i < queue_.size() && i < head_ + kFramesPerWrite;
         ++i) {
      const Pending& p = queue_[i];
      const size_t header_done = std::min<size_t>(p.written, p.header_size);
      if (header_done < p.header_size)
        buffers[count++] = asio::buffer(p.header.data() + header_done,
                                        p.header_size - header_done);
      const size_t bytes_done = p.written - header_done;
      buffers[count++] = asio::buffer(p.bytes->data() + bytes_done,
                                      p.bytes->size() - bytes_done);
      requested += p.size() - p.written;
    }
    error_code ec;
    size_t written = socket_.write_some(
        std::span<const asio::const_buffer>(buffers.data(), count), ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) {
      written = 0;
      ec = {};
    }
    if (ec) return Fail(ec);
    AddQueued(-static_cast<ptrdiff_t>(written));
    for (size_t left = written; left > 0;) {
      Pending& p = queue_[head_];
      const size_t taken = std::min(left, p.size() - p.written);
      if (p.header_size == 0) control_bytes_ -= taken;  // Beast's frame
      p.written += taken;
      left -= taken;
      if (p.written == p.size()) {
        p.bytes.reset();
        ++head_;
      }
    }
    if (written < requested) {
      // The socket is full: wait for room, keeping the owner (and so this)
      // alive meanwhile.
      std::shared_ptr<void> owner = owner_.lock();
      if (!owner) return Fail(asio::error::operation_aborted);
      waiting_ = true;
      socket_.async_wait(socket_type::wait_write,
                         [this, owner = std::move(owner)](error_code wait_ec) {
                           waiting_ = false;
                           if (wait_ec) return Fail(wait_ec);
                           Flush();
                         });
      return;
    }
  }
  queue_.clear();
  head_ = 0;
  // Keep room for the usual one frame, so that a broadcast allocates nothing
  // per socket.
  if (queue_.capacity() > 2) std::vector<Pending>().swap(queue_);
}

void Transport::Fail(error_code ec) {
  if (!failed_) failed_ = ec;
  std::vector<Pending>().swap(queue_);
  head_ = 0;
  AddQueued(-static_cast<ptrdiff_t>(queued_bytes_));
  control_bytes_ = 0;
  error_code ignored;
  socket_.close(ignored);  // the pending read reports the end
}

}  // namespace campana::net
