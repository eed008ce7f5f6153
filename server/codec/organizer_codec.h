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
  std::string series;  // the first workshop's code; empty: not a next one
  std::string previous;
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
  std::string title;         // empty: the template's
  bool keep_groups = false;  // a series' next workshop only
};

// Who came to what over a series' workshops (campana.v1.SeriesAttendance).
struct SeriesAttendance {
  struct Workshop {
    std::string code;
    std::string title;
    int64_t created_at_ms = 0;
    uint32_t days = 0;
    std::vector<uint32_t> present_per_day;
  };
  struct Visit {
    std::string code;
    std::vector<uint32_t> days_present;
  };
  struct Person {
    std::string display_name;
    std::vector<Visit> visits;
  };
  std::string series;
  std::vector<Workshop> workshops;
  std::vector<Person> people;
};

// kInvalidArgument, saying what is wrong, for JSON that is not the message
// (unknown fields included).
domain::Result<CreateRequest> ParseCreateRequest(std::string_view json);
// A series' next workshop (campana.v1.NextWorkshopRequest); its template may
// be empty (the same agenda again).
domain::Result<CreateRequest> ParseNextRequest(std::string_view json);
// The title typed to confirm a delete.
domain::Result<std::string> ParseDeleteRequest(std::string_view json);

std::string OverviewJson(const std::vector<WorkshopSummary>& workshops,
                         const std::vector<TemplateInfo>& templates);
std::string SummaryJson(const WorkshopSummary& workshop);
std::string CreatedJson(const WorkshopSummary& workshop,
                        std::string_view facilitator_key,
                        std::string_view projector_key);
std::string SeriesJson(const SeriesAttendance& series);
std::string TemplateCheckJson(const std::vector<JsonProblem>& problems);
std::string ApiErrorJson(std::string_view code, std::string_view message,
                         const std::vector<JsonProblem>& problems = {});

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_ORGANIZER_CODEC_H_
