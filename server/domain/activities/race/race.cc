// The team race (ACTIVITIES.md item 3): a shared strategy countdown, then an
// execution window in which each team's runs are timed on the server clock. A
// dropped ball voids the run and the team waits out a penalty; the fastest
// counted run wins.

#include "domain/activities/race/race.h"

#include <algorithm>
#include <ostream>

#include "domain/internal.h"

namespace campana::domain {

using internal::Context;
using internal::Events;
using internal::Nothing;
namespace {

// The shortest race run a stop may end: anything faster is a double tap.
constexpr Millis kMinRaceRun{1000};

bool TeamExists(const WorkshopState& s, TeamId team) {
  return std::any_of(s.groups.teams.begin(), s.groups.teams.end(),
                     [&](const Team& t) { return t.id == team; });
}

RaceTeam TeamState(const WorkshopState& s, TeamId team) {
  auto it = s.race.teams.find(team);
  return it == s.race.teams.end() ? RaceTeam{} : it->second;
}

std::string Seconds(Millis d) {
  return std::to_string((d.count() + 999) / 1000);
}

// Resolves "team 0 means mine" and checks that the actor may run this team's
// stopwatch: a facilitator, or the team's captain.
Result<TeamId> RunnableTeam(const Context& c, TeamId requested,
                            const char* what) {
  if (c.state.race.phase == RacePhase::kNone)
    return Rejection::FailedPrecondition("there is no race");
  TeamId team = requested;
  if (c.actor.role == Role::kParticipant) {
    const Participant& me = c.state.participants.at(c.actor.participant);
    const TeamId mine = c.state.groups.TeamOf(me.group);
    if (team == 0) team = mine;
    if (team == 0 || team != mine ||
        TeamState(c.state, team).captain != me.id) {
      return Rejection::PermissionDenied(
          std::string("only the team's captain or a facilitator can ") + what);
    }
  }
  if (!TeamExists(c.state, team))
    return Rejection::NotFound("no team " + std::to_string(team));
  return team;
}

TeamId Winner(const RaceState& race) {
  TeamId winner = 0;
  Millis best{0};
  for (const auto& [id, team] : race.teams) {
    if (team.best.count() > 0 && (winner == 0 || team.best < best)) {
      winner = id;
      best = team.best;
    }
  }
  return winner;
}

RaceTeam& MutableTeam(WorkshopState& s, TeamId team, Touched& t) {
  t.Add({DocKind::kRace, 0});
  return s.race.teams[team];
}

}  // namespace

Result<Decision> RaceActivity::Decide(const Context& c,
                                      const cmd::StartRaceStrategy&) {
  const RaceState& race = c.state.race;
  if (race.phase == RacePhase::kNone)
    return Rejection::FailedPrecondition("there is no race");
  if (race.phase != RacePhase::kReady)
    return Rejection::FailedPrecondition(
        "the strategy time has already started");
  return Events({ev::RaceStrategyStarted{c.now + race.config.strategy}});
}

Result<Decision> RaceActivity::Decide(const Context& c,
                                      const cmd::OpenRaceWindow&) {
  const RaceState& race = c.state.race;
  if (race.phase == RacePhase::kNone)
    return Rejection::FailedPrecondition("there is no race");
  if (race.phase == RacePhase::kExecution ||
      race.phase == RacePhase::kFinished) {
    return Rejection::FailedPrecondition(
        "the execution window has already opened");
  }
  return Events({ev::RaceWindowOpened{c.now, c.now + race.config.execution}});
}

Result<Decision> RaceActivity::Decide(const Context& c,
                                      const cmd::NameCaptain& command) {
  if (c.state.race.phase == RacePhase::kNone)
    return Rejection::FailedPrecondition("there is no race");
  if (!TeamExists(c.state, command.team))
    return Rejection::NotFound("no team " + std::to_string(command.team));
  if (command.participant != 0) {
    const Participant* p = c.state.FindParticipant(command.participant);
    if (p == nullptr)
      return Rejection::NotFound("no participant " +
                                 std::to_string(command.participant));
    if (c.state.groups.TeamOf(p->group) != command.team) {
      return Rejection::FailedPrecondition(p->display_name +
                                           " is not in that team");
    }
  }
  if (TeamState(c.state, command.team).captain == command.participant)
    return Nothing();
  return Events({ev::CaptainNamed{command.team, command.participant}});
}

Result<Decision> RaceActivity::Decide(const Context& c,
                                      const cmd::StartRun& command) {
  auto team = RunnableTeam(c, command.team, "start the clock");
  if (!team.ok()) return team.rejection();
  const RaceState& race = c.state.race;
  if (race.phase != RacePhase::kExecution || c.now >= race.window_closes_at) {
    return Rejection::FailedPrecondition("the execution window is not open");
  }
  const RaceTeam state = TeamState(c.state, team.value());
  if (state.running)
    return Rejection::FailedPrecondition("the stopwatch is already running");
  if (state.penalty_until > c.now) {
    return Rejection::FailedPrecondition(
        "the team is waiting out its penalty: " +
        Seconds(state.penalty_until - c.now) + " s left");
  }
  return Events({ev::RunStarted{team.value(), c.now}});
}

Result<Decision> RaceActivity::Decide(const Context& c,
                                      const cmd::StopRun& command) {
  auto team = RunnableTeam(c, command.team, "stop the clock");
  if (!team.ok()) return team.rejection();
  const RaceTeam state = TeamState(c.state, team.value());
  if (!state.running)
    return Rejection::FailedPrecondition("the stopwatch is not running");
  // Passing a ball round a circle of people takes seconds; a stop right after
  // the start is a double tap or a captain gaming the race.
  if (c.now - state.started_at < kMinRaceRun) {
    return Rejection::FailedPrecondition(
        "a run is at least 1 second; the stopwatch keeps running");
  }
  // A run counts if it ended inside the window.
  const bool counted = c.now <= c.state.race.window_closes_at;
  return Events(
      {ev::RunStopped{team.value(), c.now - state.started_at, counted}});
}

Result<Decision> RaceActivity::Decide(const Context& c,
                                      const cmd::VoidRun& command) {
  auto team = RunnableTeam(c, command.team, "void a run");
  if (!team.ok()) return team.rejection();
  if (!TeamState(c.state, team.value()).running)
    return Rejection::FailedPrecondition("the stopwatch is not running");
  return Events(
      {ev::RunVoided{team.value(), c.now + c.state.race.config.penalty}});
}

Result<Decision> RaceActivity::Decide(const Context& c,
                                      const cmd::FinishRace&) {
  const RaceState& race = c.state.race;
  if (race.phase == RacePhase::kNone)
    return Rejection::FailedPrecondition("there is no race");
  if (race.phase == RacePhase::kFinished) return Nothing();
  return Events({ev::RaceFinished{Winner(race)}});
}

void RaceActivity::SetUp(const Context& c, int index, const AgendaItem& item,
                         std::vector<Event>& events) {
  if (item.activity == ActivityKind::kRace &&
      c.state.race.agenda_index != index)
    events.emplace_back(ev::RaceSetUp{index, item.race});
}

void RaceActivity::Joined(const Context&, const ev::ParticipantJoined&,
                          std::vector<Event>&) {}

void RaceActivity::Tick(const Context& c, std::vector<Event>& events) {
  const RaceState& race = c.state.race;
  if (race.phase == RacePhase::kExecution && race.window_closes_at <= c.now) {
    events.emplace_back(ev::RaceFinished{Winner(race)});
  }
}

std::optional<Time> RaceActivity::NextDeadline(const WorkshopState& s) {
  if (s.race.phase == RacePhase::kExecution) return s.race.window_closes_at;
  return std::nullopt;
}

void RaceActivity::Apply(WorkshopState& s, const ev::RaceSetUp& e, Touched& t) {
  s.race = RaceState{.phase = RacePhase::kReady,
                     .agenda_index = e.agenda_index,
                     .config = e.config};
  t.Add({DocKind::kRace, 0});
}

void RaceActivity::Apply(WorkshopState& s, const ev::RaceStrategyStarted& e,
                         Touched& t) {
  s.race.phase = RacePhase::kStrategy;
  s.race.strategy_ends_at = e.ends_at;
  t.Add({DocKind::kRace, 0});
}

void RaceActivity::Apply(WorkshopState& s, const ev::RaceWindowOpened& e,
                         Touched& t) {
  s.race.phase = RacePhase::kExecution;
  s.race.window_opens_at = e.opens_at;
  s.race.window_closes_at = e.closes_at;
  t.Add({DocKind::kRace, 0});
}

void RaceActivity::Apply(WorkshopState& s, const ev::CaptainNamed& e,
                         Touched& t) {
  MutableTeam(s, e.team, t).captain = e.participant;
}

void RaceActivity::Apply(WorkshopState& s, const ev::RunStarted& e,
                         Touched& t) {
  RaceTeam& team = MutableTeam(s, e.team, t);
  team.running = true;
  team.started_at = e.at;
}

void RaceActivity::Apply(WorkshopState& s, const ev::RunStopped& e,
                         Touched& t) {
  RaceTeam& team = MutableTeam(s, e.team, t);
  team.running = false;
  team.runs.push_back({e.elapsed, e.counted, false});
  if (e.counted && (team.best.count() == 0 || e.elapsed < team.best))
    team.best = e.elapsed;
}

void RaceActivity::Apply(WorkshopState& s, const ev::RunVoided& e, Touched& t) {
  RaceTeam& team = MutableTeam(s, e.team, t);
  team.running = false;
  team.runs.push_back({Millis{0}, false, true});
  team.penalty_until = e.penalty_until;
}

void RaceActivity::Apply(WorkshopState& s, const ev::RaceFinished& e,
                         Touched& t) {
  s.race.phase = RacePhase::kFinished;
  s.race.winner = e.winner;
  for (auto& [id, team] : s.race.teams)
    team.running = false;  // a run still going never ended in time
  t.Add({DocKind::kRace, 0});
}

// The race names its captains and its teams.
void RaceActivity::TouchParticipant(const WorkshopState& s, ParticipantId p,
                                    Touched& t) {
  for (const auto& [team, state] : s.race.teams) {
    if (state.captain == p) t.Add({DocKind::kRace, 0});
  }
}

void RaceActivity::TouchLayout(const WorkshopState& s, Touched& t) {
  if (s.race.phase != RacePhase::kNone) t.Add({DocKind::kRace, 0});
}

void RaceActivity::ForEachDoc(const WorkshopState& s, const DocVisitor& visit) {
  if (s.race.phase != RacePhase::kNone) visit({DocKind::kRace, 0});
}

Visibility RaceActivity::VisibilityOf(const WorkshopState& s, const DocKey&) {
  if (s.race.phase == RacePhase::kNone) return {};
  return {Audience::Everyone()};
}

void RaceActivity::Describe(const WorkshopState& s, std::ostream& out) {
  using internal::Ms;
  if (s.race.phase != RacePhase::kNone) {
    const RaceState& r = s.race;
    out << "race item " << r.agenda_index << " phase "
        << static_cast<int>(r.phase) << " strategy " << Ms(r.config.strategy)
        << "/" << Ms(r.strategy_ends_at) << " window " << Ms(r.config.execution)
        << "/" << Ms(r.window_opens_at) << "-" << Ms(r.window_closes_at)
        << " penalty " << Ms(r.config.penalty) << " winner " << r.winner
        << " rules \"" << r.config.rules << "\"\n";
    for (const auto& [id, t] : r.teams) {
      out << "race team " << id << " captain " << t.captain
          << (t.running ? " running" : "") << " started " << Ms(t.started_at)
          << " penalty " << Ms(t.penalty_until) << " best " << Ms(t.best)
          << " runs";
      for (const RaceRun& run : t.runs) {
        out << " " << Ms(run.elapsed) << (run.counted ? "c" : "")
            << (run.voided ? "v" : "");
      }
      out << "\n";
    }
  }
}

}  // namespace campana::domain
