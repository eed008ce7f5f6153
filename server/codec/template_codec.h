#ifndef CAMPANA_CODEC_TEMPLATE_CODEC_H_
#define CAMPANA_CODEC_TEMPLATE_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "domain/agenda_item.h"
#include "domain/rejection.h"

namespace campana::codec {

// A workshop template as people write it: campana.v1.WorkshopTemplate in the
// protobuf JSON mapping (see deploy/templates/). Unknown fields are errors, so
// a typo does not pass silently.
struct WorkshopTemplate {
  std::string title;
  std::string language;
  std::vector<domain::AgendaItem> agenda;
};

// kInvalidArgument with the parser's explanation when the JSON does not fit the
// schema.
domain::Result<WorkshopTemplate> ParseTemplateJson(std::string_view json);

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_TEMPLATE_CODEC_H_
