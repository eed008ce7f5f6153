#include "app/session_table.h"

#include <algorithm>
#include <cassert>

namespace campana::app {

// clang-tidy 14 does not follow the move of `sink` through try_emplace.
// NOLINTNEXTLINE(performance-unnecessary-value-param)
Session& SessionTable::Add(SessionId id, std::shared_ptr<SessionSink> sink,
                           codec::Format format, domain::Role role) {
  auto [it, added] =
      sessions_.try_emplace(id, id, std::move(sink), format, role);
  assert(added && "a session attaches once");
  (void)added;
  return it->second;  // in no audience and not live: no plan changes
}

domain::ParticipantId SessionTable::Remove(SessionId id) {
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return 0;
  Index(it->second, false);
  const domain::ParticipantId participant = it->second.participant_;
  sessions_.erase(it);
  changed_();
  if (participant == 0) return 0;
  auto devices = by_participant_.find(participant);
  if (devices == by_participant_.end()) return 0;
  std::erase(devices->second, id);
  if (!devices->second.empty()) return 0;
  by_participant_.erase(devices);
  return participant;
}

Session* SessionTable::Find(SessionId id) {
  auto it = sessions_.find(id);
  return it == sessions_.end() ? nullptr : &it->second;
}

bool SessionTable::Bind(Session& session, domain::ParticipantId participant) {
  assert(session.participant_ == 0 && participant != 0);
  session.participant_ = participant;
  std::vector<SessionId>& devices = by_participant_[participant];
  devices.push_back(session.id);
  changed_();
  return devices.size() == 1;
}

std::vector<SessionId> SessionTable::Unbind(domain::ParticipantId participant) {
  auto it = by_participant_.find(participant);
  if (it == by_participant_.end()) return {};
  std::vector<SessionId> devices = std::move(it->second);
  by_participant_.erase(it);
  for (SessionId id : devices) sessions_.at(id).participant_ = 0;
  changed_();
  return devices;
}

std::vector<SessionId> SessionTable::DevicesOf(
    domain::ParticipantId participant) const {
  auto it = by_participant_.find(participant);
  return it == by_participant_.end() ? std::vector<SessionId>() : it->second;
}

void SessionTable::Subscribe(Session& session,
                             domain::Visibility subscription) {
  Index(session, false);
  session.subscription_ = std::move(subscription);
  Index(session, true);
  changed_();
}

void SessionTable::SetLive(Session& session, bool live) {
  if (session.live_ == live) return;
  session.live_ = live;
  changed_();
}

void SessionTable::Index(Session& session, bool add) {
  for (const domain::Audience& audience : session.subscription_) {
    if (audience.kind == domain::AudienceKind::kParticipant) continue;
    if (add) {
      by_audience_[audience].insert(&session);
      continue;
    }
    auto it = by_audience_.find(audience);
    if (it == by_audience_.end()) continue;
    it->second.erase(&session);
    if (it->second.empty()) by_audience_.erase(it);
  }
}

}  // namespace campana::app
