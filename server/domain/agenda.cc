// The run of show, and the open questions some of its items ask.

#include <algorithm>

#include "domain/attendance.h"
#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain::internal {
namespace {

bool IsQuestion(const WorkshopState& s, int index) {
  return index >= 0 && index < static_cast<int>(s.agenda.size()) &&
         s.agenda[static_cast<size_t>(index)].activity ==
             ActivityKind::kQuestion;
}

}  // namespace

uint32_t CurrentDay(const WorkshopState& s) {
  if (s.agenda_current < 0 ||
      s.agenda_current >= static_cast<int>(s.agenda.size()))
    return 0;
  return s.agenda[static_cast<size_t>(s.agenda_current)].day;
}

void MarkPresent(const WorkshopState& s, Participant& p, Touched& t) {
  const uint32_t day = CurrentDay(s);
  if (day == 0 || day > kMaxDays) return;
  const uint32_t bit = 1U << (day - 1);
  if ((p.days_present & bit) != 0) return;
  p.days_present |= bit;
  t.Add({DocKind::kParticipant, p.id});
}

Result<Decision> Decide(const Context& c, const cmd::GotoAgendaItem& command) {
  if (command.index < -1 ||
      command.index >= static_cast<int>(c.state.agenda.size())) {
    return Rejection::NotFound("no agenda item " +
                               std::to_string(command.index));
  }
  if (command.index == c.state.agenda_current) return Nothing();
  std::vector<Event> events{ev::AgendaMoved{command.index, c.now}};
  if (command.index >= 0) {
    // An item's activity is set up the first time the agenda reaches it; coming
    // back to it (after a look at the previous item) keeps what happened.
    const AgendaItem& item = c.state.agenda[static_cast<size_t>(command.index)];
    ForEachActivity(
        [&]<class A>() { A::SetUp(c, command.index, item, events); });
    // The item's timers appear, ready to start; coming back to the item adds
    // only those that are not there (same name and scope): not a second copy
    // of each, but one the facilitator deleted, or a team's timer whose teams
    // did not exist the first time.
    TimerId id = c.state.next_timer_id;
    for (const TimerTemplate& spec : item.timers) {
      if (c.state.timers.size() + events.size() > kMaxTimers) break;
      const bool there = std::any_of(
          c.state.timers.begin(), c.state.timers.end(), [&](const auto& entry) {
            return entry.second.name == spec.name &&
                   entry.second.scope == spec.scope;
          });
      if (there) continue;
      auto created =
          NewTimer(c.state, id, spec.name, spec.duration, spec.scope);
      if (!created.ok())
        continue;  // e.g. a team the facilitator has not made yet
      events.emplace_back(std::move(created).value());
      ++id;
    }
  }
  return Events(std::move(events));
}

Result<Decision> Decide(const Context& c, const cmd::ShowScene& command) {
  if (command.scene > kLastScene)
    return Rejection::InvalidArgument("no such scene");
  if (command.scene == c.state.scene) return Nothing();
  return Events({ev::SceneShown{command.scene}});
}

Result<Decision> Decide(const Context& c, const cmd::SubmitAnswer& command) {
  if (!IsQuestion(c.state, command.agenda_index)) {
    return Rejection::NotFound("agenda item " +
                               std::to_string(command.agenda_index) +
                               " asks no question");
  }
  if (command.agenda_index > c.state.agenda_current) {
    return Rejection::FailedPrecondition("this question is not open yet");
  }
  auto text = CheckText(command.text, kMaxAnswerCodePoints, "the answer");
  if (!text.ok()) return text.rejection();
  size_t mine = 0;
  for (const auto& [id, a] : c.state.answers) {
    mine += a.participant == c.actor.participant &&
            a.agenda_index == command.agenda_index;
  }
  if (mine >= kMaxAnswersPerItem) {
    return Rejection::FailedPrecondition("you have answered this question " +
                                         std::to_string(kMaxAnswersPerItem) +
                                         " times already");
  }
  return Events(
      {ev::AnswerSubmitted{c.state.next_answer_id, c.actor.participant,
                           command.agenda_index, text.value(), c.now}});
}

Result<Decision> Decide(const Context& c, const cmd::ShowAnswers& command) {
  if (!IsQuestion(c.state, command.agenda_index)) {
    return Rejection::NotFound("agenda item " +
                               std::to_string(command.agenda_index) +
                               " asks no question");
  }
  auto it = c.state.answer_displays.find(command.agenda_index);
  const bool shown = it != c.state.answer_displays.end();
  if (shown == command.show && (!shown || it->second == command.with_names))
    return Nothing();
  return Events({ev::AnswersShown{command.agenda_index, command.show,
                                  command.with_names}});
}

void Apply(WorkshopState& s, const ev::AgendaMoved& e, Touched& t) {
  // Records from before the time was kept say nothing of how the agenda ran.
  if (e.at != Time{}) {
    if (s.agenda_current >= 0 && s.agenda_since != Time{})
      s.agenda_runs[s.agenda_current].spent += e.at - s.agenda_since;
    if (e.index >= 0 && !s.agenda_runs.contains(e.index))
      s.agenda_runs[e.index].first_started = e.at;
    s.agenda_since = e.at;
  }
  s.agenda_current = e.index;
  t.Add({DocKind::kAgenda, 0});
  // Everyone here when a day's item comes up was there that day.
  for (auto& [id, p] : s.participants) {
    if (p.connected) MarkPresent(s, p, t);
  }
}

// The scene travels in the agenda document, which every device has.
void Apply(WorkshopState& s, const ev::SceneShown& e, Touched& t) {
  s.scene = e.scene;
  t.Add({DocKind::kAgenda, 0});
}

void Apply(WorkshopState& s, const ev::AnswerSubmitted& e, Touched& t) {
  s.answers[e.answer] =
      Answer{e.answer, e.participant, e.agenda_index, e.text, e.at};
  s.next_answer_id = std::max(s.next_answer_id, e.answer + 1);
  t.Add({DocKind::kAnswer, e.answer});
  if (s.answer_displays.contains(e.agenda_index))
    t.Add({DocKind::kShownAnswer, e.answer});
}

void Apply(WorkshopState& s, const ev::AnswersShown& e, Touched& t) {
  if (e.show) {
    s.answer_displays[e.agenda_index] = e.with_names;
  } else {
    s.answer_displays.erase(e.agenda_index);
  }
  for (const auto& [id, a] : s.answers) {
    if (a.agenda_index == e.agenda_index) t.Add({DocKind::kShownAnswer, id});
  }
}

void TouchShownAnswersBy(const WorkshopState& s, ParticipantId p, Touched& t) {
  for (const auto& [id, a] : s.answers) {
    if (a.participant == p && s.answer_displays.contains(a.agenda_index)) {
      t.Add({DocKind::kShownAnswer, id});
    }
  }
}

}  // namespace campana::domain::internal

namespace campana::domain {

std::vector<uint32_t> DaysIn(uint32_t days_present) {
  std::vector<uint32_t> days;
  for (uint32_t day = 1; day <= kMaxDays; ++day) {
    if ((days_present & (1U << (day - 1))) != 0) days.push_back(day);
  }
  return days;
}

uint32_t ResolveDay(uint32_t day, uint32_t previous) {
  if (day == 0) return std::max(previous, 1U);
  if (day < previous || day > kMaxDays) return 0;
  return day;
}

}  // namespace campana::domain
