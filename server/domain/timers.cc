// Countdowns and bells. A running timer is only its end time: nothing ticks.
// Devices draw the countdown from `ends_at` and their offset to server time,
// and ring when it reaches zero.

#include <algorithm>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain::internal {
namespace {

Result<const Timer*> FindTimer(const WorkshopState& s, TimerId id) {
  auto it = s.timers.find(id);
  if (it == s.timers.end())
    return Rejection::NotFound("no timer " + std::to_string(id));
  return &it->second;
}

Millis Clamp(Millis d) { return std::clamp(d, Millis{0}, kMaxTimerDuration); }

}  // namespace

std::optional<Rejection> CheckScope(const WorkshopState& s,
                                    const Scope& scope) {
  switch (scope.kind) {
    case Scope::Kind::kRoom:
      return std::nullopt;
    case Scope::Kind::kGroup:
      if (scope.id == 0 || scope.id > s.groups.count()) {
        return Rejection::NotFound("no group " + std::to_string(scope.id));
      }
      return std::nullopt;
    case Scope::Kind::kTeam:
      for (const Team& team : s.groups.teams) {
        if (team.id == scope.id) return std::nullopt;
      }
      return Rejection::NotFound("no team " + std::to_string(scope.id));
  }
  return Rejection::InvalidArgument("unknown scope");
}

Result<ev::TimerCreated> NewTimer(const WorkshopState& s, TimerId id,
                                  std::string_view name, Millis duration,
                                  const Scope& scope) {
  auto checked = CheckText(name, 80, "the timer name");
  if (!checked.ok()) return checked.rejection();
  if (duration < std::chrono::seconds(1) || duration > kMaxTimerDuration) {
    return Rejection::InvalidArgument("a timer runs for 1 second to 24 hours");
  }
  if (auto bad = CheckScope(s, scope)) return *bad;
  return ev::TimerCreated{id, checked.value(), scope, duration};
}

Result<Decision> Decide(const Context& c, const cmd::CreateTimer& command) {
  if (c.state.timers.size() >= kMaxTimers)
    return Rejection::FailedPrecondition("too many timers");
  auto created = NewTimer(c.state, c.state.next_timer_id, command.name,
                          command.duration, command.scope);
  if (!created.ok()) return created.rejection();
  Decision decision{.created_id = created.value().timer};
  decision.events.emplace_back(std::move(created).value());
  return decision;
}

Result<Decision> Decide(const Context& c, const cmd::StartTimer& command) {
  auto timer = FindTimer(c.state, command.timer);
  if (!timer.ok()) return timer.rejection();
  const Timer& t = *timer.value();
  switch (t.state) {
    case TimerState::kRunning:
      return Rejection::FailedPrecondition("the timer is already running");
    case TimerState::kIdle:
    case TimerState::kPaused:
      return Events({ev::TimerStarted{t.id, c.now + t.remaining}});
    case TimerState::kExpired:
      return Events({ev::TimerStarted{t.id, c.now + t.duration}});
  }
  return Nothing();
}

Result<Decision> Decide(const Context& c, const cmd::PauseTimer& command) {
  auto timer = FindTimer(c.state, command.timer);
  if (!timer.ok()) return timer.rejection();
  const Timer& t = *timer.value();
  if (t.state != TimerState::kRunning)
    return Rejection::FailedPrecondition("the timer is not running");
  return Events({ev::TimerPaused{t.id, Clamp(t.ends_at - c.now)}});
}

Result<Decision> Decide(const Context& c, const cmd::AddTime& command) {
  auto timer = FindTimer(c.state, command.timer);
  if (!timer.ok()) return timer.rejection();
  if (command.delta == Millis{0} || command.delta > kMaxTimerDuration ||
      command.delta < -kMaxTimerDuration) {
    return Rejection::InvalidArgument("add between 1 millisecond and 24 hours");
  }
  const Timer& t = *timer.value();
  switch (t.state) {
    case TimerState::kRunning: {
      const Time ends_at = std::max(c.now, std::min(t.ends_at + command.delta,
                                                    c.now + kMaxTimerDuration));
      return Events({ev::TimerAdjusted{t.id, ends_at, Millis{0}}});
    }
    case TimerState::kIdle:
    case TimerState::kPaused:
      return Events({ev::TimerAdjusted{t.id, Time{},
                                       Clamp(t.remaining + command.delta)}});
    case TimerState::kExpired:
      if (command.delta < Millis{0})
        return Rejection::FailedPrecondition("the timer has run out");
      // Extending a timer that has run out sets it running again for the time
      // added.
      return Events({ev::TimerStarted{t.id, c.now + command.delta}});
  }
  return Nothing();
}

Result<Decision> Decide(const Context& c, const cmd::ResetTimer& command) {
  auto timer = FindTimer(c.state, command.timer);
  if (!timer.ok()) return timer.rejection();
  const Timer& t = *timer.value();
  if (t.state == TimerState::kIdle && t.remaining == t.duration)
    return Nothing();
  return Events({ev::TimerReset{t.id}});
}

Result<Decision> Decide(const Context& c, const cmd::DeleteTimer& command) {
  auto timer = FindTimer(c.state, command.timer);
  if (!timer.ok()) return timer.rejection();
  return Events({ev::TimerDeleted{command.timer}});
}

Result<Decision> Decide(const Context& c, const cmd::RingBell& command) {
  if (auto bad = CheckScope(c.state, command.scope)) return *bad;
  return Events(
      {ev::BellRung{command.scope, c.state.next_bell_seq, c.now + kBellLead}});
}

Result<Decision> Decide(const Context& c, const cmd::Tick&) {
  std::vector<Event> events;
  for (const auto& [id, t] : c.state.timers) {
    if (t.state == TimerState::kRunning && t.ends_at <= c.now)
      events.emplace_back(ev::TimerExpired{id});
  }
  ForEachActivity([&]<class A>() { A::Tick(c, events); });
  return Events(std::move(events));
}

void Apply(WorkshopState& s, const ev::TimerCreated& e, Touched& t) {
  s.timers[e.timer] = Timer{.id = e.timer,
                            .name = e.name,
                            .scope = e.scope,
                            .duration = e.duration,
                            .state = TimerState::kIdle,
                            .remaining = e.duration};
  s.next_timer_id = std::max(s.next_timer_id, e.timer + 1);
  t.Add({DocKind::kTimer, e.timer});
}

void Apply(WorkshopState& s, const ev::TimerStarted& e, Touched& t) {
  Timer& timer = s.timers.at(e.timer);
  timer.state = TimerState::kRunning;
  timer.ends_at = e.ends_at;
  timer.remaining = Millis{0};
  t.Add({DocKind::kTimer, e.timer});
}

void Apply(WorkshopState& s, const ev::TimerPaused& e, Touched& t) {
  Timer& timer = s.timers.at(e.timer);
  timer.state = TimerState::kPaused;
  timer.ends_at = Time{};
  timer.remaining = e.remaining;
  t.Add({DocKind::kTimer, e.timer});
}

void Apply(WorkshopState& s, const ev::TimerAdjusted& e, Touched& t) {
  Timer& timer = s.timers.at(e.timer);
  if (timer.state == TimerState::kRunning) {
    timer.ends_at = e.ends_at;
  } else {
    timer.remaining = e.remaining;
  }
  t.Add({DocKind::kTimer, e.timer});
}

void Apply(WorkshopState& s, const ev::TimerReset& e, Touched& t) {
  Timer& timer = s.timers.at(e.timer);
  timer.state = TimerState::kIdle;
  timer.ends_at = Time{};
  timer.remaining = timer.duration;
  t.Add({DocKind::kTimer, e.timer});
}

void Apply(WorkshopState& s, const ev::TimerExpired& e, Touched& t) {
  s.timers.at(e.timer).state = TimerState::kExpired;
  t.Add({DocKind::kTimer, e.timer});
}

void Apply(WorkshopState& s, const ev::TimerDeleted& e, Touched& t) {
  s.timers.erase(e.timer);
  t.Add({DocKind::kTimer, e.timer});
}

void Apply(WorkshopState& s, const ev::BellRung& e, Touched& t) {
  s.bells[e.scope] = Bell{e.scope, e.seq, e.at};
  s.next_bell_seq = std::max(s.next_bell_seq, e.seq + 1);
  t.Add({DocKind::kBell, BellDocId(e.scope)});
}

}  // namespace campana::domain::internal
