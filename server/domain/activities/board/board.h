#ifndef CAMPANA_DOMAIN_ACTIVITIES_BOARD_BOARD_H_
#define CAMPANA_DOMAIN_ACTIVITIES_BOARD_BOARD_H_

// Boards of notes (ACTIVITIES.md items 2, 4 and 7): a grid of columns and rows
// from the agenda item, one board per group (remote members on their group's)
// or one for the room. The facilitator moves an item's boards through write,
// reveal, group, vote and results; nothing done in a phase is undone by moving
// back. A board is named by its agenda index, so the SDG map, the grid and
// "do less / do more" all stay for the report.
//
// Documents and who sees them (privacy lives in VisibilityOf):
//   kBoard        (agenda index) everyone: lanes, settings, phase.
//   kBoardNote    (note id) its author and the facilitators while the board is
//                 written privately or the note is hidden; otherwise the
//                 board's group (everyone, for the room's) and staff. An
//                 anonymous board's notes carry no author, for anyone.
//   kBoardCluster (cluster id) the board's audience.
//   kBoardMine    (participant id) that participant: their notes and dots.
//   kBoardTally   (note id, while it has dots) facilitators; the board's
//                 audience too in the results, or during a live-tally vote.

#include <set>

#include "domain/activity.h"

namespace campana::domain {

using NoteId = uint32_t;     // 1-based, across every board of the workshop
using ClusterId = uint32_t;  // 1-based, likewise

enum class BoardPhase : uint8_t {
  kWrite = 1,
  kReveal = 2,
  kGroup = 3,
  kVote = 4,
  kResults = 5,
};
constexpr BoardPhase kLastBoardPhase = BoardPhase::kResults;

inline constexpr size_t kMaxBoardNoteCodePoints = 280;
inline constexpr size_t kMaxNotesPerPersonPerBoard = 30;
inline constexpr size_t kMaxNotesPerBoard = 5'000;  // an item, all groups
inline constexpr size_t kMaxLinksPerNote = 12;
inline constexpr uint32_t kDefaultDotBudget = 5;  // Parabol's defaults
inline constexpr uint32_t kDefaultDotCap = 3;
inline constexpr uint32_t kMaxDotBudget = 50;
inline constexpr size_t kMaxBoardColumns = 12;
inline constexpr size_t kMaxBoardRows = 6;

}  // namespace campana::domain

namespace campana::domain::cmd {

struct SetBoardPhase {
  static constexpr const char* kName = "SetBoardPhase";
  static constexpr Permission kAllowed = kForFacilitators;
  int board = -1;
  BoardPhase phase = BoardPhase::kWrite;
};

struct AddNote {
  static constexpr const char* kName = "AddNote";
  static constexpr Permission kAllowed = kForParticipants;
  int board = -1;
  uint32_t column = 0;
  uint32_t row = 0;
  std::string text;
};

struct EditNote {
  static constexpr const char* kName = "EditNote";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  NoteId note = 0;
  std::string text;
};

struct DeleteNote {
  static constexpr const char* kName = "DeleteNote";
  static constexpr Permission kAllowed = kForParticipants;
  NoteId note = 0;
};

struct HideNote {
  static constexpr const char* kName = "HideNote";
  static constexpr Permission kAllowed = kForFacilitators;
  NoteId note = 0;
  bool hidden = true;
};

struct GroupNote {
  static constexpr const char* kName = "GroupNote";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  NoteId note = 0;
  NoteId into = 0;  // 0: out of its cluster
};

struct NameCluster {
  static constexpr const char* kName = "NameCluster";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  ClusterId cluster = 0;
  std::string title;
};

struct LinkNotes {
  static constexpr const char* kName = "LinkNotes";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  NoteId note = 0;
  NoteId to = 0;
  bool linked = true;
};

struct LinkGoal {
  static constexpr const char* kName = "LinkGoal";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  NoteId note = 0;
  uint32_t column = 0;
  bool linked = true;
};

struct CastDot {
  static constexpr const char* kName = "CastDot";
  static constexpr Permission kAllowed = kForParticipants;
  NoteId note = 0;
};

struct WithdrawDot {
  static constexpr const char* kName = "WithdrawDot";
  static constexpr Permission kAllowed = kForParticipants;
  NoteId note = 0;
};

struct ProjectBoard {
  static constexpr const char* kName = "ProjectBoard";
  static constexpr Permission kAllowed = kForFacilitators;
  int board = -1;
  GroupNumber group = 0;  // 0: all groups
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

struct BoardSetUp {
  int board = -1;
  BoardConfig config;
  bool operator==(const BoardSetUp&) const = default;
};

struct BoardPhaseSet {
  int board = -1;
  BoardPhase phase = BoardPhase::kWrite;
  Time at;
  bool operator==(const BoardPhaseSet&) const = default;
};

struct NoteAdded {
  NoteId note = 0;
  int board = -1;
  GroupNumber group = 0;
  uint32_t column = 0;
  uint32_t row = 0;
  ParticipantId author = 0;
  std::string text;
  Time at;
  bool operator==(const NoteAdded&) const = default;
};

struct NoteEdited {
  NoteId note = 0;
  std::string text;
  bool by_facilitator = false;
  bool operator==(const NoteEdited&) const = default;
};

struct NoteDeleted {
  NoteId note = 0;
  bool operator==(const NoteDeleted&) const = default;
};

struct NoteHidden {
  NoteId note = 0;
  bool hidden = true;
  bool operator==(const NoteHidden&) const = default;
};

// Into `cluster` (new if unknown), or out of its cluster when 0; a cluster
// left empty goes.
struct NoteGrouped {
  NoteId note = 0;
  ClusterId cluster = 0;
  bool operator==(const NoteGrouped&) const = default;
};

struct ClusterNamed {
  ClusterId cluster = 0;
  std::string title;
  bool operator==(const ClusterNamed&) const = default;
};

struct NotesLinked {
  NoteId note = 0;
  NoteId to = 0;
  bool linked = true;
  bool operator==(const NotesLinked&) const = default;
};

struct GoalLinked {
  NoteId note = 0;
  uint32_t column = 0;
  bool linked = true;
  bool operator==(const GoalLinked&) const = default;
};

struct DotCast {
  ParticipantId participant = 0;
  NoteId note = 0;
  bool operator==(const DotCast&) const = default;
};

struct DotWithdrawn {
  ParticipantId participant = 0;
  NoteId note = 0;
  bool operator==(const DotWithdrawn&) const = default;
};

struct BoardProjected {
  int board = -1;
  GroupNumber group = 0;
  bool operator==(const BoardProjected&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

struct Board {
  int index = -1;  // the agenda item's
  BoardConfig config;
  BoardPhase phase = BoardPhase::kWrite;
  Time phase_since;
  GroupNumber projected_group = 0;
  bool operator==(const Board&) const = default;
};

struct Note {
  NoteId id = 0;
  int board = -1;
  GroupNumber group = 0;  // 0: the room's board
  uint32_t column = 0;
  uint32_t row = 0;
  ParticipantId author = 0;
  std::string text;
  Time at;
  bool hidden = false;
  bool edited_by_facilitator = false;
  ClusterId cluster = 0;
  std::set<NoteId> linked_notes;
  std::set<uint32_t> linked_columns;
  bool operator==(const Note&) const = default;
};

struct NoteCluster {
  ClusterId id = 0;
  int board = -1;
  GroupNumber group = 0;
  std::string title;
  std::set<NoteId> notes;
  bool operator==(const NoteCluster&) const = default;
};

struct BoardState {
  std::map<int, Board> boards;  // by agenda index
  std::map<NoteId, Note> notes;
  std::map<ClusterId, NoteCluster> clusters;
  std::map<std::pair<ParticipantId, NoteId>, uint32_t> dots;  // > 0
  NoteId next_note_id = 1;
  ClusterId next_cluster_id = 1;
  bool operator==(const BoardState&) const = default;

  const Board* FindBoard(int index) const;
  const Note* FindNote(NoteId id) const;
  // Every dot on note `id`.
  uint32_t DotsOn(NoteId id) const;
};

// One line of a board's ranking: a cluster (with its notes) or a note alone.
struct RankedUnit {
  ClusterId cluster = 0;      // 0: a note alone
  std::vector<NoteId> notes;  // the cluster's, or the one note
  uint32_t dots = 0;
  uint32_t rank = 0;  // 1 = most dots; equal dots share a rank
  bool operator==(const RankedUnit&) const = default;
};

// The engine's view of the activity: see domain/activity.h for each hook.
struct BoardActivity {
  using State = BoardState;
  using CommandTypes =
      TypeList<cmd::SetBoardPhase, cmd::AddNote, cmd::EditNote, cmd::DeleteNote,
               cmd::HideNote, cmd::GroupNote, cmd::NameCluster, cmd::LinkNotes,
               cmd::LinkGoal, cmd::CastDot, cmd::WithdrawDot,
               cmd::ProjectBoard>;
  using EventTypes =
      TypeList<ev::BoardSetUp, ev::BoardPhaseSet, ev::NoteAdded, ev::NoteEdited,
               ev::NoteDeleted, ev::NoteHidden, ev::NoteGrouped,
               ev::ClusterNamed, ev::NotesLinked, ev::GoalLinked, ev::DotCast,
               ev::DotWithdrawn, ev::BoardProjected>;
  static constexpr std::array kDocs{DocKind::kBoard, DocKind::kBoardNote,
                                    DocKind::kBoardCluster, DocKind::kBoardMine,
                                    DocKind::kBoardTally};

  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::SetBoardPhase& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::AddNote& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::EditNote& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::DeleteNote& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::HideNote& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::GroupNote& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::NameCluster& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::LinkNotes& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::LinkGoal& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::CastDot& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::WithdrawDot& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::ProjectBoard& command);
  static void Apply(WorkshopState& s, const ev::BoardSetUp& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::BoardPhaseSet& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::NoteAdded& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::NoteEdited& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::NoteDeleted& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::NoteHidden& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::NoteGrouped& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::ClusterNamed& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::NotesLinked& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::GoalLinked& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::DotCast& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::DotWithdrawn& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::BoardProjected& e, Touched& t);

  // The name a note shows: its author's, on a named board while they are in
  // the workshop; otherwise empty.
  static std::string AuthorName(const WorkshopState& s, const Note& note);
  // Board `index`'s ranking for group `group` (0: the room's, or all groups'
  // when the board is per group): clusters and unclustered visible notes with
  // at least one dot, most dots first.
  static std::vector<RankedUnit> Ranking(const WorkshopState& s, int index,
                                         GroupNumber group);

  CAMPANA_ACTIVITY_HOOKS
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_BOARD_BOARD_H_
