#include "support/http_get.h"

#include <cctype>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace campana::testing {

HttpResponse HttpRequest(uint16_t port, const std::string& method,
                         const std::string& target,
                         const std::map<std::string, std::string>& headers,
                         const std::string& body) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  beast::error_code ec;
  stream.socket().connect({boost::asio::ip::make_address("127.0.0.1"), port},
                          ec);
  if (ec) return {};
  http::request<http::string_body> request{http::string_to_verb(method), target,
                                           11};
  request.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  if (!body.empty() || method == "POST" || method == "DELETE")
    request.prepare_payload();
  http::write(stream, request, ec);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response, ec);
  if (ec) return {};
  HttpResponse out{
      static_cast<int>(response.result_int()), {}, response.body()};
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (char& ch : name)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    out.headers[name] = std::string(field.value());
  }
  return out;
}

}  // namespace campana::testing
