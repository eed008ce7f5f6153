#include "codec/organizer_codec.h"

#include <google/protobuf/util/json_util.h>

#include <campana/v1/organizer.pb.h>

namespace campana::codec {
namespace {

namespace pb = ::campana::v1;

template <class Message>
domain::Result<Message> Parse(std::string_view json, std::string_view what) {
  Message m;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  if (auto status = google::protobuf::util::JsonStringToMessage(
          google::protobuf::StringPiece(json.data(), json.size()), &m, options);
      !status.ok()) {
    return domain::Rejection::InvalidArgument(
        std::string(what) +
        " is not valid JSON of its kind: " + std::string(status.message()));
  }
  return m;
}

std::string Print(const google::protobuf::Message& m) {
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  (void)google::protobuf::util::MessageToJsonString(m, &json, options);
  return json;
}

void ToProto(const WorkshopSummary& w, pb::WorkshopSummary* out) {
  out->set_code(w.code);
  out->set_title(w.title);
  out->set_language(w.language);
  out->set_created_at_ms(w.created_at_ms);
  out->set_status(w.closed ? pb::WORKSHOP_STATUS_CLOSED
                           : pb::WORKSHOP_STATUS_OPEN);
  out->set_participants(static_cast<uint32_t>(w.participants));
  out->set_agenda_items(static_cast<uint32_t>(w.agenda_items));
  out->set_series(w.series);
  out->set_previous(w.previous);
}

void ToProto(const std::vector<JsonProblem>& problems,
             google::protobuf::RepeatedPtrField<pb::TemplateProblem>* out) {
  for (const JsonProblem& p : problems) {
    pb::TemplateProblem* m = out->Add();
    m->set_path(p.path);
    m->set_problem(p.problem);
  }
}

}  // namespace

domain::Result<CreateRequest> ParseCreateRequest(std::string_view json) {
  auto m = Parse<pb::CreateWorkshopRequest>(json, "the request");
  if (!m.ok()) return m.rejection();
  return CreateRequest{m.value().template_(), m.value().language(),
                       m.value().title()};
}

domain::Result<CreateRequest> ParseNextRequest(std::string_view json) {
  auto m = Parse<pb::NextWorkshopRequest>(json, "the request");
  if (!m.ok()) return m.rejection();
  return CreateRequest{m.value().template_(), m.value().language(),
                       m.value().title(), m.value().keep_groups()};
}

domain::Result<std::string> ParseDeleteRequest(std::string_view json) {
  auto m = Parse<pb::DeleteWorkshopRequest>(json, "the request");
  if (!m.ok()) return m.rejection();
  return m.value().confirm_title();
}

std::string OverviewJson(const std::vector<WorkshopSummary>& workshops,
                         const std::vector<TemplateInfo>& templates) {
  pb::OrganizerOverview m;
  for (const WorkshopSummary& w : workshops) ToProto(w, m.add_workshops());
  for (const TemplateInfo& t : templates) {
    pb::TemplateSummary* out = m.add_templates();
    out->set_name(t.name);
    out->set_language(t.language);
    out->set_title(t.title);
    out->set_agenda_items(static_cast<uint32_t>(t.agenda_items));
  }
  return Print(m);
}

std::string SummaryJson(const WorkshopSummary& workshop) {
  pb::WorkshopSummary m;
  ToProto(workshop, &m);
  return Print(m);
}

std::string CreatedJson(const WorkshopSummary& workshop,
                        std::string_view facilitator_key,
                        std::string_view projector_key) {
  pb::WorkshopCreatedReply m;
  ToProto(workshop, m.mutable_workshop());
  m.set_facilitator_key(std::string(facilitator_key));
  m.set_projector_key(std::string(projector_key));
  return Print(m);
}

std::string SeriesJson(const SeriesAttendance& series) {
  pb::SeriesAttendance m;
  m.set_series(series.series);
  for (const SeriesAttendance::Workshop& w : series.workshops) {
    pb::SeriesAttendance::Workshop* out = m.add_workshops();
    out->set_code(w.code);
    out->set_title(w.title);
    out->set_created_at_ms(w.created_at_ms);
    out->set_days(w.days);
    out->mutable_present_per_day()->Add(w.present_per_day.begin(),
                                        w.present_per_day.end());
  }
  for (const SeriesAttendance::Person& p : series.people) {
    pb::SeriesAttendance::Person* out = m.add_people();
    out->set_display_name(p.display_name);
    for (const SeriesAttendance::Visit& v : p.visits) {
      pb::SeriesAttendance::Visit* visit = out->add_visits();
      visit->set_code(v.code);
      visit->mutable_days_present()->Add(v.days_present.begin(),
                                         v.days_present.end());
    }
  }
  return Print(m);
}

std::string TemplateCheckJson(const std::vector<JsonProblem>& problems) {
  pb::TemplateCheckReply m;
  ToProto(problems, m.mutable_problems());
  return Print(m);
}

std::string ApiErrorJson(std::string_view code, std::string_view message,
                         const std::vector<JsonProblem>& problems) {
  pb::ApiError m;
  m.set_code(std::string(code));
  m.set_message(std::string(message));
  ToProto(problems, m.mutable_problems());
  return Print(m);
}

}  // namespace campana::codec
