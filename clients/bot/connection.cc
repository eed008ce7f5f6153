#include "bot/connection.h"

#include <boost/asio/connect.hpp>
#include <boost/beast/websocket.hpp>
#include <netinet/in.h>

namespace campana::bot {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

Connection::Connection(asio::io_context& io, uint32_t index,
                       ConnectionHandler& handler)
    : ws_(io), handler_(handler), index_(index) {}

void Connection::Open(const asio::ip::tcp::endpoint& server,
                      const asio::ip::address& source, std::string target) {
  auto& socket = ws_.next_layer();
  beast::error_code ec;
  socket.open(server.protocol(), ec);
  if (!ec) socket.set_option(asio::ip::tcp::no_delay(true), ec);
  // The port is chosen at connect, for the whole 4-tuple: bound here, it
  // would be unique per source address, and benchmarks that open and close
  // tens of thousands of connections a minute would run out.
  using BindNoPort =
      asio::detail::socket_option::boolean<IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT>;
  if (!ec && !source.is_unspecified()) socket.set_option(BindNoPort(true), ec);
  if (!ec && !source.is_unspecified()) socket.bind({source, 0}, ec);
  if (ec) return Fail("bind: " + ec.message());
  socket.async_connect(
      server, [self = shared_from_this(), server,
               target = std::move(target)](beast::error_code ec) {
        if (ec) return self->Fail("connect: " + ec.message());
        self->ws_.binary(true);
        self->ws_.async_handshake(
            server.address().to_string() + ":" + std::to_string(server.port()),
            target, [self](beast::error_code ec) {
              if (ec) return self->Fail("handshake: " + ec.message());
              // Frames queued before the handshake go first; OnOpen's own
              // sends queue behind them (one write in flight).
              self->open_ = true;
              if (!self->out_.empty()) self->Write();
              self->handler_.OnOpen(*self);
              self->Read();
            });
      });
}

void Connection::Read() {
  ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec,
                                                      size_t) {
    if (ec)
      return self->Fail(
          ec == websocket::error::closed ? "closed" : "read: " + ec.message());
    const auto received = Clock::now();
    const auto data = self->buffer_.cdata();
    self->handler_.OnMessage(
        *self,
        std::string_view(static_cast<const char*>(data.data()), data.size()),
        received);
    self->buffer_.consume(self->buffer_.size());
    self->Read();
  });
}

void Connection::Send(std::string frame) {
  if (closed_) return;
  out_.push_back(std::move(frame));
  if (out_.size() == 1 && open_) Write();
}

void Connection::Write() {
  ws_.async_write(asio::buffer(out_.front()),
                  [self = shared_from_this()](beast::error_code ec, size_t) {
                    if (ec) return self->Fail("write: " + ec.message());
                    self->out_.pop_front();
                    if (!self->out_.empty()) self->Write();
                  });
}

void Connection::Close() {
  if (closed_) return;
  closed_ = true;
  beast::error_code ignored;
  ws_.next_layer().close(ignored);
}

void Connection::Fail(const std::string& why) {
  const bool was_open = open_ || !closed_;
  open_ = false;
  closed_ = true;
  if (was_open) handler_.OnClose(*this, why);
}

asio::ip::address LoopbackSource(uint32_t index, uint32_t count) {
  if (count <= 1) return asio::ip::make_address_v4("127.0.0.1");
  return asio::ip::address_v4(asio::ip::address_v4::loopback().to_uint() + 1 +
                              index % count);
}

}  // namespace campana::bot
