// The board activity's part of the codec (domain/activities/board/).

#include <algorithm>

#include "codec/activities/registry.h"
#include "codec/convert.h"
#include "domain/activities/board/board.h"

namespace campana::codec {

using domain::Overloaded;
using internal::At;
using internal::Ms;
namespace cmd = domain::cmd;
namespace ev = domain::ev;
namespace pb = internal::pb;

namespace internal {

namespace {

void ToProto(const domain::BoardLane& lane, pb::BoardLane* out) {
  out->set_title(lane.title);
  out->set_hint(lane.hint);
  out->set_later_prompt(lane.later_prompt);
}

std::vector<domain::BoardLane> Lanes(
    const google::protobuf::RepeatedPtrField<pb::BoardLane>& lanes,
    size_t limit) {
  std::vector<domain::BoardLane> out;
  for (const pb::BoardLane& lane : lanes) {
    if (out.size() == limit) break;
    out.push_back({lane.title(), lane.hint(), lane.later_prompt()});
  }
  return out;
}

}  // namespace

void ToProto(const domain::BoardConfig& config, pb::BoardSpec* out) {
  out->set_prompt(config.prompt);
  for (const auto& lane : config.columns) ToProto(lane, out->add_columns());
  for (const auto& lane : config.rows) ToProto(lane, out->add_rows());
  out->set_one_board_for_room(config.one_board_for_room);
  out->set_notes_live(config.notes_live);
  out->set_named(config.named);
  out->set_grouping_by_facilitators_only(config.grouping_by_facilitators_only);
  out->set_dot_budget(config.dot_budget);
  out->set_dot_cap(config.dot_cap);
  out->set_tallies_live(config.tallies_live);
  out->set_links(config.links);
}

domain::BoardConfig FromProto(const pb::BoardSpec& spec) {
  domain::BoardConfig config{
      .prompt = spec.prompt(),
      .columns = Lanes(spec.columns(), domain::kMaxBoardColumns),
      .rows = Lanes(spec.rows(), domain::kMaxBoardRows),
      .one_board_for_room = spec.one_board_for_room(),
      .notes_live = spec.notes_live(),
      .named = spec.named(),
      .grouping_by_facilitators_only = spec.grouping_by_facilitators_only(),
      .dot_budget = spec.dot_budget() == 0
                        ? domain::kDefaultDotBudget
                        : std::min(spec.dot_budget(), domain::kMaxDotBudget),
      .tallies_live = spec.tallies_live(),
      .links = spec.links()};
  config.dot_cap =
      std::min(spec.dot_cap() == 0 ? domain::kDefaultDotCap : spec.dot_cap(),
               config.dot_budget);
  // A board without columns is one column: there must be somewhere to write.
  if (config.columns.empty()) config.columns.push_back({});
  return config;
}

}  // namespace internal

namespace {

using internal::FromProto;
using internal::ToProto;

pb::BoardPhase ToProto(domain::BoardPhase phase) {
  return static_cast<pb::BoardPhase>(phase);
}

// Unknown or unspecified phases are refused before the cast to the domain's
// one-byte enum (which would otherwise wrap).
domain::Result<domain::BoardPhase> PhaseFromProto(pb::BoardPhase phase) {
  if (phase < pb::BOARD_PHASE_WRITE || phase > pb::BOARD_PHASE_RESULTS)
    return domain::Rejection::InvalidArgument("no such board phase");
  return static_cast<domain::BoardPhase>(phase);
}

void ToProto(const domain::Board& board, pb::Board* out) {
  out->set_board(board.index);
  ToProto(board.config, out->mutable_spec());
  out->set_phase(ToProto(board.phase));
  out->set_phase_since_ms(Ms(board.phase_since));
  out->set_projected_group(board.projected_group);
}

// The note as every audience sees it (the author's name only on named
// boards); the author's id goes only into stored snapshots.
void ToProto(const domain::WorkshopState& s, const domain::Note& note,
             pb::BoardNote* out) {
  const domain::Board& board = s.board.boards.at(note.board);
  out->set_id(note.id);
  out->set_board(note.board);
  out->set_group(note.group);
  out->set_column(note.column);
  out->set_row(note.row);
  out->set_text(note.text);
  out->set_author_name(domain::BoardActivity::AuthorName(s, note));
  out->set_anonymous(!board.config.named);
  out->set_hidden(note.hidden);
  out->set_edited_by_facilitator(note.edited_by_facilitator);
  out->set_cluster_id(note.cluster);
  out->mutable_linked_notes()->Add(note.linked_notes.begin(),
                                   note.linked_notes.end());
  out->mutable_linked_columns()->Add(note.linked_columns.begin(),
                                     note.linked_columns.end());
  out->set_at_ms(Ms(note.at));
}

void ToProto(const domain::NoteCluster& cluster, pb::BoardCluster* out) {
  out->set_id(cluster.id);
  out->set_board(cluster.board);
  out->set_group(cluster.group);
  out->set_title(cluster.title);
}

}  // namespace

bool BoardCodec::EncodeEvent(const domain::Event& event, pb::Event* out) {
  bool encoded = true;
  std::visit(Overloaded{
                 [&](const ev::BoardSetUp& e) {
                   auto* m = out->mutable_board_set_up();
                   m->set_board(e.board);
                   ToProto(e.config, m->mutable_spec());
                 },
                 [&](const ev::BoardPhaseSet& e) {
                   auto* m = out->mutable_board_phase_set();
                   m->set_board(e.board);
                   m->set_phase(ToProto(e.phase));
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::NoteAdded& e) {
                   auto* m = out->mutable_note_added();
                   m->set_note_id(e.note);
                   m->set_board(e.board);
                   m->set_group(e.group);
                   m->set_column(e.column);
                   m->set_row(e.row);
                   m->set_author(e.author);
                   m->set_text(e.text);
                   m->set_at_ms(Ms(e.at));
                 },
                 [&](const ev::NoteEdited& e) {
                   auto* m = out->mutable_note_edited();
                   m->set_note_id(e.note);
                   m->set_text(e.text);
                   m->set_by_facilitator(e.by_facilitator);
                 },
                 [&](const ev::NoteDeleted& e) {
                   out->mutable_note_deleted()->set_note_id(e.note);
                 },
                 [&](const ev::NoteHidden& e) {
                   auto* m = out->mutable_note_hidden();
                   m->set_note_id(e.note);
                   m->set_hidden(e.hidden);
                 },
                 [&](const ev::NoteGrouped& e) {
                   auto* m = out->mutable_note_grouped();
                   m->set_note_id(e.note);
                   m->set_cluster_id(e.cluster);
                 },
                 [&](const ev::ClusterNamed& e) {
                   auto* m = out->mutable_cluster_named();
                   m->set_cluster_id(e.cluster);
                   m->set_title(e.title);
                 },
                 [&](const ev::NotesLinked& e) {
                   auto* m = out->mutable_notes_linked();
                   m->set_note_id(e.note);
                   m->set_to_note_id(e.to);
                   m->set_linked(e.linked);
                 },
                 [&](const ev::GoalLinked& e) {
                   auto* m = out->mutable_goal_linked();
                   m->set_note_id(e.note);
                   m->set_column(e.column);
                   m->set_linked(e.linked);
                 },
                 [&](const ev::DotCast& e) {
                   auto* m = out->mutable_dot_cast();
                   m->set_participant(e.participant);
                   m->set_note_id(e.note);
                 },
                 [&](const ev::DotWithdrawn& e) {
                   auto* m = out->mutable_dot_withdrawn();
                   m->set_participant(e.participant);
                   m->set_note_id(e.note);
                 },
                 [&](const ev::BoardProjected& e) {
                   auto* m = out->mutable_board_projected();
                   m->set_board(e.board);
                   m->set_group(e.group);
                 },
                 [&](const auto&) { encoded = false; },
             },
             event);
  return encoded;
}

std::optional<domain::Result<domain::Event>> BoardCodec::DecodeEvent(
    const pb::Event& event) {
  using domain::Event;
  switch (event.body_case()) {
    case pb::Event::kBoardSetUp:
      return Event(ev::BoardSetUp{event.board_set_up().board(),
                                  FromProto(event.board_set_up().spec())});
    case pb::Event::kBoardPhaseSet: {
      const auto& m = event.board_phase_set();
      auto phase = PhaseFromProto(m.phase());
      if (!phase.ok()) return phase.rejection();
      return Event(ev::BoardPhaseSet{m.board(), phase.value(), At(m.at_ms())});
    }
    case pb::Event::kNoteAdded: {
      const auto& m = event.note_added();
      return Event(ev::NoteAdded{m.note_id(), m.board(), m.group(), m.column(),
                                 m.row(), m.author(), m.text(), At(m.at_ms())});
    }
    case pb::Event::kNoteEdited: {
      const auto& m = event.note_edited();
      return Event(ev::NoteEdited{m.note_id(), m.text(), m.by_facilitator()});
    }
    case pb::Event::kNoteDeleted:
      return Event(ev::NoteDeleted{event.note_deleted().note_id()});
    case pb::Event::kNoteHidden:
      return Event(ev::NoteHidden{event.note_hidden().note_id(),
                                  event.note_hidden().hidden()});
    case pb::Event::kNoteGrouped:
      return Event(ev::NoteGrouped{event.note_grouped().note_id(),
                                   event.note_grouped().cluster_id()});
    case pb::Event::kClusterNamed:
      return Event(ev::ClusterNamed{event.cluster_named().cluster_id(),
                                    event.cluster_named().title()});
    case pb::Event::kNotesLinked: {
      const auto& m = event.notes_linked();
      return Event(ev::NotesLinked{m.note_id(), m.to_note_id(), m.linked()});
    }
    case pb::Event::kGoalLinked: {
      const auto& m = event.goal_linked();
      return Event(ev::GoalLinked{m.note_id(), m.column(), m.linked()});
    }
    case pb::Event::kDotCast:
      return Event(ev::DotCast{event.dot_cast().participant(),
                               event.dot_cast().note_id()});
    case pb::Event::kDotWithdrawn:
      return Event(ev::DotWithdrawn{event.dot_withdrawn().participant(),
                                    event.dot_withdrawn().note_id()});
    case pb::Event::kBoardProjected:
      return Event(ev::BoardProjected{event.board_projected().board(),
                                      event.board_projected().group()});
    default:
      return std::nullopt;
  }
}

std::optional<domain::Result<domain::Command>> BoardCodec::DecodeCommand(
    const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kSetBoardPhase: {
      const auto& m = command.set_board_phase();
      auto phase = PhaseFromProto(m.phase());
      if (!phase.ok()) return phase.rejection();
      return Command(cmd::SetBoardPhase{m.board(), phase.value()});
    }
    case pb::Command::kAddNote: {
      const auto& m = command.add_note();
      return Command(cmd::AddNote{m.board(), m.column(), m.row(), m.text()});
    }
    case pb::Command::kEditNote:
      return Command(cmd::EditNote{command.edit_note().note_id(),
                                   command.edit_note().text()});
    case pb::Command::kDeleteNote:
      return Command(cmd::DeleteNote{command.delete_note().note_id()});
    case pb::Command::kHideNote:
      return Command(cmd::HideNote{command.hide_note().note_id(),
                                   command.hide_note().hidden()});
    case pb::Command::kGroupNote:
      return Command(cmd::GroupNote{command.group_note().note_id(),
                                    command.group_note().into_note_id()});
    case pb::Command::kNameCluster:
      return Command(cmd::NameCluster{command.name_cluster().cluster_id(),
                                      command.name_cluster().title()});
    case pb::Command::kLinkNotes: {
      const auto& m = command.link_notes();
      return Command(cmd::LinkNotes{m.note_id(), m.to_note_id(), m.linked()});
    }
    case pb::Command::kLinkGoal: {
      const auto& m = command.link_goal();
      return Command(cmd::LinkGoal{m.note_id(), m.column(), m.linked()});
    }
    case pb::Command::kCastDot:
      return Command(cmd::CastDot{command.cast_dot().note_id()});
    case pb::Command::kWithdrawDot:
      return Command(cmd::WithdrawDot{command.withdraw_dot().note_id()});
    case pb::Command::kProjectBoard:
      return Command(cmd::ProjectBoard{command.project_board().board(),
                                       command.project_board().group()});
    default:
      return std::nullopt;
  }
}

bool BoardCodec::EncodeDoc(const domain::WorkshopState& s,
                           const domain::DocKey& key, pb::Doc* out) {
  const domain::BoardState& b = s.board;
  switch (key.kind) {
    case domain::DocKind::kBoard:
      ToProto(b.boards.at(static_cast<int>(key.id)), out->mutable_board());
      return true;
    case domain::DocKind::kBoardNote:
      ToProto(s, b.notes.at(static_cast<domain::NoteId>(key.id)),
              out->mutable_board_note());
      return true;
    case domain::DocKind::kBoardCluster:
      ToProto(b.clusters.at(static_cast<domain::ClusterId>(key.id)),
              out->mutable_board_cluster());
      return true;
    case domain::DocKind::kBoardMine: {
      const auto p = static_cast<domain::ParticipantId>(key.id);
      pb::BoardMine* mine = out->mutable_board_mine();
      for (const auto& [id, note] : b.notes)
        if (note.author == p) mine->add_note_ids(id);
      for (auto it = b.dots.lower_bound({p, 0});
           it != b.dots.end() && it->first.first == p; ++it) {
        pb::BoardMine::Dots* dots = mine->add_dots();
        dots->set_note_id(it->first.second);
        dots->set_board(b.notes.at(it->first.second).board);
        dots->set_count(it->second);
      }
      return true;
    }
    case domain::DocKind::kBoardTally: {
      const domain::Note& note =
          b.notes.at(static_cast<domain::NoteId>(key.id));
      pb::BoardTally* tally = out->mutable_board_tally();
      tally->set_note_id(note.id);
      tally->set_board(note.board);
      tally->set_group(note.group);
      tally->set_dots(b.DotsOn(note.id));
      return true;
    }
    default:
      return false;
  }
}

void BoardCodec::SaveState(const domain::WorkshopState& s,
                           pb::WorkshopState* out) {
  const domain::BoardState& b = s.board;
  if (b.boards.empty() && b.notes.empty()) return;
  pb::BoardState* m = out->mutable_board();
  for (const auto& [index, board] : b.boards) ToProto(board, m->add_boards());
  for (const auto& [id, note] : b.notes) {
    pb::BoardState::AuthoredNote* stored = m->add_notes();
    ToProto(s, note, stored->mutable_note());
    stored->mutable_note()->clear_author_name();  // derived on load
    stored->set_author(note.author);
  }
  for (const auto& [id, cluster] : b.clusters)
    ToProto(cluster, m->add_clusters());
  for (const auto& [key, count] : b.dots) {
    pb::BoardState::Dot* dot = m->add_dots();
    dot->set_participant(key.first);
    dot->set_note_id(key.second);
    dot->set_count(count);
  }
  m->set_next_note_id(b.next_note_id);
  m->set_next_cluster_id(b.next_cluster_id);
}

void BoardCodec::LoadState(const pb::WorkshopState& m,
                           domain::WorkshopState* out) {
  if (!m.has_board()) return;
  const pb::BoardState& stored = m.board();
  domain::BoardState& b = out->board;
  for (const pb::Board& board : stored.boards()) {
    auto phase = PhaseFromProto(board.phase());
    b.boards[board.board()] = domain::Board{
        .index = board.board(),
        .config = FromProto(board.spec()),
        .phase = phase.ok() ? phase.value() : domain::BoardPhase::kWrite,
        .phase_since = At(board.phase_since_ms()),
        .projected_group = board.projected_group()};
  }
  for (const pb::BoardState::AuthoredNote& n : stored.notes()) {
    const pb::BoardNote& note = n.note();
    b.notes[note.id()] =
        domain::Note{.id = note.id(),
                     .board = note.board(),
                     .group = note.group(),
                     .column = note.column(),
                     .row = note.row(),
                     .author = n.author(),
                     .text = note.text(),
                     .at = At(note.at_ms()),
                     .hidden = note.hidden(),
                     .edited_by_facilitator = note.edited_by_facilitator(),
                     .cluster = note.cluster_id(),
                     .linked_notes = {note.linked_notes().begin(),
                                      note.linked_notes().end()},
                     .linked_columns = {note.linked_columns().begin(),
                                        note.linked_columns().end()}};
  }
  for (const pb::BoardCluster& cluster : stored.clusters()) {
    b.clusters[cluster.id()] = domain::NoteCluster{.id = cluster.id(),
                                                   .board = cluster.board(),
                                                   .group = cluster.group(),
                                                   .title = cluster.title()};
  }
  // A cluster's members are its notes' cluster ids: stored once.
  for (const auto& [id, note] : b.notes)
    if (note.cluster != 0) b.clusters[note.cluster].notes.insert(id);
  for (const pb::BoardState::Dot& dot : stored.dots())
    b.dots[{dot.participant(), dot.note_id()}] = dot.count();
  b.next_note_id = std::max<domain::NoteId>(1, stored.next_note_id());
  b.next_cluster_id = std::max<domain::ClusterId>(1, stored.next_cluster_id());
}

}  // namespace campana::codec
