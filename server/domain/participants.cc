// Joining, names, presence and connections: who is in the workshop.

#include <algorithm>
#include <optional>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain::internal {
namespace {

bool IsJoinKey(std::string_view key) {
  if (key.size() < 8 || key.size() > 128) return false;
  return std::all_of(key.begin(), key.end(),
                     [](char ch) { return ch > ' ' && ch < 0x7f; });
}

// Resolves "0 means me" and keeps participants to themselves.
Result<ParticipantId> Target(const Context& c, ParticipantId requested) {
  const ParticipantId target = requested == 0 ? c.actor.participant : requested;
  if (c.actor.role == Role::kParticipant && target != c.actor.participant) {
    return Rejection::PermissionDenied(
        "participants can only change themselves");
  }
  if (c.state.FindParticipant(target) == nullptr) {
    return Rejection::NotFound("no participant " + std::to_string(target));
  }
  return target;
}

// Two people with one name cannot be told apart on a roster, and the second
// may be imitating the first.
std::optional<Rejection> NameTaken(const WorkshopState& s,
                                   const std::string& name,
                                   ParticipantId except) {
  const std::string fold = NameFold(name);
  auto it = s.name_folds.find(fold);
  if (it == s.name_folds.end() || it->second == 0) return std::nullopt;
  if (except != 0) {
    const Participant* self = s.FindParticipant(except);
    if (self != nullptr && it->second == 1 &&
        NameFold(self->display_name) == fold)
      return std::nullopt;
  }
  return Rejection{RejectionCode::kNameTaken,
                   "someone in this workshop already has this name; add an "
                   "initial"};
}

void CountName(WorkshopState& s, const std::string& name, int delta) {
  const std::string fold = NameFold(name);
  uint32_t& count = s.name_folds[fold];
  count = static_cast<uint32_t>(static_cast<int>(count) + delta);
  if (count == 0) s.name_folds.erase(fold);
}

}  // namespace

Result<Decision> Decide(const Context& c, const cmd::CreateWorkshop& command) {
  if (c.state.created())
    return Rejection::FailedPrecondition("the workshop already exists");
  if (command.code.empty())
    return Rejection::InvalidArgument("a workshop needs a code");
  auto title = CheckText(command.title, kMaxTitleCodePoints, "the title");
  if (!title.ok()) return title.rejection();
  std::vector<AgendaItem> agenda = command.agenda;
  uint32_t day = 0;
  for (size_t i = 0; i < agenda.size(); ++i) {
    day = agenda[i].day = ResolveDay(agenda[i].day, day);
    if (day == 0) {
      return Rejection::InvalidArgument("agenda item " + std::to_string(i) +
                                        ": days go forward, from 1 to " +
                                        std::to_string(kMaxDays));
    }
  }
  if (command.roster.size() > kMaxParticipants)
    return Rejection::InvalidArgument("too many people on the roster");
  std::vector<Event> events{
      ev::WorkshopCreated{.code = command.code,
                          .title = title.value(),
                          .language = command.language,
                          .facilitator_key = c.rng.Token(),
                          .agenda = std::move(agenda),
                          .projector_key = c.rng.Token(),
                          .series = command.series,
                          .previous = command.previous}};
  // The series' people come in with the workshop, as they were: same ids,
  // names, tokens and personal codes, so that their devices are them here.
  for (const ev::ParticipantJoined& person : command.roster)
    events.emplace_back(person);
  if (!command.groups.kinds.empty()) {
    events.emplace_back(command.groups);
    if (!command.teams.empty())
      events.emplace_back(ev::TeamsDefined{command.teams});
  }
  return Events(std::move(events));
}

Result<Decision> Decide(const Context& c, const cmd::Join& command) {
  if (!IsJoinKey(command.join_key)) {
    return Rejection::InvalidArgument(
        "the join key must be 8 to 128 printable characters");
  }
  if (auto it = c.state.by_join_key.find(command.join_key);
      it != c.state.by_join_key.end()) {
    // The same device asking again (its Ack was lost): the same participant,
    // nothing new.
    const Participant& p = c.state.participants.at(it->second);
    // A device that is somebody already cannot become somebody else too.
    if (!command.personal_code.empty()) {
      auto owner = c.state.by_personal_code.find(
          NormalizePersonalCode(command.personal_code));
      if (owner != c.state.by_personal_code.end() && owner->second != p.id) {
        return Rejection::FailedPrecondition(
            "this device is already someone else in this workshop");
      }
    }
    return Decision{.joined = p.id,
                    .resume_token = p.resume_token,
                    .personal_code = p.personal_code};
  }
  // Someone already in, on a new device; also once the workshop is closed.
  if (!command.personal_code.empty()) return Reclaim(c, command);
  if (c.state.closed) {
    return Rejection{RejectionCode::kClosed,
                     "this workshop is closed: joining has ended"};
  }
  if (c.state.FindBan(command.join_key) != nullptr) {
    return Rejection{RejectionCode::kRemoved,
                     "a facilitator removed this device from the workshop"};
  }
  auto name = CheckDisplayName(command.display_name);
  if (!name.ok()) return name.rejection();
  if (auto taken = NameTaken(c.state, name.value(), 0)) return *taken;
  if (c.state.participants.size() >= kMaxParticipants) {
    return Rejection::FailedPrecondition("the workshop is full");
  }
  ev::ParticipantJoined joined{
      .participant = c.state.next_participant_id,
      .display_name = name.value(),
      .presence = command.presence,
      .resume_token = c.rng.Token(),
      .join_key = command.join_key,
      .group = GroupForNewcomer(c.state, command.presence),
      .personal_code = NewPersonalCode(c)};
  Decision decision{.joined = joined.participant,
                    .resume_token = joined.resume_token,
                    .personal_code = joined.personal_code};
  decision.events.emplace_back(joined);
  // e.g. someone arriving during a speed date joins a pair straight away.
  ForEachActivity([&]<class A>() { A::Joined(c, joined, decision.events); });
  return decision;
}

Result<Decision> Decide(const Context& c,
                        const cmd::RenameParticipant& command) {
  auto target = Target(c, command.participant);
  if (!target.ok()) return target.rejection();
  auto name = CheckDisplayName(command.display_name);
  if (!name.ok()) return name.rejection();
  if (c.state.participants.at(target.value()).display_name == name.value())
    return Nothing();
  if (auto taken = NameTaken(c.state, name.value(), target.value()))
    return *taken;
  return Events({ev::ParticipantRenamed{target.value(), name.value()}});
}

Result<Decision> Decide(const Context& c,
                        const cmd::RemoveParticipant& command) {
  if (c.state.FindParticipant(command.participant) == nullptr) {
    return Rejection::NotFound("no participant " +
                               std::to_string(command.participant));
  }
  return Events({ev::ParticipantRemoved{command.participant, command.ban}});
}

Result<Decision> Decide(const Context& c, const cmd::AllowBack& command) {
  if (!c.state.bans.contains(command.participant)) {
    return Rejection::NotFound("nobody removed as " +
                               std::to_string(command.participant) +
                               " is kept out");
  }
  return Events({ev::BanLifted{command.participant}});
}

Result<Decision> Decide(const Context& c, const cmd::RotateProjectorKey&) {
  return Events({ev::ProjectorKeyRotated{c.rng.Token()}});
}

Result<Decision> Decide(const Context& c, const cmd::CloseWorkshop&) {
  if (c.state.closed) return Nothing();
  return Events({ev::WorkshopClosed{}});
}

Result<Decision> Decide(const Context& c, const cmd::SetPresence& command) {
  auto target = Target(c, command.participant);
  if (!target.ok()) return target.rejection();
  if (c.state.participants.at(target.value()).presence == command.presence)
    return Nothing();
  return Events({ev::PresenceChanged{target.value(), command.presence}});
}

Result<Decision> Decide(const Context& c, const cmd::SetConnected& command) {
  const Participant* p = c.state.FindParticipant(command.participant);
  if (p == nullptr)
    return Rejection::NotFound("no participant " +
                               std::to_string(command.participant));
  if (p->connected == command.connected) return Nothing();
  return Events(
      {ev::ConnectionChanged{command.participant, command.connected}});
}

void Apply(WorkshopState& s, const ev::WorkshopCreated& e, Touched& t) {
  s.code = e.code;
  s.title = e.title;
  s.language = e.language;
  s.facilitator_key = e.facilitator_key;
  s.projector_key = e.projector_key;
  s.agenda = e.agenda;
  s.series = e.series;
  s.previous = e.previous;
  // Decide resolves every item's day; workshops created before days have
  // items on day 0: all on day 1.
  for (AgendaItem& item : s.agenda) {
    if (item.day == 0) item.day = 1;
  }
  s.agenda_current = -1;
  t.Add({DocKind::kWorkshop, 0});
  t.Add({DocKind::kGroups, 0});
  t.Add({DocKind::kAgenda, 0});
  t.Add({DocKind::kAccess, 0});
}

void Apply(WorkshopState& s, const ev::ParticipantJoined& e, Touched& t) {
  Participant& p = s.participants[e.participant];
  p = Participant{.id = e.participant,
                  .display_name = e.display_name,
                  .presence = e.presence,
                  .group = e.group,
                  .resume_token = e.resume_token,
                  .join_key = e.join_key,
                  .personal_code = e.personal_code};
  s.by_token[e.resume_token] = e.participant;
  s.by_join_key[e.join_key] = e.participant;
  if (!e.personal_code.empty())
    s.by_personal_code[e.personal_code] = e.participant;
  CountName(s, e.display_name, +1);
  s.next_participant_id = std::max(s.next_participant_id, e.participant + 1);
  t.Add({DocKind::kParticipant, e.participant});
}

void Apply(WorkshopState& s, const ev::ParticipantRenamed& e, Touched& t) {
  std::string& name = s.participants.at(e.participant).display_name;
  CountName(s, name, -1);
  CountName(s, e.display_name, +1);
  name = e.display_name;
  t.Add({DocKind::kParticipant, e.participant});
  TouchActivitiesOf(s, e.participant, t);
  TouchShownAnswersBy(s, e.participant, t);
}

void Apply(WorkshopState& s, const ev::ParticipantRemoved& e, Touched& t) {
  auto it = s.participants.find(e.participant);
  s.by_token.erase(it->second.resume_token);
  s.by_join_key.erase(it->second.join_key);
  s.by_personal_code.erase(it->second.personal_code);
  CountName(s, it->second.display_name, -1);
  if (e.banned) {
    s.bans[e.participant] = Ban{.participant = e.participant,
                                .display_name = it->second.display_name,
                                .join_key = it->second.join_key};
    t.Add({DocKind::kAccess, 0});
  }
  s.participants.erase(it);
  t.Add({DocKind::kParticipant, e.participant});
  TouchActivitiesOf(s, e.participant, t);
  // Their answers stay (nothing submitted is lost); the projector copies lose
  // the name.
  TouchShownAnswersBy(s, e.participant, t);
}

void Apply(WorkshopState& s, const ev::BanLifted& e, Touched& t) {
  s.bans.erase(e.participant);
  t.Add({DocKind::kAccess, 0});
}

void Apply(WorkshopState& s, const ev::ProjectorKeyRotated& e, Touched& t) {
  s.projector_key = e.projector_key;
  t.Add({DocKind::kAccess, 0});
}

void Apply(WorkshopState& s, const ev::WorkshopClosed&, Touched& t) {
  s.closed = true;
  t.Add({DocKind::kWorkshop, 0});
}

void Apply(WorkshopState& s, const ev::PresenceChanged& e, Touched& t) {
  s.participants.at(e.participant).presence = e.presence;
  t.Add({DocKind::kParticipant, e.participant});
  TouchActivitiesOf(s, e.participant, t);  // e.g. where each member is
}

void Apply(WorkshopState& s, const ev::ConnectionChanged& e, Touched& t) {
  Participant& p = s.participants.at(e.participant);
  p.connected = e.connected;
  t.Add({DocKind::kParticipant, e.participant});
  if (p.connected) MarkPresent(s, p, t);
}

}  // namespace campana::domain::internal
