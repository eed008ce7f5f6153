#include "codec/log_codec.h"

#include <algorithm>

#include "codec/activities/registry.h"
#include "codec/convert.h"

namespace campana::codec {

using internal::FromProto;
using internal::ToProto;
namespace pb = internal::pb;

std::string EncodeRecord(const domain::LogRecord& record) {
  pb::LogRecord m;
  m.set_offset(record.offset);
  m.set_at_ms(domain::ToUnixMillis(record.at));
  m.mutable_actor()->set_role(ToProto(record.actor.role));
  m.mutable_actor()->set_participant_id(record.actor.participant);
  m.set_client_seq(record.client_seq);
  for (const domain::Event& event : record.events)
    ToProto(event, m.add_events());
  return m.SerializeAsString();
}

domain::Result<domain::LogRecord> DecodeRecord(std::string_view bytes) {
  pb::LogRecord m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return domain::Rejection::InvalidMessage(
        "a log record that does not parse");
  }
  domain::LogRecord record{
      .offset = m.offset(),
      .at = domain::FromUnixMillis(m.at_ms()),
      .actor = {FromProto(m.actor().role()), m.actor().participant_id()},
      .client_seq = m.client_seq()};
  for (const pb::Event& event : m.events()) {
    auto decoded = FromProto(event);
    if (!decoded.ok()) return decoded.rejection();
    record.events.push_back(std::move(decoded).value());
  }
  return record;
}

std::string EncodeState(const domain::WorkshopState& s) {
  pb::WorkshopState m;
  m.set_offset(s.offset);
  m.set_code(s.code);
  m.set_title(s.title);
  m.set_language(s.language);
  m.set_facilitator_key(s.facilitator_key);
  for (const auto& item : s.agenda) ToProto(item, m.add_agenda());
  m.set_agenda_current(s.agenda_current);
  for (const auto& [index, run] : s.agenda_runs) {
    pb::AgendaRun* r = m.add_agenda_runs();
    r->set_index(index);
    r->set_first_started_ms(domain::ToUnixMillis(run.first_started));
    r->set_spent_ms(run.spent.count());
  }
  m.set_agenda_since_ms(domain::ToUnixMillis(s.agenda_since));
  m.set_scene(static_cast<pb::Scene>(s.scene));
  for (const auto& [id, p] : s.participants) {
    pb::ParticipantState* out = m.add_participants();
    ToProto(p, out->mutable_participant());
    out->set_resume_token(p.resume_token);
    out->set_join_key(p.join_key);
    out->set_last_client_seq(p.last_client_seq);
    out->set_personal_code(p.personal_code);
  }
  m.set_next_participant_id(s.next_participant_id);
  for (const auto& [id, ban] : s.bans) {
    pb::Ban* out = m.add_bans();
    out->set_participant_id(id);
    out->set_display_name(ban.display_name);
    out->set_join_key(ban.join_key);
  }
  m.set_projector_key(s.projector_key);
  m.set_closed(s.closed);
  for (const auto& [id, link] : s.facilitator_links)
    ToProto(link, m.add_facilitator_links());
  m.set_next_facilitator_link(s.next_facilitator_link);
  m.set_series(s.series);
  m.set_previous(s.previous);
  for (const auto& [link, count] : s.consoles_online) {
    pb::ConsolesOnline* c = m.add_consoles_online();
    c->set_link_id(link);
    c->set_count(count);
  }
  ToProto(s.groups, m.mutable_groups());
  for (const auto& [id, t] : s.timers) ToProto(t, m.add_timers());
  m.set_next_timer_id(s.next_timer_id);
  for (const auto& [scope, b] : s.bells) ToProto(b, m.add_bells());
  m.set_next_bell_seq(s.next_bell_seq);
  for (const auto& [id, a] : s.answers) ToProto(a, m.add_answers());
  m.set_next_answer_id(s.next_answer_id);
  for (const auto& [index, named] : s.answer_displays) {
    pb::AnswerDisplay* d = m.add_answer_displays();
    d->set_agenda_index(index);
    d->set_with_names(named);
  }
  SaveActivityStates(s, &m);
  return m.SerializeAsString();
}

domain::Result<domain::WorkshopState> DecodeState(std::string_view bytes) {
  pb::WorkshopState m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return domain::Rejection::InvalidMessage("a snapshot that does not parse");
  }
  domain::WorkshopState s;
  s.offset = m.offset();
  s.code = m.code();
  s.title = m.title();
  s.language = m.language();
  s.facilitator_key = m.facilitator_key();
  s.projector_key = m.projector_key();
  s.closed = m.closed();
  for (const pb::FacilitatorLink& link : m.facilitator_links())
    s.facilitator_links[link.link_id()] = FromProto(link);
  // Snapshots from before facilitator links hold 0: links are numbered from 1.
  s.next_facilitator_link = std::max(1u, m.next_facilitator_link());
  s.series = m.series();
  s.previous = m.previous();
  for (const pb::ConsolesOnline& c : m.consoles_online())
    s.consoles_online[c.link_id()] = c.count();
  for (const pb::Ban& ban : m.bans()) {
    s.bans[ban.participant_id()] =
        domain::Ban{.participant = ban.participant_id(),
                    .display_name = ban.display_name(),
                    .join_key = ban.join_key()};
  }
  for (const auto& item : m.agenda()) s.agenda.push_back(FromProto(item));
  s.agenda_current = m.agenda_current();
  for (const pb::AgendaRun& r : m.agenda_runs()) {
    s.agenda_runs[r.index()] = {
        .first_started = domain::FromUnixMillis(r.first_started_ms()),
        .spent = domain::Millis{r.spent_ms()}};
  }
  s.agenda_since = domain::FromUnixMillis(m.agenda_since_ms());
  s.scene = static_cast<domain::Scene>(m.scene());
  for (const pb::ParticipantState& ps : m.participants()) {
    const pb::Participant& p = ps.participant();
    s.participants[p.id()] = domain::Participant{
        .id = p.id(),
        .display_name = p.display_name(),
        .presence = FromProto(p.presence()),
        .connected = p.connected(),
        .group = p.group(),
        .joined_at = domain::FromUnixMillis(p.joined_at_ms()),
        .resume_token = ps.resume_token(),
        .join_key = ps.join_key(),
        .personal_code = ps.personal_code(),
        .days_present = internal::DaysMask(p.days_present()),
        .last_client_seq = ps.last_client_seq()};
  }
  s.next_participant_id = m.next_participant_id();
  for (int kind : m.groups().kinds()) {
    s.groups.kinds.push_back(FromProto(static_cast<pb::Groups::Kind>(kind)));
  }
  s.groups.choice_open = m.groups().choice_open();
  for (const auto& team : m.groups().teams()) {
    s.groups.teams.push_back(
        {team.id(), team.name(), {team.groups().begin(), team.groups().end()}});
  }
  for (const pb::Timer& t : m.timers()) s.timers[t.id()] = FromProto(t);
  s.next_timer_id = m.next_timer_id();
  for (const pb::Bell& b : m.bells()) {
    const domain::Scope scope = FromProto(b.scope());
    s.bells[scope] =
        domain::Bell{scope, b.seq(), domain::FromUnixMillis(b.at_ms())};
  }
  s.next_bell_seq = m.next_bell_seq();
  for (const pb::Answer& a : m.answers()) {
    s.answers[a.id()] =
        domain::Answer{a.id(), a.participant_id(), a.agenda_index(), a.text(),
                       domain::FromUnixMillis(a.at_ms())};
  }
  s.next_answer_id = m.next_answer_id();
  for (const pb::AnswerDisplay& d : m.answer_displays())
    s.answer_displays[d.agenda_index()] = d.with_names();
  LoadActivityStates(m, &s);
  s.RebuildIndexes();
  return s;
}

}  // namespace campana::codec
