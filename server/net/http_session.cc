#include "net/http_session.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>
#include <spdlog/spdlog.h>

#include "app/secrets.h"
#include "net/websocket_session.h"

namespace campana::net {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

// Pages may load and connect to nothing but their own origin: the room may be
// offline, and a participant's phone should talk to no one else.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; "
    "style-src 'self' 'unsafe-inline'; media-src 'self' data: blob:; "
    "object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'";

template <class Body>
void CommonHeaders(http::response<Body>& response) {
  response.set(http::field::server, "campana");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
}

http::response<http::string_body> TextResponse(
    http::status status, unsigned version, bool keep_alive, std::string body,
    std::string_view type = "text/plain; charset=utf-8") {
  http::response<http::string_body> response{status, version};
  CommonHeaders(response);
  response.set(http::field::content_type, type);
  response.set(http::field::cache_control, "no-store");
  response.keep_alive(keep_alive);
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(c));
  return out;
}

// "http://host:port" -> "host:port"; empty if not of that form.
std::string_view OriginAuthority(std::string_view origin) {
  const size_t scheme = origin.find("://");
  if (scheme == std::string_view::npos) return {};
  return origin.substr(scheme + 3);
}

// A page from another site must not open a device's connection (the browser
// would send it from the victim's network). Same origin by default, plus the
// configured ones; no Origin header: not a browser.
bool OriginAllowed(const http::request<http::string_body>& request,
                   const Limits& limits) {
  const auto origin = request.find(http::field::origin);
  if (origin == request.end()) return true;
  const std::string value = Lower(origin->value());
  if (OriginAuthority(value) == Lower(request[http::field::host])) return true;
  for (const std::string& allowed : limits.allowed_origins) {
    if (Lower(allowed) == value) return true;
  }
  return false;
}

// What a request that is not the organizer's may carry.
constexpr uint64_t kSmallBody = 4096;

bool IsApi(std::string_view target) { return target.starts_with("/api/"); }

// A device's WebSocket: "/ws", or "/ws/CODE". The code in the path is for a
// proxy in front, which sends every device of a workshop to the same node
// (deploy/haproxy/); the server serves the workshop that the Hello names.
bool IsWebSocketPath(std::string_view target) {
  const std::string_view path = target.substr(0, target.find('?'));
  if (path == "/ws") return true;
  constexpr std::string_view kPrefix = "/ws/";
  if (!path.starts_with(kPrefix)) return false;
  const std::string_view code = path.substr(kPrefix.size());
  return !code.empty() && code.size() <= 32 &&
         std::all_of(code.begin(), code.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
         });
}

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket&& socket, AppBridge& app,
                         const StaticFiles& files, const Limits& limits,
                         const AppQueries& queries)
    : stream_(std::move(socket)),
      app_(app),
      files_(files),
      limits_(limits),
      queries_(queries) {}

void HttpSession::Run() {
  boost::asio::post(
      stream_.get_executor(),
      beast::bind_front_handler(&HttpSession::DoRead, shared_from_this()));
}

void HttpSession::DoRead() {
  parser_.emplace();
  parser_->header_limit(static_cast<uint32_t>(limits_.max_http_header_bytes));
  // Beast checks a Content-Length against the limit as it reads the header,
  // so the header is read under the largest limit, and OnHeader narrows it.
  parser_->body_limit(limits_.max_api_body_bytes);
  stream_.expires_after(limits_.http_read_timeout);
  http::async_read_header(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&HttpSession::OnHeader, shared_from_this()));
}

// The header decides how large a body may be: only the organizer's requests
// carry one of size (an uploaded template).
void HttpSession::OnHeader(beast::error_code ec, size_t bytes) {
  if (ec) return OnRead(ec, bytes);
  const auto& request = parser_->get();
  if (!IsApi(request.target()) || (request.method() != http::verb::post &&
                                   request.method() != http::verb::delete_)) {
    // A declared length was checked against the larger limit: check it here
    // against the small one. A chunked body is checked as its chunks come.
    if (const auto length = parser_->content_length();
        length && *length > kSmallBody) {
      return OnRead(http::make_error_code(http::error::body_limit), bytes);
    }
    parser_->body_limit(kSmallBody);
  }
  http::async_read(
      stream_, buffer_, *parser_,
      beast::bind_front_handler(&HttpSession::OnRead, shared_from_this()));
}

void HttpSession::OnRead(beast::error_code ec, size_t) {
  if (ec == http::error::body_limit) {
    head_ = false;
    return Write(TextResponse(
        http::status::payload_too_large, parser_->get().version(), false,
        R"({"code":"too_large","message":"the request's body is too large"})",
        "application/json"));
  }
  if (ec == http::error::end_of_stream) {
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
    return;
  }
  if (ec) {
    if (ec != beast::error::timeout &&
        ec != boost::asio::error::connection_reset) {
      spdlog::debug("http read: {}", ec.message());
    }
    return;
  }
  Handle(parser_->release());
}

void HttpSession::Handle(http::request<http::string_body>&& request) {
  const unsigned version = request.version();
  const bool keep_alive = request.keep_alive();
  const std::string target(request.target());

  if (websocket::is_upgrade(request)) {
    if (!IsWebSocketPath(target)) {
      return Write(
          TextResponse(http::status::not_found, version, false, "not found\n"));
    }
    if (!OriginAllowed(request, limits_)) {
      spdlog::debug("websocket from another origin refused: {}",
                    std::string(request[http::field::origin]));
      return Write(TextResponse(http::status::forbidden, version, false,
                                "this origin may not connect\n"));
    }
    stream_.expires_never();
    std::make_shared<WebSocketSession>(stream_.release_socket(), app_, limits_)
        ->Run(request);
    return;
  }
  // GET /api/workshops/CODE/export is the facilitator's (with the workshop's
  // key); the rest of /api/ is the organizer's.
  const std::string_view export_prefix = "/api/workshops/";
  const std::string_view export_suffix = "/export";
  const bool is_export =
      request.method() == http::verb::get &&
      target.starts_with(export_prefix) && target.ends_with(export_suffix) &&
      target.size() > export_prefix.size() + export_suffix.size();
  if (IsApi(target) && !is_export) {
    head_ = false;
    queries_.organizer(
        std::string(request.method_string()), target,
        std::string(request[http::field::authorization]),
        std::move(request.body()),
        [self = shared_from_this(), version, keep_alive](int status,
                                                         std::string body) {
          auto response =
              TextResponse(static_cast<http::status>(status), version,
                           keep_alive, std::move(body), "application/json");
          if (status == 401)
            response.set(http::field::www_authenticate, "Bearer");
          self->WriteLater(std::move(response));
        });
    return;
  }
  if (request.method() != http::verb::get &&
      request.method() != http::verb::head) {
    auto response = TextResponse(http::status::method_not_allowed, version,
                                 keep_alive, "method not allowed\n");
    response.set(http::field::allow, "GET, HEAD");
    return Write(std::move(response));
  }
  head_ = request.method() == http::verb::head;
  if (target == "/healthz") {
    if (queries_.healthy && !queries_.healthy()) {
      return Write(TextResponse(http::status::service_unavailable, version,
                                keep_alive,
                                "the event log cannot be written\n"));
    }
    return Write(TextResponse(http::status::ok, version, keep_alive, "ok\n"));
  }
  if (is_export) {
    // The facilitator key comes in a header: never in a URL, which ends up in
    // histories.
    const std::string code = target.substr(
        export_prefix.size(),
        target.size() - export_prefix.size() - export_suffix.size());
    const std::string authorization(request[http::field::authorization]);
    const std::string key =
        authorization.rfind("Bearer ", 0) == 0 ? authorization.substr(7) : "";
    queries_.export_workshop(
        code, key,
        [self = shared_from_this(), version, keep_alive, code](
            int status, std::string body) {
          auto response = TextResponse(
              static_cast<http::status>(status), version, keep_alive,
              std::move(body),
              status == 200 ? "application/json" : "text/plain; charset=utf-8");
          if (status == 200) {
            response.set(http::field::content_disposition,
                         "attachment; filename=\"campana-" + code + ".json\"");
          }
          self->WriteLater(std::move(response));
        });
    return;
  }
  if (target == "/metrics") {
    if (!limits_.metrics_token.empty() &&
        !app::SecretsEqual(request[http::field::authorization],
                           "Bearer " + limits_.metrics_token)) {
      auto response = TextResponse(http::status::unauthorized, version,
                                   keep_alive, "a metrics token is needed\n");
      response.set(http::field::www_authenticate, "Bearer");
      return Write(std::move(response));
    }
    queries_.metrics(
        [self = shared_from_this(), version, keep_alive](std::string text) {
          self->WriteLater(TextResponse(
              http::status::ok, version, keep_alive, std::move(text),
              "text/plain; version=0.0.4; charset=utf-8"));
        });
    return;
  }

  auto file = files_.Resolve(
      target, std::string_view(request[http::field::accept_encoding]));
  if (!file)
    return Write(TextResponse(http::status::not_found, version, keep_alive,
                              "not found\n"));
  http::file_body::value_type body;
  beast::error_code ec;
  body.open(file->path.c_str(), beast::file_mode::scan, ec);
  if (ec)
    return Write(TextResponse(http::status::not_found, version, keep_alive,
                              "not found\n"));
  const auto size = body.size();
  auto headers = [&](auto& response) {
    CommonHeaders(response);
    response.set(http::field::content_type, file->content_type);
    response.set(
        http::field::cache_control,
        file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (file->negotiated) response.set(http::field::vary, "Accept-Encoding");
    if (!file->content_encoding.empty())
      response.set(http::field::content_encoding, file->content_encoding);
    if (file->content_type.starts_with("text/html")) {
      response.set("Content-Security-Policy", kContentSecurityPolicy);
    }
    response.content_length(size);
    response.keep_alive(keep_alive);
  };
  if (request.method() == http::verb::head) {
    http::response<http::empty_body> response{http::status::ok, version};
    headers(response);
    return Write(std::move(response));
  }
  http::response<http::file_body> response{
      std::piecewise_construct, std::make_tuple(std::move(body)),
      std::make_tuple(http::status::ok, version)};
  headers(response);
  Write(std::move(response));
}

template <class Response>
void HttpSession::Write(Response&& response) {
  using R = std::decay_t<Response>;
  if constexpr (std::is_same_v<R, http::response<http::string_body>>) {
    // HEAD: the headers (with the body's length) and no body.
    if (head_) {
      http::response<http::empty_body> empty(std::move(response.base()));
      return Write(std::move(empty));
    }
  }
  auto owned = std::make_shared<R>(std::forward<Response>(response));
  response_ = owned;
  const bool keep_alive = owned->keep_alive();
  http::async_write(stream_, *owned,
                    beast::bind_front_handler(&HttpSession::OnWrite,
                                              shared_from_this(), keep_alive));
}

void HttpSession::WriteLater(http::response<http::string_body> response) {
  boost::asio::post(
      stream_.get_executor(),
      [self = shared_from_this(), response = std::move(response)]() mutable {
        self->Write(std::move(response));
      });
}

void HttpSession::OnWrite(bool keep_alive, beast::error_code ec, size_t) {
  response_.reset();
  if (ec) return;
  if (!keep_alive) {
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
    return;
  }
  DoRead();
}

}  // namespace campana::net
