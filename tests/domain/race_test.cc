// The team race's rules, with times on the server clock.

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

using std::chrono::seconds;

class RaceTest : public WorkshopFixture {
 protected:
  std::vector<AgendaItem> Agenda() override {
    return {AgendaItem{.title = "Reto",
                       .activity = ActivityKind::kRace,
                       .race = {seconds(120), seconds(180), seconds(30),
                                "Una persona a la vez"}}};
  }

  void SetUp() override {
    WorkshopFixture::SetUp();
    for (const char* name : {"Ana", "Beto", "Carla", "Diego"}) Join(name);
    Run(Actor::Facilitator(),
        cmd::SetupGroups{cmd::GroupMode::kRandom, 2, 0, false});
    Run(Actor::Facilitator(), cmd::DefineTeams{{{"A", {1}}, {"B", {2}}}});
    Run(Actor::Facilitator(), cmd::GotoAgendaItem{0});
  }

  // Someone in team `team` (groups 1 and 2 are teams A and B).
  ParticipantId MemberOf(TeamId team, int nth = 0) {
    for (const auto& [id, p] : state().participants) {
      if (state().groups.TeamOf(p.group) == team && nth-- == 0) return id;
    }
    return 0;
  }

  void OpenWindow() {
    Run(Actor::Facilitator(), cmd::StartRaceStrategy{});
    now += seconds(120);
    Run(Actor::Facilitator(), cmd::OpenRaceWindow{});
  }
};

TEST_F(RaceTest, EnteringTheItemSetsUpTheRaceOnce) {
  EXPECT_EQ(state().race.phase, RacePhase::kReady);
  EXPECT_EQ(state().race.config.rules, "Una persona a la vez");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRaceStrategy{}),
            "RaceStrategyStarted(ends 1120000)");
  // Going back and forth on the agenda keeps the race.
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{-1});
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{0}),
            "AgendaMoved(0)");
  EXPECT_EQ(state().race.phase, RacePhase::kStrategy);
}

TEST_F(RaceTest, RunsAreTimedOnArrivalAndTheFastestWins) {
  OpenWindow();
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{1}),
            "RunStarted(team 1, at 1120000)");
  now += seconds(40);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StopRun{1}),
            "RunStopped(team 1, 40000ms)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{2}),
            "RunStarted(team 2, at 1160000)");
  now += seconds(35);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StopRun{2}),
            "RunStopped(team 2, 35000ms)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{1}),
            "RunStarted(team 1, at 1195000)");
  now += seconds(50);
  Run(Actor::Facilitator(), cmd::StopRun{1});
  EXPECT_EQ(state().race.teams.at(1).best, seconds(40))
      << "the best run, not the last";
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::FinishRace{}),
            "RaceFinished(winner team 2)");
}

TEST_F(RaceTest, ADroppedBallVoidsTheRunAndCostsAPenalty) {
  OpenWindow();
  Run(Actor::Facilitator(), cmd::StartRun{1});
  now += seconds(12);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::VoidRun{1}),
            "RunVoided(team 1, penalty until 1162000)");
  EXPECT_EQ(state().race.teams.at(1).best, Millis{0})
      << "a void run is no time at all";
  now += seconds(29);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{1}),
            "rejected FailedPrecondition: the team is waiting out its penalty: "
            "1 s left");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{2}),
            "RunStarted(team 2, at 1161000)")
      << "the penalty is that team's only";
  now += seconds(1);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{1}),
            "RunStarted(team 1, at 1162000)");
}

TEST_F(RaceTest, OnlyRunsInsideTheWindowCount) {
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{1}),
            "rejected FailedPrecondition: the execution window is not open");
  OpenWindow();
  now += seconds(170);
  Run(Actor::Facilitator(), cmd::StartRun{1});
  now += seconds(20);  // ends 10 s after the window closed
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StopRun{1}),
            "RunStopped(team 1, 20000ms, not counted)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{1}),
            "rejected FailedPrecondition: the execution window is not open");
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "RaceFinished(winner team 0)");
}

TEST_F(RaceTest, TheWindowClosingFinishesTheRace) {
  OpenWindow();
  EXPECT_EQ(workshop.NextDeadline(), FromUnixMillis(1'300'000));
  now = FromUnixMillis(1'299'999);
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "no change");
  now = FromUnixMillis(1'300'000);
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "RaceFinished(winner team 0)");
  EXPECT_FALSE(workshop.NextDeadline().has_value());
}

TEST_F(RaceTest, CaptainsRunTheirOwnTeamsClockOnly) {
  OpenWindow();
  const ParticipantId captain = MemberOf(1);
  const ParticipantId teammate = MemberOf(1, 1);
  const ParticipantId rival = MemberOf(2);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::NameCaptain{1, rival}),
            "rejected FailedPrecondition: " +
                state().participants.at(rival).display_name +
                " is not in that team");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::NameCaptain{1, captain}),
            "CaptainNamed(team 1, " + std::to_string(captain) + ")");
  EXPECT_EQ(Run(Actor::Participant(captain), cmd::StartRun{0}),
            "RunStarted(team 1, at 1120000)");
  EXPECT_EQ(Run(Actor::Participant(teammate), cmd::StopRun{0}),
            "rejected PermissionDenied: only the team's captain or a "
            "facilitator can stop the clock");
  EXPECT_EQ(Run(Actor::Participant(captain), cmd::StartRun{2}),
            "rejected PermissionDenied: only the team's captain or a "
            "facilitator can start the clock");
  EXPECT_TRUE(state().race.teams.at(1).running) << "nothing changed";
  now += seconds(30);
  EXPECT_EQ(Run(Actor::Participant(captain), cmd::StopRun{0}),
            "RunStopped(team 1, 30000ms)");
}

TEST_F(RaceTest, BadRequestsSayWhyAndChangeNothing) {
  OpenWindow();
  const uint64_t before = workshop.offset();
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StopRun{1}),
            "rejected FailedPrecondition: the stopwatch is not running");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::VoidRun{1}),
            "rejected FailedPrecondition: the stopwatch is not running");
  Run(Actor::Facilitator(), cmd::StartRun{1});
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{1}),
            "rejected FailedPrecondition: the stopwatch is already running");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartRun{9}),
            "rejected NotFound: no team 9");
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::OpenRaceWindow{}),
      "rejected FailedPrecondition: the execution window has already opened");
  EXPECT_EQ(workshop.offset(), before + 1) << "only the one start was recorded";
}

}  // namespace
}  // namespace campana::domain
