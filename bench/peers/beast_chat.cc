// The idiom of Beast's example/websocket/server/chat-multi, as a minimal
// broadcaster: the message is serialized once into a shared_ptr<const
// std::string>, and every session gets it posted to its strand, queued, and
// written with one async_write per message. Two threads, like the server it is
// compared with.
//
//   beast_chat [--payload BYTES] [--threads N]   (prints "listening on
//   127.0.0.1:PORT")

#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

class Session;

struct SharedState {
  std::mutex mutex;
  std::unordered_set<Session*> sessions;
  std::shared_ptr<const std::string> payload;
  void Broadcast(Session* from);
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(asio::ip::tcp::socket&& socket, SharedState& state)
      : ws_(std::move(socket)), state_(state) {}
  ~Session() {
    std::lock_guard lock(state_.mutex);
    state_.sessions.erase(this);
  }
  void Run() {
    ws_.async_accept([self = shared_from_this()](beast::error_code ec) {
      if (ec) return;
      {
        std::lock_guard lock(self->state_.mutex);
        self->state_.sessions.insert(self.get());
      }
      self->ws_.binary(true);
      self->Read();
    });
  }
  void Send(std::shared_ptr<const std::string> message) {
    asio::post(ws_.get_executor(), [self = shared_from_this(), message] {
      self->queue_.push_back(message);
      if (self->queue_.size() == 1) self->Write();
    });
  }

 private:
  void Read() {
    ws_.async_read(buffer_,
                   [self = shared_from_this()](beast::error_code ec, size_t) {
                     if (ec) return;
                     self->buffer_.consume(self->buffer_.size());
                     self->state_.Broadcast(self.get());
                     self->Read();
                   });
  }
  void Write() {
    ws_.async_write(asio::buffer(*queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, size_t) {
                      if (ec) return;
                      self->queue_.erase(self->queue_.begin());
                      if (!self->queue_.empty()) self->Write();
                    });
  }
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  std::vector<std::shared_ptr<const std::string>> queue_;
  SharedState& state_;
};

void SharedState::Broadcast(Session* from) {
  // As chat-multi does: copy the list of sessions (weakly held) under the lock,
  // send outside it.
  std::vector<std::weak_ptr<Session>> targets;
  {
    std::lock_guard lock(mutex);
    targets.reserve(sessions.size());
    for (Session* s : sessions) {
      if (s != from) targets.push_back(s->weak_from_this());
    }
  }
  for (auto& weak : targets) {
    if (auto s = weak.lock()) s->Send(payload);
  }
}

int main(int argc, char** argv) {
  size_t payload = 100;
  int threads = 2;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--payload") == 0)
      payload = std::stoul(argv[i + 1]);
    if (std::strcmp(argv[i], "--threads") == 0)
      threads = std::stoi(argv[i + 1]);
  }
  SharedState state;
  state.payload = std::make_shared<const std::string>(payload, 'x');
  asio::io_context io(threads);
  asio::ip::tcp::acceptor acceptor(io,
                                   {asio::ip::make_address("127.0.0.1"), 0});
  acceptor.listen(asio::socket_base::max_listen_connections);
  std::fprintf(stderr, "listening on 127.0.0.1:%u\n",
               acceptor.local_endpoint().port());
  std::function<void()> accept = [&] {
    acceptor.async_accept(
        asio::make_strand(io),
        [&](beast::error_code ec, asio::ip::tcp::socket socket) {
          if (!ec) {
            socket.set_option(asio::ip::tcp::no_delay(true));
            std::make_shared<Session>(std::move(socket), state)->Run();
          }
          accept();
        });
  };
  accept();
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
}
