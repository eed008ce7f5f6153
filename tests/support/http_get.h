#ifndef CAMPANA_TESTS_SUPPORT_HTTP_GET_H_
#define CAMPANA_TESTS_SUPPORT_HTTP_GET_H_

#include <cstdint>
#include <map>
#include <string>

namespace campana::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// One request over loopback with its own connection, with `headers` added to
// it. Status 0 if the connection failed or the answer did not parse.
HttpResponse HttpRequest(uint16_t port, const std::string& method,
                         const std::string& target,
                         const std::map<std::string, std::string>& headers = {},
                         const std::string& body = "");
inline HttpResponse HttpGet(
    uint16_t port, const std::string& target,
    const std::map<std::string, std::string>& headers = {}) {
  return HttpRequest(port, "GET", target, headers);
}

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_SUPPORT_HTTP_GET_H_
