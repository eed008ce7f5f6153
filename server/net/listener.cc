#include "net/listener.h"

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

namespace campana::net {

namespace asio = boost::asio;

Listener::Listener(asio::io_context& accept_context,
                   std::vector<asio::io_context*> io_contexts,
                   OnAccept on_accept)
    : acceptor_(accept_context),
      retry_(accept_context),
      io_contexts_(std::move(io_contexts)),
      on_accept_(std::move(on_accept)) {}

bool Listener::Listen(const asio::ip::tcp::endpoint& endpoint,
                      std::string* error) {
  boost::system::error_code ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    *error = "cannot listen on " + endpoint.address().to_string() + ":" +
             std::to_string(endpoint.port()) + ": " + ec.message();
    return false;
  }
  return true;
}

void Listener::Start() {
  asio::post(acceptor_.get_executor(),
             [self = shared_from_this()] { self->DoAccept(); });
}

void Listener::Stop() {
  asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

uint16_t Listener::port() const { return acceptor_.local_endpoint().port(); }

void Listener::DoAccept() {
  asio::io_context& target = *io_contexts_[next_++ % io_contexts_.size()];
  acceptor_.async_accept(
      target, [self = shared_from_this()](boost::system::error_code ec,
                                          asio::ip::tcp::socket socket) {
        if (ec == asio::error::operation_aborted) return;
        if (ec) {
          // Out of descriptors, most likely: say so (once a second at most,
          // with how many failed), and try again shortly rather than spin.
          ++self->accept_failures_;
          const auto now = std::chrono::steady_clock::now();
          if (now - self->last_accept_warning_ >= std::chrono::seconds(1)) {
            spdlog::warn("accept: {} ({} failures since the last warning)",
                         ec.message(), self->accept_failures_);
            self->accept_failures_ = 0;
            self->last_accept_warning_ = now;
          }
          self->retry_.expires_after(std::chrono::milliseconds(100));
          self->retry_.async_wait([self](boost::system::error_code wait_ec) {
            if (!wait_ec) self->DoAccept();
          });
          return;
        } else {
          boost::system::error_code ignored;
          socket.set_option(asio::ip::tcp::no_delay(true), ignored);
          self->on_accept_(std::move(socket));
        }
        self->DoAccept();
      });
}

}  // namespace campana::net
