#ifndef CAMPANA_CODEC_ORGANIZER_CODEC_H_
#define CAMPANA_CODEC_ORGANIZER_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_shape.h"
#include "domain/rejection.h"

// The organizer API's JSON (proto/campana/v1/organizer.proto, in the protobuf
// JSON mapping): what it reads from requests and writes in replies.
namespace campana::codec {

// One line of the organizer's list of workshops.
struct WorkshopSummary {
  std::string code;
  std::string title;
  std::string language;
  int64_t created_at_ms = 0;
  bool closed = false;
  size_t participants = 0;
  size_t agenda_items = 0;
};

// A template the organizer may create workshops from.
struct TemplateInfo {
  std::string name;
  std::string language;
  std::string title;
  size_t agenda_items = 0;
};

struct CreateRequest {
  std::string template_name;
  std::string language;
  std::string title;  // empty: the template's
};

// kInvalidArgument, saying what is wrong, for JSON that is not the message
// (unknown fields included).
domain::Result<CreateRequest> ParseCreateRequest(std::string_view json);
// The title typed to confirm a delete.
domain::Result<std::string> ParseDeleteRequest(std::string_view json);

std::string OverviewJson(const std::vector<WorkshopSummary>& workshops,
                         const std::vector<TemplateInfo>& templates);
std::string SummaryJson(const WorkshopSummary& workshop);
std::string CreatedJson(const WorkshopSummary& workshop,
                        std::string_view facilitator_key,
                        std::string_view projector_key);
std::string TemplateCheckJson(const std::vector<JsonProblem>& problems);
std::string ApiErrorJson(std::string_view code, std::string_view message,
                         const std::vector<JsonProblem>& problems = {});

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_ORGANIZER_CODEC_H_
