#ifndef CAMPANA_APP_FANOUT_H_
#define CAMPANA_APP_FANOUT_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/session_sink.h"
#include "domain/docs.h"

namespace campana::app {

// A document as one record left it: its bytes (a serialized campana.v1.Doc) and
// who may see it. Empty visibility: the record removed it.
struct RenderedDoc {
  domain::DocKey key;
  domain::Visibility visibility;
  std::string doc;
};

// The documents one record touched, as it left them.
struct RenderedRecord {
  uint64_t offset;
  std::vector<RenderedDoc> docs;
};

// A piece of one delta, encoded once, for every device in any of its audiences:
// a complete serialized ServerMessage{delta}, so that pieces for one device can
// be concatenated into one frame (protobuf merges them).
struct Part {
  domain::Visibility audiences;
  SharedBytes bytes;
};

// Turns the records of one commit into the delta parts to send: one document
// version per key (the last), removals for audiences that could see a document
// and no longer can, grouped by audience so that each group is encoded once.
// Removals come before puts, so a device that gets both for one key ends with
// the document.
class FlushBuilder {
 public:
  // `published` maps each document to the visibility devices were last told;
  // updated here.
  explicit FlushBuilder(std::map<domain::DocKey, domain::Visibility>& published)
      : published_(published) {}

  void Add(const RenderedDoc& rendered);
  bool empty() const { return latest_.empty(); }
  // Encodes the parts of a Delta that ends at `offset`.
  std::vector<Part> Build(const std::string& epoch, uint64_t offset);

 private:
  struct Latest {
    const RenderedDoc* last = nullptr;
    domain::Visibility
        seen;  // every visibility the document had during the commit
  };
  std::map<domain::DocKey, domain::Visibility>& published_;
  std::map<domain::DocKey, Latest> latest_;
};

// Sorted union and difference of visibilities.
domain::Visibility Union(const domain::Visibility& a,
                         const domain::Visibility& b);
domain::Visibility Minus(const domain::Visibility& a,
                         const domain::Visibility& b);

}  // namespace campana::app

#endif  // CAMPANA_APP_FANOUT_H_
