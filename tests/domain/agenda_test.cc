#include "workshop_fixture.h"

namespace campana::domain {
namespace {

class AgendaTest : public WorkshopFixture {
 protected:
  std::vector<AgendaItem> Agenda() override {
    return {
        AgendaItem{.title = "Bienvenida", .duration = std::chrono::minutes(5)},
        AgendaItem{
            .title = "Reto",
            .duration = std::chrono::minutes(10),
            .timers = {{"Estrategia", std::chrono::minutes(2), Scope::Room()},
                       {"Ejecución", std::chrono::minutes(3), Scope::Room()}}},
        AgendaItem{.title = "Reflexión",
                   .activity = ActivityKind::kQuestion,
                   .prompt = "¿Qué aprendiste?"},
    };
  }
};

TEST_F(AgendaTest, MovingToAnItemSetsUpItsTimers) {
  EXPECT_EQ(state().agenda_current, -1);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{0}),
            "AgendaMoved(0)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{1}),
            "AgendaMoved(1); TimerCreated(1, \"Estrategia\", room, 120000ms); "
            "TimerCreated(2, \"Ejecución\", room, 180000ms)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{1}), "no change");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{3}),
            "rejected NotFound: no agenda item 3");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{-1}),
            "AgendaMoved(-1)");
}

// Back and forth over an item does not pile up copies of its timers; a timer
// of the item that was deleted comes back, ready again.
TEST_F(AgendaTest, ComingBackToAnItemDoesNotCopyItsTimers) {
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{1});
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{2}),
            "AgendaMoved(2)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{1}),
            "AgendaMoved(1)");
  EXPECT_EQ(state().timers.size(), 2u);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::DeleteTimer{2}), "TimerDeleted(2)");
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{0});
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::GotoAgendaItem{1}),
            "AgendaMoved(1); TimerCreated(3, \"Ejecución\", room, 180000ms)");
  EXPECT_EQ(state().timers.size(), 2u);
}

// The report's agenda as it ran: when each item first started and how long it
// was on in all, a return to an item adding up.
TEST_F(AgendaTest, TheAgendaRemembersHowItRan) {
  using std::chrono::minutes;
  const Time start = now;
  const auto facilitator = Actor::Facilitator();
  Run(facilitator, cmd::GotoAgendaItem{0});
  now += minutes(7);
  Run(facilitator, cmd::GotoAgendaItem{1});
  now += minutes(12);
  Run(facilitator, cmd::GotoAgendaItem{0});  // a look back
  now += minutes(1);
  Run(facilitator, cmd::GotoAgendaItem{1});
  now += minutes(3);
  Run(facilitator, cmd::GotoAgendaItem{2});
  EXPECT_EQ(state().agenda_runs, (std::map<int, AgendaRun>{
                                     {0, {start, minutes(8)}},
                                     {1, {start + minutes(7), minutes(15)}},
                                     {2, {start + minutes(23), minutes(0)}},
                                 }));
  EXPECT_EQ(state().agenda_since, start + minutes(23));
  // Ending the agenda closes the last item's time.
  now += minutes(4);
  Run(facilitator, cmd::GotoAgendaItem{-1});
  EXPECT_EQ(state().agenda_runs.at(2).spent, minutes(4));
  // A record from before the time was kept moves the agenda and nothing else.
  Run(facilitator, cmd::GotoAgendaItem{0});
  Touched touched;
  const auto before = state().agenda_runs;
  workshop.Apply(LogRecord{workshop.offset() + 1,
                           now,
                           facilitator,
                           0,
                           {ev::AgendaMoved{1, Time{}}}},
                 touched);
  EXPECT_EQ(state().agenda_current, 1);
  EXPECT_EQ(state().agenda_runs, before);
}

TEST_F(AgendaTest, TheFacilitatorChoosesTheProjectorsScene) {
  EXPECT_EQ(state().scene, Scene::kAuto);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ShowScene{Scene::kGroups}),
            "SceneShown(2)");
  EXPECT_EQ(state().scene, Scene::kGroups);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ShowScene{Scene::kGroups}),
            "no change");
  EXPECT_EQ(
      Run(Actor::Facilitator(),
          cmd::ShowScene{static_cast<Scene>(static_cast<int>(kLastScene) + 1)}),
      "rejected InvalidArgument: no such scene");
  // Moving on in the agenda keeps the choice until a facilitator changes it.
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{0});
  EXPECT_EQ(state().scene, Scene::kGroups);
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ShowScene{Scene::kAuto}),
            "SceneShown(0)");
  // Every device has the agenda document, which carries the scene.
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kAgenda, 0}),
            (Visibility{Audience::Everyone()}));
}

TEST_F(AgendaTest, AnswersToOpenQuestions) {
  const ParticipantId ana = Join("Ana");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::SubmitAnswer{2, "Escuchar"}),
            "rejected FailedPrecondition: this question is not open yet");
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{2});
  EXPECT_EQ(
      Run(Actor::Participant(ana), cmd::SubmitAnswer{2, " Escuchar más "}),
      "AnswerSubmitted(1, by 1, item 2, \"Escuchar más\")");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::SubmitAnswer{1, "x"}),
            "rejected NotFound: agenda item 1 asks no question");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::SubmitAnswer{2, "  "}),
            "rejected InvalidArgument: the answer is empty");
  // Private until shown: the author and facilitators only.
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kAnswer, 1}),
            (Visibility{Audience::Facilitators(), Audience::Participant(ana)}));
  EXPECT_TRUE(VisibilityOf(state(), {DocKind::kShownAnswer, 1}).empty());
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::ShowAnswers{2, true, false}),
            "AnswersShown(item 2, shown)");
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kShownAnswer, 1}),
            (Visibility{Audience::Staff()}));
}

}  // namespace
}  // namespace campana::domain

namespace campana::domain {
namespace {

class DaysTest : public WorkshopFixture {
 protected:
  std::vector<AgendaItem> Agenda() override {
    return {AgendaItem{.title = "Bienvenida"},        // day 1 (0: the first)
            AgendaItem{.title = "Reto"},              // day 1 (0: as before)
            AgendaItem{.title = "Repaso", .day = 2},  // day 2
            AgendaItem{.title = "Plan de acción"}};   // day 2
  }
};

TEST_F(DaysTest, ItemsTakeThePreviousDayAndDaysOnlyGoForward) {
  std::vector<uint32_t> days;
  for (const AgendaItem& item : state().agenda) days.push_back(item.day);
  EXPECT_EQ(days, (std::vector<uint32_t>{1, 1, 2, 2}));

  Workshop other;
  SplitMix64 seeded(7);
  auto refused =
      other.Decide(Actor::System(),
                   cmd::CreateWorkshop{"XYZ234",
                                       "T",
                                       "es",
                                       {AgendaItem{.title = "a", .day = 2},
                                        AgendaItem{.title = "b", .day = 1}}},
                   now, seeded);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.rejection().Describe(),
            "InvalidArgument: agenda item 1: days go forward, from 1 to 14");
  EXPECT_FALSE(
      other
          .Decide(
              Actor::System(),
              cmd::CreateWorkshop{
                  "XYZ234", "T", "es", {AgendaItem{.title = "a", .day = 15}}},
              now, seeded)
          .ok());
}

// Present on a day: connected at some moment while one of its items was
// current. Before the agenda starts nobody is counted.
TEST_F(DaysTest, AttendanceIsPerDay) {
  const ParticipantId ana = Join("Ana");
  const ParticipantId beto = Join("Beto");
  const ParticipantId carla = Join("Carla");
  Run(Actor::System(), cmd::SetConnected{ana, true});
  Run(Actor::System(), cmd::SetConnected{beto, true});
  EXPECT_EQ(state().participants.at(ana).days_present, 0u);

  Run(Actor::Facilitator(), cmd::GotoAgendaItem{0});
  EXPECT_TRUE(last_touched.keys().contains({DocKind::kParticipant, ana}));
  Run(Actor::System(), cmd::SetConnected{beto, false});
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{1});
  // Day 2: Beto is back, Ana is not; Carla comes for the first time.
  Run(Actor::System(), cmd::SetConnected{ana, false});
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{2});
  Run(Actor::System(), cmd::SetConnected{beto, true});
  Run(Actor::System(), cmd::SetConnected{carla, true});
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{3});

  EXPECT_EQ(state().participants.at(ana).days_present, 0b01u);
  EXPECT_EQ(state().participants.at(beto).days_present, 0b11u);
  EXPECT_EQ(state().participants.at(carla).days_present, 0b10u);
}

}  // namespace
}  // namespace campana::domain
