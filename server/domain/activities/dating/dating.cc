// Speed dating (ACTIVITIES.md item 8): rounds of dates in pairs (a trio when
// the count is odd), a bell to start sharing, a bell to swap, a bell to end;
// each participant keeps private notes of each date.

#include "domain/activities/dating/dating.h"

#include <algorithm>
#include <ostream>

#include "domain/activities/dating/pairing.h"
#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain {

int DatingState::UnitOf(ParticipantId p, uint32_t round) const {
  if (round == 0 || round > rounds.size()) return -1;
  const DatingRound& r = rounds[round - 1];
  for (size_t i = 0; i < r.units.size(); ++i) {
    const auto& m = r.units[i].members;
    if (std::find(m.begin(), m.end(), p) != m.end()) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace campana::domain

namespace campana::domain {

using internal::Context;
using internal::Events;
using internal::kBellLead;
using internal::Nothing;
namespace {

constexpr size_t kMaxNoteCodePoints = 4000;

// Where each person sits in the circle for this activity: a shuffle fixed by
// the seed drawn at set-up (a SplitMix64 step of seed and id).
uint64_t CircleKey(uint64_t seed, ParticipantId id) {
  uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (uint64_t{id} + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

MeetingCounts Meetings(const DatingState& dating) {
  MeetingCounts met;
  for (const DatingRound& round : dating.rounds) {
    for (const DatingUnit& unit : round.units) {
      for (size_t i = 0; i < unit.members.size(); ++i) {
        for (size_t j = i + 1; j < unit.members.size(); ++j)
          ++met[PairKey(unit.members[i], unit.members[j])];
      }
    }
  }
  return met;
}

std::optional<Rejection> NeedRound(const DatingState& dating) {
  if (!dating.active())
    return Rejection::FailedPrecondition("there is no speed dating");
  if (dating.current() == nullptr)
    return Rejection::FailedPrecondition("no date has started");
  return std::nullopt;
}

Event BellNow(const Context& c) {
  return ev::BellRung{Scope::Room(), c.state.next_bell_seq, c.now + kBellLead};
}

bool InCurrentRound(const DatingState& dating, ParticipantId p) {
  return dating.current() != nullptr &&
         dating.UnitOf(p, dating.current()->number) >= 0;
}

void TouchRound(const DatingRound& round, Touched& t) {
  for (size_t i = 0; i < round.units.size(); ++i) {
    t.Add({DocKind::kDatingUnit,
           DatingUnitDocId(round.number, static_cast<uint32_t>(i))});
  }
}

}  // namespace

Result<Decision> DatingActivity::Decide(const Context& c,
                                        const cmd::StartDatingRound&) {
  const DatingState& dating = c.state.dating;
  if (!dating.active())
    return Rejection::FailedPrecondition("there is no speed dating");
  std::vector<PairingPerson> present;
  for (const auto& [id, p] : c.state.participants) {
    if (p.connected)
      present.push_back(
          {id, p.presence, p.group, CircleKey(dating.circle_seed, id)});
  }
  if (present.size() < 2)
    return Rejection::FailedPrecondition(
        "at least two people must be connected");
  const auto round = static_cast<uint32_t>(dating.rounds.size() + 1);
  auto units = PairEveryone(present, Meetings(dating), round - 1,
                            {dating.config.avoid_same_group});

  ev::DatingRoundStarted started{round, {}};
  uint32_t table = 0;
  for (auto& members : units) {
    ev::DatingUnitDrawn unit{std::move(members), 0, "", false};
    unit.remote = std::any_of(
        unit.members.begin(), unit.members.end(), [&](ParticipantId p) {
          return c.state.participants.at(p).presence == Presence::kRemote;
        });
    if (!unit.remote) {
      unit.table = ++table;
      const auto& spots = dating.config.meeting_spots;
      if (!spots.empty()) unit.spot = spots[(unit.table - 1) % spots.size()];
    }
    started.units.push_back(std::move(unit));
  }
  return Events({std::move(started),
                 ev::DatingPhaseChanged{DatingPhase::kMeeting, Time{}}});
}

Result<Decision> DatingActivity::Decide(const Context& c,
                                        const cmd::ChooseFirstSpeaker&) {
  if (auto bad = NeedRound(c.state.dating)) return *bad;
  const DatingState& dating = c.state.dating;
  if (dating.phase != DatingPhase::kMeeting)
    return Rejection::FailedPrecondition("the sharing has already started");
  const DatingRound& round = *dating.current();
  const int unit = dating.UnitOf(c.actor.participant, round.number);
  if (unit < 0)
    return Rejection::FailedPrecondition("you have no date this round");
  const DatingUnit& u = round.units[static_cast<size_t>(unit)];
  if (u.first_speaker == c.actor.participant) return Nothing();
  if (u.first_speaker != 0) {
    return Rejection::FailedPrecondition(
        c.state.participants.at(u.first_speaker).display_name +
        " shares first");
  }
  return Events({ev::FirstSpeakerChosen{
      round.number, static_cast<uint32_t>(unit), c.actor.participant, false}});
}

Result<Decision> DatingActivity::Decide(const Context& c,
                                        const cmd::StartSharing&) {
  if (auto bad = NeedRound(c.state.dating)) return *bad;
  const DatingState& dating = c.state.dating;
  if (dating.phase != DatingPhase::kMeeting)
    return Rejection::FailedPrecondition("the sharing has already started");
  std::vector<Event> events;
  const DatingRound& round = *dating.current();
  // Pairs that did not decide get a first speaker drawn.
  for (size_t i = 0; i < round.units.size(); ++i) {
    const DatingUnit& u = round.units[i];
    if (u.first_speaker != 0) continue;
    const ParticipantId drawn =
        u.members[c.rng.Below(static_cast<uint32_t>(u.members.size()))];
    events.emplace_back(ev::FirstSpeakerChosen{
        round.number, static_cast<uint32_t>(i), drawn, true});
  }
  events.emplace_back(BellNow(c));
  events.emplace_back(ev::DatingPhaseChanged{
      DatingPhase::kFirstSharing, c.now + kBellLead + dating.config.share});
  return Events(std::move(events));
}

Result<Decision> DatingActivity::Decide(const Context& c,
                                        const cmd::SwapSpeakers&) {
  if (auto bad = NeedRound(c.state.dating)) return *bad;
  const DatingState& dating = c.state.dating;
  if (dating.phase != DatingPhase::kFirstSharing)
    return Rejection::FailedPrecondition("the first speakers are not sharing");
  return Events({BellNow(c), ev::DatingPhaseChanged{
                                 DatingPhase::kSecondSharing,
                                 c.now + kBellLead + dating.config.share}});
}

Result<Decision> DatingActivity::Decide(const Context& c, const cmd::EndDate&) {
  if (auto bad = NeedRound(c.state.dating)) return *bad;
  if (c.state.dating.phase == DatingPhase::kDone) return Nothing();
  return Events(
      {BellNow(c), ev::DatingPhaseChanged{DatingPhase::kDone, Time{}}});
}

namespace {

std::optional<ev::DatingMemberAdded> PlaceLateJoiner(const WorkshopState& s,
                                                     ParticipantId p,
                                                     Presence presence) {
  const DatingState& dating = s.dating;
  const DatingRound* round = dating.current();
  if (!dating.active() || round == nullptr || round->units.empty() ||
      dating.phase == DatingPhase::kDone) {
    return std::nullopt;
  }
  // The smallest unit of the same kind (in the room, or remote), then one of
  // the other kind.
  const bool remote = presence == Presence::kRemote;
  int best = -1;
  for (size_t i = 0; i < round->units.size(); ++i) {
    const DatingUnit& u = round->units[i];
    const auto rank = [&](const DatingUnit& x) {
      return (x.remote != remote ? 10 : 0) + x.members.size();
    };
    if (best < 0 || rank(u) < rank(round->units[static_cast<size_t>(best)]))
      best = static_cast<int>(i);
  }
  return ev::DatingMemberAdded{round->number, static_cast<uint32_t>(best), p};
}

}  // namespace

Result<Decision> DatingActivity::Decide(const Context& c,
                                        const cmd::PairLateJoiners&) {
  if (auto bad = NeedRound(c.state.dating)) return *bad;
  if (c.state.dating.phase == DatingPhase::kDone)
    return Rejection::FailedPrecondition("this date is over");
  // Placed one by one against a copy of the state, so that two latecomers
  // spread out.
  WorkshopState scratch = c.state;
  std::vector<Event> events;
  Touched ignored;
  for (const auto& [id, p] : c.state.participants) {
    if (!p.connected || InCurrentRound(scratch.dating, id)) continue;
    if (auto added = PlaceLateJoiner(scratch, id, p.presence)) {
      Apply(scratch, *added, ignored);
      events.emplace_back(*added);
    }
  }
  return Events(std::move(events));
}

Result<Decision> DatingActivity::Decide(const Context& c,
                                        const cmd::SaveNote& command) {
  const DatingState& dating = c.state.dating;
  if (!dating.active())
    return Rejection::FailedPrecondition("there is no speed dating");
  if (dating.UnitOf(c.actor.participant, command.round) < 0) {
    return Rejection::FailedPrecondition("you had no date in round " +
                                         std::to_string(command.round));
  }
  std::string text;
  if (!command.text.empty()) {
    auto checked = CheckText(command.text, kMaxNoteCodePoints, "the note");
    if (!checked.ok() && checked.rejection().message != "the note is empty")
      return checked.rejection();
    if (checked.ok()) text = checked.value();
  }
  auto it = dating.notes.find({c.actor.participant, command.round});
  if (it != dating.notes.end() ? it->second.text == text : text.empty())
    return Nothing();
  return Events(
      {ev::NoteSaved{c.actor.participant, command.round, text, c.now}});
}

Result<Decision> DatingActivity::Decide(const Context& c,
                                        const cmd::SetDatingOptions& command) {
  if (!c.state.dating.active())
    return Rejection::FailedPrecondition("there is no speed dating");
  const std::string& url = command.call_url_template;
  if (!url.empty()) {
    const bool web =
        url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    const bool printable = std::all_of(
        url.begin(), url.end(), [](char ch) { return ch > ' ' && ch < 0x7f; });
    if (!web || !printable || url.size() > 300) {
      return Rejection::InvalidArgument(
          "the call link must be an http(s) address of up to 300 characters");
    }
  }
  const DatingConfig& now = c.state.dating.config;
  if (now.call_url_template == url &&
      now.avoid_same_group == command.avoid_same_group &&
      now.collect_notes == command.collect_notes) {
    return Nothing();
  }
  return Events({ev::DatingOptionsSet{url, command.avoid_same_group,
                                      command.collect_notes}});
}

// The participant's unit this round shows their name and presence.
void DatingActivity::TouchParticipant(const WorkshopState& s, ParticipantId p,
                                      Touched& t) {
  const DatingRound* round = s.dating.current();
  if (round == nullptr) return;
  const int unit = s.dating.UnitOf(p, round->number);
  if (unit >= 0)
    t.Add({DocKind::kDatingUnit,
           DatingUnitDocId(round->number, static_cast<uint32_t>(unit))});
  // A partner's note of any round shows this person's name.
  for (const auto& [key, note] : s.dating.notes) {
    const auto [who, number] = key;
    if (who == p) continue;
    const int theirs = s.dating.UnitOf(who, number);
    if (theirs >= 0 && theirs == s.dating.UnitOf(p, number))
      t.Add({DocKind::kDatingNote, DatingNoteDocId(who, number)});
  }
}

void DatingActivity::Apply(WorkshopState& s, const ev::DatingSetUp& e,
                           Touched& t) {
  if (const DatingRound* round = s.dating.current()) TouchRound(*round, t);
  for (const auto& [key, note] : s.dating.notes)
    t.Add({DocKind::kDatingNote, DatingNoteDocId(key.first, key.second)});
  s.dating = DatingState{.agenda_index = e.agenda_index,
                         .config = e.config,
                         .circle_seed = e.circle_seed};
  t.Add({DocKind::kDating, 0});
}

void DatingActivity::Apply(WorkshopState& s, const ev::DatingRoundStarted& e,
                           Touched& t) {
  if (const DatingRound* previous = s.dating.current())
    TouchRound(*previous, t);  // they go
  DatingRound round{e.round, {}};
  for (const ev::DatingUnitDrawn& u : e.units)
    round.units.push_back({u.members, u.table, u.spot, u.remote, 0, false});
  s.dating.rounds.push_back(std::move(round));
  TouchRound(s.dating.rounds.back(), t);
  t.Add({DocKind::kDating, 0});
}

void DatingActivity::Apply(WorkshopState& s, const ev::FirstSpeakerChosen& e,
                           Touched& t) {
  DatingUnit& unit = s.dating.rounds.at(e.round - 1).units.at(e.unit);
  unit.first_speaker = e.participant;
  unit.drawn = e.drawn;
  t.Add({DocKind::kDatingUnit, DatingUnitDocId(e.round, e.unit)});
}

void DatingActivity::Apply(WorkshopState& s, const ev::DatingPhaseChanged& e,
                           Touched& t) {
  s.dating.phase = e.phase;
  s.dating.phase_ends_at = e.ends_at;
  t.Add({DocKind::kDating, 0});
}

void DatingActivity::Apply(WorkshopState& s, const ev::DatingMemberAdded& e,
                           Touched& t) {
  DatingUnit& unit = s.dating.rounds.at(e.round - 1).units.at(e.unit);
  unit.members.push_back(e.participant);
  const Participant* p = s.FindParticipant(e.participant);
  if (p != nullptr && p->presence == Presence::kRemote && !unit.remote) {
    unit.remote = true;  // someone in the pair is online: they meet on a call
    unit.table = 0;
    unit.spot.clear();
  }
  t.Add({DocKind::kDatingUnit, DatingUnitDocId(e.round, e.unit)});
  // The partners' notes of this round now name the newcomer too.
  TouchParticipant(s, e.participant, t);
}

void DatingActivity::Apply(WorkshopState& s, const ev::NoteSaved& e,
                           Touched& t) {
  s.dating.notes[{e.participant, e.round}] = DatingNote{e.text, e.at};
  t.Add({DocKind::kDatingNote, DatingNoteDocId(e.participant, e.round)});
}

void DatingActivity::Apply(WorkshopState& s, const ev::DatingOptionsSet& e,
                           Touched& t) {
  s.dating.config.call_url_template = e.call_url_template;
  s.dating.config.avoid_same_group = e.avoid_same_group;
  s.dating.config.collect_notes = e.collect_notes;
  t.Add({DocKind::kDating, 0});
  if (const DatingRound* round = s.dating.current())
    TouchRound(*round, t);  // their call links
}

void DatingActivity::SetUp(const Context& c, int index, const AgendaItem& item,
                           std::vector<Event>& events) {
  if (item.activity == ActivityKind::kSpeedDating &&
      c.state.dating.agenda_index != index)
    events.emplace_back(ev::DatingSetUp{index, item.dating, c.rng.Next()});
}

// Someone arriving during a speed date joins a pair straight away, as a trio.
void DatingActivity::Joined(const Context& c,
                            const ev::ParticipantJoined& joined,
                            std::vector<Event>& events) {
  if (auto date = PlaceLateJoiner(c.state, joined.participant, joined.presence))
    events.emplace_back(*date);
}

void DatingActivity::Tick(const Context&, std::vector<Event>&) {}

// Phases end with the facilitator's bell, not by the clock.
std::optional<Time> DatingActivity::NextDeadline(const WorkshopState&) {
  return std::nullopt;
}

std::string DatingActivity::CallUrl(const WorkshopState& s, uint32_t round,
                                    uint32_t unit) {
  const DatingUnit& u = s.dating.rounds.at(round - 1).units.at(unit);
  if (!u.remote || s.dating.config.call_url_template.empty()) return "";
  std::string url = s.dating.config.call_url_template;
  auto replace = [&url](std::string_view name, const std::string& value) {
    for (size_t at; (at = url.find(name)) != std::string::npos;)
      url.replace(at, name.size(), value);
  };
  replace("{workshop}", s.code);
  replace("{round}", std::to_string(round));
  replace("{pair}", std::to_string(unit + 1));
  return url;
}

std::vector<std::string> DatingActivity::PartnerNames(const WorkshopState& s,
                                                      ParticipantId who,
                                                      uint32_t round) {
  std::vector<std::string> names;
  const int unit = s.dating.UnitOf(who, round);
  if (unit < 0) return names;
  for (ParticipantId p :
       s.dating.rounds[round - 1].units[static_cast<size_t>(unit)].members) {
    const Participant* partner = s.FindParticipant(p);
    if (p != who && partner != nullptr) names.push_back(partner->display_name);
  }
  return names;
}

void DatingActivity::TouchLayout(const WorkshopState&, Touched&) {}

void DatingActivity::ForEachDoc(const WorkshopState& s,
                                const DocVisitor& visit) {
  if (!s.dating.active()) return;
  visit({DocKind::kDating, 0});
  if (const DatingRound* round = s.dating.current()) {
    for (size_t i = 0; i < round->units.size(); ++i) {
      visit({DocKind::kDatingUnit,
             DatingUnitDocId(round->number, static_cast<uint32_t>(i))});
    }
  }
  for (const auto& [key, note] : s.dating.notes)
    visit({DocKind::kDatingNote, DatingNoteDocId(key.first, key.second)});
}

Visibility DatingActivity::VisibilityOf(const WorkshopState& s,
                                        const DocKey& key) {
  if (!s.dating.active()) return {};
  switch (key.kind) {
    case DocKind::kDating:
      return {Audience::Everyone()};
    case DocKind::kDatingUnit: {
      // Only the current round's pairs are shown: to their members, and the
      // staff.
      const DatingRound* round = s.dating.current();
      const auto number = static_cast<uint32_t>(key.id >> 20);
      const auto unit = static_cast<size_t>(key.id & 0xfffff);
      if (round == nullptr || round->number != number ||
          unit >= round->units.size()) {
        return {};
      }
      Visibility v{Audience::Staff()};
      for (ParticipantId p : round->units[unit].members)
        v.push_back(Audience::Participant(p));
      std::sort(v.begin(), v.end());
      return v;
    }
    case DocKind::kDatingNote: {
      // Private: nobody but the writer, ever (the export carries them only if
      // the workshop collects notes).
      const auto p = static_cast<ParticipantId>(key.id >> 20);
      const auto round = static_cast<uint32_t>(key.id & 0xfffff);
      if (!s.dating.notes.contains({p, round})) return {};
      return {Audience::Participant(p)};
    }
    default:
      return {};
  }
}

void DatingActivity::Describe(const WorkshopState& s, std::ostream& out) {
  using internal::Ms;
  if (s.dating.active()) {
    const DatingState& d = s.dating;
    out << "dating item " << d.agenda_index << " seed " << d.circle_seed
        << " phase " << static_cast<int>(d.phase) << " ends "
        << Ms(d.phase_ends_at) << " share " << Ms(d.config.share) << " call "
        << d.config.call_url_template
        << (d.config.avoid_same_group ? " avoid" : "")
        << (d.config.collect_notes ? " collect" : "") << "\n";
    for (const DatingRound& round : d.rounds) {
      out << "date " << round.number;
      for (const DatingUnit& u : round.units) {
        out << " [";
        for (size_t i = 0; i < u.members.size(); ++i) {
          out << (i ? "+" : "") << u.members[i];
        }
        out << (u.remote ? " call" : " table " + std::to_string(u.table))
            << (u.spot.empty() ? "" : " " + u.spot) << " first "
            << u.first_speaker << (u.drawn ? " drawn" : "") << "]";
      }
      out << "\n";
    }
    for (const auto& [key, note] : d.notes) {
      out << "note " << key.first << " round " << key.second << " \""
          << note.text << "\" at " << Ms(note.saved_at) << "\n";
    }
  }
}

}  // namespace campana::domain
