#include "app/organizer_api.h"

#include "app/secrets.h"

namespace campana::app {
namespace {

// HTTP statuses by name, so that the table below reads as the API does.
constexpr int kOk = 200;
constexpr int kCreated = 201;
constexpr int kBadRequest = 400;
constexpr int kUnauthorized = 401;
constexpr int kForbidden = 403;
constexpr int kNotFound = 404;
constexpr int kMethodNotAllowed = 405;
constexpr int kConflict = 409;
constexpr int kUnprocessable = 422;
constexpr int kUnavailable = 503;

ApiResponse Error(int status, std::string_view code, std::string_view message,
                  const std::vector<codec::JsonProblem>& problems = {}) {
  return {status, codec::ApiErrorJson(code, message, problems)};
}

// A Rejection from the Lobby as the API's error.
ApiResponse FromRejection(const domain::Rejection& rejection) {
  switch (rejection.code) {
    case domain::RejectionCode::kUnknownWorkshop:
      return Error(kNotFound, "not_found", rejection.message);
    case domain::RejectionCode::kFailedPrecondition:
      return Error(kConflict, "conflict", rejection.message);
    case domain::RejectionCode::kBusy:
      return Error(kUnavailable, "unavailable", rejection.message);
    default:
      return Error(kBadRequest, "bad_request", rejection.message);
  }
}

std::vector<NamedTemplate> WithBlankTemplates(
    std::vector<NamedTemplate> templates) {
  templates.push_back({"blank", {"Taller nuevo", "es", {}}});
  templates.push_back({"blank", {"New workshop", "en", {}}});
  return templates;
}

// "/api/workshops/ABC234/close?x" -> {"api", "workshops", "ABC234", "close"}.
std::vector<std::string_view> Segments(std::string_view target) {
  target = target.substr(0, target.find('?'));
  std::vector<std::string_view> segments;
  while (!target.empty()) {
    if (target.front() == '/') {
      target.remove_prefix(1);
      continue;
    }
    const size_t end = std::min(target.find('/'), target.size());
    segments.push_back(target.substr(0, end));
    target.remove_prefix(end);
  }
  return segments;
}

}  // namespace

// One route: a method, a path whose "{code}" segment is a workshop code, and
// the handler that gets that code and the request's body.
struct OrganizerApi::Route {
  std::string_view method;
  std::string_view path;
  ApiResponse (OrganizerApi::*handler)(std::string_view code,
                                       std::string_view body);
};

const std::vector<OrganizerApi::Route>& OrganizerApi::Routes() {
  static const std::vector<Route> routes = {
      {"GET", "/api/workshops", &OrganizerApi::List},
      {"POST", "/api/workshops", &OrganizerApi::Create},
      {"POST", "/api/workshops/upload", &OrganizerApi::Upload},
      {"POST", "/api/templates/check", &OrganizerApi::CheckTemplate},
      {"POST", "/api/workshops/{code}/duplicate", &OrganizerApi::Duplicate},
      {"POST", "/api/workshops/{code}/close", &OrganizerApi::Close},
      {"GET", "/api/workshops/{code}/links", &OrganizerApi::Links},
      {"DELETE", "/api/workshops/{code}", &OrganizerApi::Delete},
      {"POST", "/api/workshops/{code}/next", &OrganizerApi::Next},
      {"GET", "/api/workshops/{code}/series", &OrganizerApi::Series},
  };
  return routes;
}

OrganizerApi::OrganizerApi(Lobby& lobby, std::string organizer_key,
                           std::vector<NamedTemplate> templates)
    : lobby_(lobby),
      organizer_key_(std::move(organizer_key)),
      templates_(WithBlankTemplates(std::move(templates))) {}

ApiResponse OrganizerApi::Handle(const ApiRequest& request) {
  const std::string_view bearer = "Bearer ";
  if (!request.authorization.starts_with(bearer)) {
    return Error(kUnauthorized, "unauthorized",
                 "the organizer key is needed: \"Authorization: Bearer KEY\"");
  }
  if (!SecretsEqual(
          std::string_view(request.authorization).substr(bearer.size()),
          organizer_key_)) {
    return Error(kForbidden, "forbidden", "the organizer key is not right");
  }
  const std::vector<std::string_view> segments = Segments(request.target);
  bool path_matched = false;
  for (const Route& route : Routes()) {
    const std::vector<std::string_view> pattern = Segments(route.path);
    if (pattern.size() != segments.size()) continue;
    std::string_view code;
    bool matches = true;
    for (size_t i = 0; i < pattern.size() && matches; ++i) {
      if (pattern[i] == "{code}") {
        code = segments[i];
      } else {
        matches = pattern[i] == segments[i];
      }
    }
    // A path may match several routes ("/api/workshops/upload" is also
    // "/api/workshops/{code}"): the first with the request's method wins.
    if (!matches) continue;
    path_matched = true;
    if (route.method != request.method) continue;
    return (this->*route.handler)(code, request.body);
  }
  if (path_matched) {
    return Error(kMethodNotAllowed, "method_not_allowed",
                 request.method + " is not a method of " + request.target);
  }
  return Error(kNotFound, "not_found", "the organizer API has no such path");
}

ApiResponse OrganizerApi::List(std::string_view, std::string_view) {
  std::vector<codec::TemplateInfo> templates;
  for (const NamedTemplate& t : templates_) {
    templates.push_back(
        {t.name, t.plan.language, t.plan.title, t.plan.agenda.size()});
  }
  return {kOk, codec::OverviewJson(lobby_.ListWorkshops(), templates)};
}

ApiResponse OrganizerApi::WithSecrets(
    int status, const domain::Result<WorkshopAccess>& access) {
  if (!access.ok()) return FromRejection(access.rejection());
  auto summary = lobby_.Summarize(access.value().code);
  if (!summary.ok()) return FromRejection(summary.rejection());
  return {status,
          codec::CreatedJson(summary.value(), access.value().facilitator_key,
                             access.value().projector_key)};
}

const codec::WorkshopTemplate* OrganizerApi::FindTemplate(
    const codec::CreateRequest& request) const {
  for (const NamedTemplate& t : templates_) {
    if (t.name == request.template_name && t.plan.language == request.language)
      return &t.plan;
  }
  return nullptr;
}

ApiResponse OrganizerApi::NoSuchTemplate(const codec::CreateRequest& request) {
  return Error(kBadRequest, "bad_request",
               "no template is named \"" + request.template_name +
                   "\" in the language \"" + request.language + "\"");
}

ApiResponse OrganizerApi::Create(std::string_view, std::string_view body) {
  auto request = codec::ParseCreateRequest(body);
  if (!request.ok()) return FromRejection(request.rejection());
  const codec::WorkshopTemplate* found = FindTemplate(request.value());
  if (found == nullptr) return NoSuchTemplate(request.value());
  codec::WorkshopTemplate plan = *found;
  if (!request.value().title.empty()) plan.title = request.value().title;
  return WithSecrets(kCreated, lobby_.CreateWorkshop(plan));
}

ApiResponse OrganizerApi::Next(std::string_view code, std::string_view body) {
  auto request = codec::ParseNextRequest(body);
  if (!request.ok()) return FromRejection(request.rejection());
  std::optional<codec::WorkshopTemplate> plan;
  if (!request.value().template_name.empty()) {
    const codec::WorkshopTemplate* found = FindTemplate(request.value());
    if (found == nullptr) return NoSuchTemplate(request.value());
    plan = *found;
  }
  return WithSecrets(kCreated, lobby_.NextWorkshop(
                                   code, std::move(plan), request.value().title,
                                   request.value().keep_groups));
}

ApiResponse OrganizerApi::Series(std::string_view code, std::string_view) {
  auto series = lobby_.SeriesOf(code);
  if (!series.ok()) return FromRejection(series.rejection());
  return {kOk, codec::SeriesJson(series.value())};
}

ApiResponse OrganizerApi::Upload(std::string_view, std::string_view body) {
  auto problems = codec::TemplateProblems(body);
  if (!problems.empty()) {
    return Error(kUnprocessable, "invalid_template",
                 "the template has " + std::to_string(problems.size()) +
                     (problems.size() == 1 ? " problem" : " problems"),
                 problems);
  }
  auto plan = codec::ParseTemplateJson(body);
  if (!plan.ok()) return FromRejection(plan.rejection());
  return WithSecrets(kCreated, lobby_.CreateWorkshop(plan.value()));
}

ApiResponse OrganizerApi::CheckTemplate(std::string_view,
                                        std::string_view body) {
  return {kOk, codec::TemplateCheckJson(codec::TemplateProblems(body))};
}

ApiResponse OrganizerApi::Duplicate(std::string_view code, std::string_view) {
  return WithSecrets(kCreated, lobby_.DuplicateWorkshop(code));
}

ApiResponse OrganizerApi::Close(std::string_view code, std::string_view) {
  auto summary = lobby_.CloseWorkshop(code);
  if (!summary.ok()) return FromRejection(summary.rejection());
  return {kOk, codec::SummaryJson(summary.value())};
}

ApiResponse OrganizerApi::Links(std::string_view code, std::string_view) {
  return WithSecrets(kOk, lobby_.Access(code));
}

ApiResponse OrganizerApi::Delete(std::string_view code, std::string_view body) {
  auto confirm = codec::ParseDeleteRequest(body);
  if (!confirm.ok()) return FromRejection(confirm.rejection());
  auto summary = lobby_.DeleteWorkshop(code, confirm.value());
  if (!summary.ok()) return FromRejection(summary.rejection());
  return {kOk, codec::SummaryJson(summary.value())};
}

}  // namespace campana::app
