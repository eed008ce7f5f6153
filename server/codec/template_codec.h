#ifndef CAMPANA_CODEC_TEMPLATE_CODEC_H_
#define CAMPANA_CODEC_TEMPLATE_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "codec/json_shape.h"
#include "domain/agenda_item.h"
#include "domain/rejection.h"

namespace campana::codec {

// A workshop template as people write it: campana.v1.WorkshopTemplate in the
// protobuf JSON mapping (docs/templates.md; deploy/templates/ has examples).
struct WorkshopTemplate {
  std::string title;
  std::string language;
  std::vector<domain::AgendaItem> agenda;
};

// Every problem of a template, each where it is, so that whoever wrote it can
// mend them all at once: first its shape (CheckJsonShape: unknown fields, so
// that a typo does not pass silently, and values of the wrong kind); then,
// when the shape is right, what the workshop could not run (no title, a
// language the pages do not speak, an item without a title, a team of a group
// the item does not make, a poll or an action plan that its activity refuses).
// Empty: ParseTemplateJson accepts it.
std::vector<JsonProblem> TemplateProblems(std::string_view json);

// The template, or kInvalidArgument listing every problem, one a line
// ("items[3].poll: question 2: ...").
domain::Result<WorkshopTemplate> ParseTemplateJson(std::string_view json);

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_TEMPLATE_CODEC_H_
