#include "workshop_fixture.h"

namespace campana::domain {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

class TimersTest : public WorkshopFixture {
 protected:
  TimerId Create(const std::string& name, Millis duration,
                 Scope scope = Scope::Room()) {
    Run(Actor::Facilitator(), cmd::CreateTimer{name, duration, scope});
    return last.created_id;
  }
  const Timer& timer(TimerId id) { return state().timers.at(id); }
};

TEST_F(TimersTest, StartPauseResumeRunOut) {
  const TimerId t = Create("Estrategia", minutes(2));
  EXPECT_EQ(t, 1u);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartTimer{t}),
            "TimerStarted(1, ends 1120000)");
  EXPECT_EQ(workshop.NextDeadline(), FromUnixMillis(1'120'000));
  now += seconds(50);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::PauseTimer{t}),
            "TimerPaused(1, 70000ms left)");
  EXPECT_FALSE(workshop.NextDeadline().has_value())
      << "a paused timer needs no wake-up";
  now += minutes(10);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartTimer{t}),
            "TimerStarted(1, ends 1720000)");
  now = FromUnixMillis(1'719'999);
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "no change");
  now = FromUnixMillis(1'720'000);
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "TimerExpired(1)");
  EXPECT_EQ(timer(t).state, TimerState::kExpired);
  // Starting again after it ran out starts from the full duration.
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartTimer{t}),
            "TimerStarted(1, ends 1840000)");
}

TEST_F(TimersTest, AddTimeAndReset) {
  const TimerId t = Create("Ejecución", minutes(3));
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::AddTime{t, seconds(30)}),
            "TimerAdjusted(1, ends 0, 210000ms left)");
  Run(Actor::Facilitator(), cmd::StartTimer{t});
  EXPECT_EQ(timer(t).ends_at, FromUnixMillis(1'210'000));
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::AddTime{t, seconds(-500)}),
            "TimerAdjusted(1, ends 1000000, 0ms left)")
      << "taking away more than is left ends it now, never before now";
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "TimerExpired(1)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::AddTime{t, minutes(1)}),
            "TimerStarted(1, ends 1060000)")
      << "extending a timer that ran out sets it running for the time added";
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ResetTimer{t}), "TimerReset(1)");
  EXPECT_EQ(timer(t).remaining, minutes(3));
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ResetTimer{t}), "no change");
}

TEST_F(TimersTest, BadRequestsChangeNothing) {
  const TimerId t = Create("Estrategia", minutes(2));
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::PauseTimer{t}),
            "rejected FailedPrecondition: the timer is not running");
  Run(Actor::Facilitator(), cmd::StartTimer{t});
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartTimer{t}),
            "rejected FailedPrecondition: the timer is already running");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartTimer{9}),
            "rejected NotFound: no timer 9");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::AddTime{t, Millis{0}}),
            "rejected InvalidArgument: add between 1 millisecond and 24 hours");
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::CreateTimer{"x", milliseconds(500), Scope::Room()}),
            "rejected InvalidArgument: a timer runs for 1 second to 24 hours");
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::CreateTimer{"", minutes(1), Scope::Room()}),
            "rejected InvalidArgument: the timer name is empty");
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::CreateTimer{"x", minutes(1), Scope::Group(1)}),
            "rejected NotFound: no group 1");
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::CreateTimer{"x", minutes(1), Scope::Team(1)}),
            "rejected NotFound: no team 1");
  EXPECT_EQ(state().timers.size(), 1u);
}

TEST_F(TimersTest, BellRingsAMomentAheadSoEveryDeviceHasIt) {
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RingBell{Scope::Room()}),
            "BellRung(room, #1, at 1000700)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RingBell{Scope::Room()}),
            "BellRung(room, #2, at 1000700)");
  EXPECT_EQ(state().bells.size(), 1u)
      << "one bell document per scope: the last";
}

TEST_F(TimersTest, ScopedTimersAreSeenOnlyByTheirGroups) {
  for (const char* name : {"a", "b", "c", "d"}) Join(name);
  Run(Actor::Facilitator(),
      cmd::SetupGroups{cmd::GroupMode::kRandom, 4, 0, false});
  Run(Actor::Facilitator(), cmd::DefineTeams{{{"A", {1, 3}}, {"B", {2, 4}}}});
  const TimerId team_a = Create("Penalización", seconds(30), Scope::Team(1));
  EXPECT_EQ(
      VisibilityOf(state(), {DocKind::kTimer, team_a}),
      (Visibility{Audience::Staff(), Audience::Group(1), Audience::Group(3)}));
  // Regrouping changes who sees the team's timer: it is among the touched
  // documents.
  Run(Actor::Facilitator(), cmd::DefineTeams{{{"A", {2}}, {"B", {1}}}});
  EXPECT_TRUE(last_touched.keys().contains(DocKey{DocKind::kTimer, team_a}));
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kTimer, team_a}),
            (Visibility{Audience::Staff(), Audience::Group(2)}));
}

}  // namespace
}  // namespace campana::domain
