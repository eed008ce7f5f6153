// Speed dating (ACTIVITIES.md item 8): rounds of dates in pairs (a trio when
// the count is odd), a bell to start sharing, a bell for each next speaker (a
// third one when there are trios), a bell to end; each participant keeps
// private notes of each date, and shares them only if they choose to.

#include "domain/activities/dating/dating.h"

#include <algorithm>
#include <ostream>
#include <set>

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

bool DatingState::CurrentHasTrio() const {
  const DatingRound* round = current();
  return round != nullptr &&
         std::any_of(round->units.begin(), round->units.end(),
                     [](const DatingUnit& u) { return u.members.size() >= 3; });
}

size_t DatingState::ParticipantsSharingNotes() const {
  std::set<ParticipantId> sharing;
  for (const auto& [key, note] : notes)
    if (note.shared) sharing.insert(key.first);
  return sharing.size();
}

int SharingTurn(DatingPhase phase) {
  switch (phase) {
    case DatingPhase::kFirstSharing:
      return 0;
    case DatingPhase::kSecondSharing:
      return 1;
    case DatingPhase::kThirdSharing:
      return 2;
    default:
      return -1;
  }
}

std::vector<ParticipantId> DatingUnit::Speakers() const {
  if (first_speaker == 0) return {};
  std::vector<ParticipantId> order{first_speaker};
  for (ParticipantId p : members)
    if (p != first_speaker) order.push_back(p);
  return order;
}

ParticipantId DatingUnit::SpeakerNow(DatingPhase phase) const {
  const int turn = SharingTurn(phase);
  const auto order = Speakers();
  return turn >= 0 && static_cast<size_t>(turn) < order.size()
             ? order[static_cast<size_t>(turn)]
             : 0;
}

ParticipantId DatingUnit::SpeakerNext(DatingPhase phase) const {
  const auto order = Speakers();
  size_t next = 0;  // while they meet, the first speaker is next
  if (phase != DatingPhase::kMeeting) {
    const int turn = SharingTurn(phase);
    if (turn < 0) return 0;
    next = static_cast<size_t>(turn) + 1;
  }
  return next < order.size() ? order[next] : 0;
}

}  // namespace campana::domain

namespace campana::domain {

using internal::Context;
using internal::Events;
using internal::kBellLead;
using internal::Nothing;
namespace {

constexpr size_t kMaxNoteCodePoints = 4000;
constexpr uint32_t kMaxTables = 500;
constexpr size_t kMaxTableNameCodePoints = 40;

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

// How many trios each person has been in (a unit of three or more, as it
// ended: a late joiner makes a pair a trio).
std::map<ParticipantId, uint32_t> TrioCounts(const DatingState& dating) {
  std::map<ParticipantId, uint32_t> trios;
  for (const DatingRound& round : dating.rounds) {
    for (const DatingUnit& unit : round.units) {
      if (unit.members.size() >= 3)
        for (ParticipantId p : unit.members) ++trios[p];
    }
  }
  return trios;
}

// In-room unit `k` (from 0) of a round: at the room's tables when they are set
// (units spread evenly over them, several per table when there are more units
// than tables), else at table k + 1.
void Seat(const DatingConfig& config, uint32_t k, ev::DatingUnitDrawn& unit) {
  const auto& names = config.meeting_spots;
  const auto tables =
      names.empty() ? config.table_count : static_cast<uint32_t>(names.size());
  unit.table = tables == 0 ? k + 1 : k % tables + 1;
  if (!names.empty()) unit.spot = names[unit.table - 1];
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
  const auto trios = TrioCounts(dating);
  for (const auto& [id, p] : c.state.participants) {
    if (!p.connected) continue;
    const auto had = trios.find(id);
    present.push_back({id, p.presence, p.group,
                       CircleKey(dating.circle_seed, id),
                       had == trios.end() ? 0 : had->second});
  }
  if (present.size() < 2)
    return Rejection::FailedPrecondition(
        "at least two people must be connected");
  const auto round = static_cast<uint32_t>(dating.rounds.size() + 1);
  auto units = PairEveryone(present, Meetings(dating), round - 1,
                            {dating.config.avoid_same_group});

  ev::DatingRoundStarted started{round, {}};
  uint32_t in_room = 0;
  for (auto& members : units) {
    ev::DatingUnitDrawn unit{std::move(members), 0, "", false};
    unit.remote = std::any_of(
        unit.members.begin(), unit.members.end(), [&](ParticipantId p) {
          return c.state.participants.at(p).presence == Presence::kRemote;
        });
    if (!unit.remote) Seat(dating.config, in_room++, unit);
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
  // Whoever chose first keeps it, unless they have left the workshop since:
  // then the one still at the date may take it.
  if (const Participant* first = c.state.FindParticipant(u.first_speaker);
      first != nullptr) {
    return Rejection::FailedPrecondition(first->display_name + " shares first");
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
  // One speaker at a time: the second speakers, then the trios' third ones
  // while the pairs, who are done, write their notes.
  DatingPhase next = DatingPhase::kNone;
  if (dating.phase == DatingPhase::kFirstSharing) {
    next = DatingPhase::kSecondSharing;
  } else if (dating.phase == DatingPhase::kSecondSharing &&
             dating.CurrentHasTrio()) {
    next = DatingPhase::kThirdSharing;
  } else if (dating.phase == DatingPhase::kSecondSharing) {
    return Rejection::FailedPrecondition("everyone has shared: end the date");
  } else {
    return Rejection::FailedPrecondition("nobody is sharing");
  }
  return Events(
      {BellNow(c),
       ev::DatingPhaseChanged{next, c.now + kBellLead + dating.config.share}});
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
                                        const cmd::ShareNotes& command) {
  const DatingState& dating = c.state.dating;
  if (!dating.active())
    return Rejection::FailedPrecondition("there is no speed dating");
  const ParticipantId me = c.actor.participant;
  ev::NotesShared shared{me, {}, command.shared};
  if (command.round != 0) {
    auto it = dating.notes.find({me, command.round});
    if (it == dating.notes.end())
      return Rejection::FailedPrecondition("write a note before sharing it");
    if (it->second.shared != command.shared)
      shared.rounds.push_back(command.round);
  } else {
    for (const auto& [key, note] : dating.notes) {
      if (key.first == me && note.shared != command.shared)
        shared.rounds.push_back(key.second);
    }
  }
  if (shared.rounds.empty()) return Nothing();
  return Events({std::move(shared)});
}

namespace {

// The tables as the console sends them: a count, or names (trimmed, checked).
Result<DatingTables> CheckTables(const DatingTables& tables) {
  if (tables.count > kMaxTables || tables.names.size() > kMaxTables) {
    return Rejection::InvalidArgument("at most " + std::to_string(kMaxTables) +
                                      " tables");
  }
  DatingTables checked{0, {}};
  for (const std::string& name : tables.names) {
    auto ok = CheckText(name, kMaxTableNameCodePoints, "a table's name");
    if (!ok.ok()) return ok.rejection();
    checked.names.push_back(ok.value());
  }
  if (checked.names.empty()) checked.count = tables.count;
  return checked;
}

DatingTables TablesOf(const DatingConfig& config) {
  return config.meeting_spots.empty() ? DatingTables{config.table_count, {}}
                                      : DatingTables{0, config.meeting_spots};
}

}  // namespace

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
  std::optional<DatingTables> tables;
  if (command.tables) {
    auto checked = CheckTables(*command.tables);
    if (!checked.ok()) return checked.rejection();
    if (checked.value() != TablesOf(now)) tables = checked.value();
  }
  if (now.call_url_template == url &&
      now.avoid_same_group == command.avoid_same_group && !tables) {
    return Nothing();
  }
  return Events({ev::DatingOptionsSet{url, command.avoid_same_group, false,
                                      std::move(tables)}});
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
  if (const DatingRound* round = s.dating.current())
    TouchRound(*round, t);  // who speaks now
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
  DatingNote& note = s.dating.notes[{e.participant, e.round}];
  note.text = e.text;
  note.saved_at = e.at;  // shared or not, as its writer chose
  t.Add({DocKind::kDatingNote, DatingNoteDocId(e.participant, e.round)});
}

void DatingActivity::Apply(WorkshopState& s, const ev::NotesShared& e,
                           Touched& t) {
  for (uint32_t round : e.rounds) {
    auto it = s.dating.notes.find({e.participant, round});
    if (it == s.dating.notes.end()) continue;
    it->second.shared = e.shared;
    t.Add({DocKind::kDatingNote, DatingNoteDocId(e.participant, round)});
  }
}

void DatingActivity::Apply(WorkshopState& s, const ev::DatingOptionsSet& e,
                           Touched& t) {
  s.dating.config.call_url_template = e.call_url_template;
  s.dating.config.avoid_same_group = e.avoid_same_group;
  // e.collect_notes is not read: see its comment in dating.h.
  if (e.tables) {
    s.dating.config.meeting_spots = e.tables->names;
    s.dating.config.table_count = e.tables->names.empty() ? e.tables->count : 0;
  }
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
      // Private: nobody but the writer, ever (the export carries those their
      // writer shares).
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
        << (d.config.avoid_same_group ? " avoid" : "") << " tables "
        << d.config.table_count;
    for (const std::string& name : d.config.meeting_spots) out << " " << name;
    out << "\n";
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
          << note.text << "\" at " << Ms(note.saved_at)
          << (note.shared ? " shared" : "") << "\n";
    }
  }
}

}  // namespace campana::domain
