#ifndef CAMPANA_APP_SESSION_TABLE_H_
#define CAMPANA_APP_SESSION_TABLE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/rate_limit.h"
#include "app/session_sink.h"
#include "codec/wire_codec.h"
#include "domain/docs.h"

namespace campana::app {

// One device attached to a hub. Its participant, subscription and liveness are
// indexed by the SessionTable and change only through it; the other fields are
// the hub's to change.
class Session {
 public:
  Session(SessionId id, std::shared_ptr<SessionSink> sink, codec::Format format,
          domain::Role role)
      : id(id), sink(std::move(sink)), format(format), role(role) {}

  const SessionId id;
  const std::shared_ptr<SessionSink> sink;
  const codec::Format format;
  const domain::Role role;
  // A projector that showed the projector secret; others get the public view
  // (what every participant sees).
  bool trusted_projector = false;
  std::string projector_key;  // as presented, to re-check after a rotation
  // A console's key as presented: the workshop's, or a facilitator link's, to
  // re-check after a link is revoked.
  std::string facilitator_key;
  uint32_t console_link = 0;  // the link it came in with; 0: the workshop's
  RateLimit commands;

  // The Router's scratch while it builds a route plan: kept on the session so
  // that a plan for a room costs no lookup per device.
  struct RouteScratch {
    uint64_t mark = 0;
    std::vector<uint32_t> parts;
  };
  RouteScratch route;

  // 0 until the device joins or resumes as a participant, and again once that
  // participant is removed.
  domain::ParticipantId participant() const { return participant_; }
  // The audiences the device belongs to (domain::SubscriptionOf).
  const domain::Visibility& subscription() const { return subscription_; }
  // Receives deltas; false while its snapshot (or, resuming, what it missed)
  // waits to be sent, since a delta before it would patch a view it lacks.
  bool live() const { return live_; }

 private:
  friend class SessionTable;
  domain::ParticipantId participant_ = 0;
  domain::Visibility subscription_;
  bool live_ = false;
};

// The sessions attached to one hub, and the indexes that find them: by
// audience, and by participant (a participant's own audience is reached
// through its devices, which saves an index entry per person in a room of
// thousands).
//
// Owns the sessions; a Session& stays valid until Remove. Calls `changed`
// whenever who receives what may have changed (a session comes, goes, binds
// to a participant, or changes subscription or liveness): route plans built
// before are then stale. `changed` must not call back into the table.
//
// Thread: not thread-safe; the hub's thread (the app thread) only.
class SessionTable {
 public:
  explicit SessionTable(std::function<void()> changed)
      : changed_(std::move(changed)) {}
  SessionTable(const SessionTable&) = delete;
  SessionTable& operator=(const SessionTable&) = delete;

  // Adds a session that sees nothing yet: no participant, no subscription, not
  // live. `id` must not be in the table.
  Session& Add(SessionId id, std::shared_ptr<SessionSink> sink,
               codec::Format format, domain::Role role);
  // Forgets the session and its index entries. Returns the participant whose
  // last device this was, or 0.
  domain::ParticipantId Remove(SessionId id);
  Session* Find(SessionId id);
  bool contains(SessionId id) const { return sessions_.contains(id); }
  size_t size() const { return sessions_.size(); }

  // Binds an unbound session to `participant`. Returns whether it is that
  // participant's first device.
  bool Bind(Session& session, domain::ParticipantId participant);
  // The participant is gone: its devices become anonymous (participant 0).
  // Returns them.
  std::vector<SessionId> Unbind(domain::ParticipantId participant);
  // A copy, so that the caller may change the sessions while it goes through.
  std::vector<SessionId> DevicesOf(domain::ParticipantId participant) const;
  bool HasDevices(domain::ParticipantId participant) const {
    return by_participant_.contains(participant);
  }

  void Subscribe(Session& session, domain::Visibility subscription);
  void SetLive(Session& session, bool live);

  // Calls visit(Session&) for every session, in no particular order. `visit`
  // may change subscriptions, not add or remove sessions.
  template <class Visit>
  void ForEach(Visit&& visit) {
    for (auto& [id, session] : sessions_) visit(session);
  }
  // Calls visit(Session&) for every session in `audience`, live or not.
  template <class Visit>
  void ForEachIn(const domain::Audience& audience, Visit&& visit);

 private:
  void Index(Session& session, bool add);

  std::function<void()> changed_;
  std::unordered_map<SessionId, Session> sessions_;
  // Every audience but a participant's own. Pointers into sessions_, whose
  // nodes do not move.
  std::map<domain::Audience, std::unordered_set<Session*>> by_audience_;
  std::unordered_map<domain::ParticipantId, std::vector<SessionId>>
      by_participant_;
};

template <class Visit>
void SessionTable::ForEachIn(const domain::Audience& audience, Visit&& visit) {
  if (audience.kind == domain::AudienceKind::kParticipant) {
    auto devices = by_participant_.find(audience.id);
    if (devices == by_participant_.end()) return;
    for (SessionId id : devices->second) visit(sessions_.at(id));
    return;
  }
  auto it = by_audience_.find(audience);
  if (it == by_audience_.end()) return;
  for (Session* session : it->second) visit(*session);
}

}  // namespace campana::app

#endif  // CAMPANA_APP_SESSION_TABLE_H_
