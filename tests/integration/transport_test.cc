// The transport under every WebSocket session, on a real loopback connection
// whose receiver is slow: frames that the socket cannot take wait in order and
// are written when it drains; Beast's own output queues behind them; a close
// frame is the last thing written; an aborted transport drops its queue and
// closes.

#include "net/transport.h"

#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <gtest/gtest.h>

namespace campana::net {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

struct Frame {
  uint8_t first_byte;  // FIN and opcode
  std::string payload;
};

// Reads one unmasked frame (RFC 6455 section 5.2) from a blocking socket.
Frame ReadFrame(tcp::socket& socket) {
  uint8_t head[2];
  asio::read(socket, asio::buffer(head));
  uint64_t size = head[1] & 0x7f;
  EXPECT_EQ(head[1] & 0x80, 0) << "a server's frames are not masked";
  if (size >= 126) {
    uint8_t extended[8];
    const size_t bytes = size == 126 ? 2 : 8;
    asio::read(socket, asio::buffer(extended, bytes));
    size = 0;
    for (size_t i = 0; i < bytes; ++i) size = size << 8 | extended[i];
  }
  Frame frame{head[0], std::string(size, '\0')};
  asio::read(socket, asio::buffer(frame.payload));
  return frame;
}

// Sizes that need each of the three length encodings.
std::string Payload(int i) {
  const size_t sizes[] = {100, 1000, 70000};
  std::string payload(sizes[i % 3], static_cast<char>('a' + i % 26));
  payload.replace(0, std::to_string(i).size(), std::to_string(i));
  return payload;
}

class TransportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tcp::acceptor acceptor(io_, {asio::ip::make_address("127.0.0.1"), 0});
    // Small buffers on both sides, so that a few frames fill the connection.
    client_.open(tcp::v4());
    client_.set_option(asio::socket_base::receive_buffer_size(4096));
    client_.connect(acceptor.local_endpoint());
    tcp::socket accepted = acceptor.accept();
    accepted.set_option(asio::socket_base::send_buffer_size(4096));
    transport_ = std::make_unique<Transport>(std::move(accepted));
    transport_->set_owner(owner_);
  }

  // Frames of every size, alternately text and binary, more than the socket
  // takes.
  void WriteFrames(int count) {
    for (int i = 0; i < count; ++i)
      transport_->WriteFrame(std::make_shared<const std::string>(Payload(i)),
                             i % 2 == 0);
  }

  asio::io_context io_;
  tcp::socket client_{io_};
  std::shared_ptr<int> owner_ = std::make_shared<int>(0);
  std::unique_ptr<Transport> transport_;
};

TEST_F(TransportTest, FramesTheSocketCannotTakeWaitAndArriveInOrder) {
  constexpr int kFrames = 60;
  WriteFrames(kFrames);
  ASSERT_GT(transport_->queued_frames(), 0u)
      << "the receiver reads nothing yet, so the socket must be full";
  EXPECT_GT(transport_->queued_bytes(), 0u);

  // Beast's own output (here a ping) goes behind what is queued.
  bool ping_written = false;
  const std::string ping("\x89\x00", 2);
  transport_->async_write_some(asio::buffer(ping),
                               [&](boost::system::error_code ec, size_t bytes) {
                                 EXPECT_FALSE(ec);
                                 EXPECT_EQ(bytes, ping.size());
                                 ping_written = true;
                               });

  // The I/O thread writes as the socket drains; this thread is the slow phone.
  std::thread io_thread([this] { io_.run(); });
  for (int i = 0; i < kFrames; ++i) {
    const Frame frame = ReadFrame(client_);
    EXPECT_EQ(frame.first_byte, i % 2 == 0 ? 0x81 : 0x82) << "frame " << i;
    ASSERT_EQ(frame.payload, Payload(i)) << "frame " << i;
  }
  const Frame last = ReadFrame(client_);
  EXPECT_EQ(last.first_byte, 0x89);
  EXPECT_EQ(last.payload, "");
  io_thread.join();  // returns once nothing is left to write

  EXPECT_TRUE(ping_written);
  EXPECT_EQ(transport_->queued_frames(), 0u);
  EXPECT_EQ(transport_->queued_bytes(), 0u);
}

TEST_F(TransportTest, NothingIsWrittenAfterACloseFrame) {
  transport_->WriteFrame(std::make_shared<const std::string>("before"), true);
  const std::string close("\x88\x02\x03\xe8", 4);  // 1000, normal closure
  transport_->async_write_some(asio::buffer(close),
                               [](boost::system::error_code, size_t) {});
  EXPECT_TRUE(transport_->closing());
  transport_->WriteFrame(std::make_shared<const std::string>("after"), true);
  io_.run();

  EXPECT_EQ(ReadFrame(client_).payload, "before");
  const Frame frame = ReadFrame(client_);
  EXPECT_EQ(frame.first_byte, 0x88);
  EXPECT_EQ(frame.payload, std::string("\x03\xe8", 2));
  // Then silence: shutting down our end makes that visible as the end of the
  // stream.
  transport_->next_layer().shutdown(tcp::socket::shutdown_send);
  char byte;
  boost::system::error_code ec;
  asio::read(client_, asio::buffer(&byte, 1), ec);
  EXPECT_EQ(ec, asio::error::eof) << "\"after\" was written after the close";
}

TEST_F(TransportTest, AbortDropsTheQueueAndClosesTheConnection) {
  WriteFrames(60);
  ASSERT_GT(transport_->queued_frames(), 0u);
  transport_->Abort(asio::error::no_buffer_space);
  EXPECT_EQ(transport_->queued_frames(), 0u);
  EXPECT_EQ(transport_->queued_bytes(), 0u);
  EXPECT_FALSE(transport_->next_layer().is_open());

  // Later frames are dropped, not queued.
  transport_->WriteFrame(std::make_shared<const std::string>("late"), false);
  EXPECT_EQ(transport_->queued_frames(), 0u);

  // The phone reads what had reached it, then the connection ends: no hang.
  std::string received;
  boost::system::error_code ec;
  char buffer[65536];
  while (!ec)
    received.append(buffer, client_.read_some(asio::buffer(buffer), ec));
  EXPECT_TRUE(ec == asio::error::eof || ec == asio::error::connection_reset)
      << ec.message();
  EXPECT_EQ(received.find("late"), std::string::npos);

  // Beast's output after the abort fails rather than vanishing silently.
  boost::system::error_code write_ec;
  transport_->async_write_some(
      asio::buffer("x", 1),
      [&](boost::system::error_code ec, size_t) { write_ec = ec; });
  io_.run();
  EXPECT_EQ(write_ec, asio::error::no_buffer_space);
}

}  // namespace
}  // namespace campana::net
