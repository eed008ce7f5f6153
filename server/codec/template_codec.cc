#include "codec/template_codec.h"

#include <google/protobuf/util/json_util.h>

#include "codec/convert.h"

namespace campana::codec {

domain::Result<WorkshopTemplate> ParseTemplateJson(std::string_view json) {
  internal::pb::WorkshopTemplate m;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &m, options);
  if (!status.ok()) {
    return domain::Rejection::InvalidArgument(
        "the template does not fit campana.v1.WorkshopTemplate: " +
        std::string(status.message()));
  }
  if (m.title().empty())
    return domain::Rejection::InvalidArgument("the template has no title");
  WorkshopTemplate t{m.title(), m.language().empty() ? "es" : m.language(), {}};
  for (int i = 0; i < m.items_size(); ++i) {
    const auto& item = m.items(i);
    if (item.has_poll()) {
      // A poll the room could not answer is refused here, naming the item.
      auto poll = internal::FromProto(item.poll());
      if (poll.ok()) poll = domain::CheckPoll(poll.value());
      if (!poll.ok()) {
        return domain::Rejection::InvalidArgument(
            "item " + std::to_string(i + 1) + " (\"" + item.title() +
            "\"): " + poll.rejection().message);
      }
    }
    domain::AgendaItem parsed = internal::FromProto(item);
    if (item.has_action_plan()) {
      // Likewise an action plan's prompt, trimmed here.
      auto plan = domain::CheckActionPlanSpec(parsed.action_plan);
      if (!plan.ok()) {
        return domain::Rejection::InvalidArgument(
            "item " + std::to_string(i + 1) + " (\"" + item.title() +
            "\"): " + plan.rejection().message);
      }
      parsed.action_plan = std::move(plan).value();
    }
    t.agenda.push_back(std::move(parsed));
  }
  return t;
}

}  // namespace campana::codec
