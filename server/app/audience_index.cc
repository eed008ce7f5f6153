#include "app/audience_index.h"

#include <algorithm>

#include "app/fanout.h"
#include "domain/docs.h"

namespace campana::app {

bool AudienceIndex::Indexed(const domain::Audience& audience) {
  return audience.kind == domain::AudienceKind::kEveryone ||
         audience.kind == domain::AudienceKind::kParticipant ||
         audience.kind == domain::AudienceKind::kGroup;
}

bool AudienceIndex::Covers(const domain::Visibility& audiences) {
  return std::all_of(audiences.begin(), audiences.end(), Indexed);
}

void AudienceIndex::Rebuild(const domain::WorkshopState& state) {
  by_audience_.clear();
  audiences_of_.clear();
  domain::ForEachDoc(state, [&](const domain::DocKey& key) {
    const domain::Visibility visibility = domain::VisibilityOf(state, key);
    Settle(key, visibility, visibility);
  });
}

void AudienceIndex::Add(const domain::DocKey& key,
                        const domain::Visibility& visibility) {
  auto known = audiences_of_.find(key);
  Set(key, known == audiences_of_.end() ? visibility
                                        : Union(known->second, visibility));
}

void AudienceIndex::Settle(const domain::DocKey& key,
                           const domain::Visibility& published,
                           const domain::Visibility& now) {
  Set(key, Union(published, now));
}

void AudienceIndex::Set(const domain::DocKey& key,
                        domain::Visibility visibility) {
  std::erase_if(visibility,
                [](const domain::Audience& a) { return !Indexed(a); });
  auto known = audiences_of_.find(key);
  if (known != audiences_of_.end()) {
    if (known->second == visibility) return;
    for (const domain::Audience& audience : known->second)
      by_audience_.erase({audience, key});
  }
  for (const domain::Audience& audience : visibility)
    by_audience_.insert({audience, key});
  if (visibility.empty()) {
    if (known != audiences_of_.end()) audiences_of_.erase(known);
  } else if (known != audiences_of_.end()) {
    known->second = std::move(visibility);
  } else {
    audiences_of_.emplace(key, std::move(visibility));
  }
}

std::vector<domain::DocKey> AudienceIndex::MayHave(
    const domain::Visibility& audiences) const {
  std::vector<domain::DocKey> keys;
  for (const domain::Audience& audience : audiences) {
    for (auto it = by_audience_.lower_bound({audience, domain::DocKey{}});
         it != by_audience_.end() && it->first == audience; ++it)
      keys.push_back(it->second);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace campana::app
