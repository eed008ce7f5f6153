// Action plans: a plan per group when the agenda reaches the item, concurrent
// edits of one field (the later writer is told and loses nothing) and of
// different fields (both kept), reordering, rows that outlive whoever wrote
// them, who may change which plan, the limits, and the editing markers.

#include "domain/activities/action_plan/action_plan.h"

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

constexpr int kItem = 1;

class ActionPlanTest : public WorkshopFixture {
 protected:
  // Item 0: a presentation. Item 1: the action plan.
  std::vector<AgendaItem> Agenda() override {
    return {
        AgendaItem{.title = "Bienvenida"},
        AgendaItem{
            .title = "Plan de acción",
            .activity = ActivityKind::kActionPlan,
            .action_plan = {.prompt = "¿Qué cambio quiere ver en su equipo / "
                                      "departamento / organización, y cómo "
                                      "lleva a los ODS 8, 9, 10 y 16?"}},
    };
  }
  // Ana, Beto and Carla (remote) in group 1; Diego in group 2; Elena in none.
  void SetUp() override {
    WorkshopFixture::SetUp();
    ana = Join("Ana");
    beto = Join("Beto");
    carla = Join("Carla", Presence::kRemote);
    diego = Join("Diego");
    elena = Join("Elena");
    Run(kFacilitator, cmd::SetupGroups{cmd::GroupMode::kManual, 2, 0, false});
    for (ParticipantId p : {ana, beto, carla})
      Run(kFacilitator, cmd::MoveParticipant{p, 1});
    Run(kFacilitator, cmd::MoveParticipant{diego, 2});
    EXPECT_EQ(Run(kFacilitator, cmd::GotoAgendaItem{kItem}),
              "AgendaMoved(1); ActionPlanSetUp(item 1)");
  }

  static Actor P(ParticipantId p) { return Actor::Participant(p); }
  const ActionPlan& Plan(GroupNumber g = 1) const {
    return *state().action_plan.Find(kItem, g);
  }
  // Adds a row at the end of group g's plan and returns its id.
  PlanRowId AddRow(const Actor& who, GroupNumber g = 1) {
    const PlanRowId id = state().action_plan.next_row_id;
    EXPECT_EQ(Run(who, cmd::AddPlanRow{kItem, g, 0}),
              "PlanRowAdded(1/" + std::to_string(g) + ", row " +
                  std::to_string(id) + ")");
    return id;
  }
  std::string Edit(const Actor& who, PlanRowId row, PlanField field,
                   const std::string& text, uint32_t base, GroupNumber g = 1) {
    return Run(who, cmd::EditPlanField{kItem, g, row, field, text, base});
  }
  const PlanText& Field(PlanRowId row, PlanField field,
                        GroupNumber g = 1) const {
    return Plan(g).FindRow(row)->at(field);
  }
  std::vector<PlanRowId> Order(GroupNumber g = 1) const {
    std::vector<PlanRowId> ids;
    for (const PlanRow& row : Plan(g).rows) ids.push_back(row.id);
    return ids;
  }
  Visibility Sees(GroupNumber g) const {
    return VisibilityOf(state(), {DocKind::kActionPlan, PlanDocId(kItem, g)});
  }
  bool TouchedPlan(GroupNumber g = 1) const {
    return last_touched.keys().contains(
        {DocKind::kActionPlan, PlanDocId(kItem, g)});
  }

  const Actor kFacilitator = Actor::Facilitator();
  ParticipantId ana = 0, beto = 0, carla = 0, diego = 0, elena = 0;
};

TEST_F(ActionPlanTest, TheAgendaGivesEveryGroupAPlanOnce) {
  EXPECT_EQ(Sees(1), (Visibility{Audience::Staff(), Audience::Group(1)}));
  EXPECT_EQ(Sees(2), (Visibility{Audience::Staff(), Audience::Group(2)}));
  EXPECT_TRUE(Sees(3).empty()) << "no group 3";
  EXPECT_TRUE(Sees(0).empty());
  std::vector<DocKey> docs;
  ActionPlanActivity::ForEachDoc(
      state(), [&](const DocKey& key) { docs.push_back(key); });
  EXPECT_EQ(docs,
            (std::vector<DocKey>{{DocKind::kActionPlan, PlanDocId(kItem, 1)},
                                 {DocKind::kActionPlan, PlanDocId(kItem, 2)}}));
  EXPECT_EQ(state().action_plan.items.at(kItem).prompt.rfind("¿Qué cambio", 0),
            0u);
  // Coming back keeps the plans as they are.
  AddRow(P(ana));
  Run(kFacilitator, cmd::GotoAgendaItem{0});
  EXPECT_EQ(Run(kFacilitator, cmd::GotoAgendaItem{kItem}), "AgendaMoved(1)");
  EXPECT_EQ(Plan().rows.size(), 1u);
  // A group made later has its plan; group 1's written plan stays when the
  // groups are made again with fewer, for the staff and whoever is in group 1.
  Run(kFacilitator, cmd::SetupGroups{cmd::GroupMode::kManual, 3, 0, false});
  EXPECT_TRUE(TouchedPlan(3));
  EXPECT_EQ(Sees(3), (Visibility{Audience::Staff(), Audience::Group(3)}));
  EXPECT_EQ(
      Run(kFacilitator, cmd::SetPlanObjective{kItem, 3, "Menos papel", 0}),
      "PlanObjectiveSet(1/3 by 0, \"Menos papel\")");
  Run(kFacilitator, cmd::SetupGroups{cmd::GroupMode::kManual, 1, 0, false});
  EXPECT_TRUE(TouchedPlan(2)) << "group 2's empty plan went";
  EXPECT_TRUE(Sees(2).empty());
  EXPECT_FALSE(Sees(3).empty()) << "group 3's written plan stays";
  EXPECT_EQ(Plan(3).objective.text, "Menos papel");
}

TEST_F(ActionPlanTest, TwoPhonesOnOneFieldLoseNothing) {
  const PlanRowId row = AddRow(P(ana));
  // Both phones show version 0 of the row's steps; Ana's arrives first.
  EXPECT_EQ(
      Edit(P(ana), row, PlanField::kSteps, "Mapear los trámites", 0),
      "PlanFieldEdited(1/1, row 1 field 1 by 1, \"Mapear los trámites\")");
  EXPECT_EQ(Edit(P(beto), row, PlanField::kSteps, "Encuesta al personal", 0),
            "rejected Conflict: the field \"steps to take\" of row 1 changed "
            "since version 0 (it is at version 1): nothing was saved; the "
            "plan shows the current text");
  EXPECT_EQ(Field(row, PlanField::kSteps).text, "Mapear los trámites");
  EXPECT_EQ(Field(row, PlanField::kSteps).version, 1u);
  EXPECT_EQ(Field(row, PlanField::kSteps).by, ana);
  // Beto's phone has Ana's text now; he chooses to write both.
  EXPECT_EQ(Edit(P(beto), row, PlanField::kSteps,
                 "Mapear los trámites; encuesta al personal", 1),
            "PlanFieldEdited(1/1, row 1 field 1 by 2, \"Mapear los trámites; "
            "encuesta al personal\")");
  EXPECT_EQ(Field(row, PlanField::kSteps).version, 2u);
  EXPECT_EQ(Field(row, PlanField::kSteps).by, beto);
  // A third phone still on version 1 that writes what is there loses nothing.
  EXPECT_EQ(Edit(P(carla), row, PlanField::kSteps,
                 "  Mapear los trámites; encuesta al personal ", 1),
            "no change");
  // The same rule for the objective, and for a facilitator.
  EXPECT_EQ(
      Run(P(ana), cmd::SetPlanObjective{kItem, 1, "Trámites en línea", 0}),
      "PlanObjectiveSet(1/1 by 1, \"Trámites en línea\")");
  EXPECT_EQ(
      Run(kFacilitator, cmd::SetPlanObjective{kItem, 1, "Otro objetivo", 0}),
      "rejected Conflict: the objective changed since version 0 (it is at "
      "version 1): nothing was saved; the plan shows the current text");
  EXPECT_EQ(Plan().objective.text, "Trámites en línea");
  EXPECT_EQ(
      Run(kFacilitator, cmd::SetPlanObjective{kItem, 1, "Otro objetivo", 1}),
      "PlanObjectiveSet(1/1 by 0, \"Otro objetivo\")");
  EXPECT_EQ(Plan().objective.version, 2u);
  EXPECT_EQ(Plan().objective.by, 0u);
}

TEST_F(ActionPlanTest, EditsOfDifferentFieldsAreBothKept) {
  const PlanRowId first = AddRow(P(ana));
  const PlanRowId second = AddRow(P(beto));
  // Every edit is based on version 0: none of them touches another's field.
  EXPECT_NE(Edit(P(ana), first, PlanField::kSteps, "Capacitar", 0)
                .find("PlanFieldEdited"),
            std::string::npos);
  EXPECT_NE(Edit(P(beto), first, PlanField::kResponsible, "Recursos humanos", 0)
                .find("PlanFieldEdited"),
            std::string::npos);
  EXPECT_NE(Edit(P(carla), second, PlanField::kSteps, "Medir", 0)
                .find("PlanFieldEdited"),
            std::string::npos);
  EXPECT_NE(Edit(kFacilitator, first, PlanField::kDueDate, "2026-06-30", 0)
                .find("PlanFieldEdited"),
            std::string::npos);
  EXPECT_EQ(Field(first, PlanField::kSteps).text, "Capacitar");
  EXPECT_EQ(Field(first, PlanField::kResponsible).text, "Recursos humanos");
  EXPECT_EQ(Field(first, PlanField::kDueDate).text, "2026-06-30");
  EXPECT_EQ(Field(second, PlanField::kSteps).text, "Medir");
  EXPECT_EQ(Plan().FindRow(first)->version(), 3u);
  // An empty text clears a field: a change like any other.
  EXPECT_EQ(Edit(P(ana), first, PlanField::kDueDate, " ", 1),
            "PlanFieldEdited(1/1, row 1 field 5 by 1, \"\")");
  EXPECT_EQ(Field(first, PlanField::kDueDate).version, 2u);
}

TEST_F(ActionPlanTest, RowsAreAddedWhereAskedAndReordered) {
  const PlanRowId a = AddRow(P(ana));
  const PlanRowId b = AddRow(P(beto));
  const PlanRowId c = AddRow(P(carla));
  EXPECT_EQ(Run(P(ana), cmd::AddPlanRow{kItem, 1, a}),
            "PlanRowAdded(1/1, row 4 after 1)");
  const PlanRowId d = 4;
  EXPECT_EQ(Order(), (std::vector<PlanRowId>{a, d, b, c}));
  EXPECT_EQ(Run(P(beto), cmd::MovePlanRow{kItem, 1, c, 0}),
            "PlanRowMoved(1/1, row 3 to 0)");
  EXPECT_EQ(Order(), (std::vector<PlanRowId>{c, a, d, b}));
  EXPECT_EQ(Run(kFacilitator, cmd::MovePlanRow{kItem, 1, c, 3}),
            "PlanRowMoved(1/1, row 3 to 3)");
  EXPECT_EQ(Order(), (std::vector<PlanRowId>{a, d, b, c}));
  EXPECT_EQ(Run(P(ana), cmd::MovePlanRow{kItem, 1, a, 0}), "no change");
  EXPECT_EQ(Run(P(ana), cmd::MovePlanRow{kItem, 1, a, 4}),
            "rejected InvalidArgument: no place 4 in a plan of 4 rows");
  EXPECT_EQ(Run(P(ana), cmd::AddPlanRow{kItem, 1, 99}),
            "rejected NotFound: no row 99 in this plan (it may have been "
            "removed)");
  // Another group's row is not in this plan.
  const PlanRowId theirs = AddRow(P(diego), 2);
  EXPECT_EQ(Run(P(ana), cmd::MovePlanRow{kItem, 1, theirs, 0}),
            "rejected NotFound: no row 5 in this plan (it may have been "
            "removed)");
  // Moving keeps each row's texts with it.
  Edit(P(ana), b, PlanField::kEvidence, "Informe trimestral", 0);
  Run(P(ana), cmd::MovePlanRow{kItem, 1, b, 0});
  EXPECT_EQ(Plan().rows[0].at(PlanField::kEvidence).text, "Informe trimestral");
}

TEST_F(ActionPlanTest, RemovingARowSomeoneJustChangedIsRefused) {
  const PlanRowId row = AddRow(P(ana));
  Edit(P(ana), row, PlanField::kSteps, "Capacitar", 0);
  // Beto chose to remove it while it was still empty (version 0).
  EXPECT_EQ(Run(P(beto), cmd::RemovePlanRow{kItem, 1, row, 0}),
            "rejected Conflict: row 1 changed since version 0 (it is at "
            "version 1): it was not removed; the plan shows the current row");
  EXPECT_EQ(Run(P(beto), cmd::RemovePlanRow{kItem, 1, row, 1}),
            "PlanRowRemoved(1/1, row 1)");
  EXPECT_TRUE(Plan().rows.empty());
  // An edit that arrives for a removed row is refused, not dropped unseen.
  EXPECT_EQ(Edit(P(ana), row, PlanField::kResources, "Presupuesto", 0),
            "rejected NotFound: no row 1 in this plan (it may have been "
            "removed)");
}

TEST_F(ActionPlanTest, ARemovedParticipantsRowsStay) {
  const PlanRowId row = AddRow(P(ana));
  Edit(P(ana), row, PlanField::kSteps, "Digitalizar expedientes", 0);
  Run(P(ana), cmd::SetPlanObjective{kItem, 1, "Menos filas", 0});
  EXPECT_EQ(
      ActionPlanActivity::WriterName(state(), Field(row, PlanField::kSteps)),
      "Ana");
  Run(kFacilitator, cmd::RemoveParticipant{ana});
  EXPECT_TRUE(TouchedPlan()) << "the plan showed Ana's name";
  ASSERT_EQ(Plan().rows.size(), 1u);
  EXPECT_EQ(Field(row, PlanField::kSteps).text, "Digitalizar expedientes");
  EXPECT_EQ(Plan().objective.text, "Menos filas");
  EXPECT_EQ(
      ActionPlanActivity::WriterName(state(), Field(row, PlanField::kSteps)),
      "")
      << "no name of someone who left";
  // The group goes on with them.
  EXPECT_NE(Edit(P(beto), row, PlanField::kSteps,
                 "Digitalizar expedientes y archivos", 1)
                .find("PlanFieldEdited"),
            std::string::npos);
  // A rename reaches the plans that show the name.
  Run(P(beto), cmd::RenameParticipant{0, "Roberto"});
  EXPECT_TRUE(TouchedPlan());
  EXPECT_EQ(
      ActionPlanActivity::WriterName(state(), Field(row, PlanField::kSteps)),
      "Roberto");
}

TEST_F(ActionPlanTest, OnlyTheGroupAndTheFacilitatorsChangeAPlan) {
  const PlanRowId row = AddRow(P(ana));
  const std::string denied =
      "rejected PermissionDenied: group 1's plan is changed by its members "
      "and the facilitators only";
  EXPECT_EQ(Run(P(diego), cmd::AddPlanRow{kItem, 1, 0}), denied);
  EXPECT_EQ(Edit(P(diego), row, PlanField::kSteps, "Sabotaje", 0), denied);
  EXPECT_EQ(Run(P(diego), cmd::SetPlanObjective{kItem, 1, "Otro", 0}), denied);
  EXPECT_EQ(Run(P(diego), cmd::MovePlanRow{kItem, 1, row, 0}), denied);
  EXPECT_EQ(Run(P(diego), cmd::RemovePlanRow{kItem, 1, row, 0}), denied);
  EXPECT_EQ(
      Run(P(diego), cmd::MarkPlanEditing{kItem, 1, row, PlanField::kSteps}),
      denied);
  EXPECT_EQ(Run(P(elena), cmd::AddPlanRow{kItem, 1, 0}),
            "rejected PermissionDenied: you are in no group: a plan is "
            "changed by its group's members and the facilitators");
  // A remote member is a member; a facilitator may change every group's plan.
  EXPECT_NE(Edit(P(carla), row, PlanField::kSteps, "Desde casa", 0)
                .find("PlanFieldEdited"),
            std::string::npos);
  AddRow(kFacilitator, 1);
  AddRow(kFacilitator, 2);
  EXPECT_EQ(Run(kFacilitator, cmd::AddPlanRow{kItem, 3, 0}),
            "rejected NotFound: no group 3's plan at item 1");
  EXPECT_EQ(Run(kFacilitator, cmd::AddPlanRow{0, 1, 0}),
            "rejected NotFound: no action plan at agenda item 0");
  // Nobody outside the group but the staff sees it.
  EXPECT_EQ(Sees(1), (Visibility{Audience::Staff(), Audience::Group(1)}));
  // Diego moved into group 1 may now change it.
  Run(kFacilitator, cmd::MoveParticipant{diego, 1});
  EXPECT_NE(Run(P(diego), cmd::AddPlanRow{kItem, 1, 0}).find("PlanRowAdded"),
            std::string::npos);
}

TEST_F(ActionPlanTest, LimitsKeepAPlanSmall) {
  const PlanRowId row = AddRow(P(ana));
  // Texts: trimmed; up to 500 characters (not bytes); nothing invisible.
  EXPECT_EQ(Edit(P(ana), row, PlanField::kSteps, "  Capacitar \n", 0),
            "PlanFieldEdited(1/1, row 1 field 1 by 1, \"Capacitar\")");
  std::string longest;
  for (int i = 0; i < 500; ++i) longest += "ñ";
  EXPECT_NE(Edit(P(ana), row, PlanField::kResources, longest, 0)
                .find("PlanFieldEdited"),
            std::string::npos);
  EXPECT_EQ(Edit(P(ana), row, PlanField::kIndicators, longest + "a", 0),
            "rejected InvalidArgument: the field \"progress indicators\" is "
            "longer than 500 characters");
  EXPECT_EQ(Run(P(ana), cmd::SetPlanObjective{kItem, 1, longest + "a", 0}),
            "rejected InvalidArgument: the objective is longer than 500 "
            "characters");
  EXPECT_EQ(Edit(P(ana), row, PlanField::kEvidence, "a\u202eb", 0),
            "rejected InvalidArgument: the field \"evidence of success\" "
            "contains a text-direction control character");
  EXPECT_EQ(Edit(P(ana), row, PlanField::kEvidence, "\u200b", 0),
            "rejected InvalidArgument: the field \"evidence of success\" has "
            "no visible characters");
  // The completion date is a real date.
  const std::string bad_date =
      "rejected InvalidArgument: the completion date must be a date written "
      "YYYY-MM-DD, from 2000 to 2099, such as 2026-03-31";
  for (const char* date : {"2026-02-30", "31/03/2026", "2026-3-31", "mañana",
                           "2026-13-01", "1999-12-31", "2026-04-31"})
    EXPECT_EQ(Edit(P(ana), row, PlanField::kDueDate, date, 0), bad_date)
        << date;
  EXPECT_EQ(Edit(P(ana), row, PlanField::kDueDate, " 2028-02-29 ", 0),
            "PlanFieldEdited(1/1, row 1 field 5 by 1, \"2028-02-29\")");
  EXPECT_EQ(Edit(P(ana), row, static_cast<PlanField>(7), "x", 0),
            "rejected InvalidArgument: no such column in a plan");
  EXPECT_EQ(Edit(P(ana), row, PlanField::kNone, "x", 0),
            "rejected InvalidArgument: no such column in a plan");
  // At most 30 rows.
  for (size_t i = Plan().rows.size(); i < kMaxPlanRows; ++i) AddRow(P(beto));
  EXPECT_EQ(Run(P(carla), cmd::AddPlanRow{kItem, 1, 0}),
            "rejected FailedPrecondition: a plan has at most 30 rows");
  // At most 40,000 bytes of text in all: ñ is two bytes.
  std::string last;
  for (const PlanRow& r : Plan().rows) {
    for (PlanField f :
         {PlanField::kSteps, PlanField::kResponsible, PlanField::kResources,
          PlanField::kIndicators, PlanField::kEvidence}) {
      last = Edit(P(beto), r.id, f, longest, r.at(f).version);
      if (last.rfind("rejected", 0) == 0) break;
    }
    if (last.rfind("rejected", 0) == 0) break;
  }
  EXPECT_EQ(last,
            "rejected FailedPrecondition: this plan is full: its texts take "
            "at most 40000 bytes in all");
  EXPECT_LE(Plan().TextBytes(), kMaxPlanTextBytes);
  // Shortening is always possible.
  EXPECT_NE(Edit(P(beto), row, PlanField::kResources, "Poco", 1)
                .find("PlanFieldEdited"),
            std::string::npos);
}

TEST_F(ActionPlanTest, EditingMarkersShowWhoEditsWhatUntilTheyStopOrExpire) {
  const PlanRowId row = AddRow(P(ana));
  EXPECT_EQ(Run(P(ana), cmd::MarkPlanEditing{kItem, 1, row, PlanField::kSteps}),
            "PlanEditingSet(1/1, 1 on row 1 field 1)");
  EXPECT_TRUE(TouchedPlan());
  EXPECT_EQ(
      Run(P(beto), cmd::MarkPlanEditing{kItem, 1, 0, PlanField::kObjective}),
      "PlanEditingSet(1/1, 2 on row 0 field 7)");
  EXPECT_EQ(Run(kFacilitator,
                cmd::MarkPlanEditing{kItem, 1, row, PlanField::kDueDate}),
            "PlanEditingSet(1/1, 0 on row 1 field 5)");
  EXPECT_EQ(
      ActionPlanActivity::Editors(state(), kItem, 1),
      (std::vector<PlanEditorView>{{0, "", row, PlanField::kDueDate},
                                   {ana, "Ana", row, PlanField::kSteps},
                                   {beto, "Beto", 0, PlanField::kObjective}}));
  EXPECT_EQ(
      Run(P(beto), cmd::MarkPlanEditing{kItem, 1, row, PlanField::kObjective}),
      "rejected InvalidArgument: the objective is named with row 0");
  EXPECT_EQ(Run(P(beto), cmd::MarkPlanEditing{kItem, 1, 42, PlanField::kSteps}),
            "rejected NotFound: no row 42 in this plan (it may have been "
            "removed)");
  // Sent again soon, a marker costs no record; later, it is renewed.
  now += std::chrono::seconds(10);
  EXPECT_EQ(Run(P(ana), cmd::MarkPlanEditing{kItem, 1, row, PlanField::kSteps}),
            "no change");
  // Stopping removes it; stopping again is nothing.
  EXPECT_EQ(Run(P(beto), cmd::MarkPlanEditing{kItem, 1, 0, PlanField::kNone}),
            "PlanEditingSet(1/1, 2 stopped)");
  EXPECT_EQ(Run(P(beto), cmd::MarkPlanEditing{kItem, 1, 0, PlanField::kNone}),
            "no change");
  // Saving the field being edited keeps the marker alive.
  now += std::chrono::seconds(50);
  Edit(P(ana), row, PlanField::kSteps, "Capacitar", 0);
  EXPECT_EQ(ToUnixMillis(Plan().editing.at(ana).since), ToUnixMillis(now));
  // Someone moved out of the group is not shown editing it.
  Run(kFacilitator, cmd::MoveParticipant{ana, 2});
  EXPECT_TRUE(TouchedPlan());
  EXPECT_EQ(ActionPlanActivity::Editors(state(), kItem, 1).size(), 1u);
  Run(kFacilitator, cmd::MoveParticipant{ana, 1});
  // The clock drops a marker not renewed within 90 s: the facilitator's
  // first, then Ana's.
  const Time first = FromUnixMillis(1'000'000) + kEditingTtl;
  ASSERT_TRUE(workshop.NextDeadline().has_value());
  EXPECT_EQ(ToUnixMillis(*workshop.NextDeadline()), ToUnixMillis(first));
  now = first;
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}),
            "PlanEditingSet(1/1, 0 stopped)");
  EXPECT_TRUE(TouchedPlan());
  now += std::chrono::seconds(60);
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}),
            "PlanEditingSet(1/1, 1 stopped)");
  EXPECT_TRUE(ActionPlanActivity::Editors(state(), kItem, 1).empty());
  EXPECT_FALSE(workshop.NextDeadline().has_value());
  // Removing a row takes its markers with it.
  Run(P(beto), cmd::MarkPlanEditing{kItem, 1, row, PlanField::kEvidence});
  Run(P(beto), cmd::RemovePlanRow{kItem, 1, row, 1});
  EXPECT_TRUE(ActionPlanActivity::Editors(state(), kItem, 1).empty());
}

TEST_F(ActionPlanTest, TheProjectorShowsOneGroupsPlanOrTheSummary) {
  EXPECT_EQ(Run(kFacilitator, cmd::ShowPlan{kItem, 0}), "no change")
      << "the summary is what it shows already";
  EXPECT_EQ(Run(kFacilitator, cmd::ShowPlan{kItem, 2}), "PlanShown(1/2)");
  EXPECT_TRUE(TouchedPlan(2));
  EXPECT_EQ(state().action_plan.shown.at(kItem), 2u);
  EXPECT_EQ(Run(kFacilitator, cmd::ShowPlan{kItem, 1}), "PlanShown(1/1)");
  EXPECT_TRUE(TouchedPlan(1)) << "now shown";
  EXPECT_TRUE(TouchedPlan(2)) << "no longer shown";
  EXPECT_EQ(Run(kFacilitator, cmd::ShowPlan{kItem, 0}), "PlanShown(1/0)");
  EXPECT_TRUE(TouchedPlan(1));
  EXPECT_EQ(Run(kFacilitator, cmd::ShowPlan{kItem, 5}),
            "rejected NotFound: no group 5's plan at item 1");
  EXPECT_EQ(Run(kFacilitator, cmd::ShowPlan{0, 1}),
            "rejected NotFound: no action plan at agenda item 0");
  EXPECT_EQ(Run(P(ana), cmd::ShowPlan{kItem, 1})
                .rfind("rejected PermissionDenied", 0),
            0u);
  EXPECT_EQ(state().action_plan.shown.at(kItem), 0u) << "nothing changed";
}

TEST(PlanDateTest, OnlyRealDatesWrittenYearMonthDay) {
  EXPECT_TRUE(IsPlanDate("2026-03-31"));
  EXPECT_TRUE(IsPlanDate("2000-01-01"));
  EXPECT_TRUE(IsPlanDate("2099-12-31"));
  EXPECT_TRUE(IsPlanDate("2028-02-29"));
  EXPECT_TRUE(IsPlanDate("2000-02-29"));
  EXPECT_FALSE(IsPlanDate("2027-02-29"));
  EXPECT_FALSE(IsPlanDate("2100-01-01"));
  EXPECT_FALSE(IsPlanDate("2026-00-10"));
  EXPECT_FALSE(IsPlanDate("2026-06-00"));
  EXPECT_FALSE(IsPlanDate("2026-06-31"));
  EXPECT_FALSE(IsPlanDate("2026/06/30"));
  EXPECT_FALSE(IsPlanDate("2026-06-3"));
  EXPECT_FALSE(IsPlanDate("2026-06-301"));
  EXPECT_FALSE(IsPlanDate("２０２６-06-30"));
  EXPECT_FALSE(IsPlanDate(""));
}

TEST(ActionPlanSpecTest, ThePromptIsTrimmedAndBounded) {
  EXPECT_EQ(CheckActionPlanSpec({.prompt = "  ¿Qué cambio?  "}).value().prompt,
            "¿Qué cambio?");
  EXPECT_EQ(CheckActionPlanSpec({}).value().prompt, "");
  EXPECT_EQ(CheckActionPlanSpec({.prompt = std::string(501, 'a')})
                .rejection()
                .Describe(),
            "InvalidArgument: the objective's prompt is longer than 500 "
            "characters");
}

}  // namespace
}  // namespace campana::domain
