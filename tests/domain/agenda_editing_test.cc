// Editing the run of show while it runs (agenda_editing.cc): titles and
// lengths anywhere; moving, removing and adding only past every item reached.

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

using std::chrono::minutes;

class AgendaEditingTest : public WorkshopFixture {
 protected:
  std::vector<AgendaItem> Agenda() override {
    return {
        AgendaItem{.title = "Bienvenida", .duration = minutes(5), .day = 1},
        AgendaItem{.title = "Reflexión",
                   .activity = ActivityKind::kQuestion,
                   .prompt = "¿Qué aprendiste?",
                   .day = 1},
        AgendaItem{.title = "Cierre del día", .day = 1},
        AgendaItem{.title = "Repaso", .day = 2},
        AgendaItem{.title = "Plan", .day = 2},
    };
  }

  // The agenda as "title/day" items, for comparing at a glance.
  std::string Titles() const {
    std::string out;
    for (const AgendaItem& item : state().agenda) {
      if (!out.empty()) out += " | ";
      out += item.title + "/" + std::to_string(item.day);
    }
    return out;
  }

  const Actor facilitator = Actor::Facilitator();
};

TEST_F(AgendaEditingTest, TitlesAndLengthsChangeAnywhere) {
  Run(facilitator, cmd::GotoAgendaItem{1});
  EXPECT_EQ(Run(facilitator,
                cmd::EditAgendaItem{0, "  Bienvenida y encuadre ", minutes(8)}),
            "AgendaItemEdited(0, \"Bienvenida y encuadre\", 480000ms)");
  EXPECT_EQ(state().agenda[0].duration, minutes(8));
  // The same again changes nothing; the item keeps its activity.
  EXPECT_EQ(Run(facilitator,
                cmd::EditAgendaItem{0, "Bienvenida y encuadre", minutes(8)}),
            "no change");
  EXPECT_EQ(Run(facilitator, cmd::EditAgendaItem{1, "¿Y ahora?", minutes(3)}),
            "AgendaItemEdited(1, \"¿Y ahora?\", 180000ms)");
  EXPECT_EQ(state().agenda[1].activity, ActivityKind::kQuestion);
  EXPECT_EQ(state().agenda[1].prompt, "¿Qué aprendiste?");
}

TEST_F(AgendaEditingTest, BadEditsAreRefusedAndChangeNothing) {
  const std::string before = Titles();
  EXPECT_EQ(Run(facilitator, cmd::EditAgendaItem{5, "Otro", minutes(1)}),
            "rejected NotFound: no agenda item 5");
  EXPECT_EQ(Run(facilitator, cmd::EditAgendaItem{-1, "Otro", minutes(1)}),
            "rejected NotFound: no agenda item -1");
  EXPECT_EQ(Run(facilitator, cmd::EditAgendaItem{0, " ", minutes(1)}),
            "rejected InvalidArgument: the title is empty");
  EXPECT_EQ(
      Run(facilitator, cmd::EditAgendaItem{0, "Otro", std::chrono::hours(25)}),
      "rejected InvalidArgument: the length should be whole seconds, 0 to 24 "
      "hours");
  EXPECT_EQ(Run(facilitator, cmd::EditAgendaItem{0, "Otro", Millis(1500)}),
            "rejected InvalidArgument: the length should be whole seconds, 0 "
            "to 24 hours");
  EXPECT_EQ(Run(facilitator, cmd::AddAgendaItem{6, "Pausa", minutes(1)}),
            "rejected NotFound: no place 6 in the agenda");
  EXPECT_EQ(Run(facilitator, cmd::MoveAgendaItem{0, 5}),
            "rejected NotFound: no agenda item 5");
  EXPECT_EQ(Run(Actor::Participant(1), cmd::RemoveAgendaItem{4}),
            "rejected PermissionDenied: RemoveAgendaItem is for facilitators");
  EXPECT_EQ(Titles(), before);
}

TEST_F(AgendaEditingTest, WhatTheAgendaReachedKeepsItsPlace) {
  Run(facilitator, cmd::GotoAgendaItem{2});
  // Back to the first item: the third was reached, so it stays put all the
  // same, and so does everything before it.
  Run(facilitator, cmd::GotoAgendaItem{0});
  EXPECT_EQ(Run(facilitator, cmd::RemoveAgendaItem{2}),
            "rejected FailedPrecondition: agenda item 2 has been reached: it "
            "keeps its place and its activity");
  EXPECT_EQ(Run(facilitator, cmd::RemoveAgendaItem{1}),
            "rejected FailedPrecondition: agenda item 1 has been reached: it "
            "keeps its place and its activity");
  EXPECT_EQ(Run(facilitator, cmd::MoveAgendaItem{4, 2}),
            "rejected FailedPrecondition: agenda item 2 has been reached: it "
            "keeps its place and its activity");
  EXPECT_EQ(Run(facilitator, cmd::AddAgendaItem{1, "Pausa", minutes(10)}),
            "rejected FailedPrecondition: agenda item 1 has been reached: it "
            "keeps its place and its activity");
  // Past it, anything goes.
  EXPECT_EQ(Run(facilitator, cmd::AddAgendaItem{3, "Pausa", minutes(10)}),
            "AgendaItemAdded(3, \"Pausa\", 600000ms, day 2)");
  EXPECT_EQ(Run(facilitator, cmd::RemoveAgendaItem{5}), "AgendaItemRemoved(5)");
  EXPECT_EQ(Titles(),
            "Bienvenida/1 | Reflexión/1 | Cierre del día/1 | Pausa/2 | "
            "Repaso/2");
}

// An answered question counts as reached even if the runs were not kept (a
// log from before they were).
TEST_F(AgendaEditingTest, AnAnsweredItemCountsAsReached) {
  const ParticipantId ana = Join("Ana");
  Run(facilitator, cmd::GotoAgendaItem{1});
  Run(Actor::Participant(ana), cmd::SubmitAnswer{1, "mucho"});
  Run(facilitator, cmd::GotoAgendaItem{-1});
  EXPECT_EQ(Run(facilitator, cmd::MoveAgendaItem{1, 4}),
            "rejected FailedPrecondition: agenda item 1 has been reached: it "
            "keeps its place and its activity");
}

TEST_F(AgendaEditingTest, AMovedItemKeepsItsDayWhereItCan) {
  // Day 2's "Plan" moved between two items of day 1 comes to day 1.
  EXPECT_EQ(Run(facilitator, cmd::MoveAgendaItem{4, 1}),
            "AgendaItemMoved(4 to 1, day 1)");
  // Moved up to the top of day 2, day 1's "Cierre del día" (now at 3) stays
  // on day 1: its new neighbours are on days 1 and 2.
  EXPECT_EQ(Run(facilitator, cmd::MoveAgendaItem{3, 2}),
            "AgendaItemMoved(3 to 2, day 1)");
  // Down past "Repaso", it comes to day 2.
  EXPECT_EQ(Run(facilitator, cmd::MoveAgendaItem{2, 4}),
            "AgendaItemMoved(2 to 4, day 2)");
  EXPECT_EQ(Titles(),
            "Bienvenida/1 | Plan/1 | Reflexión/1 | Repaso/2 | Cierre del "
            "día/2");
  EXPECT_EQ(Run(facilitator, cmd::MoveAgendaItem{4, 4}), "no change");
}

TEST_F(AgendaEditingTest, AnAddedItemTakesTheDayOfTheItemAfterIt) {
  EXPECT_EQ(Run(facilitator, cmd::AddAgendaItem{5, "Despedida", minutes(5)}),
            "AgendaItemAdded(5, \"Despedida\", 300000ms, day 2)");
  EXPECT_EQ(Run(facilitator, cmd::AddAgendaItem{0, "Café", minutes(20)}),
            "AgendaItemAdded(0, \"Café\", 1200000ms, day 1)");
  EXPECT_EQ(state().agenda[0].activity, ActivityKind::kPresentation);
  // The agenda then runs onto it like any other item.
  EXPECT_EQ(Run(facilitator, cmd::GotoAgendaItem{0}), "AgendaMoved(0)");
}

}  // namespace
}  // namespace campana::domain
