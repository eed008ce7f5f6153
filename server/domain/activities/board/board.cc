// Boards of notes: the rules of each phase, the dot budget and cap, and who
// sees what. Everything a participant wrote stays when the phase moves, the
// agenda moves on or they leave; only its author deletes a note.

#include "domain/activities/board/board.h"

#include <algorithm>
#include <ostream>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain {

const Board* BoardState::FindBoard(int index) const {
  auto it = boards.find(index);
  return it == boards.end() ? nullptr : &it->second;
}

const Note* BoardState::FindNote(NoteId id) const {
  auto it = notes.find(id);
  return it == notes.end() ? nullptr : &it->second;
}

uint32_t BoardState::DotsOn(NoteId id) const {
  uint32_t total = 0;
  for (const auto& [key, count] : dots)
    if (key.second == id) total += count;
  return total;
}

namespace {

using internal::Context;
using internal::Events;
using internal::Nothing;

constexpr size_t kMaxClusterTitleCodePoints = kMaxTitleCodePoints;

bool IsFacilitator(const Context& c) {
  return c.actor.role == Role::kFacilitator;
}

Result<const Board*> ExistingBoard(const Context& c, int index) {
  const Board* board = c.state.board.FindBoard(index);
  if (board == nullptr)
    return Rejection::NotFound("no board at agenda item " +
                               std::to_string(index));
  return board;
}

Result<const Note*> ExistingNote(const Context& c, NoteId id) {
  const Note* note = c.state.board.FindNote(id);
  if (note == nullptr)
    return Rejection::NotFound("no note " + std::to_string(id));
  return note;
}

const Board& BoardOf(const WorkshopState& s, const Note& note) {
  return s.board.boards.at(note.board);
}

// The board (group number; 0: the room's) participant `p` writes and votes on.
GroupNumber BoardGroupOf(const WorkshopState& s, const Board& board,
                         ParticipantId p) {
  if (board.config.one_board_for_room) return 0;
  auto it = s.participants.find(p);
  return it == s.participants.end() ? 0 : it->second.group;
}

// Whether participant `p` is on the board that holds `note`.
bool OnBoardOf(const WorkshopState& s, ParticipantId p, const Note& note) {
  const Board& board = BoardOf(s, note);
  if (board.config.one_board_for_room) return true;
  const GroupNumber g = BoardGroupOf(s, board, p);
  return g != 0 && g == note.group;
}

// Who sees a board's revealed notes: its group and the staff, or everyone.
Visibility BoardAudience(const Board& board, GroupNumber group) {
  if (board.config.one_board_for_room) return {Audience::Everyone()};
  return {Audience::Staff(), Audience::Group(group)};
}

Visibility AuthorAndFacilitators(ParticipantId author) {
  return {Audience::Facilitators(), Audience::Participant(author)};
}

// A participant may act on a note of their own board that nobody hid.
Result<bool> CheckParticipantSees(const Context& c, const Note& note) {
  if (!OnBoardOf(c.state, c.actor.participant, note) || note.hidden)
    return Rejection::NotFound("no note " + std::to_string(note.id));
  return true;
}

// Grouping, naming clusters and (in the group phase) linking: facilitators at
// any time; participants of the note's board in the group phase, unless the
// item leaves grouping to the facilitators.
Result<bool> CheckMayGroup(const Context& c, const Board& board) {
  if (IsFacilitator(c)) return true;
  if (board.phase != BoardPhase::kGroup)
    return Rejection::FailedPrecondition("the board is not being grouped now");
  if (board.config.grouping_by_facilitators_only)
    return Rejection::PermissionDenied("the facilitators group this board");
  return true;
}

// Links: facilitators at any time; the note's author while writing; whoever
// may group in the group phase.
Result<bool> CheckMayLink(const Context& c, const Note& note) {
  const Board& board = BoardOf(c.state, note);
  if (!board.config.links)
    return Rejection::FailedPrecondition("this board has no links");
  if (IsFacilitator(c)) return true;
  auto sees = CheckParticipantSees(c, note);
  if (!sees.ok()) return sees.rejection();
  if (board.phase == BoardPhase::kWrite) {
    if (note.author != c.actor.participant)
      return Rejection::PermissionDenied("while writing, only your own notes");
    return true;
  }
  return CheckMayGroup(c, board);
}

// Every dot on note `id`, as events that give them back.
void GiveDotsBack(const BoardState& b, NoteId id, std::vector<Event>& events) {
  for (const auto& [key, count] : b.dots) {
    if (key.second != id) continue;
    for (uint32_t i = 0; i < count; ++i)
      events.emplace_back(ev::DotWithdrawn{key.first, id});
  }
}

// Participant p's dots on the notes of board `index`, and on the notes of
// `unit` (a cluster's notes, or one note).
uint32_t DotsOf(const BoardState& b, ParticipantId p, int index) {
  uint32_t used = 0;
  for (auto it = b.dots.lower_bound({p, 0});
       it != b.dots.end() && it->first.first == p; ++it) {
    const Note* note = b.FindNote(it->first.second);
    if (note != nullptr && note->board == index) used += it->second;
  }
  return used;
}

uint32_t DotsOnUnit(const BoardState& b, ParticipantId p, const Note& note) {
  auto mine = [&](NoteId id) {
    auto it = b.dots.find({p, id});
    return it == b.dots.end() ? 0U : it->second;
  };
  if (note.cluster == 0) return mine(note.id);
  uint32_t used = 0;
  for (NoteId id : b.clusters.at(note.cluster).notes) used += mine(id);
  return used;
}

bool HasNotesOrDots(const BoardState& b, ParticipantId p) {
  auto dot = b.dots.lower_bound({p, 0});
  if (dot != b.dots.end() && dot->first.first == p) return true;
  return std::any_of(b.notes.begin(), b.notes.end(),
                     [p](const auto& n) { return n.second.author == p; });
}

// While writing a board that is not live, a note is its author's (and the
// facilitators').
bool NotesPrivate(const Board& board) {
  return board.phase == BoardPhase::kWrite && !board.config.notes_live;
}

// Tallies reach the board's audience in the results, or live during the vote.
bool TalliesShown(const Board& board) {
  return board.phase == BoardPhase::kResults ||
         (board.phase == BoardPhase::kVote && board.config.tallies_live);
}

const char* PhaseName(BoardPhase phase) {
  switch (phase) {
    case BoardPhase::kWrite:
      return "write";
    case BoardPhase::kReveal:
      return "reveal";
    case BoardPhase::kGroup:
      return "group";
    case BoardPhase::kVote:
      return "vote";
    case BoardPhase::kResults:
      return "results";
  }
  return "?";
}

}  // namespace

// ---- Decide

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::SetBoardPhase& command) {
  auto board = ExistingBoard(c, command.board);
  if (!board.ok()) return board.rejection();
  if (command.phase < BoardPhase::kWrite || command.phase > kLastBoardPhase)
    return Rejection::InvalidArgument("no such board phase");
  if (board.value()->phase == command.phase) return Nothing();
  return Events({ev::BoardPhaseSet{command.board, command.phase, c.now}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::AddNote& command) {
  auto found = ExistingBoard(c, command.board);
  if (!found.ok()) return found.rejection();
  const Board& board = *found.value();
  if (board.phase != BoardPhase::kWrite)
    return Rejection::FailedPrecondition("the board is not taking notes now");
  const GroupNumber group = BoardGroupOf(c.state, board, c.actor.participant);
  if (!board.config.one_board_for_room && group == 0)
    return Rejection::FailedPrecondition("you are not in a group");
  if (command.column >= board.config.columns.size() ||
      command.row >= board.config.row_count())
    return Rejection::InvalidArgument("no such cell on this board");
  auto text = CheckText(command.text, kMaxBoardNoteCodePoints, "the note");
  if (!text.ok()) return text.rejection();
  size_t mine = 0;
  size_t all = 0;
  for (const auto& [id, note] : c.state.board.notes) {
    if (note.board != command.board) continue;
    ++all;
    mine += note.author == c.actor.participant;
  }
  if (mine >= kMaxNotesPerPersonPerBoard) {
    return Rejection::FailedPrecondition(
        "you have written " + std::to_string(kMaxNotesPerPersonPerBoard) +
        " notes on this board already");
  }
  if (all >= kMaxNotesPerBoard)
    return Rejection::FailedPrecondition("this board is full");
  return Events({ev::NoteAdded{c.state.board.next_note_id, command.board, group,
                               command.column, command.row, c.actor.participant,
                               text.value(), c.now}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::EditNote& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  const Note& note = *found.value();
  const bool moderating = IsFacilitator(c);
  if (!moderating) {
    if (note.author != c.actor.participant)
      return Rejection::PermissionDenied("you may edit only your own notes");
    if (BoardOf(c.state, note).phase != BoardPhase::kWrite)
      return Rejection::FailedPrecondition("notes can be edited while writing");
    if (note.hidden)
      return Rejection::FailedPrecondition("a facilitator hid this note");
  }
  auto text = CheckText(command.text, kMaxBoardNoteCodePoints, "the note");
  if (!text.ok()) return text.rejection();
  if (text.value() == note.text) return Nothing();
  return Events({ev::NoteEdited{command.note, text.value(), moderating}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::DeleteNote& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  const Note& note = *found.value();
  if (note.author != c.actor.participant)
    return Rejection::PermissionDenied("you may delete only your own notes");
  if (BoardOf(c.state, note).phase != BoardPhase::kWrite)
    return Rejection::FailedPrecondition("notes can be deleted while writing");
  std::vector<Event> events;
  GiveDotsBack(c.state.board, note.id, events);
  events.emplace_back(ev::NoteDeleted{note.id});
  return Events(std::move(events));
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::HideNote& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  if (found.value()->hidden == command.hidden) return Nothing();
  std::vector<Event> events;
  // A hidden note takes no dots: its voters may spend them elsewhere.
  if (command.hidden) GiveDotsBack(c.state.board, command.note, events);
  events.emplace_back(ev::NoteHidden{command.note, command.hidden});
  return Events(std::move(events));
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::GroupNote& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  const Note& note = *found.value();
  if (!IsFacilitator(c)) {
    auto sees = CheckParticipantSees(c, note);
    if (!sees.ok()) return sees.rejection();
  }
  auto may = CheckMayGroup(c, BoardOf(c.state, note));
  if (!may.ok()) return may.rejection();
  if (command.into == 0) {
    if (note.cluster == 0) return Nothing();
    return Events({ev::NoteGrouped{note.id, 0}});
  }
  if (command.into == note.id)
    return Rejection::InvalidArgument("a note cannot be grouped with itself");
  auto into_found = ExistingNote(c, command.into);
  if (!into_found.ok()) return into_found.rejection();
  const Note& into = *into_found.value();
  if (into.board != note.board || into.group != note.group)
    return Rejection::InvalidArgument("both notes must be on the same board");
  if (!IsFacilitator(c)) {
    auto sees = CheckParticipantSees(c, into);
    if (!sees.ok()) return sees.rejection();
  }
  if (into.cluster != 0) {
    if (into.cluster == note.cluster) return Nothing();
    return Events({ev::NoteGrouped{note.id, into.cluster}});
  }
  const ClusterId fresh = c.state.board.next_cluster_id;
  return Events(
      {ev::NoteGrouped{into.id, fresh}, ev::NoteGrouped{note.id, fresh}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::NameCluster& command) {
  auto it = c.state.board.clusters.find(command.cluster);
  if (it == c.state.board.clusters.end())
    return Rejection::NotFound("no cluster " + std::to_string(command.cluster));
  const NoteCluster& cluster = it->second;
  const Board& board = c.state.board.boards.at(cluster.board);
  if (!IsFacilitator(c)) {
    if (!board.config.one_board_for_room &&
        BoardGroupOf(c.state, board, c.actor.participant) != cluster.group)
      return Rejection::NotFound("no cluster " +
                                 std::to_string(command.cluster));
  }
  auto may = CheckMayGroup(c, board);
  if (!may.ok()) return may.rejection();
  std::string title;
  if (!command.title.empty()) {
    auto checked =
        CheckText(command.title, kMaxClusterTitleCodePoints, "the title");
    if (!checked.ok()) return checked.rejection();
    title = checked.value();
  }
  if (title == cluster.title) return Nothing();
  return Events({ev::ClusterNamed{command.cluster, title}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::LinkNotes& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  const Note& note = *found.value();
  auto may = CheckMayLink(c, note);
  if (!may.ok()) return may.rejection();
  if (command.to == note.id)
    return Rejection::InvalidArgument("a note cannot link to itself");
  auto to_found = ExistingNote(c, command.to);
  if (!to_found.ok()) return to_found.rejection();
  const Note& to = *to_found.value();
  if (to.board != note.board || to.group != note.group)
    return Rejection::InvalidArgument("both notes must be on the same board");
  if (!IsFacilitator(c)) {
    auto sees = CheckParticipantSees(c, to);
    if (!sees.ok()) return sees.rejection();
  }
  if (note.linked_notes.contains(to.id) == command.linked) return Nothing();
  if (command.linked && note.linked_notes.size() >= kMaxLinksPerNote) {
    return Rejection::FailedPrecondition("a note links to at most " +
                                         std::to_string(kMaxLinksPerNote) +
                                         " notes");
  }
  return Events({ev::NotesLinked{note.id, to.id, command.linked}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::LinkGoal& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  const Note& note = *found.value();
  auto may = CheckMayLink(c, note);
  if (!may.ok()) return may.rejection();
  if (command.column >= BoardOf(c.state, note).config.columns.size())
    return Rejection::InvalidArgument("no such column on this board");
  if (command.column == note.column)
    return Rejection::InvalidArgument("the note is in that column already");
  if (note.linked_columns.contains(command.column) == command.linked)
    return Nothing();
  if (command.linked && note.linked_columns.size() >= kMaxLinksPerNote) {
    return Rejection::FailedPrecondition("a note links to at most " +
                                         std::to_string(kMaxLinksPerNote) +
                                         " columns");
  }
  return Events({ev::GoalLinked{note.id, command.column, command.linked}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::CastDot& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  const Note& note = *found.value();
  auto sees = CheckParticipantSees(c, note);
  if (!sees.ok()) return sees.rejection();
  const Board& board = BoardOf(c.state, note);
  if (board.phase != BoardPhase::kVote)
    return Rejection::FailedPrecondition("the vote is not open");
  const BoardState& b = c.state.board;
  const ParticipantId p = c.actor.participant;
  if (DotsOf(b, p, note.board) >= board.config.dot_budget) {
    return Rejection::FailedPrecondition(
        "you have spent your " + std::to_string(board.config.dot_budget) +
        " dots");
  }
  if (DotsOnUnit(b, p, note) >= board.config.dot_cap) {
    return Rejection::FailedPrecondition(
        "at most " + std::to_string(board.config.dot_cap) +
        " of your dots on one note or cluster");
  }
  return Events({ev::DotCast{p, note.id}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::WithdrawDot& command) {
  auto found = ExistingNote(c, command.note);
  if (!found.ok()) return found.rejection();
  const Note& note = *found.value();
  if (BoardOf(c.state, note).phase != BoardPhase::kVote)
    return Rejection::FailedPrecondition("the vote is not open");
  if (!c.state.board.dots.contains({c.actor.participant, note.id}))
    return Rejection::FailedPrecondition("you have no dot on this note");
  return Events({ev::DotWithdrawn{c.actor.participant, note.id}});
}

Result<Decision> BoardActivity::Decide(const Context& c,
                                       const cmd::ProjectBoard& command) {
  auto board = ExistingBoard(c, command.board);
  if (!board.ok()) return board.rejection();
  if (command.group > c.state.groups.count() ||
      (board.value()->config.one_board_for_room && command.group != 0))
    return Rejection::InvalidArgument("no such group's board");
  if (board.value()->projected_group == command.group) return Nothing();
  return Events({ev::BoardProjected{command.board, command.group}});
}

// ---- Apply

void BoardActivity::Apply(WorkshopState& s, const ev::BoardSetUp& e,
                          Touched& t) {
  s.board.boards[e.board] = Board{.index = e.board, .config = e.config};
  t.Add({DocKind::kBoard, static_cast<uint64_t>(e.board)});
}

void BoardActivity::Apply(WorkshopState& s, const ev::BoardPhaseSet& e,
                          Touched& t) {
  Board& board = s.board.boards.at(e.board);
  const bool was_private = NotesPrivate(board);
  const bool tallies_were_shown = TalliesShown(board);
  board.phase = e.phase;
  board.phase_since = e.at;
  t.Add({DocKind::kBoard, static_cast<uint64_t>(e.board)});
  // Only the documents whose audience the phase changes: re-sending a
  // 2,500-note board to every phone on each move would cost megabytes.
  const bool notes_move = was_private != NotesPrivate(board);
  const bool tallies_move = tallies_were_shown != TalliesShown(board);
  if (!notes_move && !tallies_move) return;
  for (const auto& [id, note] : s.board.notes) {
    if (note.board != e.board) continue;
    if (notes_move) t.Add({DocKind::kBoardNote, id});
    if (tallies_move) t.Add({DocKind::kBoardTally, id});
  }
}

void BoardActivity::Apply(WorkshopState& s, const ev::NoteAdded& e,
                          Touched& t) {
  BoardState& b = s.board;
  b.notes[e.note] = Note{.id = e.note,
                         .board = e.board,
                         .group = e.group,
                         .column = e.column,
                         .row = e.row,
                         .author = e.author,
                         .text = e.text,
                         .at = e.at};
  b.next_note_id = std::max(b.next_note_id, e.note + 1);
  t.Add({DocKind::kBoardNote, e.note});
  t.Add({DocKind::kBoardMine, e.author});
}

void BoardActivity::Apply(WorkshopState& s, const ev::NoteEdited& e,
                          Touched& t) {
  Note& note = s.board.notes.at(e.note);
  note.text = e.text;
  note.edited_by_facilitator = e.by_facilitator;
  t.Add({DocKind::kBoardNote, e.note});
}

// Takes note `id` out of its cluster; a cluster left empty goes.
static void LeaveCluster(BoardState& b, Note& note, Touched& t) {
  if (note.cluster == 0) return;
  auto it = b.clusters.find(note.cluster);
  if (it != b.clusters.end()) {
    it->second.notes.erase(note.id);
    if (it->second.notes.empty()) b.clusters.erase(it);
    t.Add({DocKind::kBoardCluster, note.cluster});
  }
  note.cluster = 0;
}

void BoardActivity::Apply(WorkshopState& s, const ev::NoteDeleted& e,
                          Touched& t) {
  BoardState& b = s.board;
  Note& note = b.notes.at(e.note);
  LeaveCluster(b, note, t);
  for (auto& [id, other] : b.notes) {
    if (other.linked_notes.erase(e.note) > 0) t.Add({DocKind::kBoardNote, id});
  }
  std::erase_if(b.dots, [&](const auto& d) {
    if (d.first.second != e.note) return false;
    t.Add({DocKind::kBoardMine, d.first.first});
    return true;
  });
  t.Add({DocKind::kBoardNote, e.note});
  t.Add({DocKind::kBoardTally, e.note});
  t.Add({DocKind::kBoardMine, note.author});
  b.notes.erase(e.note);
}

void BoardActivity::Apply(WorkshopState& s, const ev::NoteHidden& e,
                          Touched& t) {
  s.board.notes.at(e.note).hidden = e.hidden;
  t.Add({DocKind::kBoardNote, e.note});
  t.Add({DocKind::kBoardTally, e.note});
}

void BoardActivity::Apply(WorkshopState& s, const ev::NoteGrouped& e,
                          Touched& t) {
  BoardState& b = s.board;
  Note& note = b.notes.at(e.note);
  LeaveCluster(b, note, t);
  if (e.cluster != 0) {
    auto [it, fresh] = b.clusters.try_emplace(e.cluster);
    NoteCluster& cluster = it->second;
    if (fresh) {
      cluster.id = e.cluster;
      cluster.board = note.board;
      cluster.group = note.group;
    }
    cluster.notes.insert(note.id);
    note.cluster = e.cluster;
    b.next_cluster_id = std::max(b.next_cluster_id, e.cluster + 1);
    t.Add({DocKind::kBoardCluster, e.cluster});
  }
  t.Add({DocKind::kBoardNote, e.note});
}

void BoardActivity::Apply(WorkshopState& s, const ev::ClusterNamed& e,
                          Touched& t) {
  s.board.clusters.at(e.cluster).title = e.title;
  t.Add({DocKind::kBoardCluster, e.cluster});
}

void BoardActivity::Apply(WorkshopState& s, const ev::NotesLinked& e,
                          Touched& t) {
  Note& note = s.board.notes.at(e.note);
  if (e.linked) {
    note.linked_notes.insert(e.to);
  } else {
    note.linked_notes.erase(e.to);
  }
  t.Add({DocKind::kBoardNote, e.note});
}

void BoardActivity::Apply(WorkshopState& s, const ev::GoalLinked& e,
                          Touched& t) {
  Note& note = s.board.notes.at(e.note);
  if (e.linked) {
    note.linked_columns.insert(e.column);
  } else {
    note.linked_columns.erase(e.column);
  }
  t.Add({DocKind::kBoardNote, e.note});
}

void BoardActivity::Apply(WorkshopState& s, const ev::DotCast& e, Touched& t) {
  ++s.board.dots[{e.participant, e.note}];
  t.Add({DocKind::kBoardMine, e.participant});
  t.Add({DocKind::kBoardTally, e.note});
}

void BoardActivity::Apply(WorkshopState& s, const ev::DotWithdrawn& e,
                          Touched& t) {
  auto it = s.board.dots.find({e.participant, e.note});
  if (it != s.board.dots.end() && --it->second == 0) s.board.dots.erase(it);
  t.Add({DocKind::kBoardMine, e.participant});
  t.Add({DocKind::kBoardTally, e.note});
}

void BoardActivity::Apply(WorkshopState& s, const ev::BoardProjected& e,
                          Touched& t) {
  s.board.boards.at(e.board).projected_group = e.group;
  t.Add({DocKind::kBoard, static_cast<uint64_t>(e.board)});
}

// ---- Queries

std::string BoardActivity::AuthorName(const WorkshopState& s,
                                      const Note& note) {
  if (!BoardOf(s, note).config.named) return "";
  const Participant* author = s.FindParticipant(note.author);
  return author == nullptr ? "" : author->display_name;
}

std::vector<RankedUnit> BoardActivity::Ranking(const WorkshopState& s,
                                               int index, GroupNumber group) {
  const BoardState& b = s.board;
  std::map<NoteId, uint32_t> dots;
  for (const auto& [key, count] : b.dots) dots[key.second] += count;
  std::vector<RankedUnit> units;
  std::map<ClusterId, size_t> unit_of_cluster;
  for (const auto& [id, note] : b.notes) {
    if (note.board != index || note.hidden) continue;
    if (group != 0 && note.group != group) continue;
    RankedUnit* unit = nullptr;
    if (note.cluster != 0) {
      auto [it, fresh] =
          unit_of_cluster.try_emplace(note.cluster, units.size());
      if (fresh) units.push_back({.cluster = note.cluster});
      unit = &units[it->second];
    } else {
      unit = &units.emplace_back();
    }
    unit->notes.push_back(id);
    unit->dots += dots[id];
  }
  // Most dots first; ties keep the order of their first note (the older).
  std::stable_sort(
      units.begin(), units.end(),
      [](const RankedUnit& a, const RankedUnit& b) { return a.dots > b.dots; });
  for (size_t i = 0; i < units.size(); ++i) {
    units[i].rank = i > 0 && units[i - 1].dots == units[i].dots
                        ? units[i - 1].rank
                        : static_cast<uint32_t>(i + 1);
  }
  return units;
}

// ---- Hooks

void BoardActivity::SetUp(const Context& c, int index, const AgendaItem& item,
                          std::vector<Event>& events) {
  if (item.activity != ActivityKind::kBoard ||
      c.state.board.boards.contains(index))
    return;
  events.emplace_back(ev::BoardSetUp{index, item.board});
}

void BoardActivity::Joined(const Context&, const ev::ParticipantJoined&,
                           std::vector<Event>&) {}

void BoardActivity::Tick(const Context&, std::vector<Event>&) {}

std::optional<Time> BoardActivity::NextDeadline(const WorkshopState&) {
  return std::nullopt;
}

// Their name on a named board's notes; their own document goes when they
// leave. What they wrote and the dots they cast stay: nothing submitted is
// lost.
void BoardActivity::TouchParticipant(const WorkshopState& s, ParticipantId p,
                                     Touched& t) {
  const BoardState& b = s.board;
  bool any = false;
  for (const auto& [id, note] : b.notes) {
    if (note.author != p) continue;
    any = true;
    if (BoardOf(s, note).config.named) t.Add({DocKind::kBoardNote, id});
  }
  if (any || HasNotesOrDots(b, p)) t.Add({DocKind::kBoardMine, p});
}

void BoardActivity::TouchLayout(const WorkshopState&, Touched&) {}

void BoardActivity::ForEachDoc(const WorkshopState& s,
                               const DocVisitor& visit) {
  const BoardState& b = s.board;
  for (const auto& [index, board] : b.boards)
    visit({DocKind::kBoard, static_cast<uint64_t>(index)});
  for (const auto& [id, note] : b.notes) visit({DocKind::kBoardNote, id});
  for (const auto& [id, cluster] : b.clusters)
    visit({DocKind::kBoardCluster, id});
  std::set<ParticipantId> owners;
  for (const auto& [id, note] : b.notes) owners.insert(note.author);
  for (const auto& [key, count] : b.dots) owners.insert(key.first);
  for (ParticipantId p : owners)
    if (s.FindParticipant(p) != nullptr) visit({DocKind::kBoardMine, p});
  std::set<NoteId> tallied;
  for (const auto& [key, count] : b.dots) tallied.insert(key.second);
  for (NoteId id : tallied) visit({DocKind::kBoardTally, id});
}

Visibility BoardActivity::VisibilityOf(const WorkshopState& s,
                                       const DocKey& key) {
  const BoardState& b = s.board;
  switch (key.kind) {
    case DocKind::kBoard:
      if (b.FindBoard(static_cast<int>(key.id)) == nullptr) return {};
      return {Audience::Everyone()};
    case DocKind::kBoardNote: {
      const Note* note = b.FindNote(static_cast<NoteId>(key.id));
      if (note == nullptr) return {};
      const Board& board = BoardOf(s, *note);
      if (note->hidden || NotesPrivate(board))
        return AuthorAndFacilitators(note->author);
      return BoardAudience(board, note->group);
    }
    case DocKind::kBoardCluster: {
      auto it = b.clusters.find(static_cast<ClusterId>(key.id));
      if (it == b.clusters.end()) return {};
      return BoardAudience(b.boards.at(it->second.board), it->second.group);
    }
    case DocKind::kBoardMine: {
      const auto p = static_cast<ParticipantId>(key.id);
      if (s.FindParticipant(p) == nullptr || !HasNotesOrDots(b, p)) return {};
      return {Audience::Participant(p)};
    }
    case DocKind::kBoardTally: {
      const Note* note = b.FindNote(static_cast<NoteId>(key.id));
      if (note == nullptr || b.DotsOn(note->id) == 0) return {};
      const Board& board = BoardOf(s, *note);
      if (note->hidden || !TalliesShown(board))
        return {Audience::Facilitators()};
      return BoardAudience(board, note->group);
    }
    default:
      return {};
  }
}

void BoardActivity::Describe(const WorkshopState& s, std::ostream& out) {
  using internal::Ms;
  const BoardState& b = s.board;
  for (const auto& [index, board] : b.boards) {
    out << "board " << index << " " << PhaseName(board.phase) << " "
        << board.config.columns.size() << "x" << board.config.row_count()
        << (board.config.one_board_for_room ? " room" : " per group")
        << (board.config.named ? " named" : " anonymous") << " dots "
        << board.config.dot_budget << "/" << board.config.dot_cap
        << " projected " << board.projected_group << "\n";
  }
  for (const auto& [id, note] : b.notes) {
    out << "note " << id << " board " << note.board << " group " << note.group
        << " cell " << note.column << "," << note.row << " by " << note.author
        << " \"" << note.text << "\"" << (note.hidden ? " hidden" : "")
        << (note.edited_by_facilitator ? " moderated" : "");
    if (note.cluster != 0) out << " cluster " << note.cluster;
    for (NoteId to : note.linked_notes) out << " ->" << to;
    for (uint32_t col : note.linked_columns) out << " goal " << col;
    out << "\n";
  }
  for (const auto& [id, cluster] : b.clusters)
    out << "cluster " << id << " \"" << cluster.title << "\" of "
        << cluster.notes.size() << "\n";
  for (const auto& [key, count] : b.dots)
    out << "dots " << key.first << " on " << key.second << ": " << count
        << "\n";
  if (!b.boards.empty())
    out << "next note " << b.next_note_id << " cluster " << b.next_cluster_id
        << "\n";
}

}  // namespace campana::domain
