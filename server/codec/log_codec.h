#ifndef CAMPANA_CODEC_LOG_CODEC_H_
#define CAMPANA_CODEC_LOG_CODEC_H_

#include <string>
#include <string_view>

#include "domain/events.h"
#include "domain/rejection.h"
#include "domain/state.h"

// What the store keeps, as bytes: log records (campana.v1.LogRecord) and
// whole-state snapshots (campana.v1.WorkshopState). Decoding refuses bytes it
// cannot read with kInvalidMessage.
namespace campana::codec {

std::string EncodeRecord(const domain::LogRecord& record);
domain::Result<domain::LogRecord> DecodeRecord(std::string_view bytes);

std::string EncodeState(const domain::WorkshopState& state);
domain::Result<domain::WorkshopState> DecodeState(std::string_view bytes);

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_LOG_CODEC_H_
