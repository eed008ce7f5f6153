// The action plan activity's part of the codec
// (domain/activities/action_plan/).

#include <algorithm>

#include "codec/activities/registry.h"
#include "codec/convert.h"
#include "domain/activities/action_plan/action_plan.h"

namespace campana::codec {

using domain::Overloaded;
using internal::At;
using internal::Ms;
namespace cmd = domain::cmd;
namespace ev = domain::ev;
namespace pb = internal::pb;

namespace internal {

void ToProto(const domain::ActionPlanSpec& spec, pb::ActionPlanSpec* out) {
  out->set_prompt(spec.prompt);
}

domain::ActionPlanSpec FromProto(const pb::ActionPlanSpec& spec) {
  return domain::ActionPlanSpec{.prompt = spec.prompt()};
}

}  // namespace internal

namespace {

using internal::FromProto;
using internal::ToProto;

pb::ActionPlanField ToProto(domain::PlanField field) {
  return static_cast<pb::ActionPlanField>(field);
}

// Unknown fields are refused before the cast to the domain's one-byte enum
// (which would otherwise wrap); which field a command may name is the
// domain's to say.
domain::Result<domain::PlanField> FieldFromProto(pb::ActionPlanField field) {
  if (field < pb::ACTION_PLAN_FIELD_UNSPECIFIED ||
      field > pb::ACTION_PLAN_FIELD_OBJECTIVE)
    return domain::Rejection::InvalidArgument("no such field in a plan");
  return static_cast<domain::PlanField>(field);
}

// A field as every audience sees it: its last writer's name, not their id.
void ToProto(const domain::WorkshopState& s, const domain::PlanText& text,
             pb::ActionPlan::Text* out) {
  out->set_text(text.text);
  out->set_version(text.version);
  out->set_by_name(domain::ActionPlanActivity::WriterName(s, text));
  out->set_by_facilitator(text.version > 0 && text.by == 0);
}

pb::ActionPlan::Text* Column(pb::ActionPlan::Row* row, domain::PlanField f) {
  switch (f) {
    case domain::PlanField::kSteps:
      return row->mutable_steps();
    case domain::PlanField::kResponsible:
      return row->mutable_responsible();
    case domain::PlanField::kResources:
      return row->mutable_resources();
    case domain::PlanField::kIndicators:
      return row->mutable_indicators();
    case domain::PlanField::kDueDate:
      return row->mutable_due_date();
    case domain::PlanField::kEvidence:
    default:
      return row->mutable_evidence();
  }
}

// Plan (item, group) as its group and the staff see it; a group's plan that
// nothing was written to is its item's prompt alone.
void ToProto(const domain::WorkshopState& s, int item,
             domain::GroupNumber group, pb::ActionPlan* out) {
  out->set_item(item);
  out->set_group(group);
  out->set_prompt(s.action_plan.items.at(item).prompt);
  auto shown = s.action_plan.shown.find(item);
  out->set_shown(shown != s.action_plan.shown.end() && shown->second == group &&
                 group != 0);
  const domain::ActionPlan* plan = s.action_plan.Find(item, group);
  if (plan == nullptr) return;
  ToProto(s, plan->objective, out->mutable_objective());
  for (const domain::PlanRow& row : plan->rows) {
    pb::ActionPlan::Row* r = out->add_rows();
    r->set_id(row.id);
    r->set_version(row.version());
    for (size_t f = 1; f <= domain::kPlanColumns; ++f) {
      const auto field = static_cast<domain::PlanField>(f);
      ToProto(s, row.at(field), Column(r, field));
    }
  }
  for (const domain::PlanEditorView& editor :
       domain::ActionPlanActivity::Editors(s, item, group)) {
    pb::ActionPlan::Editor* e = out->add_editing();
    e->set_participant_id(editor.participant);
    e->set_name(editor.name);
    e->set_row_id(editor.row);
    e->set_field(ToProto(editor.field));
  }
}

void ToProto(const domain::PlanText& text,
             pb::ActionPlanState::StoredText* out) {
  out->set_text(text.text);
  out->set_version(text.version);
  out->set_by(text.by);
}

domain::PlanText FromProto(const pb::ActionPlanState::StoredText& m) {
  return domain::PlanText{
      .text = m.text(), .version = m.version(), .by = m.by()};
}

}  // namespace

bool ActionPlanCodec::EncodeEvent(const domain::Event& event, pb::Event* out) {
  bool encoded = true;
  std::visit(Overloaded{
                 [&](const ev::ActionPlanSetUp& e) {
                   auto* m = out->mutable_action_plan_set_up();
                   m->set_item(e.item);
                   ToProto(e.spec, m->mutable_spec());
                 },
                 [&](const ev::PlanObjectiveSet& e) {
                   auto* m = out->mutable_plan_objective_set();
                   m->set_item(e.item);
                   m->set_group(e.group);
                   m->set_text(e.text);
                   m->set_by(e.by);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::PlanRowAdded& e) {
                   auto* m = out->mutable_plan_row_added();
                   m->set_item(e.item);
                   m->set_group(e.group);
                   m->set_row_id(e.row);
                   m->set_after_row_id(e.after);
                 },
                 [&](const ev::PlanFieldEdited& e) {
                   auto* m = out->mutable_plan_field_edited();
                   m->set_item(e.item);
                   m->set_group(e.group);
                   m->set_row_id(e.row);
                   m->set_field(ToProto(e.field));
                   m->set_text(e.text);
                   m->set_by(e.by);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::PlanRowMoved& e) {
                   auto* m = out->mutable_plan_row_moved();
                   m->set_item(e.item);
                   m->set_group(e.group);
                   m->set_row_id(e.row);
                   m->set_to_index(e.to_index);
                 },
                 [&](const ev::PlanRowRemoved& e) {
                   auto* m = out->mutable_plan_row_removed();
                   m->set_item(e.item);
                   m->set_group(e.group);
                   m->set_row_id(e.row);
                 },
                 [&](const ev::PlanEditingSet& e) {
                   auto* m = out->mutable_plan_editing_set();
                   m->set_item(e.item);
                   m->set_group(e.group);
                   m->set_participant(e.participant);
                   m->set_row_id(e.row);
                   m->set_field(ToProto(e.field));
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::PlanShown& e) {
                   auto* m = out->mutable_plan_shown();
                   m->set_item(e.item);
                   m->set_group(e.group);
                 },
                 [&](const auto&) { encoded = false; },
             },
             event);
  return encoded;
}

std::optional<domain::Result<domain::Event>> ActionPlanCodec::DecodeEvent(
    const pb::Event& event) {
  using domain::Event;
  switch (event.body_case()) {
    case pb::Event::kActionPlanSetUp: {
      const auto& m = event.action_plan_set_up();
      return Event(ev::ActionPlanSetUp{m.item(), FromProto(m.spec())});
    }
    case pb::Event::kPlanObjectiveSet: {
      const auto& m = event.plan_objective_set();
      return Event(ev::PlanObjectiveSet{m.item(), m.group(), m.text(), m.by(),
                                        At(m.at_ms())});
    }
    case pb::Event::kPlanRowAdded: {
      const auto& m = event.plan_row_added();
      return Event(
          ev::PlanRowAdded{m.item(), m.group(), m.row_id(), m.after_row_id()});
    }
    case pb::Event::kPlanFieldEdited: {
      const auto& m = event.plan_field_edited();
      auto field = FieldFromProto(m.field());
      if (!field.ok()) return field.rejection();
      return Event(ev::PlanFieldEdited{m.item(), m.group(), m.row_id(),
                                       field.value(), m.text(), m.by(),
                                       At(m.at_ms())});
    }
    case pb::Event::kPlanRowMoved: {
      const auto& m = event.plan_row_moved();
      return Event(
          ev::PlanRowMoved{m.item(), m.group(), m.row_id(), m.to_index()});
    }
    case pb::Event::kPlanRowRemoved: {
      const auto& m = event.plan_row_removed();
      return Event(ev::PlanRowRemoved{m.item(), m.group(), m.row_id()});
    }
    case pb::Event::kPlanEditingSet: {
      const auto& m = event.plan_editing_set();
      auto field = FieldFromProto(m.field());
      if (!field.ok()) return field.rejection();
      return Event(ev::PlanEditingSet{m.item(), m.group(), m.participant(),
                                      m.row_id(), field.value(),
                                      At(m.at_ms())});
    }
    case pb::Event::kPlanShown: {
      const auto& m = event.plan_shown();
      return Event(ev::PlanShown{m.item(), m.group()});
    }
    default:
      return std::nullopt;
  }
}

std::optional<domain::Result<domain::Command>> ActionPlanCodec::DecodeCommand(
    const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kSetPlanObjective: {
      const auto& m = command.set_plan_objective();
      return Command(cmd::SetPlanObjective{m.item(), m.group(), m.text(),
                                           m.base_version()});
    }
    case pb::Command::kAddPlanRow: {
      const auto& m = command.add_plan_row();
      return Command(cmd::AddPlanRow{m.item(), m.group(), m.after_row_id()});
    }
    case pb::Command::kEditPlanField: {
      const auto& m = command.edit_plan_field();
      auto field = FieldFromProto(m.field());
      if (!field.ok()) return field.rejection();
      return Command(cmd::EditPlanField{m.item(), m.group(), m.row_id(),
                                        field.value(), m.text(),
                                        m.base_version()});
    }
    case pb::Command::kMovePlanRow: {
      const auto& m = command.move_plan_row();
      return Command(
          cmd::MovePlanRow{m.item(), m.group(), m.row_id(), m.to_index()});
    }
    case pb::Command::kRemovePlanRow: {
      const auto& m = command.remove_plan_row();
      return Command(cmd::RemovePlanRow{m.item(), m.group(), m.row_id(),
                                        m.base_version()});
    }
    case pb::Command::kMarkPlanEditing: {
      const auto& m = command.mark_plan_editing();
      auto field = FieldFromProto(m.field());
      if (!field.ok()) return field.rejection();
      return Command(
          cmd::MarkPlanEditing{m.item(), m.group(), m.row_id(), field.value()});
    }
    case pb::Command::kShowPlan: {
      const auto& m = command.show_plan();
      return Command(cmd::ShowPlan{m.item(), m.group()});
    }
    default:
      return std::nullopt;
  }
}

bool ActionPlanCodec::EncodeDoc(const domain::WorkshopState& s,
                                const domain::DocKey& key, pb::Doc* out) {
  if (key.kind != domain::DocKind::kActionPlan) return false;
  ToProto(s, domain::PlanItemOf(key.id), domain::PlanGroupOf(key.id),
          out->mutable_action_plan());
  return true;
}

void ActionPlanCodec::SaveState(const domain::WorkshopState& s,
                                pb::WorkshopState* out) {
  const domain::ActionPlanState& ap = s.action_plan;
  if (ap.items.empty()) return;
  pb::ActionPlanState* m = out->mutable_action_plan();
  for (const auto& [item, spec] : ap.items) {
    pb::ActionPlanState::Item* i = m->add_items();
    i->set_item(item);
    ToProto(spec, i->mutable_spec());
    auto shown = ap.shown.find(item);
    if (shown != ap.shown.end()) i->set_shown_group(shown->second);
  }
  for (const auto& [id, plan] : ap.plans) {
    pb::ActionPlanState::Plan* p = m->add_plans();
    p->set_item(plan.item);
    p->set_group(plan.group);
    ToProto(plan.objective, p->mutable_objective());
    for (const domain::PlanRow& row : plan.rows) {
      pb::ActionPlanState::StoredRow* r = p->add_rows();
      r->set_id(row.id);
      for (const domain::PlanText& f : row.fields) ToProto(f, r->add_fields());
    }
    for (const auto& [who, marker] : plan.editing) {
      pb::ActionPlanState::Editing* e = p->add_editing();
      e->set_participant(who);
      e->set_row_id(marker.row);
      e->set_field(ToProto(marker.field));
      e->set_since_ms(Ms(marker.since));
    }
  }
  m->set_next_row_id(ap.next_row_id);
}

void ActionPlanCodec::LoadState(const pb::WorkshopState& m,
                                domain::WorkshopState* out) {
  if (!m.has_action_plan()) return;
  const pb::ActionPlanState& stored = m.action_plan();
  domain::ActionPlanState& ap = out->action_plan;
  for (const pb::ActionPlanState::Item& i : stored.items()) {
    ap.items[i.item()] = FromProto(i.spec());
    if (i.shown_group() != 0) ap.shown[i.item()] = i.shown_group();
  }
  for (const pb::ActionPlanState::Plan& p : stored.plans()) {
    domain::ActionPlan plan{.item = p.item(),
                            .group = p.group(),
                            .objective = FromProto(p.objective())};
    for (const pb::ActionPlanState::StoredRow& r : p.rows()) {
      domain::PlanRow row{.id = r.id()};
      const size_t n = std::min<size_t>(static_cast<size_t>(r.fields_size()),
                                        domain::kPlanColumns);
      for (size_t f = 0; f < n; ++f)
        row.fields[f] = FromProto(r.fields(static_cast<int>(f)));
      plan.rows.push_back(std::move(row));
    }
    for (const pb::ActionPlanState::Editing& e : p.editing()) {
      auto field = FieldFromProto(e.field());
      if (!field.ok()) continue;  // a snapshot this build wrote always decodes
      plan.editing[e.participant()] = {e.row_id(), field.value(),
                                       At(e.since_ms())};
    }
    ap.plans[domain::PlanDocId(plan.item, plan.group)] = std::move(plan);
  }
  ap.next_row_id = std::max<domain::PlanRowId>(1, stored.next_row_id());
}

}  // namespace campana::codec
