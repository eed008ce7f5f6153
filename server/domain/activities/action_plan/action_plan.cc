// Action plans: who may change a plan, the limits, the versions that keep a
// later writer from overwriting an earlier one unseen, the editing markers and
// their expiry, and who sees what.

#include "domain/activities/action_plan/action_plan.h"

#include <algorithm>
#include <ostream>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain {

uint32_t PlanRow::version() const {
  uint32_t sum = 0;
  for (const PlanText& f : fields) sum += f.version;
  return sum;
}

const PlanRow* ActionPlan::FindRow(PlanRowId id) const {
  auto it = std::find_if(rows.begin(), rows.end(),
                         [id](const PlanRow& r) { return r.id == id; });
  return it == rows.end() ? nullptr : &*it;
}

size_t ActionPlan::TextBytes() const {
  size_t bytes = objective.text.size();
  for (const PlanRow& row : rows)
    for (const PlanText& f : row.fields) bytes += f.text.size();
  return bytes;
}

const ActionPlan* ActionPlanState::Find(int item, GroupNumber group) const {
  auto it = plans.find(PlanDocId(item, group));
  return it == plans.end() ? nullptr : &it->second;
}

namespace {

using internal::Context;
using internal::Events;
using internal::Nothing;

// A plan a command names: what was written to it (nullptr: nothing yet).
struct Target {
  const ActionPlan* plan = nullptr;
};

std::string Str(uint64_t n) { return std::to_string(n); }

// The plan (item, group), if it exists and the actor may change it: a
// facilitator any, a participant their own group's.
Result<Target> PlanFor(const Context& c, int item, GroupNumber group) {
  const ActionPlanState& ap = c.state.action_plan;
  if (!ap.items.contains(item))
    return Rejection::NotFound("no action plan at agenda item " +
                               std::to_string(item));
  if (c.actor.role != Role::kFacilitator) {
    const Participant* p = c.state.FindParticipant(c.actor.participant);
    if (p == nullptr || p->group == 0) {
      return Rejection::PermissionDenied(
          "you are in no group: a plan is changed by its group's members and "
          "the facilitators");
    }
    if (p->group != group) {
      return Rejection::PermissionDenied(
          "group " + Str(group) +
          "'s plan is changed by its members and the facilitators only");
    }
  }
  const ActionPlan* plan = ap.Find(item, group);
  if (plan == nullptr && (group == 0 || group > c.state.groups.count()))
    return Rejection::NotFound("no group " + Str(group) + "'s plan at item " +
                               std::to_string(item));
  return Target{plan};
}

// What a field is called in a Rejection.
std::string FieldName(PlanField f) {
  switch (f) {
    case PlanField::kSteps:
      return "the field \"steps to take\"";
    case PlanField::kResponsible:
      return "the field \"people responsible\"";
    case PlanField::kResources:
      return "the field \"resources needed\"";
    case PlanField::kIndicators:
      return "the field \"progress indicators\"";
    case PlanField::kDueDate:
      return "the field \"completion date\"";
    case PlanField::kEvidence:
      return "the field \"evidence of success\"";
    case PlanField::kObjective:
      return "the objective";
    case PlanField::kNone:
      break;
  }
  return "?";
}

// The text a column takes: trimmed, empty to clear it; a date for the
// completion date.
Result<std::string> CheckField(PlanField f, const std::string& raw) {
  auto text = CheckOptionalText(raw, kMaxPlanFieldCodePoints, FieldName(f));
  if (f != PlanField::kDueDate || !text.ok() || text.value().empty() ||
      IsPlanDate(text.value()))
    return text;
  return Rejection::InvalidArgument(
      "the completion date must be a date written YYYY-MM-DD, from 2000 to "
      "2099, such as 2026-03-31");
}

// A change based on version `base` of a text that is at `now`.
std::optional<Rejection> Stale(const std::string& what, uint32_t base,
                               uint32_t now) {
  if (base == now) return std::nullopt;
  return Rejection::Conflict(
      what + " changed since version " + Str(base) + " (it is at version " +
      Str(now) + "): nothing was saved; the plan shows the current text");
}

// Replacing `old_text` with `new_text` keeps the plan within its bytes.
std::optional<Rejection> OverBudget(const ActionPlan* plan,
                                    const std::string& old_text,
                                    const std::string& new_text) {
  if (new_text.size() <= old_text.size()) return std::nullopt;
  const size_t now = plan == nullptr ? 0 : plan->TextBytes();
  if (now - old_text.size() + new_text.size() <= kMaxPlanTextBytes)
    return std::nullopt;
  return Rejection::FailedPrecondition(
      "this plan is full: its texts take at most " + Str(kMaxPlanTextBytes) +
      " bytes in all");
}

Result<const PlanRow*> ExistingRow(const Target& target, PlanRowId id) {
  const PlanRow* row =
      target.plan == nullptr ? nullptr : target.plan->FindRow(id);
  if (row == nullptr)
    return Rejection::NotFound("no row " + Str(id) +
                               " in this plan (it may have been removed)");
  return row;
}

ParticipantId Writer(const Context& c) {
  return c.actor.role == Role::kFacilitator ? 0 : c.actor.participant;
}

// The stored plan (item, group), made on its first change.
ActionPlan& Stored(WorkshopState& s, int item, GroupNumber group) {
  auto [it, fresh] =
      s.action_plan.plans.try_emplace(PlanDocId(item, group), ActionPlan{});
  if (fresh) {
    it->second.item = item;
    it->second.group = group;
  }
  return it->second;
}

void TouchPlan(int item, GroupNumber group, Touched& t) {
  t.Add({DocKind::kActionPlan, PlanDocId(item, group)});
}

// A writer still editing the field they just saved keeps their marker alive.
void Renew(ActionPlan& plan, ParticipantId by, PlanRowId row, PlanField field,
           Time at) {
  auto it = plan.editing.find(by);
  if (it != plan.editing.end() && it->second.row == row &&
      it->second.field == field)
    it->second.since = at;
}

// Every plan of item `item` that exists, in key order: one per group, and the
// stored plans of groups that have gone.
template <class F>
void ForEachPlanOf(const WorkshopState& s, int item, F&& f) {
  const GroupNumber count = s.groups.count();
  for (GroupNumber g = 1; g <= count; ++g) f(g);
  const auto& plans = s.action_plan.plans;
  for (auto it = plans.lower_bound(PlanDocId(item, count + 1));
       it != plans.end() && it->second.item == item; ++it)
    f(it->second.group);
}

const char* ColumnTag(PlanField f) {
  switch (f) {
    case PlanField::kSteps:
      return "steps";
    case PlanField::kResponsible:
      return "responsible";
    case PlanField::kResources:
      return "resources";
    case PlanField::kIndicators:
      return "indicators";
    case PlanField::kDueDate:
      return "date";
    case PlanField::kEvidence:
      return "evidence";
    case PlanField::kObjective:
      return "objective";
    case PlanField::kNone:
      return "none";
  }
  return "?";
}

void DescribeText(const PlanText& text, std::ostream& out) {
  out << "v" << text.version << " by " << text.by << " \"" << text.text << "\"";
}

}  // namespace

Result<ActionPlanSpec> CheckActionPlanSpec(const ActionPlanSpec& spec) {
  auto prompt = CheckOptionalText(spec.prompt, kMaxPlanPromptCodePoints,
                                  "the objective's prompt");
  if (!prompt.ok()) return prompt.rejection();
  return ActionPlanSpec{.prompt = prompt.value()};
}

bool IsPlanDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  // The number written at [begin, begin + length), or -1.
  auto number = [&](size_t begin, size_t length) {
    int n = 0;
    for (size_t i = begin; i < begin + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      n = n * 10 + (text[i] - '0');
    }
    return n;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1)
    return false;
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return day <= kDays.at(static_cast<size_t>(month - 1)) +
                    (month == 2 && leap ? 1 : 0);
}

// ---- Decide

Result<Decision> ActionPlanActivity::Decide(
    const Context& c, const cmd::SetPlanObjective& command) {
  auto target = PlanFor(c, command.item, command.group);
  if (!target.ok()) return target.rejection();
  const ActionPlan* plan = target.value().plan;
  auto text = CheckOptionalText(command.text, kMaxPlanObjectiveCodePoints,
                                "the objective");
  if (!text.ok()) return text.rejection();
  const PlanText current = plan == nullptr ? PlanText{} : plan->objective;
  // Writing what is there already loses nothing, whatever it was based on.
  if (text.value() == current.text) return Nothing();
  if (auto stale =
          Stale("the objective", command.base_version, current.version))
    return *stale;
  if (auto full = OverBudget(plan, current.text, text.value())) return *full;
  return Events({ev::PlanObjectiveSet{command.item, command.group, text.value(),
                                      Writer(c), c.now}});
}

Result<Decision> ActionPlanActivity::Decide(const Context& c,
                                            const cmd::AddPlanRow& command) {
  auto target = PlanFor(c, command.item, command.group);
  if (!target.ok()) return target.rejection();
  const ActionPlan* plan = target.value().plan;
  if (plan != nullptr && plan->rows.size() >= kMaxPlanRows)
    return Rejection::FailedPrecondition("a plan has at most " +
                                         Str(kMaxPlanRows) + " rows");
  if (command.after != 0) {
    auto after = ExistingRow(target.value(), command.after);
    if (!after.ok()) return after.rejection();
  }
  return Events(
      {ev::PlanRowAdded{command.item, command.group,
                        c.state.action_plan.next_row_id, command.after}});
}

Result<Decision> ActionPlanActivity::Decide(const Context& c,
                                            const cmd::EditPlanField& command) {
  if (!IsPlanColumn(command.field))
    return Rejection::InvalidArgument("no such column in a plan");
  auto target = PlanFor(c, command.item, command.group);
  if (!target.ok()) return target.rejection();
  auto row = ExistingRow(target.value(), command.row);
  if (!row.ok()) return row.rejection();
  auto text = CheckField(command.field, command.text);
  if (!text.ok()) return text.rejection();
  const PlanText& current = row.value()->at(command.field);
  if (text.value() == current.text) return Nothing();
  if (auto stale =
          Stale(FieldName(command.field) + " of row " + Str(command.row),
                command.base_version, current.version))
    return *stale;
  if (auto full = OverBudget(target.value().plan, current.text, text.value()))
    return *full;
  return Events(
      {ev::PlanFieldEdited{command.item, command.group, command.row,
                           command.field, text.value(), Writer(c), c.now}});
}

Result<Decision> ActionPlanActivity::Decide(const Context& c,
                                            const cmd::MovePlanRow& command) {
  auto target = PlanFor(c, command.item, command.group);
  if (!target.ok()) return target.rejection();
  auto row = ExistingRow(target.value(), command.row);
  if (!row.ok()) return row.rejection();
  const std::vector<PlanRow>& rows = target.value().plan->rows;
  if (command.to_index >= rows.size()) {
    return Rejection::InvalidArgument("no place " + Str(command.to_index) +
                                      " in a plan of " + Str(rows.size()) +
                                      " rows");
  }
  if (&rows[command.to_index] == row.value()) return Nothing();
  return Events({ev::PlanRowMoved{command.item, command.group, command.row,
                                  command.to_index}});
}

Result<Decision> ActionPlanActivity::Decide(const Context& c,
                                            const cmd::RemovePlanRow& command) {
  auto target = PlanFor(c, command.item, command.group);
  if (!target.ok()) return target.rejection();
  auto row = ExistingRow(target.value(), command.row);
  if (!row.ok()) return row.rejection();
  const uint32_t version = row.value()->version();
  if (command.base_version != version) {
    return Rejection::Conflict(
        "row " + Str(command.row) + " changed since version " +
        Str(command.base_version) + " (it is at version " + Str(version) +
        "): it was not removed; the plan shows the current row");
  }
  return Events({ev::PlanRowRemoved{command.item, command.group, command.row}});
}

Result<Decision> ActionPlanActivity::Decide(
    const Context& c, const cmd::MarkPlanEditing& command) {
  if (command.field > PlanField::kObjective)
    return Rejection::InvalidArgument("no such field in a plan");
  auto target = PlanFor(c, command.item, command.group);
  if (!target.ok()) return target.rejection();
  const ActionPlan* plan = target.value().plan;
  const ParticipantId who = Writer(c);
  const PlanEditing* marker = nullptr;
  if (plan != nullptr) {
    auto it = plan->editing.find(who);
    if (it != plan->editing.end()) marker = &it->second;
  }
  ev::PlanEditingSet set{command.item,     command.group, who, 0,
                         PlanField::kNone, c.now};
  if (command.field == PlanField::kNone) {
    if (marker == nullptr) return Nothing();
    return Events({set});
  }
  if (command.field == PlanField::kObjective) {
    if (command.row != 0)
      return Rejection::InvalidArgument("the objective is named with row 0");
  } else {
    auto row = ExistingRow(target.value(), command.row);
    if (!row.ok()) return row.rejection();
  }
  // A renewal within a third of its life is not worth a record.
  if (marker != nullptr && marker->row == command.row &&
      marker->field == command.field && c.now < marker->since + kEditingTtl / 3)
    return Nothing();
  set.row = command.row;
  set.field = command.field;
  return Events({set});
}

Result<Decision> ActionPlanActivity::Decide(const Context& c,
                                            const cmd::ShowPlan& command) {
  const ActionPlanState& ap = c.state.action_plan;
  if (!ap.items.contains(command.item))
    return Rejection::NotFound("no action plan at agenda item " +
                               std::to_string(command.item));
  if (command.group != 0 && command.group > c.state.groups.count() &&
      ap.Find(command.item, command.group) == nullptr)
    return Rejection::NotFound("no group " + Str(command.group) +
                               "'s plan at item " +
                               std::to_string(command.item));
  auto it = ap.shown.find(command.item);
  const GroupNumber now = it == ap.shown.end() ? 0 : it->second;
  if (now == command.group) return Nothing();
  return Events({ev::PlanShown{command.item, command.group}});
}

// ---- Apply

void ActionPlanActivity::Apply(WorkshopState& s, const ev::ActionPlanSetUp& e,
                               Touched& t) {
  s.action_plan.items[e.item] = e.spec;
  ForEachPlanOf(s, e.item, [&](GroupNumber g) { TouchPlan(e.item, g, t); });
}

void ActionPlanActivity::Apply(WorkshopState& s, const ev::PlanObjectiveSet& e,
                               Touched& t) {
  ActionPlan& plan = Stored(s, e.item, e.group);
  plan.objective = {e.text, plan.objective.version + 1, e.by};
  Renew(plan, e.by, 0, PlanField::kObjective, e.at);
  TouchPlan(e.item, e.group, t);
}

void ActionPlanActivity::Apply(WorkshopState& s, const ev::PlanRowAdded& e,
                               Touched& t) {
  ActionPlan& plan = Stored(s, e.item, e.group);
  auto at = plan.rows.end();
  if (e.after != 0) {
    auto after =
        std::find_if(plan.rows.begin(), plan.rows.end(),
                     [&](const PlanRow& r) { return r.id == e.after; });
    if (after != plan.rows.end()) at = after + 1;
  }
  plan.rows.insert(at, PlanRow{.id = e.row});
  s.action_plan.next_row_id = std::max(s.action_plan.next_row_id, e.row + 1);
  TouchPlan(e.item, e.group, t);
}

void ActionPlanActivity::Apply(WorkshopState& s, const ev::PlanFieldEdited& e,
                               Touched& t) {
  ActionPlan& plan = Stored(s, e.item, e.group);
  for (PlanRow& row : plan.rows) {
    if (row.id != e.row) continue;
    PlanText& field = row.at(e.field);
    field = {e.text, field.version + 1, e.by};
  }
  Renew(plan, e.by, e.row, e.field, e.at);
  TouchPlan(e.item, e.group, t);
}

void ActionPlanActivity::Apply(WorkshopState& s, const ev::PlanRowMoved& e,
                               Touched& t) {
  std::vector<PlanRow>& rows = Stored(s, e.item, e.group).rows;
  auto it = std::find_if(rows.begin(), rows.end(),
                         [&](const PlanRow& r) { return r.id == e.row; });
  if (it == rows.end()) return;
  PlanRow row = std::move(*it);
  rows.erase(it);
  const size_t to = std::min<size_t>(e.to_index, rows.size());
  rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(to), std::move(row));
  TouchPlan(e.item, e.group, t);
}

void ActionPlanActivity::Apply(WorkshopState& s, const ev::PlanRowRemoved& e,
                               Touched& t) {
  ActionPlan& plan = Stored(s, e.item, e.group);
  std::erase_if(plan.rows, [&](const PlanRow& r) { return r.id == e.row; });
  std::erase_if(plan.editing,
                [&](const auto& m) { return m.second.row == e.row; });
  TouchPlan(e.item, e.group, t);
}

void ActionPlanActivity::Apply(WorkshopState& s, const ev::PlanEditingSet& e,
                               Touched& t) {
  ActionPlan& plan = Stored(s, e.item, e.group);
  if (e.field == PlanField::kNone) {
    if (plan.editing.erase(e.participant) > 0) TouchPlan(e.item, e.group, t);
    return;
  }
  PlanEditing& marker = plan.editing[e.participant];
  const bool moved = marker.row != e.row || marker.field != e.field;
  marker = {e.row, e.field, e.at};
  // A renewal changes nothing the document shows.
  if (moved) TouchPlan(e.item, e.group, t);
}

void ActionPlanActivity::Apply(WorkshopState& s, const ev::PlanShown& e,
                               Touched& t) {
  GroupNumber& shown = s.action_plan.shown[e.item];
  if (shown != 0) TouchPlan(e.item, shown, t);
  shown = e.group;
  if (shown != 0) TouchPlan(e.item, shown, t);
}

// ---- Queries

std::string ActionPlanActivity::WriterName(const WorkshopState& s,
                                           const PlanText& text) {
  if (text.by == 0) return "";
  const Participant* p = s.FindParticipant(text.by);
  return p == nullptr ? "" : p->display_name;
}

std::vector<PlanEditorView> ActionPlanActivity::Editors(const WorkshopState& s,
                                                        int item,
                                                        GroupNumber group) {
  std::vector<PlanEditorView> out;
  const ActionPlan* plan = s.action_plan.Find(item, group);
  if (plan == nullptr) return out;
  for (const auto& [who, marker] : plan->editing) {
    PlanEditorView view{
        .participant = who, .row = marker.row, .field = marker.field};
    if (who != 0) {
      const Participant* p = s.FindParticipant(who);
      if (p == nullptr || p->group != group) continue;
      view.name = p->display_name;
    }
    out.push_back(std::move(view));
  }
  return out;
}

// ---- Hooks

void ActionPlanActivity::SetUp(const Context& c, int index,
                               const AgendaItem& item,
                               std::vector<Event>& events) {
  if (item.activity != ActivityKind::kActionPlan ||
      c.state.action_plan.items.contains(index))
    return;  // coming back keeps the plans
  events.emplace_back(ev::ActionPlanSetUp{index, item.action_plan});
}

void ActionPlanActivity::Joined(const Context&, const ev::ParticipantJoined&,
                                std::vector<Event>&) {}

void ActionPlanActivity::Tick(const Context& c, std::vector<Event>& events) {
  for (const auto& [id, plan] : c.state.action_plan.plans) {
    for (const auto& [who, marker] : plan.editing) {
      if (c.now >= marker.since + kEditingTtl) {
        events.emplace_back(ev::PlanEditingSet{plan.item, plan.group, who, 0,
                                               PlanField::kNone, c.now});
      }
    }
  }
}

std::optional<Time> ActionPlanActivity::NextDeadline(const WorkshopState& s) {
  std::optional<Time> next;
  for (const auto& [id, plan] : s.action_plan.plans) {
    for (const auto& [who, marker] : plan.editing) {
      const Time due = marker.since + kEditingTtl;
      if (!next || due < *next) next = due;
    }
  }
  return next;
}

// Their name as a field's last writer and as an editor; a move to another
// group hides their marker. What they wrote stays: rows belong to the plan.
void ActionPlanActivity::TouchParticipant(const WorkshopState& s,
                                          ParticipantId p, Touched& t) {
  for (const auto& [id, plan] : s.action_plan.plans) {
    bool shows = plan.editing.contains(p) ||
                 (plan.objective.version > 0 && plan.objective.by == p);
    for (const PlanRow& row : plan.rows)
      for (const PlanText& f : row.fields)
        shows = shows || (f.version > 0 && f.by == p);
    if (shows) t.Add({DocKind::kActionPlan, id});
  }
}

// A new layout makes or takes away groups, and so their plans.
void ActionPlanActivity::TouchLayout(const WorkshopState& s, Touched& t) {
  // (The item is copied out of the pair: clang 14 cannot capture a structured
  // binding.)
  for (const auto& entry : s.action_plan.items) {
    const int item = entry.first;
    ForEachPlanOf(s, item, [&](GroupNumber g) { TouchPlan(item, g, t); });
  }
}

void ActionPlanActivity::ForEachDoc(const WorkshopState& s,
                                    const DocVisitor& visit) {
  for (const auto& entry : s.action_plan.items) {
    const int item = entry.first;
    ForEachPlanOf(s, item, [&](GroupNumber g) {
      visit({DocKind::kActionPlan, PlanDocId(item, g)});
    });
  }
}

Visibility ActionPlanActivity::VisibilityOf(const WorkshopState& s,
                                            const DocKey& key) {
  if (key.kind != DocKind::kActionPlan) return {};
  const int item = PlanItemOf(key.id);
  const GroupNumber group = PlanGroupOf(key.id);
  if (!s.action_plan.items.contains(item)) return {};
  if ((group == 0 || group > s.groups.count()) &&
      !s.action_plan.plans.contains(key.id))
    return {};
  return {Audience::Staff(), Audience::Group(group)};
}

void ActionPlanActivity::Describe(const WorkshopState& s, std::ostream& out) {
  using internal::Ms;
  const ActionPlanState& ap = s.action_plan;
  if (ap.items.empty()) return;
  for (const auto& [item, spec] : ap.items) {
    out << "action plan item " << item << " \"" << spec.prompt << "\"";
    auto shown = ap.shown.find(item);
    if (shown != ap.shown.end() && shown->second != 0)
      out << " shows group " << shown->second;
    out << "\n";
  }
  for (const auto& [id, plan] : ap.plans) {
    out << "plan " << plan.item << "/" << plan.group << " objective ";
    DescribeText(plan.objective, out);
    out << "\n";
    for (const PlanRow& row : plan.rows) {
      out << "  row " << row.id;
      for (size_t f = 1; f <= kPlanColumns; ++f) {
        const auto field = static_cast<PlanField>(f);
        out << " " << ColumnTag(field) << " ";
        DescribeText(row.at(field), out);
      }
      out << "\n";
    }
    for (const auto& [who, marker] : plan.editing) {
      out << "  editing " << who << " row " << marker.row << " "
          << ColumnTag(marker.field) << " since " << Ms(marker.since) << "\n";
    }
  }
  out << "next plan row " << ap.next_row_id << "\n";
}

}  // namespace campana::domain
