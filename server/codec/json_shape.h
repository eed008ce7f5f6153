#ifndef CAMPANA_CODEC_JSON_SHAPE_H_
#define CAMPANA_CODEC_JSON_SHAPE_H_

#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/descriptor.h>

namespace campana::codec {

// One thing wrong in a JSON document, where it is: `path` as a reader of the
// document would write it ("items[3].poll.questions[0].kind", indexes from 0;
// empty for the document itself).
struct JsonProblem {
  std::string path;
  std::string problem;
  bool operator==(const JsonProblem&) const = default;
};

// Checks that `json` has the shape of `message` in the protobuf JSON mapping
// and returns every mismatch, not only the first (protobuf's parser stops at
// the first and does not say where it was): not JSON at all; an unknown field
// (with the nearest known name when one is close); a value of the wrong kind
// (text for a number, a fraction or a negative number for a whole positive
// one, an enum name that does not exist, with the names that do); two fields
// of one oneof. An empty result means the protobuf parser accepts the
// document. Values are not judged beyond their kind: that is the caller's.
std::vector<JsonProblem> CheckJsonShape(
    std::string_view json, const google::protobuf::Descriptor& message);

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_JSON_SHAPE_H_
