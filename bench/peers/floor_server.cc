// The floor: what the kernel allows. Accepts WebSocket connections (Beast does
// the handshake), then on each "go" from any client writes the same pre-framed
// WebSocket message to every other socket with one send() each, from one
// thread. No queues, no allocation per socket.
//
//   floor_server [--payload BYTES]     (prints "listening on 127.0.0.1:PORT" on
//   stderr)

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <sys/socket.h>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

int main(int argc, char** argv) {
  size_t payload = 100;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--payload") == 0)
      payload = std::stoul(argv[i + 1]);
  }
  // Server frames are not masked: FIN + binary, a 7-bit length, the bytes.
  std::string frame = {static_cast<char>(0x82), static_cast<char>(payload)};
  frame.append(payload, 'x');

  asio::io_context io(1);
  asio::ip::tcp::acceptor acceptor(io,
                                   {asio::ip::make_address("127.0.0.1"), 0});
  acceptor.listen(asio::socket_base::max_listen_connections);
  std::fprintf(stderr, "listening on 127.0.0.1:%u\n",
               acceptor.local_endpoint().port());

  std::vector<int> sockets;
  std::vector<std::shared_ptr<websocket::stream<asio::ip::tcp::socket>>>
      streams;
  std::function<void()> accept = [&] {
    acceptor.async_accept([&](beast::error_code ec,
                              asio::ip::tcp::socket socket) {
      if (ec) return;
      socket.set_option(asio::ip::tcp::no_delay(true));
      auto ws = std::make_shared<websocket::stream<asio::ip::tcp::socket>>(
          std::move(socket));
      ws->async_accept([&, ws](beast::error_code ec) {
        if (ec) return;
        streams.push_back(ws);
        sockets.push_back(ws->next_layer().native_handle());
        auto buffer = std::make_shared<beast::flat_buffer>();
        std::function<void()> read;
        auto reader = std::make_shared<std::function<void()>>();
        *reader = [&, ws, buffer, reader] {
          ws->async_read(*buffer,
                         [&, ws, buffer, reader](beast::error_code ec, size_t) {
                           if (ec) return;
                           const int self = ws->next_layer().native_handle();
                           buffer->consume(buffer->size());
                           for (int fd : sockets) {
                             if (fd != self)
                               (void)::send(fd, frame.data(), frame.size(),
                                            MSG_NOSIGNAL | MSG_DONTWAIT);
                           }
                           (*reader)();
                         });
        };
        (*reader)();
      });
      accept();
    });
  };
  accept();
  io.run();
}
