// The dating activity's part of the codec (domain/activities/dating/).

#include <algorithm>

#include "codec/activities/registry.h"
#include "codec/convert.h"
#include "domain/activities/dating/dating.h"

namespace campana::codec {

using domain::Millis;
using domain::Overloaded;
using internal::At;
using internal::FromProto;
using internal::Ms;
using internal::Ms32;
using internal::ToProto;
namespace cmd = domain::cmd;
namespace ev = domain::ev;
namespace pb = internal::pb;

namespace {

void TablesToProto(const domain::DatingTables& tables, pb::DatingTables* out) {
  out->set_count(tables.count);
  for (const std::string& name : tables.names) out->add_names(name);
}

domain::DatingTables TablesFromProto(const pb::DatingTables& m) {
  return {m.count(), {m.names().begin(), m.names().end()}};
}

// collect_notes is deprecated (a note is shared by its writer now), yet a
// recorded DatingOptionsSet must still read and write as it was logged: the
// one place the deprecated accessors are used on purpose.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
bool LoggedCollectNotes(const pb::DatingOptionsSet& m) {
  return m.collect_notes();
}
void LogCollectNotes(pb::DatingOptionsSet* m, bool collect) {
  m->set_collect_notes(collect);
}
#pragma GCC diagnostic pop

bool KnownPhase(pb::Dating::Phase phase) {
  return phase >= pb::Dating::PHASE_NONE &&
         phase <= pb::Dating::PHASE_THIRD_SHARING;
}

}  // namespace

bool DatingCodec::EncodeEvent(const domain::Event& event, pb::Event* out) {
  bool encoded = true;
  std::visit(Overloaded{
                 [&](const ev::DatingSetUp& e) {
                   auto* m = out->mutable_dating_set_up();
                   m->set_agenda_index(e.agenda_index);
                   ToProto(e.config, m->mutable_spec());
                   m->set_circle_seed(e.circle_seed);
                 },
                 [&](const ev::DatingRoundStarted& e) {
                   auto* m = out->mutable_dating_round_started();
                   m->set_round(e.round);
                   for (const auto& u : e.units) {
                     auto* unit = m->add_units();
                     unit->mutable_members()->Add(u.members.begin(),
                                                  u.members.end());
                     unit->set_table(u.table);
                     unit->set_spot(u.spot);
                     unit->set_remote(u.remote);
                   }
                 },
                 [&](const ev::FirstSpeakerChosen& e) {
                   auto* m = out->mutable_first_speaker_chosen();
                   m->set_round(e.round);
                   m->set_unit(e.unit);
                   m->set_participant_id(e.participant);
                   m->set_drawn(e.drawn);
                 },
                 [&](const ev::DatingPhaseChanged& e) {
                   auto* m = out->mutable_dating_phase_changed();
                   m->set_phase(static_cast<pb::Dating::Phase>(e.phase));
                   m->set_ends_at_ms(Ms(e.ends_at));
                 },
                 [&](const ev::DatingMemberAdded& e) {
                   auto* m = out->mutable_dating_member_added();
                   m->set_round(e.round);
                   m->set_unit(e.unit);
                   m->set_participant_id(e.participant);
                 },
                 [&](const ev::NoteSaved& e) {
                   auto* m = out->mutable_note_saved();
                   m->set_participant_id(e.participant);
                   m->set_round(e.round);
                   m->set_text(e.text);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::DatingOptionsSet& e) {
                   auto* m = out->mutable_dating_options_set();
                   m->set_call_url_template(e.call_url_template);
                   m->set_avoid_same_group(e.avoid_same_group);
                   LogCollectNotes(m, e.collect_notes);
                   if (e.tables) TablesToProto(*e.tables, m->mutable_tables());
                 },
                 [&](const ev::NotesShared& e) {
                   auto* m = out->mutable_notes_shared();
                   m->set_participant_id(e.participant);
                   m->mutable_rounds()->Add(e.rounds.begin(), e.rounds.end());
                   m->set_shared(e.shared);
                 },
                 [&](const auto&) { encoded = false; },
             },
             event);
  return encoded;
}

std::optional<domain::Result<domain::Event>> DatingCodec::DecodeEvent(
    const pb::Event& event) {
  switch (event.body_case()) {
    case pb::Event::kDatingSetUp: {
      const auto& m = event.dating_set_up();
      return domain::Event(ev::DatingSetUp{
          m.agenda_index(), FromProto(m.spec()), m.circle_seed()});
    }
    case pb::Event::kDatingRoundStarted: {
      const auto& m = event.dating_round_started();
      ev::DatingRoundStarted e{m.round(), {}};
      for (const auto& u : m.units()) {
        e.units.push_back({{u.members().begin(), u.members().end()},
                           u.table(),
                           u.spot(),
                           u.remote()});
      }
      return domain::Event(std::move(e));
    }
    case pb::Event::kFirstSpeakerChosen: {
      const auto& m = event.first_speaker_chosen();
      return domain::Event(ev::FirstSpeakerChosen{
          m.round(), m.unit(), m.participant_id(), m.drawn()});
    }
    case pb::Event::kDatingPhaseChanged: {
      const auto& m = event.dating_phase_changed();
      if (!KnownPhase(m.phase()))
        return domain::Rejection::InvalidMessage(
            "a speed-dating phase this server does not know");
      return domain::Event(ev::DatingPhaseChanged{
          static_cast<domain::DatingPhase>(m.phase()), At(m.ends_at_ms())});
    }
    case pb::Event::kDatingMemberAdded: {
      const auto& m = event.dating_member_added();
      return domain::Event(
          ev::DatingMemberAdded{m.round(), m.unit(), m.participant_id()});
    }
    case pb::Event::kNoteSaved: {
      const auto& m = event.note_saved();
      return domain::Event(ev::NoteSaved{m.participant_id(), m.round(),
                                         m.text(), At(m.at_ms())});
    }
    case pb::Event::kDatingOptionsSet: {
      const auto& m = event.dating_options_set();
      std::optional<domain::DatingTables> tables;
      if (m.has_tables()) tables = TablesFromProto(m.tables());
      return domain::Event(
          ev::DatingOptionsSet{m.call_url_template(), m.avoid_same_group(),
                               LoggedCollectNotes(m), std::move(tables)});
    }
    case pb::Event::kNotesShared: {
      const auto& m = event.notes_shared();
      return domain::Event(
          ev::NotesShared{m.participant_id(),
                          {m.rounds().begin(), m.rounds().end()},
                          m.shared()});
    }
    default:
      return std::nullopt;
  }
}

std::optional<domain::Result<domain::Command>> DatingCodec::DecodeCommand(
    const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kStartDatingRound:
      return Command(cmd::StartDatingRound{});
    case pb::Command::kChooseFirstSpeaker:
      return Command(cmd::ChooseFirstSpeaker{});
    case pb::Command::kStartSharing:
      return Command(cmd::StartSharing{});
    case pb::Command::kSwapSpeakers:
      return Command(cmd::SwapSpeakers{});
    case pb::Command::kEndDate:
      return Command(cmd::EndDate{});
    case pb::Command::kPairLateJoiners:
      return Command(cmd::PairLateJoiners{});
    case pb::Command::kSaveNote:
      return Command(cmd::SaveNote{command.save_note().round(),
                                   command.save_note().text()});
    case pb::Command::kSetDatingOptions: {
      const auto& m = command.set_dating_options();
      std::optional<domain::DatingTables> tables;
      if (m.has_tables()) tables = TablesFromProto(m.tables());
      return Command(cmd::SetDatingOptions{
          m.call_url_template(), m.avoid_same_group(), std::move(tables)});
    }
    case pb::Command::kShareNotes:
      return Command(cmd::ShareNotes{command.share_notes().round(),
                                     command.share_notes().shared()});
    default:
      return std::nullopt;
  }
}

bool DatingCodec::EncodeDoc(const domain::WorkshopState& s,
                            const domain::DocKey& key, pb::Doc* out) {
  pb::Doc& doc = *out;
  switch (key.kind) {
    case domain::DocKind::kDating: {
      const domain::DatingState& d = s.dating;
      pb::Dating* m = doc.mutable_dating();
      m->set_agenda_index(d.agenda_index);
      m->set_round(static_cast<uint32_t>(d.rounds.size()));
      m->set_phase(static_cast<pb::Dating::Phase>(d.phase));
      m->set_phase_ends_at_ms(domain::ToUnixMillis(d.phase_ends_at));
      m->set_share_ms(static_cast<uint32_t>(d.config.share.count()));
      m->set_speaker_prompt(d.config.speaker_prompt);
      for (const auto& stem : d.config.listener_stems)
        m->add_listener_stems(stem);
      m->set_avoid_same_group(d.config.avoid_same_group);
      m->set_call_url_template(d.config.call_url_template);
      auto* tables = m->mutable_tables();
      tables->set_count(d.config.table_count);
      for (const auto& name : d.config.meeting_spots) tables->add_names(name);
      return true;
    }
    case domain::DocKind::kDatingUnit: {
      const auto round = static_cast<uint32_t>(key.id >> 20);
      const auto index = static_cast<uint32_t>(key.id & 0xfffff);
      const domain::DatingUnit& unit =
          s.dating.rounds.at(round - 1).units.at(index);
      pb::DatingUnit* m = doc.mutable_dating_unit();
      ToProto(unit, m);
      m->set_round(round);
      m->set_unit(index);
      for (pb::DatingUnit::Member& member : *m->mutable_members()) {
        if (const domain::Participant* p =
                s.FindParticipant(member.participant_id())) {
          member.set_display_name(p->display_name);
          member.set_presence(ToProto(p->presence));
        }
      }
      m->set_call_url(domain::DatingActivity::CallUrl(s, round, index));
      for (domain::ParticipantId p : unit.Speakers()) m->add_speakers(p);
      m->set_speaker_now(unit.SpeakerNow(s.dating.phase));
      m->set_speaker_next(unit.SpeakerNext(s.dating.phase));
      return true;
    }
    case domain::DocKind::kDatingNote: {
      const auto who = static_cast<domain::ParticipantId>(key.id >> 20);
      const auto round = static_cast<uint32_t>(key.id & 0xfffff);
      const domain::DatingNote& note = s.dating.notes.at({who, round});
      pb::DatingNote* m = doc.mutable_dating_note();
      m->set_participant_id(who);
      m->set_round(round);
      m->set_text(note.text);
      m->set_saved_at_ms(domain::ToUnixMillis(note.saved_at));
      m->set_shared(note.shared);
      for (const std::string& name :
           domain::DatingActivity::PartnerNames(s, who, round))
        m->add_partner_names(name);
      return true;
    }
    default:
      return false;
  }
}

void DatingCodec::SaveState(const domain::WorkshopState& s,
                            pb::WorkshopState* out) {
  pb::WorkshopState& m = *out;
  const domain::DatingState& dating = s.dating;
  pb::DatingState* d = m.mutable_dating();
  d->set_agenda_index(dating.agenda_index);
  ToProto(dating.config, d->mutable_spec());
  d->set_circle_seed(dating.circle_seed);
  d->set_phase(static_cast<pb::Dating::Phase>(dating.phase));
  d->set_phase_ends_at_ms(domain::ToUnixMillis(dating.phase_ends_at));
  for (const domain::DatingRound& round : dating.rounds) {
    pb::DatingRoundState* r = d->add_rounds();
    r->set_round(round.number);
    for (const domain::DatingUnit& unit : round.units)
      ToProto(unit, r->add_units());
  }
  for (const auto& [key, note] : dating.notes) {
    pb::DatingNote* n = d->add_notes();
    n->set_participant_id(key.first);
    n->set_round(key.second);
    n->set_text(note.text);
    n->set_saved_at_ms(domain::ToUnixMillis(note.saved_at));
    n->set_shared(note.shared);
  }
}

void DatingCodec::LoadState(const pb::WorkshopState& m,
                            domain::WorkshopState* out) {
  domain::WorkshopState& s = *out;
  if (m.has_dating()) {
    const pb::DatingState& d = m.dating();
    domain::DatingState& dating = s.dating;
    dating.agenda_index = d.agenda_index();
    dating.config = internal::FromProto(d.spec());
    dating.circle_seed = d.circle_seed();
    if (KnownPhase(d.phase())) {
      dating.phase = static_cast<domain::DatingPhase>(d.phase());
    }
    dating.phase_ends_at = domain::FromUnixMillis(d.phase_ends_at_ms());
    for (const pb::DatingRoundState& r : d.rounds()) {
      domain::DatingRound round{r.round(), {}};
      for (const pb::DatingUnit& u : r.units()) {
        domain::DatingUnit unit{
            {},         u.table(),         u.spot(),
            u.remote(), u.first_speaker(), u.speaker_drawn()};
        for (const auto& member : u.members())
          unit.members.push_back(member.participant_id());
        round.units.push_back(std::move(unit));
      }
      dating.rounds.push_back(std::move(round));
    }
    for (const pb::DatingNote& n : d.notes()) {
      dating.notes[{n.participant_id(), n.round()}] = {
          n.text(), domain::FromUnixMillis(n.saved_at_ms()), n.shared()};
    }
  }
}

}  // namespace campana::codec
