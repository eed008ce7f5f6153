#include "codec/template_codec.h"

#include <google/protobuf/util/json_util.h>

#include "codec/convert.h"
#include "domain/text.h"

namespace campana::codec {
namespace {

// The languages the pages speak.
bool Spoken(std::string_view language) {
  return language == "es" || language == "en";
}

// What a workshop made from the (well-shaped) template could not run. Fills
// `out` as far as it gets, item by item.
void CheckContent(const internal::pb::WorkshopTemplate& m,
                  std::vector<JsonProblem>& problems, WorkshopTemplate& out) {
  if (auto title = domain::CheckText(m.title(), domain::kMaxTitleCodePoints,
                                     "the title");
      !title.ok()) {
    problems.push_back({"title", title.rejection().message});
  }
  if (!m.language().empty() && !Spoken(m.language())) {
    problems.push_back(
        {"language", R"(should be "es" or "en", not ")" + m.language() + "\""});
  }
  out = {m.title(), m.language().empty() ? "es" : m.language(), {}};
  uint32_t day = 0;  // the previous item's
  for (int i = 0; i < m.items_size(); ++i) {
    const auto& item = m.items(i);
    const std::string at = "items[" + std::to_string(i) + "]";
    if (auto title = domain::CheckText(
            item.title(), domain::kMaxTitleCodePoints, "its title");
        !title.ok()) {
      problems.push_back({at + ".title", title.rejection().message});
    }
    if (item.has_groups()) {
      for (int t = 0; t < item.groups().teams_size(); ++t) {
        const auto& team = item.groups().teams(t);
        for (int g = 0; g < team.groups_size(); ++g) {
          if (team.groups(g) < 1 || team.groups(g) > item.groups().count()) {
            problems.push_back({at + ".groups.teams[" + std::to_string(t) +
                                    "].groups[" + std::to_string(g) + "]",
                                "group " + std::to_string(team.groups(g)) +
                                    " does not exist: the item makes " +
                                    std::to_string(item.groups().count())});
          }
        }
      }
    }
    if (item.has_poll()) {
      // A poll the room could not answer.
      auto poll = internal::FromProto(item.poll());
      if (poll.ok()) poll = domain::CheckPoll(poll.value());
      if (!poll.ok())
        problems.push_back({at + ".poll", poll.rejection().message});
    }
    domain::AgendaItem parsed = internal::FromProto(item);
    if (const uint32_t resolved = domain::ResolveDay(item.day(), day);
        resolved != 0) {
      day = parsed.day = resolved;
    } else if (item.day() > domain::kMaxDays) {
      problems.push_back({at + ".day", "should be a day from 1 to " +
                                           std::to_string(domain::kMaxDays)});
    } else {
      problems.push_back({at + ".day", "day " + std::to_string(item.day()) +
                                           " comes after day " +
                                           std::to_string(day) +
                                           ": days only go forward"});
    }
    if (item.has_action_plan()) {
      // Likewise an action plan's prompt, trimmed here.
      auto plan = domain::CheckActionPlanSpec(parsed.action_plan);
      if (plan.ok()) {
        parsed.action_plan = std::move(plan).value();
      } else {
        problems.push_back({at + ".action_plan", plan.rejection().message});
      }
    }
    out.agenda.push_back(std::move(parsed));
  }
}

// The template, and in `problems` everything wrong with it (the template is
// then only as far as it could be read).
WorkshopTemplate Read(std::string_view json,
                      std::vector<JsonProblem>& problems) {
  problems =
      CheckJsonShape(json, *internal::pb::WorkshopTemplate::descriptor());
  WorkshopTemplate parsed;
  if (!problems.empty()) return parsed;
  internal::pb::WorkshopTemplate m;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  if (auto status = google::protobuf::util::JsonStringToMessage(
          google::protobuf::StringPiece(json.data(), json.size()), &m, options);
      !status.ok()) {
    // What the shape check let through and protobuf does not: a gap in
    // CheckJsonShape, said as protobuf says it rather than hidden.
    problems.push_back({"", std::string(status.message())});
    return parsed;
  }
  CheckContent(m, problems, parsed);
  return parsed;
}

}  // namespace

std::vector<JsonProblem> TemplateProblems(std::string_view json) {
  std::vector<JsonProblem> problems;
  Read(json, problems);
  return problems;
}

domain::Result<WorkshopTemplate> ParseTemplateJson(std::string_view json) {
  std::vector<JsonProblem> problems;
  WorkshopTemplate parsed = Read(json, problems);
  if (problems.empty()) return parsed;
  std::string message =
      problems.size() == 1 ? "the template has a problem:"
                           : "the template has " +
                                 std::to_string(problems.size()) + " problems:";
  for (const JsonProblem& p : problems) {
    message += "\n  " +
               (p.path.empty() ? std::string("the document") : p.path) + ": " +
               p.problem;
  }
  return domain::Rejection::InvalidArgument(message);
}

}  // namespace campana::codec
