#ifndef CAMPANA_APP_ORGANIZER_API_H_
#define CAMPANA_APP_ORGANIZER_API_H_

#include <string>
#include <string_view>
#include <vector>

#include "app/lobby.h"
#include "codec/template_codec.h"

namespace campana::app {

// A template the organizer may create workshops from: "guatemala" in "es".
struct NamedTemplate {
  std::string name;
  codec::WorkshopTemplate plan;  // plan.language is its language
};

// An HTTP request under /api/ as the organizer API sees it: the transport
// (net) has read it whole, within its size limit.
struct ApiRequest {
  std::string method;  // "GET", "POST", "DELETE"
  std::string target;  // "/api/workshops/ABC234/close", query included
  std::string authorization;
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON, always (an ApiError when status >= 400)
};

// The organizer API (proto/campana/v1/organizer.proto lists its routes): lists,
// creates, duplicates, closes and deletes workshops for whoever holds the
// organizer key. Without an Authorization header: 401; with another key: 403;
// and nothing changes. Routes are a table (organizer_api.cc), matched by
// method and path. Runs on the app thread, like the Lobby it drives.
class OrganizerApi {
 public:
  // `organizer_key` must not be empty. The built-in blank templates (es, en)
  // are added after `templates`.
  OrganizerApi(Lobby& lobby, std::string organizer_key,
               std::vector<NamedTemplate> templates);

  ApiResponse Handle(const ApiRequest& request);

 private:
  struct Route;
  static const std::vector<Route>& Routes();

  ApiResponse List(std::string_view code, std::string_view body);
  ApiResponse Create(std::string_view code, std::string_view body);
  ApiResponse Upload(std::string_view code, std::string_view body);
  ApiResponse CheckTemplate(std::string_view code, std::string_view body);
  ApiResponse Duplicate(std::string_view code, std::string_view body);
  ApiResponse Close(std::string_view code, std::string_view body);
  ApiResponse Links(std::string_view code, std::string_view body);
  ApiResponse Next(std::string_view code, std::string_view body);
  ApiResponse Series(std::string_view code, std::string_view body);
  // The server's template the request names, or nullptr.
  const codec::WorkshopTemplate* FindTemplate(
      const codec::CreateRequest& request) const;
  static ApiResponse NoSuchTemplate(const codec::CreateRequest& request);
  ApiResponse Delete(std::string_view code, std::string_view body);

  // `status` with the workshop's summary and secrets (a WorkshopCreatedReply).
  ApiResponse WithSecrets(int status,
                          const domain::Result<WorkshopAccess>& access);

  Lobby& lobby_;
  const std::string organizer_key_;
  const std::vector<NamedTemplate> templates_;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_ORGANIZER_API_H_
