#ifndef CAMPANA_DOMAIN_DOCS_H_
#define CAMPANA_DOMAIN_DOCS_H_

#include <functional>

#include "domain/doc_key.h"
#include "domain/state.h"

// Which documents exist and who may see each: the core's own, then each
// activity's (its ForEachDoc and VisibilityOf hooks).
namespace campana::domain {

// Who may see the document `key` now.
Visibility VisibilityOf(const WorkshopState& state, const DocKey& key);

// The audiences a device belongs to: what it sees is every document whose
// visibility shares an audience with this list. Sorted.
Visibility SubscriptionOf(const WorkshopState& state, Role role,
                          ParticipantId participant);

// Calls `visit` for every document that exists, in key order.
void ForEachDoc(const WorkshopState& state,
                const std::function<void(const DocKey&)>& visit);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_DOCS_H_
