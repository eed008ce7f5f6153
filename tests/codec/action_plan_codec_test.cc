// Action plans through the codec: every event, command and the stored state
// survive the trip through protobuf; the plan's document carries what the
// later writer needs (the other text, its version, who wrote it) and who is
// editing; the export holds every group's plan; a template's plan item is
// read and checked with its place.

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <campana/v1/docs.pb.h>
#include <campana/v1/export.pb.h>
#include <campana/v1/wire.pb.h>

#include "codec/export_codec.h"
#include "codec/log_codec.h"
#include "codec/template_codec.h"
#include "codec/view_codec.h"
#include "codec/wire_codec.h"
#include "domain/docs.h"
#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::codec {
namespace {

using namespace domain;  // NOLINT

class ActionPlanCodecTest : public ::testing::Test {
 protected:
  // Ana and Beto (remote) in group 1, Carla in group 2; the agenda on the
  // sample's action plan item.
  void SetUp() override {
    Run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
    int n = 0;
    for (const char* name : {"Anacleta Zúñiga", "Beto", "Carla"}) {
      Run(Actor::Participant(0),
          cmd::Join{name, n == 1 ? Presence::kRemote : Presence::kInRoom,
                    "join-key-" + std::to_string(++n)});
    }
    Run(Actor::Facilitator(),
        cmd::SetupGroups{cmd::GroupMode::kManual, 2, 0, false});
    Run(Actor::Facilitator(), cmd::MoveParticipant{1, 1});
    Run(Actor::Facilitator(), cmd::MoveParticipant{2, 1});
    Run(Actor::Facilitator(), cmd::MoveParticipant{3, 2});
    const auto& agenda = workshop.state().agenda;
    for (size_t i = 0; i < agenda.size(); ++i)
      if (agenda[i].activity == ActivityKind::kActionPlan)
        item = static_cast<int>(i);
    ASSERT_GE(item, 0);
    Run(Actor::Facilitator(), cmd::GotoAgendaItem{item});
  }
  // Applies `command` through the log's encoding, as a restart would read it.
  void Run(const Actor& actor, const Command& command) {
    auto decision = workshop.Decide(actor, command, now, rng);
    ASSERT_TRUE(decision.ok()) << decision.rejection().Describe();
    if (decision.value().events.empty()) return;
    const LogRecord record{workshop.offset() + 1, now, actor, 0,
                           decision.value().events};
    auto decoded = DecodeRecord(EncodeRecord(record));
    ASSERT_TRUE(decoded.ok()) << decoded.rejection().Describe();
    ASSERT_EQ(decoded.value(), record);
    Touched touched;
    workshop.Apply(decoded.value(), touched);
  }
  Result<Decision> Try(const Actor& actor, const Command& command) {
    return workshop.Decide(actor, command, now, rng);
  }
  v1::ActionPlan Doc(GroupNumber group) {
    v1::Doc doc;
    EXPECT_TRUE(doc.ParseFromString(EncodeDoc(
        workshop.state(), {DocKind::kActionPlan, PlanDocId(item, group)})));
    return doc.action_plan();
  }
  v1::WorkshopExport Export() {
    v1::WorkshopExport out;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(
                    ExportJson(workshop.state(), now), &out)
                    .ok());
    return out;
  }

  static constexpr ParticipantId kAna = 1, kBeto = 2, kCarla = 3;
  Workshop workshop;
  SplitMix64 rng{1};
  Time now = FromUnixMillis(1'700'000'000'000);
  int item = -1;
};

TEST_F(ActionPlanCodecTest, TheLaterWriterFindsTheOtherTextInThePlan) {
  Run(Actor::Participant(kAna),
      cmd::SetPlanObjective{item, 1, "Trámites sin filas", 0});
  Run(Actor::Participant(kBeto), cmd::AddPlanRow{item, 1, 0});
  Run(Actor::Participant(kAna), cmd::AddPlanRow{item, 1, 0});
  Run(Actor::Participant(kAna), cmd::MovePlanRow{item, 1, 2, 0});
  Run(Actor::Participant(kAna),
      cmd::EditPlanField{item, 1, 1, PlanField::kSteps, "Digitalizar", 0});
  Run(Actor::Facilitator(),
      cmd::EditPlanField{item, 1, 1, PlanField::kDueDate, "2026-12-15", 0});
  // Beto, on version 0 too, is refused with the conflict code...
  auto late =
      Try(Actor::Participant(kBeto),
          cmd::EditPlanField{item, 1, 1, PlanField::kSteps, "Capacitar", 0});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.rejection().code, RejectionCode::kConflict);
  v1::ServerMessage reply;
  ASSERT_TRUE(reply.ParseFromString(EncodeRejection(5, 9, late.rejection())));
  EXPECT_EQ(reply.rejection().code(), v1::REJECTION_CODE_CONFLICT);
  // ... and his phone's copy of the plan has Ana's text, its version and her
  // name: enough to choose.
  Run(Actor::Participant(kBeto),
      cmd::MarkPlanEditing{item, 1, 1, PlanField::kSteps});
  Run(Actor::Facilitator(),
      cmd::MarkPlanEditing{item, 1, 0, PlanField::kObjective});
  const v1::ActionPlan plan = Doc(1);
  EXPECT_EQ(plan.item(), item);
  EXPECT_EQ(plan.group(), 1u);
  EXPECT_EQ(plan.prompt(),
            "¿Qué cambio quiere ver en su equipo, y cómo lleva a los ODS?");
  EXPECT_EQ(plan.objective().text(), "Trámites sin filas");
  EXPECT_EQ(plan.objective().version(), 1u);
  EXPECT_EQ(plan.objective().by_name(), "Anacleta Zúñiga");
  ASSERT_EQ(plan.rows_size(), 2);
  EXPECT_EQ(plan.rows(0).id(), 2u) << "moved to the top";
  EXPECT_EQ(plan.rows(1).id(), 1u);
  const v1::ActionPlan::Row& row = plan.rows(1);
  EXPECT_EQ(row.version(), 2u);
  EXPECT_EQ(row.steps().text(), "Digitalizar");
  EXPECT_EQ(row.steps().version(), 1u);
  EXPECT_EQ(row.steps().by_name(), "Anacleta Zúñiga");
  EXPECT_FALSE(row.steps().by_facilitator());
  EXPECT_EQ(row.due_date().text(), "2026-12-15");
  EXPECT_TRUE(row.due_date().by_facilitator());
  EXPECT_EQ(row.due_date().by_name(), "");
  EXPECT_EQ(row.responsible().version(), 0u);
  EXPECT_FALSE(row.responsible().by_facilitator()) << "never written";
  ASSERT_EQ(plan.editing_size(), 2);
  EXPECT_EQ(plan.editing(0).participant_id(), 0u);
  EXPECT_EQ(plan.editing(0).field(), v1::ACTION_PLAN_FIELD_OBJECTIVE);
  EXPECT_EQ(plan.editing(1).participant_id(), kBeto);
  EXPECT_EQ(plan.editing(1).name(), "Beto");
  EXPECT_EQ(plan.editing(1).row_id(), 1u);
  EXPECT_EQ(plan.editing(1).field(), v1::ACTION_PLAN_FIELD_STEPS);
  // Group 2's plan, never written to, is its prompt alone.
  const v1::ActionPlan empty = Doc(2);
  EXPECT_EQ(empty.group(), 2u);
  EXPECT_EQ(empty.rows_size(), 0);
  EXPECT_EQ(empty.objective().version(), 0u);
}

TEST_F(ActionPlanCodecTest, TheStateSurvivesASnapshot) {
  Run(Actor::Participant(kAna), cmd::SetPlanObjective{item, 1, "Objetivo", 0});
  Run(Actor::Participant(kCarla), cmd::AddPlanRow{item, 2, 0});
  Run(Actor::Participant(kCarla), cmd::AddPlanRow{item, 2, 0});
  Run(Actor::Participant(kCarla),
      cmd::EditPlanField{item, 2, 2, PlanField::kEvidence, "Informe \"final\"",
                         0});
  Run(Actor::Participant(kCarla), cmd::RemovePlanRow{item, 2, 1, 0});
  Run(Actor::Participant(kCarla),
      cmd::MarkPlanEditing{item, 2, 2, PlanField::kResources});
  auto state = DecodeState(EncodeState(workshop.state()));
  ASSERT_TRUE(state.ok()) << state.rejection().Describe();
  EXPECT_EQ(state.value().action_plan, workshop.state().action_plan);
  EXPECT_EQ(state.value().agenda, workshop.state().agenda)
      << "the item's spec, in the agenda";
  EXPECT_EQ(Workshop(state.value()).Describe(), workshop.Describe());
}

// The projector's choice is in the plan's document and in the snapshot; the
// export says how the agenda ran, the current item's time counted up to now.
TEST_F(ActionPlanCodecTest, TheShownPlanAndTheAgendaAsItRan) {
  const Time started = now;
  now += std::chrono::minutes(5);
  Run(Actor::Facilitator(), cmd::ShowPlan{item, 2});
  EXPECT_TRUE(Doc(2).shown());
  EXPECT_FALSE(Doc(1).shown());
  auto state = DecodeState(EncodeState(workshop.state()));
  ASSERT_TRUE(state.ok()) << state.rejection().Describe();
  EXPECT_EQ(state.value().action_plan.shown,
            workshop.state().action_plan.shown);
  EXPECT_EQ(state.value().agenda_runs, workshop.state().agenda_runs);
  EXPECT_EQ(state.value().agenda_since, workshop.state().agenda_since);
  now += std::chrono::minutes(3);
  const v1::WorkshopExport exported = Export();
  ASSERT_EQ(exported.agenda_runs_size(), 1);
  EXPECT_EQ(exported.agenda_runs(0).index(), item);
  EXPECT_EQ(exported.agenda_runs(0).first_started_ms(), ToUnixMillis(started));
  EXPECT_EQ(exported.agenda_runs(0).spent_ms(), 8 * 60'000);
}

TEST_F(ActionPlanCodecTest, AFieldOutsideTheEnumIsRefusedNotWrapped) {
  v1::ClientMessage m;
  m.set_request_id(1);
  v1::EditPlanField* edit = m.mutable_command()->mutable_edit_plan_field();
  edit->set_item(item);
  edit->set_group(1);
  edit->set_row_id(1);
  edit->set_field(static_cast<v1::ActionPlanField>(263));  // 7 as one byte
  edit->set_text("x");
  Inbound in = DecodeClientMessage(m.SerializeAsString(), Format::kBinary);
  ASSERT_TRUE(std::holds_alternative<Rejection>(in.body));
  EXPECT_EQ(std::get<Rejection>(in.body).Describe(),
            "InvalidArgument: no such field in a plan");
  edit->set_field(v1::ACTION_PLAN_FIELD_DUE_DATE);
  edit->set_base_version(3);
  in = DecodeClientMessage(m.SerializeAsString(), Format::kBinary);
  ASSERT_TRUE(std::holds_alternative<Command>(in.body));
  const auto& decoded =
      std::get<cmd::EditPlanField>(std::get<Command>(in.body));
  EXPECT_EQ(decoded.field, PlanField::kDueDate);
  EXPECT_EQ(decoded.base_version, 3u);
  EXPECT_EQ(decoded.text, "x");
}

TEST_F(ActionPlanCodecTest, TheExportCarriesEveryGroupsPlan) {
  Run(Actor::Participant(kAna),
      cmd::SetPlanObjective{item, 1, "Más confianza", 0});
  Run(Actor::Participant(kAna), cmd::AddPlanRow{item, 1, 0});
  Run(Actor::Participant(kAna),
      cmd::EditPlanField{item, 1, 1, PlanField::kResponsible,
                         "Dirección de \"Recursos\" Humanos", 0});
  Run(Actor::Participant(kAna),
      cmd::MarkPlanEditing{item, 1, 1, PlanField::kResponsible});
  const v1::WorkshopExport exported = Export();
  ASSERT_EQ(exported.action_plans_size(), 2);
  const v1::ActionPlan& first = exported.action_plans(0);
  EXPECT_EQ(first.group(), 1u);
  EXPECT_EQ(first.objective().text(), "Más confianza");
  ASSERT_EQ(first.rows_size(), 1);
  EXPECT_EQ(first.rows(0).responsible().text(),
            "Dirección de \"Recursos\" Humanos");
  EXPECT_EQ(first.rows(0).responsible().by_name(), "Anacleta Zúñiga");
  EXPECT_EQ(first.editing_size(), 0) << "a moment's state, not the plan's";
  EXPECT_EQ(exported.action_plans(1).group(), 2u);
  EXPECT_EQ(exported.action_plans(1).rows_size(), 0);
  // The agenda names the item's kind.
  EXPECT_EQ(exported.agenda().items(item).activity(),
            v1::Agenda::ACTIVITY_ACTION_PLAN);
}

TEST(ActionPlanTemplateTest, AnItemIsReadAndCheckedWithItsPlace) {
  auto plan = ParseTemplateJson(R"({"title": "T", "items": [
      {"title": "Bienvenida"},
      {"title": "Plan", "durationSeconds": 1200,
       "actionPlan": {"prompt": "  ¿Qué cambio quiere ver?  "}},
      {"title": "Sin pregunta", "actionPlan": {}}]})");
  ASSERT_TRUE(plan.ok()) << plan.rejection().message;
  const AgendaItem& item = plan.value().agenda[1];
  EXPECT_EQ(item.activity, ActivityKind::kActionPlan);
  EXPECT_EQ(item.duration, std::chrono::minutes(20));
  EXPECT_EQ(item.action_plan.prompt, "¿Qué cambio quiere ver?");
  EXPECT_EQ(plan.value().agenda[2].activity, ActivityKind::kActionPlan);
  EXPECT_EQ(plan.value().agenda[2].action_plan.prompt, "");
  plan = ParseTemplateJson(R"({"title": "T", "items": [
      {"title": "Plan", "actionPlan": {"prompt": "a\u202eb"}}]})");
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.rejection().message,
            "the template has a problem:\n  items[0].action_plan: the "
            "objective's prompt contains a text-direction control character");
}

}  // namespace
}  // namespace campana::codec
