#ifndef CAMPANA_BOT_CONNECTION_H_
#define CAMPANA_BOT_CONNECTION_H_

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

namespace campana::bot {

using Clock = std::chrono::steady_clock;

class Connection;

// What a program does with its connections. Called on the io_context's thread.
class ConnectionHandler {
 public:
  virtual ~ConnectionHandler() = default;
  virtual void OnOpen(Connection& connection) = 0;
  virtual void OnMessage(Connection& connection, std::string_view payload,
                         Clock::time_point received) = 0;
  virtual void OnClose(Connection& connection, const std::string& why) = 0;
};

// One WebSocket client connection, kept light so that one thread can run ten
// thousand: a plain socket (no per-connection timers), a read buffer, and a
// queue with one write in flight. It may bind a chosen loopback source address,
// so that many connections spread over 127.0.0.x and do not run out of
// ephemeral ports.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::io_context& io, uint32_t index,
             ConnectionHandler& handler);

  void Open(const boost::asio::ip::tcp::endpoint& server,
            const boost::asio::ip::address& source, std::string target);
  // Queues a binary frame.
  void Send(std::string frame);
  void Close();

  uint32_t index() const { return index_; }
  bool open() const { return open_; }
  // The socket, for a benchmark that times arrivals with its own epoll.
  int native_handle() { return ws_.next_layer().native_handle(); }

 private:
  void Read();
  void Write();
  void Fail(const std::string& why);

  boost::beast::websocket::stream<boost::asio::ip::tcp::socket> ws_;
  boost::beast::flat_buffer buffer_;
  std::deque<std::string> out_;
  ConnectionHandler& handler_;
  const uint32_t index_;
  bool open_ = false;
  bool closed_ = false;
};

// 127.0.0.1, 127.0.0.2, ...: the source address for connection `index` when
// spreading over `count` addresses.
boost::asio::ip::address LoopbackSource(uint32_t index, uint32_t count);

}  // namespace campana::bot

#endif  // CAMPANA_BOT_CONNECTION_H_
