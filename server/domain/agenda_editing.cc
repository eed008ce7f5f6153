// Editing the run of show while it runs: a title or a planned length changed,
// an item not reached yet moved, removed or added (a pause, a talk).
//
// Activities, answers and the agenda as it ran are keyed by an item's index, so
// an item the agenda has reached keeps its place and its activity, and so does
// every item before it: only what lies past the furthest item reached may move.

#include <algorithm>
#include <stdexcept>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain::internal {
namespace {

inline constexpr Millis kMaxPlannedDuration = std::chrono::hours(24);

int Size(const WorkshopState& s) { return static_cast<int>(s.agenda.size()); }

std::optional<Rejection> CheckExists(const WorkshopState& s, int index) {
  if (index < 0 || index >= Size(s))
    return Rejection::NotFound("no agenda item " + std::to_string(index));
  return std::nullopt;
}

std::optional<Rejection> CheckNotReached(const WorkshopState& s, int index) {
  if (index < s.FirstEditableAgendaIndex()) {
    return Rejection::FailedPrecondition(
        "agenda item " + std::to_string(index) +
        " has been reached: it keeps its place and its activity");
  }
  return std::nullopt;
}

std::optional<Rejection> CheckDuration(Millis duration) {
  // Whole seconds, as templates and snapshots keep it.
  if (duration < Millis{0} || duration > kMaxPlannedDuration ||
      duration.count() % 1000 != 0) {
    return Rejection::InvalidArgument(
        "the length should be whole seconds, 0 to 24 hours");
  }
  return std::nullopt;
}

uint32_t DayOf(const WorkshopState& s, int index) {
  return s.agenda[static_cast<size_t>(index)].day;
}

}  // namespace

Result<Decision> Decide(const Context& c, const cmd::EditAgendaItem& command) {
  if (auto no = CheckExists(c.state, command.index)) return *no;
  auto title = CheckText(command.title, kMaxTitleCodePoints, "the title");
  if (!title.ok()) return title.rejection();
  if (auto no = CheckDuration(command.duration)) return *no;
  const AgendaItem& item = c.state.agenda[static_cast<size_t>(command.index)];
  if (item.title == title.value() && item.duration == command.duration)
    return Nothing();
  return Events({ev::AgendaItemEdited{command.index, std::move(title).value(),
                                      command.duration}});
}

Result<Decision> Decide(const Context& c, const cmd::MoveAgendaItem& command) {
  if (auto no = CheckExists(c.state, command.index)) return *no;
  if (auto no = CheckExists(c.state, command.to)) return *no;
  if (auto no = CheckNotReached(c.state, command.index)) return *no;
  if (auto no = CheckNotReached(c.state, command.to)) return *no;
  if (command.index == command.to) return Nothing();
  // Its neighbours once moved: moving down, the item at `to` comes before it;
  // moving up, the item at `to` comes after it.
  const bool down = command.to > command.index;
  const int before = down ? command.to : command.to - 1;
  const int after = down ? command.to + 1 : command.to;
  const uint32_t earliest = before >= 0 ? DayOf(c.state, before) : 1;
  const uint32_t latest =
      after < Size(c.state) ? DayOf(c.state, after) : kMaxDays;
  const uint32_t day =
      std::clamp(DayOf(c.state, command.index), earliest, latest);
  return Events({ev::AgendaItemMoved{command.index, command.to, day}});
}

Result<Decision> Decide(const Context& c,
                        const cmd::RemoveAgendaItem& command) {
  if (auto no = CheckExists(c.state, command.index)) return *no;
  if (auto no = CheckNotReached(c.state, command.index)) return *no;
  return Events({ev::AgendaItemRemoved{command.index}});
}

Result<Decision> Decide(const Context& c, const cmd::AddAgendaItem& command) {
  if (command.index < 0 || command.index > Size(c.state)) {
    return Rejection::NotFound("no place " + std::to_string(command.index) +
                               " in the agenda");
  }
  if (auto no = CheckNotReached(c.state, command.index)) return *no;
  if (c.state.agenda.size() >= kMaxAgendaItems) {
    return Rejection::FailedPrecondition(
        "the agenda has " + std::to_string(kMaxAgendaItems) + " items already");
  }
  auto title = CheckText(command.title, kMaxTitleCodePoints, "the title");
  if (!title.ok()) return title.rejection();
  if (auto no = CheckDuration(command.duration)) return *no;
  // On the day of the item it goes before; at the end, the last item's.
  const uint32_t day = command.index < Size(c.state)
                           ? DayOf(c.state, command.index)
                       : c.state.agenda.empty() ? 1
                                                : c.state.agenda.back().day;
  return Events({ev::AgendaItemAdded{command.index, std::move(title).value(),
                                     command.duration, day}});
}

void Apply(WorkshopState& s, const ev::AgendaItemEdited& e, Touched& t) {
  AgendaItem& item = s.agenda.at(static_cast<size_t>(e.index));
  item.title = e.title;
  item.duration = e.duration;
  t.Add({DocKind::kAgenda, 0});
}

// .at(): a record Decide could not have made throws, as elsewhere in Apply,
// rather than writing past the agenda.
void Apply(WorkshopState& s, const ev::AgendaItemMoved& e, Touched& t) {
  (void)s.agenda.at(static_cast<size_t>(e.to));
  AgendaItem item = std::move(s.agenda.at(static_cast<size_t>(e.index)));
  item.day = e.day;
  s.agenda.erase(s.agenda.begin() + e.index);
  s.agenda.insert(s.agenda.begin() + e.to, std::move(item));
  t.Add({DocKind::kAgenda, 0});
}

void Apply(WorkshopState& s, const ev::AgendaItemRemoved& e, Touched& t) {
  (void)s.agenda.at(static_cast<size_t>(e.index));
  s.agenda.erase(s.agenda.begin() + e.index);
  t.Add({DocKind::kAgenda, 0});
}

void Apply(WorkshopState& s, const ev::AgendaItemAdded& e, Touched& t) {
  AgendaItem item;
  item.title = e.title;
  item.duration = e.duration;
  item.day = e.day;
  if (e.index < 0 || e.index > Size(s))
    throw std::out_of_range("no place " + std::to_string(e.index));
  s.agenda.insert(s.agenda.begin() + e.index, std::move(item));
  t.Add({DocKind::kAgenda, 0});
}

}  // namespace campana::domain::internal

namespace campana::domain {

int WorkshopState::FirstEditableAgendaIndex() const {
  int reached = agenda_current;
  if (!agenda_runs.empty())
    reached = std::max(reached, agenda_runs.rbegin()->first);
  for (const auto& [id, answer] : answers)
    reached = std::max(reached, answer.agenda_index);
  return reached + 1;
}

}  // namespace campana::domain
