#ifndef CAMPANA_APP_HUB_H_
#define CAMPANA_APP_HUB_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/audience_index.h"
#include "app/durability_gate.h"
#include "app/history.h"
#include "app/rate_limit.h"
#include "app/router.h"
#include "app/session_sink.h"
#include "app/session_table.h"
#include "codec/wire_codec.h"
#include "domain/random.h"
#include "domain/workshop.h"
#include "store/event_store.h"

namespace campana::app {

// What a hub needs from the world, given by whoever builds it (the server, or a
// test).
struct HubEnvironment {
  std::function<domain::Time()> now;
  domain::Random* rng = nullptr;
  // Hands a record (and maybe a snapshot) to the writer; OnDurable reports back
  // when it is safe.
  std::function<void(store::WriteBatch&&)> persist;
  // Sends a broadcast to many devices at once; without it, to each in turn.
  Multicast multicast;
};

struct HubOptions {
  uint64_t snapshot_every = 1000;  // records between stored snapshots
  size_t history_entries = 4096;
  size_t history_bytes = 16 << 20;
  double commands_per_second = 30;  // per connection, beyond a burst
  double command_burst = 60;
  // All participants' commands together, so that no crowd of devices (each
  // within its own limit) can bury the facilitators' commands or fill the
  // disk. Facilitators' and the server's own commands do not count. The burst
  // lets a room of 5,000 vote at once.
  double workshop_commands_per_second = 1000;
  double workshop_command_burst = 5000;
  // New participants: a whole room scanning the QR code at once (500 in 10 s)
  // gets in; a script adding thousands is slowed to this rate and answered
  // kBusy, which the pages retry with jitter.
  double joins_per_second = 30;
  double join_burst = 500;
  // A device coming back from further than this many records gets a snapshot:
  // cheaper than replaying and coalescing that much history.
  uint64_t max_resume_records = 512;
};

// Figures for /metrics and benchmarks.
struct HubStats {
  uint64_t commands = 0;
  uint64_t rejections = 0;
  uint64_t duplicates = 0;
  uint64_t flushes = 0;
  uint64_t frames_sent = 0;
  uint64_t snapshots_sent = 0;
  uint64_t resumes = 0;
};

// Runs one workshop: every command goes decide -> apply -> persist -> (durable)
// -> ack -> fan out. Single-threaded: all calls on the app thread, so the
// domain needs no locks (Redis's one mutator).
//
// Why apply before the commit, when DESIGN.md says commit then apply: group
// commit lets many commands share one fsync, and each must be decided against
// the ones before it. So the hub applies at once, but nothing leaves the
// process (acks, rejections, snapshots, deltas) until the records it depends on
// are durable. No device can see state that a crash could take back. If a
// commit fails the process stops (see GroupCommitter).
//
// The hub itself runs the command pipeline and attaches and resumes devices;
// the rest is in its parts: the SessionTable (who is attached and sees what),
// the DurabilityGate (what waits for which offset) and the Router (who gets
// which bytes of a delta).
class WorkshopHub {
 public:
  // `id`, `epoch` and `created_at_ms` are the workshop's catalogue row's.
  WorkshopHub(store::WorkshopId id, std::string epoch, int64_t created_at_ms,
              domain::Workshop workshop, HubEnvironment env,
              HubOptions options = {});
  WorkshopHub(const WorkshopHub&) = delete;
  WorkshopHub& operator=(const WorkshopHub&) = delete;

  // The ownership this hub writes under (store::EventStore::FenceOf, read when
  // the Lobby took or created the workshop): every row it persists carries it.
  void set_fence(int64_t fence) { fence_ = fence; }

  // A device said Hello to this workshop. On success the session is attached:
  // it gets a Welcome, then what it missed (a Delta) or everything (a
  // Snapshot). On failure nothing is attached and the Rejection is for the
  // caller to send.
  std::optional<domain::Rejection> Attach(SessionId session,
                                          std::shared_ptr<SessionSink> sink,
                                          codec::Format format,
                                          uint64_t request_id,
                                          const codec::Hello& hello);
  // A frame from an attached session.
  void Receive(SessionId session, const codec::Inbound& inbound);
  // The connection is gone.
  void Detach(SessionId session);
  bool HasSession(SessionId session) const {
    return sessions_.contains(session);
  }

  // Runs a command from the server itself (creation, connections, ticks) at
  // `now`, the caller's one reading of the clock. Returns what Decide said.
  domain::Result<domain::Decision> ExecuteSystem(const domain::Command& command,
                                                 domain::Time now);

  // The writer made the log durable up to `offset`: release what waited for it.
  void OnDurable(uint64_t offset);

  std::optional<domain::Time> NextDeadline() const {
    return workshop_.NextDeadline();
  }
  // Expires what has run out by `now`.
  void Tick(domain::Time now);

  // The workshop's facilitator key, or a facilitator link's that is not
  // revoked: what opens the console (and its exports).
  bool OpensTheConsole(std::string_view key) const;

  // After loading: nobody is connected whatever the log says, since no session
  // exists yet.
  void ResetConnections();
  // The workshop is being deleted: closes every device's connection, records
  // nothing, and returns the sessions it had (the hub is for destroying next).
  std::vector<SessionId> CloseAll();

  const domain::Workshop& workshop() const { return workshop_; }
  store::WorkshopId id() const { return id_; }
  const std::string& epoch() const { return epoch_; }
  int64_t created_at_ms() const { return created_at_ms_; }
  uint64_t durable_offset() const { return gate_.durable(); }
  size_t session_count() const { return sessions_.size(); }
  const HubStats& stats() const { return stats_; }

 private:
  void RunCommand(Session& session, uint64_t request_id, uint64_t client_seq,
                  const domain::Command& command, domain::Time now);
  domain::Result<domain::Decision> Execute(const domain::Actor& actor,
                                           uint64_t client_seq,
                                           const domain::Command& command,
                                           domain::Time now);
  void ApplyAndPersist(const domain::LogRecord& record);
  // The participant's devices whose group changed (or who left) see another
  // set of documents from this record on.
  void FollowGroupChange(domain::ParticipantId participant, uint64_t offset);
  // Binds the session to its participant, and sends it what that
  // participant sees beyond a newcomer's view.
  void Bind(Session& session, domain::ParticipantId participant,
            domain::Time now);
  void UpdateSubscription(Session& session);
  void QueueSnapshot(Session& session);
  // Sends the session, as one delta at the current offset, what its
  // subscription now shows that `before` did not (put) and what `before`
  // showed that it no longer does (removed): after a Join the participant's
  // own documents, after a group change the new group's for the old one's. A
  // snapshot would send again everything the device has (the agenda, the
  // activity, every shared document): most of a join's bytes in a keynote
  // room. The session stays live: deltas of records not yet durable reach it
  // under its new subscription, in order, around this one. What the device
  // may have been sent through an audience it left is removed too (the
  // AudienceIndex keeps it until sent). A staff audience gained or lost (a
  // projector's secret rotated) gets a snapshot instead.
  void QueueViewChange(Session& session, const domain::Visibility& before);
  // Sends `frame` to the session once the log is durable up to `offset`.
  void Queue(uint64_t offset, Session& session, SharedBytes frame,
             bool makes_live = false);
  // The gate let a frame go.
  void Release(SessionId session, const SharedBytes& frame, bool makes_live);
  void SendNow(Session& session, const SharedBytes& frame);
  // Takes one of the device's own tokens: commands, pings and unreadable
  // frames share them.
  bool TakeToken(Session& session, domain::Time now);
  // Whether the workshop takes this command now (its join and command budgets).
  std::optional<domain::Rejection> Admit(const Session& session,
                                         const domain::Command& command,
                                         domain::Time now);
  domain::Visibility SubscriptionFor(const Session& session) const;
  // After the projector secret changed: projectors with the old one drop to the
  // public view.
  void RecheckProjectors();
  // Closes the consoles whose link was revoked.
  void RecheckFacilitators();
  // The link a console key opens the console with (0: the workshop's own
  // key), or nullopt if it opens nothing (wrong, or revoked).
  std::optional<uint32_t> ConsoleLinkOf(std::string_view key) const;
  // Records how many consoles are open with `link` now (for each console's
  // list of who else is at one).
  void CountConsoles(uint32_t link, domain::Time now);
  void SetConnected(domain::ParticipantId participant, bool connected,
                    domain::Time now);

  const store::WorkshopId id_;
  int64_t fence_ = 0;
  const std::string epoch_;
  const int64_t created_at_ms_;
  domain::Workshop workshop_;
  HubEnvironment env_;
  const HubOptions options_;

  SessionTable sessions_;
  Router router_;
  DurabilityGate gate_;
  DeltaHistory history_;
  // The offset at which each participant's subscription last changed: a device
  // that resumes from before it needs a snapshot, since its old view had other
  // groups' documents.
  std::unordered_map<domain::ParticipantId, uint64_t> subscription_changed_at_;
  std::unordered_map<domain::ParticipantId, domain::GroupNumber> member_group_;
  AudienceIndex audience_index_;
  RateLimit workshop_commands_;
  RateLimit joins_;
  HubStats stats_;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_HUB_H_
