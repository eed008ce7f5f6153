#ifndef CAMPANA_APP_LOBBY_H_
#define CAMPANA_APP_LOBBY_H_

#include <cassert>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "app/hub.h"
#include "app/session_sink.h"
#include "app/thread_checker.h"
#include "codec/organizer_codec.h"
#include "codec/template_codec.h"
#include "codec/wire_codec.h"
#include "store/event_store.h"

namespace campana::app {

struct LobbyEnvironment {
  std::function<domain::Time()> now;
  domain::Random* rng = nullptr;
  // Reads workshops on the app thread (its own connection; the writer has
  // another).
  store::EventStore* reader = nullptr;
  std::function<void(store::WriteBatch&&)> persist;
  Multicast multicast;  // see HubEnvironment
  // Asks to be woken (OnWakeup) at this time; nullopt: no wake-up needed.
  std::function<void(std::optional<domain::Time>)> arm_wakeup;
};

struct WorkshopAccess {
  std::string code;
  std::string facilitator_key;
  std::string title;
  std::string projector_key;
};

// What opens a workshop's pages, from its state.
inline WorkshopAccess AccessOf(const domain::WorkshopState& s) {
  return {s.code, s.facilitator_key, s.title, s.projector_key};
}

// Bounds on connections that have not said Hello yet.
struct LobbyOptions {
  // A connection must say Hello within this, or it is closed: a device that
  // only keeps the socket open (pinging) holds a descriptor for nothing.
  domain::Millis hello_timeout{5000};
  // At most this many connections wait for their Hello; past it the oldest is
  // closed, so a flood of silent connections cannot keep a real phone out.
  size_t max_waiting = 2048;
  // Wrong codes and keys, from every connection together: past this rate a
  // failing Hello closes its connection (guessing costs a new connection).
  double failed_hellos_per_second = 20;
  double failed_hello_burst = 200;
};

// Where connections arrive before they belong to a workshop: it reads their
// Hello, finds the workshop (loading it from the store the first time: latest
// snapshot, then the records after it, through the same Apply as live commands)
// and hands the connection to its hub. It also creates workshops and routes
// durability reports and timer wake-ups to the hubs. Single-threaded: built
// anywhere, then every call on the app thread (asserted in the dev build), as
// the hubs it runs have no locks.
class Lobby {
 public:
  explicit Lobby(LobbyEnvironment env, HubOptions options = {},
                 LobbyOptions lobby_options = {});
  Lobby(const Lobby&) = delete;
  Lobby& operator=(const Lobby&) = delete;

  // Creates a workshop from a template; its first record is on its way to the
  // disk.
  domain::Result<WorkshopAccess> CreateWorkshop(
      const codec::WorkshopTemplate& plan);
  // Creates a workshop from its first command (its code is drawn here).
  domain::Result<WorkshopAccess> CreateWorkshop(
      domain::cmd::CreateWorkshop command);
  // The oldest workshop in the store, if any (the demo that `deploy/dev.sh run`
  // reuses).
  std::optional<WorkshopAccess> FirstWorkshop();

  // The organizer's operations (lobby_catalogue.cc). Each takes a code as typed
  // (normalized here) and answers kUnknownWorkshop if there is no such
  // workshop. The caller has checked the organizer key.
  //
  // Every workshop in the store, oldest first (each is loaded to be counted).
  std::vector<codec::WorkshopSummary> ListWorkshops();
  domain::Result<codec::WorkshopSummary> Summarize(std::string_view code);
  // Its code and secrets (for the organizer's links to its console).
  domain::Result<WorkshopAccess> Access(std::string_view code);
  // A new workshop with the same title, language and agenda, and nobody in it.
  domain::Result<WorkshopAccess> DuplicateWorkshop(std::string_view code);
  // The next workshop of `code`'s series, from `plan` (nullopt: the same
  // agenda again), titled `title` (empty: the plan's, or the same): it starts
  // with `code`'s people, each the same person (id, name, token, personal
  // code), and its groups and teams if `keep_groups`.
  domain::Result<WorkshopAccess> NextWorkshop(
      std::string_view code, std::optional<codec::WorkshopTemplate> plan,
      std::string_view title, bool keep_groups);
  // Who came to what over the series `code` is in (its first workshop and
  // every next one, oldest first). People are told apart by their resume
  // token, which a series carries over.
  domain::Result<codec::SeriesAttendance> SeriesOf(std::string_view code);
  // Joining ends (kClosed for new devices); the people, their devices and the
  // report stay. Closing a closed workshop changes nothing.
  domain::Result<codec::WorkshopSummary> CloseWorkshop(std::string_view code);
  // Erases the workshop: its devices are disconnected at once, and its
  // catalogue row, records and snapshots are deleted from the store (after
  // what is queued for it). `confirm_title` must be its title exactly
  // (kFailedPrecondition otherwise, and nothing changes): a delete cannot be
  // undone.
  domain::Result<codec::WorkshopSummary> DeleteWorkshop(
      std::string_view code, std::string_view confirm_title);

  // Everything the workshop produced, as JSON (codec::ExportJson), for whoever
  // holds its facilitator key (or a facilitator link's): kUnknownWorkshop or
  // kPermissionDenied otherwise.
  domain::Result<std::string> Export(std::string_view code,
                                     std::string_view facilitator_key);

  void Open(SessionId session, std::shared_ptr<SessionSink> sink,
            codec::Format format);
  void Receive(SessionId session, const codec::Inbound& inbound);
  void Close(SessionId session);

  void OnDurable(const std::map<store::WorkshopId, uint64_t>& durable);
  // Workshops another node has taken (a cluster's store refused this
  // process's appends to them, docs/cluster.md): this process stops serving
  // them at once. Their devices are disconnected and reconnect through the
  // front to the node that has them now; what was not durable here was never
  // acknowledged, and they send it again there.
  void OnFenced(const std::vector<store::WorkshopId>& lost);
  void OnWakeup();

  // The loaded hub for a code, loading it if needed; nullptr if there is no
  // such workshop, or if it could not be loaded now (the database out of
  // reach, another node's lock held past its wait): then `*unavailable` is
  // set, if given, and asking again later may succeed.
  WorkshopHub* Find(std::string_view code, bool* unavailable = nullptr);
  size_t loaded_workshops() const {
    AssertOnAppThread();
    return hubs_.size();
  }
  size_t open_sessions() const {
    AssertOnAppThread();
    return waiting_.size() + attached_.size();
  }
  size_t waiting_sessions() const {
    AssertOnAppThread();
    return waiting_.size();
  }
  uint64_t hello_timeouts() const {
    AssertOnAppThread();
    return hello_timeouts_;
  }
  uint64_t evicted_waiting() const {
    AssertOnAppThread();
    return evicted_waiting_;
  }
  // Sums over loaded hubs.
  HubStats TotalStats() const;

 private:
  struct Waiting {
    std::shared_ptr<SessionSink> sink;
    codec::Format format = codec::Format::kBinary;
    int failed_hellos = 0;
    int frames = 0;  // pings and unreadable frames before Hello
    domain::Time opened_at;
  };

  // The first call on any entry point decides which thread is the app thread.
  void AssertOnAppThread() const {
    assert(app_thread_.OnItsThread() &&
           "the Lobby runs on the app thread only");
  }
  WorkshopHub* Load(const store::WorkshopRow& row);
  // Stops serving a loaded workshop: its devices are disconnected and its hub
  // is forgotten (later durability reports for it find nothing). Returns how
  // many devices were disconnected.
  size_t Unload(WorkshopHub& hub);
  // The workshop as its snapshot and log say, without serving it (nor taking
  // it from another node); nullopt if it cannot be read.
  std::optional<domain::Workshop> Read(const store::WorkshopRow& row) const;
  // The hub for a code as typed (normalized), or kUnknownWorkshop.
  domain::Result<WorkshopHub*> FindTyped(std::string_view code);
  static codec::WorkshopSummary SummaryOf(const WorkshopHub& hub);
  HubEnvironment HubEnv() const;
  void Rearm();
  // Closes the waiting connection (it is forgotten at once).
  void Drop(SessionId session);
  // Closes connections whose Hello is overdue, and the oldest past the cap.
  void SweepWaiting(domain::Time now);

  LobbyEnvironment env_;
  const HubOptions options_;
  const LobbyOptions lobby_options_;
  std::map<store::WorkshopId, std::unique_ptr<WorkshopHub>> hubs_;
  std::unordered_map<std::string, WorkshopHub*> by_code_;
  // Workshops deleted in this process: their rows may still be in the store
  // until the writer erases them, and must not be loaded again meanwhile.
  std::set<store::WorkshopId> erased_;
  // When loading a workshop last failed (the database out of reach, a lock
  // held, a log that does not read): it is not tried again for a second, so
  // that a room of devices saying Hello does not hammer the database, nor
  // bump the fence, many times a second.
  std::unordered_map<std::string, domain::Time> load_failed_at_;
  std::unordered_map<SessionId, Waiting> waiting_;
  // Waiting connections in the order they opened (ids only grow), with stale
  // entries for those already gone: the front is the oldest.
  std::deque<std::pair<domain::Time, SessionId>> waiting_order_;
  RateLimit failed_hellos_;
  uint64_t hello_timeouts_ = 0;
  uint64_t evicted_waiting_ = 0;
  std::unordered_map<SessionId, WorkshopHub*> attached_;
  std::optional<domain::Time> armed_;
  ThreadChecker app_thread_;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_LOBBY_H_
