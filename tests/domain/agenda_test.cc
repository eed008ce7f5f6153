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
