#include "app/fanout.h"

#include <algorithm>
#include <iterator>

#include "codec/view_codec.h"
#include "codec/wire_codec.h"

namespace campana::app {

domain::Visibility Union(const domain::Visibility& a,
                         const domain::Visibility& b) {
  domain::Visibility out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(),
                 std::back_inserter(out));
  return out;
}

domain::Visibility Minus(const domain::Visibility& a,
                         const domain::Visibility& b) {
  domain::Visibility out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                      std::back_inserter(out));
  return out;
}

void FlushBuilder::Add(const RenderedDoc& rendered) {
  Latest& latest = latest_[rendered.key];
  latest.last = &rendered;
  latest.seen = Union(latest.seen, rendered.visibility);
}

std::vector<Part> FlushBuilder::Build(const std::string& epoch,
                                      uint64_t offset) {
  std::map<domain::Visibility, std::vector<std::string>> removals;
  std::map<domain::Visibility, std::vector<std::string>> puts;
  for (auto& [key, latest] : latest_) {
    const domain::Visibility& now = latest.last->visibility;
    auto published = published_.find(key);
    domain::Visibility before = latest.seen;
    if (published != published_.end())
      before = Union(before, published->second);
    domain::Visibility lost = Minus(before, now);
    if (!lost.empty()) removals[lost].push_back(codec::EncodeRemovePatch(key));
    if (!now.empty())
      puts[now].push_back(codec::EncodePutPatch(latest.last->doc));
    if (now.empty()) {
      if (published != published_.end()) published_.erase(published);
    } else {
      published_[key] = now;
    }
  }
  std::vector<Part> parts;
  for (auto* group : {&removals, &puts}) {
    for (auto& [audiences, patches] : *group) {
      std::vector<const std::string*> pointers;
      pointers.reserve(patches.size());
      for (const std::string& p : patches) pointers.push_back(&p);
      parts.push_back(
          {audiences, std::make_shared<const std::string>(
                          codec::EncodeDelta(epoch, offset, pointers))});
    }
  }
  latest_.clear();
  return parts;
}

}  // namespace campana::app
