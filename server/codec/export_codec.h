#ifndef CAMPANA_CODEC_EXPORT_CODEC_H_
#define CAMPANA_CODEC_EXPORT_CODEC_H_

#include <string>

#include "domain/state.h"
#include "domain/time.h"

namespace campana::codec {

// The workshop as a campana.v1.WorkshopExport in the protobuf JSON mapping:
// what facilitators download after the workshop. Notes are in it only if the
// workshop collects them.
std::string ExportJson(const domain::WorkshopState& state, domain::Time now);

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_EXPORT_CODEC_H_
