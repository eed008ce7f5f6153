// The Lobby's organizer operations: listing, duplicating, closing and deleting
// workshops (lobby.h states their contract). The live path (Hello, commands,
// durability) is in lobby.cc.

#include <spdlog/spdlog.h>

#include "app/lobby.h"
#include "app/workshop_code.h"

namespace campana::app {

domain::Result<WorkshopHub*> Lobby::FindTyped(std::string_view code) {
  auto normalized = NormalizeWorkshopCode(code);
  bool unavailable = false;
  WorkshopHub* hub = normalized ? Find(*normalized, &unavailable) : nullptr;
  if (unavailable) {
    return domain::Rejection{domain::RejectionCode::kBusy,
                             "the workshop cannot be opened now: try again"};
  }
  if (hub == nullptr) {
    return domain::Rejection{domain::RejectionCode::kUnknownWorkshop,
                             "no workshop has this code"};
  }
  return hub;
}

codec::WorkshopSummary Lobby::SummaryOf(const WorkshopHub& hub) {
  const domain::WorkshopState& s = hub.workshop().state();
  return codec::WorkshopSummary{.code = s.code,
                                .title = s.title,
                                .language = s.language,
                                .created_at_ms = hub.created_at_ms(),
                                .closed = s.closed,
                                .participants = s.participants.size(),
                                .agenda_items = s.agenda.size(),
                                .series = s.series,
                                .previous = s.previous};
}

std::vector<codec::WorkshopSummary> Lobby::ListWorkshops() {
  AssertOnAppThread();
  // Those in the store, loaded to be counted (one that cannot be loaded, its
  // log damaged, is left out; the error is in the server's log), and those
  // made so recently that the writer has not stored their row yet.
  for (const store::WorkshopRow& row : env_.reader->ListWorkshops())
    (void)Find(row.code);
  std::vector<codec::WorkshopSummary> list;
  for (const auto& [id, hub] : hubs_) list.push_back(SummaryOf(*hub));
  return list;
}

domain::Result<codec::WorkshopSummary> Lobby::Summarize(std::string_view code) {
  AssertOnAppThread();
  auto hub = FindTyped(code);
  if (!hub.ok()) return hub.rejection();
  return SummaryOf(*hub.value());
}

domain::Result<WorkshopAccess> Lobby::Access(std::string_view code) {
  AssertOnAppThread();
  auto hub = FindTyped(code);
  if (!hub.ok()) return hub.rejection();
  return AccessOf(hub.value()->workshop().state());
}

domain::Result<WorkshopAccess> Lobby::DuplicateWorkshop(std::string_view code) {
  AssertOnAppThread();
  auto hub = FindTyped(code);
  if (!hub.ok()) return hub.rejection();
  const domain::WorkshopState& s = hub.value()->workshop().state();
  // The agenda as planned: what ran (timers, answers, people) is in the state
  // beside it, not in it.
  return CreateWorkshop(codec::WorkshopTemplate{
      .title = s.title, .language = s.language, .agenda = s.agenda});
}

domain::Result<codec::WorkshopSummary> Lobby::CloseWorkshop(
    std::string_view code) {
  AssertOnAppThread();
  auto hub = FindTyped(code);
  if (!hub.ok()) return hub.rejection();
  auto closed =
      hub.value()->ExecuteSystem(domain::cmd::CloseWorkshop{}, env_.now());
  if (!closed.ok()) return closed.rejection();
  Rearm();
  return SummaryOf(*hub.value());
}

domain::Result<codec::WorkshopSummary> Lobby::DeleteWorkshop(
    std::string_view code, std::string_view confirm_title) {
  AssertOnAppThread();
  auto found = FindTyped(code);
  if (!found.ok()) return found.rejection();
  WorkshopHub* hub = found.value();
  const codec::WorkshopSummary summary = SummaryOf(*hub);
  if (confirm_title != hub->workshop().state().title) {
    return domain::Rejection::FailedPrecondition(
        "to delete a workshop, type its title exactly: \"" +
        hub->workshop().state().title + "\"");
  }
  const store::WorkshopId id = hub->id();
  erased_.insert(id);
  Unload(*hub);
  env_.persist(store::WriteBatch{.erased = {id}});
  spdlog::info("workshop {} deleted", summary.code);
  Rearm();
  return summary;
}

}  // namespace campana::app
