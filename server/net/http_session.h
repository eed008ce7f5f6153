#ifndef CAMPANA_NET_HTTP_SESSION_H_
#define CAMPANA_NET_HTTP_SESSION_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "net/app_bridge.h"
#include "net/limits.h"
#include "net/static_files.h"

namespace campana::net {

// Answers that come from the app thread, produced asynchronously.
struct AppQueries {
  // False while the event log cannot be written: GET /healthz answers 503.
  std::function<bool()> healthy;
  // Text for GET /metrics.
  std::function<void(std::function<void(std::string)> done)> metrics;
  // GET /api/workshops/CODE/export with the facilitator key: (status, body).
  std::function<void(std::string code, std::string key,
                     std::function<void(int status, std::string body)> done)>
      export_workshop;
  // Any other request under /api/: the organizer API (app::OrganizerApi),
  // answered with (status, JSON).
  std::function<void(std::string method, std::string target,
                     std::string authorization, std::string body,
                     std::function<void(int status, std::string body)> done)>
      organizer;
};

// One HTTP connection: static files, /healthz, /metrics, and the upgrade of /ws
// to a WebSocketSession. Requests must arrive whole within a deadline and with
// small headers.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, AppBridge& app,
              const StaticFiles& files, const Limits& limits,
              const AppQueries& queries);
  void Run();

 private:
  void DoRead();
  void OnHeader(boost::beast::error_code ec, size_t bytes);
  void OnRead(boost::beast::error_code ec, size_t bytes);
  void Handle(
      boost::beast::http::request<boost::beast::http::string_body>&& request);
  template <class Response>
  void Write(Response&& response);
  // Writes a response made elsewhere (the app thread's answer) from this
  // session's own executor.
  void WriteLater(
      boost::beast::http::response<boost::beast::http::string_body> response);
  void OnWrite(bool keep_alive, boost::beast::error_code ec, size_t bytes);

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<
      boost::beast::http::request_parser<boost::beast::http::string_body>>
      parser_;
  std::shared_ptr<void> response_;  // keeps the response alive during the write
  AppBridge& app_;
  const StaticFiles& files_;
  const Limits& limits_;
  const AppQueries& queries_;
  bool head_ = false;  // the request being answered is a HEAD
};

}  // namespace campana::net

#endif  // CAMPANA_NET_HTTP_SESSION_H_
