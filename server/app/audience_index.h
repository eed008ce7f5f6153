#ifndef CAMPANA_APP_AUDIENCE_INDEX_H_
#define CAMPANA_APP_AUDIENCE_INDEX_H_

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "domain/doc_key.h"
#include "domain/state.h"

namespace campana::app {

// The documents that everyone, one participant or one group may have: those
// visible to it in the applied state, and those it was last sent (published)
// and has not yet been told are gone. Kept from each record's touched
// documents (every change of visibility is touched: activity_hooks_test checks
// the promise): Add when a record is applied, Settle once it is durable and
// its deltas are out.
//
// With it a phone's snapshot, or the change of view when it joins or moves
// group, costs what the phone sees, not what the workshop holds: walking every
// participant's document at each Hello and each Join made a keynote room's join
// wave quadratic (19,000 phones: 3.2 ms of the app thread per join, most of it
// in that walk). Keeping what was published as well lets a change of view
// remove what the device was sent before: a document that left a group in the
// very record that moved the device out of it is no longer visible to that
// group, yet the device has it.
//
// Documents only staff or facilitators see are not indexed: a console or a
// trusted projector sees nearly everything, so walking everything costs it
// little more, and leaving them out keeps the index to a few entries per
// participant. Candidates are a superset: check each one's visibility now.
//
// Thread: not thread-safe; the hub's thread only.
class AudienceIndex {
 public:
  // Indexes every document of `state` (as published: nothing is pending).
  void Rebuild(const domain::WorkshopState& state);
  // A record was applied: `key` is now visible to `visibility` too.
  void Add(const domain::DocKey& key, const domain::Visibility& visibility);
  // Devices have been sent `key` as visible to `published`, and it is visible
  // to `now` in the applied state: it is indexed for both, and no longer for
  // any other audience.
  void Settle(const domain::DocKey& key, const domain::Visibility& published,
              const domain::Visibility& now);

  // Whether every audience of `audiences` is indexed (it holds no staff or
  // facilitators' audience), so that MayHave can answer for it.
  static bool Covers(const domain::Visibility& audiences);
  // The documents that any audience of `audiences` may see or may have been
  // sent, in key order, each once. Requires Covers(audiences).
  std::vector<domain::DocKey> MayHave(
      const domain::Visibility& audiences) const;

  // Entries, for tests and for sizing: one per (indexed audience, document).
  size_t size() const { return by_audience_.size(); }

 private:
  static bool Indexed(const domain::Audience& audience);
  void Set(const domain::DocKey& key, domain::Visibility indexed);

  std::set<std::pair<domain::Audience, domain::DocKey>> by_audience_;
  // Each indexed document's indexed audiences, to drop the stale entries when
  // it settles.
  std::map<domain::DocKey, domain::Visibility> audiences_of_;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_AUDIENCE_INDEX_H_
