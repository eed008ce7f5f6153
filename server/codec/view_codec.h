#ifndef CAMPANA_CODEC_VIEW_CODEC_H_
#define CAMPANA_CODEC_VIEW_CODEC_H_

#include <string>
#include <string_view>

#include "domain/docs.h"
#include "domain/state.h"

// Documents as devices receive them. The hub renders each changed document once
// per commit and shares the bytes among every device that may see it.
namespace campana::codec {

// The document `key` as it is in `state`, as a serialized campana.v1.Doc. The
// document must exist (VisibilityOf is not empty).
std::string EncodeDoc(const domain::WorkshopState& state,
                      const domain::DocKey& key);

// A serialized campana.v1.Patch that puts a document already encoded by
// EncodeDoc.
std::string EncodePutPatch(const std::string& doc);

// A serialized campana.v1.Patch that removes the document `key`.
std::string EncodeRemovePatch(const domain::DocKey& key);

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_VIEW_CODEC_H_
