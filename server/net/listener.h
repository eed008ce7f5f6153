#ifndef CAMPANA_NET_LISTENER_H_
#define CAMPANA_NET_LISTENER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

namespace campana::net {

// Accepts connections and spreads them over the I/O threads round-robin: each
// socket lives on one io_context (one thread) for its whole life, so all cores
// share the writes of a broadcast.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  using OnAccept = std::function<void(boost::asio::ip::tcp::socket&&)>;

  Listener(boost::asio::io_context& accept_context,
           std::vector<boost::asio::io_context*> io_contexts,
           OnAccept on_accept);
  // Binds and listens; false with `error` set if the address is taken or
  // invalid.
  bool Listen(const boost::asio::ip::tcp::endpoint& endpoint,
              std::string* error);
  void Start();
  void Stop();
  uint16_t port() const;

 private:
  void DoAccept();

  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;
  uint64_t accept_failures_ = 0;
  std::chrono::steady_clock::time_point last_accept_warning_{};
  std::vector<boost::asio::io_context*> io_contexts_;
  size_t next_ = 0;
  OnAccept on_accept_;
};

}  // namespace campana::net

#endif  // CAMPANA_NET_LISTENER_H_
