#ifndef CAMPANA_DOMAIN_ACTIVITIES_ACTION_PLAN_ACTION_PLAN_H_
#define CAMPANA_DOMAIN_ACTIVITIES_ACTION_PLAN_ACTION_PLAN_H_

// Action plans (ACTIVITIES.md item 9): when the agenda first reaches an action
// plan item, every group gets a plan, co-edited live from its members' phones
// (remote members included) and the facilitators' consoles: an objective (the
// group's answer to the item's prompt) and ordered rows of six fields (steps to
// take, people responsible, resources needed, progress indicators, completion
// date, evidence of success). A plan is named by its agenda item and its group;
// a group made later has its (empty) plan too, and a plan something was
// written to stays when its group goes. Rows belong to the plan, not to whoever
// added them: a participant who leaves takes nothing with them.
//
// Concurrent edits. The objective and every field of every row carry a version
// (0: never written; one more for each accepted change). A change names the
// version it was based on; if the field changed since (someone else wrote
// first), nothing is applied and the sender gets a kConflict Rejection that
// says so. Its device already has the other text (the plan's document that
// carried it), so the writer sees both and chooses: send again on the current
// version to replace it, or leave it. Changes to different fields never
// conflict; a change that writes the text the field already has is no change.
// Removing a row names the row's version (the sum of its fields'), so a row
// someone just wrote in is not removed unseen. Moving rows needs no version:
// no text is lost by it.
//
// Who is editing. A device says which field it is editing (MarkPlanEditing)
// and when it stops. Every command here is logged (the engine has no channel
// that is not), so this is kept small: one marker per participant and plan (a
// facilitator's is participant 0, shared by every console), re-sent by the
// device at most every kEditingTtl / 3 while editing; a marker that is not
// renewed within kEditingTtl is dropped by the clock (a phone that went away
// mid-word), and so is one on a row that is removed. The document shows the
// markers of the plan's members and of the facilitators only.
//
// The projector shows one group's plan at a time (ShowPlan), or by default
// every group's side by side.
//
// Documents:
//   kActionPlan (id PlanDocId(item, group)): the group and staff. The item's
//     prompt, the objective and the rows with their versions and last
//     writers' names, who is editing what, and whether the projector shows
//     this plan alone. Bounded: kMaxPlanRows rows,
//     kMaxPlanTextBytes of text in all.

#include <string_view>

#include "domain/activity.h"

namespace campana::domain {

using PlanRowId = uint32_t;  // 1-based, across every plan of the workshop

// A plan's columns, in the table's order; and the objective, which markers
// may name too. Values match campana.v1.ActionPlanField.
enum class PlanField : uint8_t {
  kNone = 0,  // MarkPlanEditing: stopped editing
  kSteps = 1,
  kResponsible = 2,
  kResources = 3,
  kIndicators = 4,
  kDueDate = 5,  // YYYY-MM-DD, or empty
  kEvidence = 6,
  kObjective = 7,  // MarkPlanEditing only, with row 0
};
inline constexpr size_t kPlanColumns = 6;
constexpr bool IsPlanColumn(PlanField f) {
  return f >= PlanField::kSteps && f <= PlanField::kEvidence;
}

inline constexpr size_t kMaxPlanRows = 30;
inline constexpr size_t kMaxPlanFieldCodePoints = 500;
inline constexpr size_t kMaxPlanObjectiveCodePoints = 500;
inline constexpr size_t kMaxPlanPromptCodePoints = 500;
// All the texts of one plan together, so that its document stays small: a
// plan of 30 full rows would otherwise be ~300 KB, re-sent on every change.
inline constexpr size_t kMaxPlanTextBytes = 40'000;
inline constexpr Millis kEditingTtl{90'000};

// Document ids.
inline uint64_t PlanDocId(int item, GroupNumber group) {
  return (uint64_t{static_cast<uint32_t>(item)} << 32) | group;
}
inline int PlanItemOf(uint64_t doc_id) {
  return static_cast<int>(doc_id >> 32);
}
inline GroupNumber PlanGroupOf(uint64_t doc_id) {
  return static_cast<GroupNumber>(doc_id & 0xffffffffU);
}

}  // namespace campana::domain

namespace campana::domain::cmd {

// Every command names its plan by agenda item and group; participants may
// change their own group's plan only, facilitators any.

struct SetPlanObjective {
  static constexpr const char* kName = "SetPlanObjective";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  int item = -1;
  GroupNumber group = 0;
  std::string text;  // empty: cleared
  uint32_t base_version = 0;
};

struct AddPlanRow {
  static constexpr const char* kName = "AddPlanRow";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  int item = -1;
  GroupNumber group = 0;
  PlanRowId after = 0;  // 0: at the end
};

struct EditPlanField {
  static constexpr const char* kName = "EditPlanField";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;
  PlanField field = PlanField::kSteps;  // a column
  std::string text;                     // empty: cleared
  uint32_t base_version = 0;
};

struct MovePlanRow {
  static constexpr const char* kName = "MovePlanRow";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;
  uint32_t to_index = 0;  // its place afterwards, 0-based
};

struct RemovePlanRow {
  static constexpr const char* kName = "RemovePlanRow";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;
  uint32_t base_version = 0;  // the row's (the sum of its fields')
};

struct MarkPlanEditing {
  static constexpr const char* kName = "MarkPlanEditing";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;                   // 0 with kObjective
  PlanField field = PlanField::kNone;  // kNone: stopped
};

// What the projector shows during item `item`: group `group`'s plan alone, or
// (0) every group's, side by side.
struct ShowPlan {
  static constexpr const char* kName = "ShowPlan";
  static constexpr Permission kAllowed = kForFacilitators;
  int item = -1;
  GroupNumber group = 0;
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

struct ActionPlanSetUp {
  int item = -1;
  ActionPlanSpec spec;
  bool operator==(const ActionPlanSetUp&) const = default;
};

// `by`: the writer (0: a facilitator). Each one adds 1 to the field's version.
struct PlanObjectiveSet {
  int item = -1;
  GroupNumber group = 0;
  std::string text;
  ParticipantId by = 0;
  Time at;
  bool operator==(const PlanObjectiveSet&) const = default;
};

struct PlanRowAdded {
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;
  PlanRowId after = 0;  // 0: at the end
  bool operator==(const PlanRowAdded&) const = default;
};

struct PlanFieldEdited {
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;
  PlanField field = PlanField::kSteps;
  std::string text;
  ParticipantId by = 0;
  Time at;
  bool operator==(const PlanFieldEdited&) const = default;
};

struct PlanRowMoved {
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;
  uint32_t to_index = 0;
  bool operator==(const PlanRowMoved&) const = default;
};

struct PlanRowRemoved {
  int item = -1;
  GroupNumber group = 0;
  PlanRowId row = 0;
  bool operator==(const PlanRowRemoved&) const = default;
};

// A marker set (or renewed) at `at`, or dropped (kNone): by its participant,
// or by the clock once kEditingTtl passed.
struct PlanEditingSet {
  int item = -1;
  GroupNumber group = 0;
  ParticipantId participant = 0;  // 0: a facilitator
  PlanRowId row = 0;
  PlanField field = PlanField::kNone;
  Time at;
  bool operator==(const PlanEditingSet&) const = default;
};

struct PlanShown {
  int item = -1;
  GroupNumber group = 0;  // 0: the summary
  bool operator==(const PlanShown&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

struct PlanText {
  std::string text;
  uint32_t version = 0;  // 0: never written
  ParticipantId by = 0;  // the last writer; 0: a facilitator (or nobody yet)
  bool operator==(const PlanText&) const = default;
};

struct PlanRow {
  PlanRowId id = 0;
  std::array<PlanText, kPlanColumns> fields;  // fields[f - 1] is column f's
  bool operator==(const PlanRow&) const = default;

  const PlanText& at(PlanField f) const {
    return fields.at(static_cast<size_t>(f) - 1);
  }
  PlanText& at(PlanField f) { return fields.at(static_cast<size_t>(f) - 1); }
  // The sum of its fields' versions: RemovePlanRow's base.
  uint32_t version() const;
};

struct PlanEditing {
  PlanRowId row = 0;
  PlanField field = PlanField::kNone;
  Time since;
  bool operator==(const PlanEditing&) const = default;
};

// A plan something was written to. A group's plan that nothing was written to
// yet is not stored: it is empty.
struct ActionPlan {
  int item = -1;
  GroupNumber group = 0;
  PlanText objective;
  std::vector<PlanRow> rows;                     // in the table's order
  std::map<ParticipantId, PlanEditing> editing;  // 0: a facilitator
  bool operator==(const ActionPlan&) const = default;

  const PlanRow* FindRow(PlanRowId id) const;
  // Every text's bytes: what kMaxPlanTextBytes bounds.
  size_t TextBytes() const;
};

struct ActionPlanState {
  std::map<int, ActionPlanSpec> items;   // by agenda index, once reached
  std::map<int, GroupNumber> shown;      // by agenda index: ShowPlan's group
  std::map<uint64_t, ActionPlan> plans;  // by PlanDocId
  PlanRowId next_row_id = 1;
  bool operator==(const ActionPlanState&) const = default;

  const ActionPlan* Find(int item, GroupNumber group) const;
};

// Who the document shows editing: a marker of a member of the plan's group or
// of a facilitator (participant 0, no name).
struct PlanEditorView {
  ParticipantId participant = 0;
  std::string name;
  PlanRowId row = 0;
  PlanField field = PlanField::kNone;
  bool operator==(const PlanEditorView&) const = default;
};

// `spec` checked against the limits above and trimmed; else a Rejection that
// names the field.
Result<ActionPlanSpec> CheckActionPlanSpec(const ActionPlanSpec& spec);

// True if `text` is a date of the Gregorian calendar written YYYY-MM-DD, year
// 2000 to 2099 (a plan's completion date).
bool IsPlanDate(std::string_view text);

// The engine's view of the activity: see domain/activity.h for each hook.
struct ActionPlanActivity {
  using State = ActionPlanState;
  using CommandTypes =
      TypeList<cmd::SetPlanObjective, cmd::AddPlanRow, cmd::EditPlanField,
               cmd::MovePlanRow, cmd::RemovePlanRow, cmd::MarkPlanEditing,
               cmd::ShowPlan>;
  using EventTypes =
      TypeList<ev::ActionPlanSetUp, ev::PlanObjectiveSet, ev::PlanRowAdded,
               ev::PlanFieldEdited, ev::PlanRowMoved, ev::PlanRowRemoved,
               ev::PlanEditingSet, ev::PlanShown>;
  static constexpr std::array kDocs{DocKind::kActionPlan};

  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::SetPlanObjective& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::AddPlanRow& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::EditPlanField& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::MovePlanRow& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::RemovePlanRow& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::MarkPlanEditing& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::ShowPlan& command);
  static void Apply(WorkshopState& s, const ev::ActionPlanSetUp& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PlanObjectiveSet& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::PlanRowAdded& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PlanFieldEdited& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PlanRowMoved& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PlanRowRemoved& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PlanEditingSet& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::PlanShown& e, Touched& t);

  // The name a text shows for its last writer: a participant's while they are
  // in the workshop; empty for a facilitator, nobody or someone who left.
  static std::string WriterName(const WorkshopState& s, const PlanText& text);
  // Who plan (item, group) shows editing, by participant id.
  static std::vector<PlanEditorView> Editors(const WorkshopState& s, int item,
                                             GroupNumber group);

  CAMPANA_ACTIVITY_HOOKS
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_ACTION_PLAN_ACTION_PLAN_H_
