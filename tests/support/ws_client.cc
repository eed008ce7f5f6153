#include "support/ws_client.h"

#include <future>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <google/protobuf/util/json_util.h>

namespace campana::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

struct WsClient::Impl {
  asio::io_context io{1};
  asio::executor_work_guard<asio::io_context::executor_type> guard{
      io.get_executor()};
  websocket::stream<beast::tcp_stream> ws{io};
  beast::flat_buffer buffer;
  std::thread thread;
  std::deque<std::pair<std::string, bool>> writes;

  mutable std::mutex mutex;
  std::condition_variable arrived;
  std::deque<std::pair<std::string, bool>> inbox;  // frame, text
  bool closed = false;
  int close_code = 0;

  void Read() {
    ws.async_read(buffer, [this](beast::error_code ec, size_t) {
      std::lock_guard lock(mutex);
      if (ec) {
        closed = true;
        close_code = ws.reason().code;
        arrived.notify_all();
        return;
      }
      inbox.emplace_back(beast::buffers_to_string(buffer.data()),
                         ws.got_text());
      buffer.consume(buffer.size());
      arrived.notify_all();
      Read();
    });
  }

  void Write() {
    ws.text(writes.front().second);
    ws.async_write(asio::buffer(writes.front().first),
                   [this](beast::error_code ec, size_t) {
                     writes.pop_front();
                     if (!ec && !writes.empty()) Write();
                   });
  }
};

WsClient::WsClient(uint16_t port, bool json)
    : impl_(std::make_unique<Impl>()), port_(port), json_(json) {
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

WsClient::~WsClient() {
  asio::post(impl_->io, [this] {
    beast::error_code ignored;
    beast::get_lowest_layer(impl_->ws).socket().close(ignored);
  });
  impl_->guard.reset();
  impl_->thread.join();
}

bool WsClient::Connect(std::string* error, const std::string& target) {
  std::promise<std::string> done;
  asio::post(impl_->io, [&] {
    beast::error_code ec;
    auto& tcp = beast::get_lowest_layer(impl_->ws);
    tcp.socket().connect({asio::ip::make_address("127.0.0.1"), port_}, ec);
    if (ec) return done.set_value("connect: " + ec.message());
    if (json_) {
      impl_->ws.set_option(websocket::stream_base::decorator(
          [](websocket::request_type& request) {
            request.set(beast::http::field::sec_websocket_protocol,
                        "campana.v1.json");
          }));
    }
    websocket::response_type response;
    impl_->ws.handshake(response, "127.0.0.1:" + std::to_string(port_), target,
                        ec);
    if (ec) return done.set_value("handshake: " + ec.message());
    protocol_ =
        std::string(response[beast::http::field::sec_websocket_protocol]);
    impl_->Read();
    done.set_value("");
  });
  const std::string failure = done.get_future().get();
  if (error != nullptr) *error = failure;
  return failure.empty();
}

void WsClient::Send(const pb::ClientMessage& message) {
  if (json_) {
    std::string text;
    (void)google::protobuf::util::MessageToJsonString(message, &text);
    SendRaw(std::move(text), true);
  } else {
    SendRaw(message.SerializeAsString(), false);
  }
}

void WsClient::SendRaw(std::string bytes, bool text) {
  asio::post(impl_->io, [this, bytes = std::move(bytes), text]() mutable {
    impl_->writes.emplace_back(std::move(bytes), text);
    if (impl_->writes.size() == 1) impl_->Write();
  });
}

void WsClient::Drop() {
  std::promise<void> done;
  asio::post(impl_->io, [&] {
    beast::error_code ignored;
    beast::get_lowest_layer(impl_->ws).socket().close(ignored);
    done.set_value();
  });
  done.get_future().get();
}

std::optional<pb::ServerMessage> WsClient::Next(
    std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->mutex);
  if (!impl_->arrived.wait_for(
          lock, timeout,
          [&] { return !impl_->inbox.empty() || impl_->closed; }) ||
      impl_->inbox.empty()) {
    return std::nullopt;
  }
  auto [frame, text] = std::move(impl_->inbox.front());
  impl_->inbox.pop_front();
  lock.unlock();
  pb::ServerMessage message;
  if (text) {
    texts.push_back(frame);
    if (!google::protobuf::util::JsonStringToMessage(frame, &message).ok())
      return std::nullopt;
  } else if (!message.ParseFromString(frame)) {
    return std::nullopt;
  }
  device.Apply(message);
  return message;
}

std::optional<pb::ServerMessage> WsClient::WaitFor(
    const std::function<bool(const pb::ServerMessage&)>& match,
    std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    auto message = Next(left);
    if (!message) return std::nullopt;
    if (match(*message)) return message;
  }
}

bool WsClient::Until(const std::function<bool()>& holds,
                     std::chrono::milliseconds timeout) {
  if (holds()) return true;
  return WaitFor([&](const pb::ServerMessage&) { return holds(); }, timeout)
      .has_value();
}

std::optional<pb::ServerMessage> WsClient::Reply(
    uint64_t request_id, std::chrono::milliseconds timeout) {
  return WaitFor(
      [request_id](const pb::ServerMessage& m) {
        return (m.has_ack() && m.ack().request_id() == request_id) ||
               (m.has_rejection() &&
                m.rejection().request_id() == request_id) ||
               (m.has_welcome() && m.welcome().request_id() == request_id) ||
               (m.has_pong() && m.pong().request_id() == request_id);
      },
      timeout);
}

std::optional<int> WsClient::WaitClosed(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!closed()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    Next(left);
  }
  std::lock_guard lock(impl_->mutex);
  return impl_->close_code;
}

void WsClient::Drain() {
  while (Next(0ms)) {
  }
}

bool WsClient::closed() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->closed && impl_->inbox.empty();
}

pb::ClientMessage HelloMessage(uint64_t request_id, const std::string& code,
                               pb::Role role, const std::string& secret) {
  pb::ClientMessage m;
  m.set_request_id(request_id);
  m.mutable_hello()->set_workshop_code(code);
  m.mutable_hello()->set_role(role);
  if (role == pb::ROLE_FACILITATOR)
    m.mutable_hello()->set_facilitator_key(secret);
  if (role == pb::ROLE_PARTICIPANT) m.mutable_hello()->set_resume_token(secret);
  if (role == pb::ROLE_PROJECTOR) m.mutable_hello()->set_projector_key(secret);
  return m;
}

pb::ClientMessage CommandMessage(uint64_t request_id,
                                 const pb::Command& command) {
  pb::ClientMessage m;
  m.set_request_id(request_id);
  *m.mutable_command() = command;
  return m;
}

pb::ClientMessage PingMessage(uint64_t request_id, int64_t client_time_ms) {
  pb::ClientMessage m;
  m.set_request_id(request_id);
  m.mutable_ping()->set_client_time_ms(client_time_ms);
  return m;
}

}  // namespace campana::testing
