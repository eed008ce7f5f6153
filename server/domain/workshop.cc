#include "domain/workshop.h"

#include <algorithm>
#include <cassert>

#include "domain/authority.h"
#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain {

Workshop::Workshop(WorkshopState state) : state_(std::move(state)) {
  state_.RebuildIndexes();
}

Result<Decision> Workshop::Decide(const Actor& actor, const Command& command,
                                  Time now, Random& rng) const {
  if (!state_.created() &&
      !std::holds_alternative<cmd::CreateWorkshop>(command)) {
    return Rejection::FailedPrecondition("the workshop has not been created");
  }
  if (auto denied = CheckAuthority(actor, command)) return *denied;
  if (actor.role == Role::kParticipant && actor.participant != 0 &&
      state_.FindParticipant(actor.participant) == nullptr) {
    return Rejection::NotJoined("you are no longer in this workshop");
  }
  const internal::Context context{state_, actor, now, rng};
  return std::visit(
      [&]<class C>(const C& c) -> Result<Decision> {
        if constexpr (kContains<C, CoreCommands>) {
          return internal::Decide(context, c);
        } else {
          return OwnerOf<C>::Decide(context, c);
        }
      },
      command);
}

void Workshop::Apply(const LogRecord& record, Touched& touched) {
  assert(record.offset == state_.offset + 1);
  for (const Event& event : record.events) {
    std::visit(
        [&]<class E>(const E& e) {
          if constexpr (kContains<E, CoreEvents>) {
            internal::Apply(state_, e, touched);
          } else {
            OwnerOf<E>::Apply(state_, e, touched);
          }
        },
        event);
  }
  if (record.client_seq != 0 && record.actor.role == Role::kParticipant) {
    auto it = state_.participants.find(record.actor.participant);
    if (it != state_.participants.end()) {
      it->second.last_client_seq =
          std::max(it->second.last_client_seq, record.client_seq);
    }
  }
  state_.offset = record.offset;
}

bool Workshop::IsDuplicate(const Actor& actor, uint64_t client_seq) const {
  if (client_seq == 0 || actor.role != Role::kParticipant) return false;
  const Participant* p = state_.FindParticipant(actor.participant);
  return p != nullptr && client_seq <= p->last_client_seq;
}

std::optional<Time> Workshop::NextDeadline() const {
  std::optional<Time> next;
  auto consider = [&](std::optional<Time> t) {
    if (t && (!next || *t < *next)) next = t;
  };
  for (const auto& [id, t] : state_.timers) {
    if (t.state == TimerState::kRunning) consider(t.ends_at);
  }
  ForEachActivity([&]<class A>() { consider(A::NextDeadline(state_)); });
  return next;
}

void WorkshopState::RebuildIndexes() {
  by_token.clear();
  by_join_key.clear();
  by_personal_code.clear();
  name_folds.clear();
  for (const auto& [id, p] : participants) {
    by_token[p.resume_token] = id;
    by_join_key[p.join_key] = id;
    // Workshops from before personal codes have participants without one.
    if (!p.personal_code.empty()) by_personal_code[p.personal_code] = id;
    ++name_folds[NameFold(p.display_name)];
  }
}

const Ban* WorkshopState::FindBan(std::string_view join_key) const {
  // Bans are few (a facilitator's decision each): a scan is enough.
  for (const auto& [id, ban] : bans)
    if (ban.join_key == join_key) return &ban;
  return nullptr;
}

const Participant* WorkshopState::FindParticipant(ParticipantId id) const {
  auto it = participants.find(id);
  return it == participants.end() ? nullptr : &it->second;
}

}  // namespace campana::domain
