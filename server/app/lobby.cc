#include "app/lobby.h"

#include <spdlog/spdlog.h>

#include "app/workshop_code.h"
#include "codec/export_codec.h"
#include "codec/log_codec.h"

namespace campana::app {
namespace {

// A new workshop's row starts with this fencing token (store/event_store.h):
// the process that creates it owns it.
constexpr int64_t kFirstFence = 1;

// A workshop that failed to load is not tried again before this (lobby.h).
constexpr domain::Millis kLoadRetryAfter{1000};

// Wrong codes and keys get this many tries per connection; then only "slow
// down".
constexpr int kMaxFailedHellos = 20;
// Pings and unreadable frames a connection may send before its Hello; past
// this it is closed.
constexpr int kMaxFramesBeforeHello = 20;

SharedBytes Share(std::string bytes) {
  return std::make_shared<const std::string>(std::move(bytes));
}

}  // namespace

Lobby::Lobby(LobbyEnvironment env, HubOptions options,
             LobbyOptions lobby_options)
    : env_(std::move(env)), options_(options), lobby_options_(lobby_options) {
  failed_hellos_ = {lobby_options_.failed_hello_burst, env_.now()};
}

HubEnvironment Lobby::HubEnv() const {
  return {env_.now, env_.rng, env_.persist, env_.multicast};
}

domain::Result<WorkshopAccess> Lobby::CreateWorkshop(
    const codec::WorkshopTemplate& plan) {
  return CreateWorkshop(domain::cmd::CreateWorkshop{
      .title = plan.title, .language = plan.language, .agenda = plan.agenda});
}

domain::Result<WorkshopAccess> Lobby::CreateWorkshop(
    domain::cmd::CreateWorkshop command) {
  AssertOnAppThread();
  std::string code;
  do {
    code = NewWorkshopCode(*env_.rng);
  } while (by_code_.contains(code) || env_.reader->FindWorkshop(code));

  // From the store: the nodes of a cluster create workshops at once.
  const std::optional<store::WorkshopId> id = env_.reader->NewWorkshopId();
  if (!id) {
    return domain::Rejection{domain::RejectionCode::kBusy,
                             "the database cannot be reached: try again"};
  }
  const domain::Time now = env_.now();
  const store::WorkshopRow row{*id, code, env_.rng->Token(),
                               domain::ToUnixMillis(now)};
  // The catalogue row goes first, in the same transaction as the first record.
  env_.persist(store::WriteBatch{.workshops = {row}});
  auto hub =
      std::make_unique<WorkshopHub>(row.id, row.epoch, row.created_at_ms,
                                    domain::Workshop(), HubEnv(), options_);
  hub->set_fence(kFirstFence);
  command.code = code;
  const size_t items = command.agenda.size();
  auto created = hub->ExecuteSystem(std::move(command), now);
  if (!created.ok()) return created.rejection();
  WorkshopHub* raw = hub.get();
  hubs_[row.id] = std::move(hub);
  by_code_[code] = raw;
  spdlog::info("workshop {} created ({} agenda items)", code, items);
  return AccessOf(raw->workshop().state());
}

std::optional<WorkshopAccess> Lobby::FirstWorkshop() {
  AssertOnAppThread();
  auto rows = env_.reader->ListWorkshops();
  if (rows.empty()) return std::nullopt;
  // Read, not served: printing its links must not take the workshop from the
  // node of a cluster that serves it (docs/cluster.md).
  if (auto it = by_code_.find(rows.front().code); it != by_code_.end())
    return AccessOf(it->second->workshop().state());
  std::optional<domain::Workshop> workshop = Read(rows.front());
  if (!workshop) return std::nullopt;
  return AccessOf(workshop->state());
}

domain::Result<std::string> Lobby::Export(std::string_view code,
                                          std::string_view facilitator_key) {
  AssertOnAppThread();
  auto hub = FindTyped(code);
  if (!hub.ok()) return hub.rejection();
  const domain::WorkshopState& state = hub.value()->workshop().state();
  if (!hub.value()->OpensTheConsole(facilitator_key)) {
    return domain::Rejection::PermissionDenied(
        "the facilitator key is not right for this workshop");
  }
  return codec::ExportJson(state, env_.now());
}

WorkshopHub* Lobby::Find(std::string_view code, bool* unavailable) {
  AssertOnAppThread();
  const std::string key(code);  // `code` may live in a hub let go below
  if (auto it = by_code_.find(key); it != by_code_.end()) {
    // In a cluster another node may have taken it while this one wrote nothing
    // (so no refused append told it): serving from memory would answer from
    // an old state, down to "your place is gone" for someone who joined
    // there. Let it go and load it again (taking it back: the front sends
    // this workshop's devices here now).
    if (env_.reader->StillOwns(it->second->id())) return it->second;
    const size_t closed = Unload(*it->second);
    spdlog::warn(
        "workshop {}: another node took it; {} devices disconnected; loading "
        "it again",
        key, closed);
  }
  if (auto failed = load_failed_at_.find(key);
      failed != load_failed_at_.end()) {
    if (env_.now() - failed->second < kLoadRetryAfter) {
      if (unavailable != nullptr) *unavailable = true;
      return nullptr;
    }
    load_failed_at_.erase(failed);
  }
  auto row = env_.reader->FindWorkshop(key);
  if (!row || erased_.contains(row->id)) return nullptr;
  WorkshopHub* hub = Load(*row);
  if (hub == nullptr) {
    load_failed_at_[key] = env_.now();
    if (unavailable != nullptr) *unavailable = true;
  }
  return hub;
}

std::optional<domain::Workshop> Lobby::Read(
    const store::WorkshopRow& row) const {
  domain::Workshop workshop;
  if (auto snapshot = env_.reader->LatestSnapshot(row.id)) {
    auto state = codec::DecodeState(snapshot->body);
    if (state.ok()) {
      workshop = domain::Workshop(std::move(state).value());
    } else {
      spdlog::warn(
          "workshop {}: snapshot at {} unreadable; replaying the whole log",
          row.code, snapshot->offset);
    }
  }
  domain::Touched touched;  // nobody to tell yet
  std::string failure;
  const store::Status status = env_.reader->ReadRecords(
      row.id, workshop.offset(), [&](uint64_t offset, std::string_view body) {
        auto record = codec::DecodeRecord(body);
        if (!record.ok() || record.value().offset != offset ||
            offset != workshop.offset() + 1) {
          failure = "record " + std::to_string(offset) +
                    " is unreadable or out of order";
          return false;
        }
        workshop.Apply(record.value(), touched);
        touched.Clear();
        return true;
      });
  if (!status.ok || !workshop.state().created()) {
    spdlog::error("workshop {} cannot be loaded: {}", row.code,
                  failure.empty() ? status.message : failure);
    return std::nullopt;
  }
  return workshop;
}

WorkshopHub* Lobby::Load(const store::WorkshopRow& row) {
  // This process becomes the workshop's only writer before it reads the log:
  // a node that served it before can no longer append (a shared PostgreSQL
  // store; nothing to do for SQLite), so what is read is the whole log.
  if (const store::Status owned = env_.reader->TakeOwnership(row.id);
      !owned.ok) {
    spdlog::error("workshop {} cannot be taken: {}", row.code, owned.message);
    return nullptr;
  }
  std::optional<domain::Workshop> workshop = Read(row);
  if (!workshop) return nullptr;
  auto hub =
      std::make_unique<WorkshopHub>(row.id, row.epoch, row.created_at_ms,
                                    std::move(*workshop), HubEnv(), options_);
  hub->set_fence(env_.reader->FenceOf(row.id));
  WorkshopHub* raw = hub.get();
  hubs_[row.id] = std::move(hub);
  by_code_[row.code] = raw;
  raw->ResetConnections();
  spdlog::info("workshop {} loaded at offset {}", row.code,
               raw->workshop().offset());
  Rearm();
  return raw;
}

void Lobby::Open(SessionId session, std::shared_ptr<SessionSink> sink,
                 codec::Format format) {
  AssertOnAppThread();
  const domain::Time now = env_.now();
  waiting_[session] =
      Waiting{.sink = std::move(sink), .format = format, .opened_at = now};
  waiting_order_.emplace_back(now, session);
  SweepWaiting(now);
  Rearm();
}

void Lobby::Drop(SessionId session) {
  auto it = waiting_.find(session);
  if (it == waiting_.end()) return;
  it->second.sink->Close();
  waiting_.erase(it);
}

void Lobby::SweepWaiting(domain::Time now) {
  while (!waiting_order_.empty()) {
    const auto [opened_at, id] = waiting_order_.front();
    if (!waiting_.contains(id)) {
      waiting_order_.pop_front();  // said Hello or closed meanwhile
      continue;
    }
    if (now - opened_at >= lobby_options_.hello_timeout) {
      ++hello_timeouts_;
    } else if (waiting_.size() > lobby_options_.max_waiting) {
      ++evicted_waiting_;
    } else {
      break;
    }
    waiting_order_.pop_front();
    Drop(id);
  }
}

void Lobby::Receive(SessionId session, const codec::Inbound& inbound) {
  AssertOnAppThread();
  if (auto it = attached_.find(session); it != attached_.end()) {
    it->second->Receive(session, inbound);
    Rearm();
    return;
  }
  auto it = waiting_.find(session);
  if (it == waiting_.end()) return;
  Waiting& waiting = it->second;
  auto reply = [&](std::string frame) {
    SendFrame(*waiting.sink, waiting.format, Share(std::move(frame)));
  };
  auto reject = [&](const domain::Rejection& r) {
    reply(codec::EncodeRejection(inbound.request_id, inbound.client_seq, r));
  };

  // Before Hello a connection gets a few answers, not a stream of them.
  if (!std::holds_alternative<codec::Hello>(inbound.body) &&
      ++waiting.frames > kMaxFramesBeforeHello) {
    Drop(session);
    return;
  }
  if (const auto* ping = std::get_if<codec::Ping>(&inbound.body)) {
    reply(codec::EncodePong(inbound.request_id, ping->client_time_ms,
                            env_.now()));
    return;
  }
  if (inbound.is_command) {
    reject(
        domain::Rejection::NotJoined("say Hello with a workshop code first"));
    return;
  }
  if (const auto* rejection = std::get_if<domain::Rejection>(&inbound.body)) {
    reject(*rejection);
    return;
  }
  const auto* hello = std::get_if<codec::Hello>(&inbound.body);
  if (hello == nullptr) {
    reject(
        domain::Rejection::NotJoined("say Hello with a workshop code first"));
    return;
  }
  if (waiting.failed_hellos >= kMaxFailedHellos) {
    reject(domain::Rejection{domain::RejectionCode::kBusy,
                             "too many attempts on this connection"});
    return;
  }
  // One answer for every code that does not lead to a workshop, well-formed or
  // not.
  const domain::Rejection unknown{domain::RejectionCode::kUnknownWorkshop,
                                  "no workshop has this code"};
  auto code = NormalizeWorkshopCode(hello->workshop_code);
  bool unavailable = false;
  WorkshopHub* hub = code ? Find(*code, &unavailable) : nullptr;
  auto failed = [&](const domain::Rejection& r) {
    ++waiting.failed_hellos;
    reject(r);
    if (!failed_hellos_.Take(lobby_options_.failed_hellos_per_second,
                             lobby_options_.failed_hello_burst, env_.now())) {
      Drop(session);
    }
  };
  if (unavailable) {
    // It exists but cannot be loaded this moment (a takeover waiting for a
    // paused node's lock, the database restarting): not a wrong code, so no
    // failed try is counted, and the page tries again.
    reject(domain::Rejection{domain::RejectionCode::kBusy,
                             "the workshop cannot be opened now: try again"});
    return;
  }
  if (hub == nullptr) return failed(unknown);
  if (auto refused = hub->Attach(session, waiting.sink, waiting.format,
                                 inbound.request_id, *hello)) {
    return failed(*refused);
  }
  attached_[session] = hub;
  waiting_.erase(it);
  Rearm();
}

void Lobby::Close(SessionId session) {
  AssertOnAppThread();
  waiting_.erase(session);
  auto it = attached_.find(session);
  if (it == attached_.end()) return;
  it->second->Detach(session);
  attached_.erase(it);
  Rearm();
}

void Lobby::OnDurable(const std::map<store::WorkshopId, uint64_t>& durable) {
  AssertOnAppThread();
  for (const auto& [id, offset] : durable) {
    if (auto it = hubs_.find(id); it != hubs_.end())
      it->second->OnDurable(offset);
  }
}

size_t Lobby::Unload(WorkshopHub& hub) {
  const std::vector<SessionId> closed = hub.CloseAll();
  for (SessionId session : closed) attached_.erase(session);
  by_code_.erase(hub.workshop().state().code);
  hubs_.erase(hub.id());  // `hub` is gone from here on
  return closed.size();
}

void Lobby::OnFenced(const std::vector<store::WorkshopId>& lost) {
  AssertOnAppThread();
  for (const store::WorkshopId id : lost) {
    auto it = hubs_.find(id);
    if (it == hubs_.end()) continue;  // already let go
    const std::string code = it->second->workshop().state().code;
    // Asked for again, it is loaded (and taken) again.
    const size_t closed = Unload(*it->second);
    spdlog::warn(
        "workshop {}: another node took it; {} devices disconnected to "
        "reconnect there",
        code, closed);
  }
  Rearm();
}

void Lobby::OnWakeup() {
  AssertOnAppThread();
  const domain::Time now = env_.now();
  SweepWaiting(now);
  for (auto& [id, hub] : hubs_) {
    auto deadline = hub->NextDeadline();
    if (deadline && *deadline <= now) hub->Tick(now);
  }
  Rearm();
}

void Lobby::Rearm() {
  std::optional<domain::Time> next;
  // The oldest waiting connection's Hello deadline (a stale front entry only
  // makes the wake-up early).
  while (!waiting_order_.empty() &&
         !waiting_.contains(waiting_order_.front().second))
    waiting_order_.pop_front();
  if (!waiting_order_.empty())
    next = waiting_order_.front().first + lobby_options_.hello_timeout;
  for (const auto& [id, hub] : hubs_) {
    auto deadline = hub->NextDeadline();
    if (deadline && (!next || *deadline < *next)) next = deadline;
  }
  if (next == armed_) return;
  armed_ = next;
  env_.arm_wakeup(next);
}

HubStats Lobby::TotalStats() const {
  AssertOnAppThread();
  HubStats total;
  for (const auto& [id, hub] : hubs_) {
    const HubStats& s = hub->stats();
    total.commands += s.commands;
    total.rejections += s.rejections;
    total.duplicates += s.duplicates;
    total.flushes += s.flushes;
    total.frames_sent += s.frames_sent;
    total.snapshots_sent += s.snapshots_sent;
    total.resumes += s.resumes;
  }
  return total;
}

}  // namespace campana::app
