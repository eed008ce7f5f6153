// Boards of notes: the phases' rules, the dot budget and cap, anonymity,
// moderation, grouping, links, late joiners and removed participants.

#include "domain/activities/board/board.h"

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

class BoardTest : public WorkshopFixture {
 protected:
  // Item 0: a map per group (2x2, private while writing, anonymous, links, 3
  // dots with at most 2 on one note or cluster). Item 1: one board for the
  // room, named, live notes and live tallies.
  std::vector<AgendaItem> Agenda() override {
    return {
        AgendaItem{.title = "Mapa ODS",
                   .activity = ActivityKind::kBoard,
                   .board = {.prompt = "Factores y desafíos",
                             .columns = {{"ODS 8", "Trabajo", ""},
                                         {"ODS 16", "Instituciones", ""}},
                             .rows = {{"Factores", "", ""},
                                      {"Desafíos", "", "¿Por qué?"}},
                             .dot_budget = 3,
                             .dot_cap = 2,
                             .links = true}},
        AgendaItem{.title = "Menos / más",
                   .activity = ActivityKind::kBoard,
                   .board = {.columns = {{"Menos", "", ""}, {"Más", "", ""}},
                             .one_board_for_room = true,
                             .notes_live = true,
                             .named = true,
                             .tallies_live = true}},
    };
  }
  void SetUp() override {
    WorkshopFixture::SetUp();
    ana = Join("Ana");
    beto = Join("Beto");
    carla = Join("Carla", Presence::kRemote);
    Run(kFacilitator, cmd::SetupGroups{cmd::GroupMode::kManual, 2, 0, false});
    Run(kFacilitator, cmd::MoveParticipant{ana, 1});
    Run(kFacilitator, cmd::MoveParticipant{beto, 1});
    Run(kFacilitator, cmd::MoveParticipant{carla, 2});
    Run(kFacilitator, cmd::GotoAgendaItem{0});
  }
  std::string Add(ParticipantId p, const std::string& text, uint32_t column = 0,
                  uint32_t row = 0, int board = 0) {
    return Run(Actor::Participant(p), cmd::AddNote{board, column, row, text});
  }
  // Adds a note and returns its id.
  NoteId Note(ParticipantId p, const std::string& text, uint32_t column = 0,
              uint32_t row = 0, int board = 0) {
    const NoteId id = state().board.next_note_id;
    EXPECT_EQ(Add(p, text, column, row, board).rfind("NoteAdded(", 0), 0u);
    return id;
  }
  void Phase(BoardPhase phase, int board = 0) {
    Run(kFacilitator, cmd::SetBoardPhase{board, phase});
  }
  std::string Cast(ParticipantId p, NoteId note) {
    return Run(Actor::Participant(p), cmd::CastDot{note});
  }
  Visibility Sees(DocKind kind, uint64_t id) {
    return VisibilityOf(state(), {kind, id});
  }

  const Actor kFacilitator = Actor::Facilitator();
  ParticipantId ana = 0, beto = 0, carla = 0;
};

TEST_F(BoardTest, TheAgendaSetsUpEachBoardOnceAndKeepsIt) {
  ASSERT_NE(state().board.FindBoard(0), nullptr);
  EXPECT_EQ(state().board.FindBoard(0)->phase, BoardPhase::kWrite);
  EXPECT_EQ(Sees(DocKind::kBoard, 0), (Visibility{Audience::Everyone()}));
  const NoteId note = Note(ana, "Diálogo social");
  Run(kFacilitator, cmd::GotoAgendaItem{1});
  Run(kFacilitator, cmd::GotoAgendaItem{0});
  EXPECT_EQ(state().board.boards.size(), 2u);
  EXPECT_NE(state().board.FindNote(note), nullptr)
      << "coming back to the item keeps what was written";
}

TEST_F(BoardTest, WritingHappensInTheWritePhaseOnly) {
  EXPECT_EQ(Add(ana, "Diálogo social", 1, 1),
            "NoteAdded(1 on 0/1 at 1,1 by 1, \"Diálogo social\")");
  EXPECT_EQ(Add(ana, "x", 2, 0),
            "rejected InvalidArgument: no such cell on this board");
  EXPECT_EQ(Add(ana, "x", 0, 2),
            "rejected InvalidArgument: no such cell on this board");
  EXPECT_EQ(
      Add(ana, std::string(281, 'a')).rfind("rejected InvalidArgument", 0), 0u);
  EXPECT_EQ(Add(ana, std::string(280, 'a')).rfind("NoteAdded", 0), 0u);
  const ParticipantId diego = Join("Diego");  // placed at once...
  EXPECT_EQ(Add(diego, "hola").rfind("NoteAdded", 0), 0u);
  Run(kFacilitator, cmd::MoveParticipant{diego, 0});  // ...then taken out
  EXPECT_EQ(Add(diego, "hola"),
            "rejected FailedPrecondition: you are not in a group");
  Phase(BoardPhase::kReveal);
  EXPECT_EQ(Add(ana, "tarde"),
            "rejected FailedPrecondition: the board is not taking notes now");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::EditNote{1, "otra"}),
            "rejected FailedPrecondition: notes can be edited while writing");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::DeleteNote{1}),
            "rejected FailedPrecondition: notes can be deleted while writing");
  EXPECT_EQ(Run(kFacilitator, cmd::SetBoardPhase{0, BoardPhase::kReveal}),
            "no change");
  EXPECT_EQ(Run(kFacilitator, cmd::SetBoardPhase{0, BoardPhase{9}}),
            "rejected InvalidArgument: no such board phase");
  EXPECT_EQ(Run(kFacilitator, cmd::SetBoardPhase{7, BoardPhase::kVote}),
            "rejected NotFound: no board at agenda item 7");
}

TEST_F(BoardTest, EachPersonHasAQuotaOfNotesPerBoard) {
  for (size_t i = 0; i < kMaxNotesPerPersonPerBoard; ++i)
    Note(ana, "idea " + std::to_string(i));
  EXPECT_EQ(Add(ana, "una más"),
            "rejected FailedPrecondition: you have written 30 notes on this "
            "board already");
  EXPECT_EQ(Add(beto, "la mía").rfind("NoteAdded", 0), 0u);
}

TEST_F(BoardTest, OnlyTheAuthorEditsOrDeletesWhileWriting) {
  const NoteId note = Note(ana, "Diálogo");
  EXPECT_EQ(Run(Actor::Participant(beto), cmd::EditNote{note, "mío"}),
            "rejected PermissionDenied: you may edit only your own notes");
  EXPECT_EQ(Run(Actor::Participant(beto), cmd::DeleteNote{note}),
            "rejected PermissionDenied: you may delete only your own notes");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::EditNote{note, "Diálogo social"}),
            "NoteEdited(1, \"Diálogo social\")");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::DeleteNote{note}),
            "NoteDeleted(1)");
  EXPECT_EQ(state().board.FindNote(note), nullptr);
  EXPECT_TRUE(Sees(DocKind::kBoardNote, note).empty());
}

TEST_F(BoardTest,
       PrivateNotesReachTheirAuthorAndTheFacilitatorsUntilTheReveal) {
  const NoteId note = Note(ana, "Corrupción", 1, 1);
  const Visibility author_and_facilitators{Audience::Facilitators(),
                                           Audience::Participant(ana)};
  EXPECT_EQ(Sees(DocKind::kBoardNote, note), author_and_facilitators)
      << "not Beto (same group), not the projector";
  EXPECT_EQ(Sees(DocKind::kBoardMine, ana),
            (Visibility{Audience::Participant(ana)}));
  Phase(BoardPhase::kReveal);
  EXPECT_EQ(Sees(DocKind::kBoardNote, note),
            (Visibility{Audience::Staff(), Audience::Group(1)}))
      << "the group and the projector, not group 2";
  EXPECT_TRUE(last_touched.keys().contains({DocKind::kBoardNote, note}));
  Phase(BoardPhase::kGroup);
  EXPECT_FALSE(last_touched.keys().contains({DocKind::kBoardNote, note}))
      << "a move that changes no note's audience re-sends no note";
  Phase(BoardPhase::kWrite);
  EXPECT_EQ(Sees(DocKind::kBoardNote, note), author_and_facilitators)
      << "back to writing: private again";
}

TEST_F(BoardTest, ARoomBoardIsEveryonesAndLiveNotesShowAtOnce) {
  Run(kFacilitator, cmd::GotoAgendaItem{1});
  const NoteId note = Note(carla, "Menos reuniones", 0, 0, 1);
  EXPECT_EQ(state().board.FindNote(note)->group, 0u);
  EXPECT_EQ(Sees(DocKind::kBoardNote, note),
            (Visibility{Audience::Everyone()}));
  EXPECT_EQ(BoardActivity::AuthorName(state(), *state().board.FindNote(note)),
            "Carla")
      << "a named board";
}

TEST_F(BoardTest, AnAnonymousNoteNamesNobodyAndOnlyItsAuthorKnowsItIsTheirs) {
  const NoteId note = Note(ana, "Falta de datos");
  Phase(BoardPhase::kReveal);
  EXPECT_EQ(BoardActivity::AuthorName(state(), *state().board.FindNote(note)),
            "");
  // The one document that ties Ana to the note is hers alone.
  EXPECT_EQ(Sees(DocKind::kBoardMine, ana),
            (Visibility{Audience::Participant(ana)}));
  EXPECT_TRUE(Sees(DocKind::kBoardMine, beto).empty());
}

TEST_F(BoardTest, TheBudgetAndTheCapAreKeptAndAWithdrawnDotComesBack) {
  const NoteId a = Note(ana, "A");
  const NoteId b = Note(beto, "B");
  const NoteId c = Note(beto, "C");
  const NoteId d = Note(ana, "D");
  EXPECT_EQ(Cast(ana, a), "rejected FailedPrecondition: the vote is not open");
  Phase(BoardPhase::kVote);
  EXPECT_EQ(Cast(ana, a), "DotCast(1 on 1)");
  EXPECT_EQ(Cast(ana, a), "DotCast(1 on 1)");
  EXPECT_EQ(Cast(ana, a),
            "rejected FailedPrecondition: at most 2 of your dots on one note "
            "or cluster");
  EXPECT_EQ(Cast(ana, b), "DotCast(1 on 2)");
  EXPECT_EQ(Cast(ana, c),
            "rejected FailedPrecondition: you have spent your 3 dots");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::WithdrawDot{a}),
            "DotWithdrawn(1 from 1)");
  EXPECT_EQ(Cast(ana, c), "DotCast(1 on 3)") << "the dot came back";
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::WithdrawDot{d}),
            "rejected FailedPrecondition: you have no dot on this note");
  EXPECT_EQ(Cast(carla, a), "rejected NotFound: no note 1")
      << "group 2 does not vote on group 1's board";
  EXPECT_EQ(state().board.DotsOn(a), 1u);
  Phase(BoardPhase::kResults);
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::WithdrawDot{a}),
            "rejected FailedPrecondition: the vote is not open")
      << "votes are refused once the phase ends";
}

TEST_F(BoardTest, TheCapCountsAWholeCluster) {
  const NoteId a = Note(ana, "A");
  const NoteId b = Note(beto, "B");
  Phase(BoardPhase::kGroup);
  Run(Actor::Participant(beto), cmd::GroupNote{a, b});
  Phase(BoardPhase::kVote);
  EXPECT_EQ(Cast(ana, a), "DotCast(1 on 1)");
  EXPECT_EQ(Cast(ana, b), "DotCast(1 on 2)");
  EXPECT_EQ(Cast(ana, b),
            "rejected FailedPrecondition: at most 2 of your dots on one note "
            "or cluster");
}

TEST_F(BoardTest, TalliesAreTheFacilitatorsUntilTheResultsOrLive) {
  const NoteId a = Note(ana, "A");
  Phase(BoardPhase::kVote);
  EXPECT_TRUE(Sees(DocKind::kBoardTally, a).empty()) << "no dots yet";
  Cast(beto, a);
  EXPECT_EQ(Sees(DocKind::kBoardTally, a),
            (Visibility{Audience::Facilitators()}));
  EXPECT_EQ(Sees(DocKind::kBoardMine, beto),
            (Visibility{Audience::Participant(beto)}));
  Phase(BoardPhase::kResults);
  EXPECT_EQ(Sees(DocKind::kBoardTally, a),
            (Visibility{Audience::Staff(), Audience::Group(1)}));
  // The room's board counts live.
  Run(kFacilitator, cmd::GotoAgendaItem{1});
  const NoteId m = Note(carla, "Más", 1, 0, 1);
  Phase(BoardPhase::kVote, 1);
  Cast(ana, m);
  EXPECT_EQ(Sees(DocKind::kBoardTally, m), (Visibility{Audience::Everyone()}));
}

TEST_F(BoardTest, ModerationHidesOrEditsANoteAndTheAuthorIsTold) {
  const NoteId a = Note(ana, "Texto ofensivo");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::HideNote{a, true}),
            "rejected PermissionDenied: HideNote is for facilitators");
  EXPECT_EQ(Run(kFacilitator, cmd::EditNote{a, "Texto"}),
            "NoteEdited(1, \"Texto\", by a facilitator)")
      << "before the reveal";
  EXPECT_TRUE(state().board.FindNote(a)->edited_by_facilitator);
  Phase(BoardPhase::kVote);
  Cast(beto, a);
  Cast(ana, a);
  EXPECT_EQ(Run(kFacilitator, cmd::HideNote{a, true}),
            "DotWithdrawn(1 from 1); DotWithdrawn(2 from 1); NoteHidden(1)")
      << "a hidden note gives its dots back";
  EXPECT_EQ(Sees(DocKind::kBoardNote, a),
            (Visibility{Audience::Facilitators(), Audience::Participant(ana)}))
      << "its author still sees it, marked hidden";
  EXPECT_EQ(Cast(beto, a), "rejected NotFound: no note 1");
  Phase(BoardPhase::kWrite);
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::EditNote{a, "otra vez"}),
            "rejected FailedPrecondition: a facilitator hid this note");
  EXPECT_EQ(Run(kFacilitator, cmd::HideNote{a, false}), "NoteHidden(1, shown)");
}

TEST_F(BoardTest, GroupingMakesClustersWithinOneBoard) {
  const NoteId a = Note(ana, "A");
  const NoteId b = Note(beto, "B");
  const NoteId c = Note(ana, "C");
  const NoteId x = Note(carla, "X");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::GroupNote{a, b}),
            "rejected FailedPrecondition: the board is not being grouped now");
  Phase(BoardPhase::kGroup);
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::GroupNote{a, b}),
            "NoteGrouped(2 into 1); NoteGrouped(1 into 1)");
  EXPECT_EQ(Run(Actor::Participant(beto), cmd::GroupNote{c, a}),
            "NoteGrouped(3 into 1)");
  EXPECT_EQ(Run(Actor::Participant(beto), cmd::GroupNote{c, b}), "no change");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::GroupNote{a, a}),
            "rejected InvalidArgument: a note cannot be grouped with itself");
  EXPECT_EQ(Run(kFacilitator, cmd::GroupNote{x, a}),
            "rejected InvalidArgument: both notes must be on the same board");
  EXPECT_EQ(Run(Actor::Participant(carla), cmd::GroupNote{a, b}),
            "rejected NotFound: no note 1")
      << "another group's notes are not Carla's to see";
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::NameCluster{1, "Datos"}),
            "ClusterNamed(1, \"Datos\")");
  EXPECT_EQ(Run(Actor::Participant(carla), cmd::NameCluster{1, "Mío"}),
            "rejected NotFound: no cluster 1");
  EXPECT_EQ(Sees(DocKind::kBoardCluster, 1),
            (Visibility{Audience::Staff(), Audience::Group(1)}));
  Run(Actor::Participant(ana), cmd::GroupNote{a, 0});
  Run(Actor::Participant(ana), cmd::GroupNote{b, 0});
  EXPECT_EQ(state().board.clusters.at(1).notes, (std::set<NoteId>{c}));
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::GroupNote{c, 0}),
            "NoteGrouped(3 into 0)");
  EXPECT_TRUE(state().board.clusters.empty()) << "a cluster left empty goes";
  EXPECT_TRUE(last_touched.keys().contains({DocKind::kBoardCluster, 1}));
}

TEST_F(BoardTest, AnItemMayLeaveGroupingToTheFacilitators) {
  std::vector<AgendaItem> agenda = Agenda();
  agenda[0].board.grouping_by_facilitators_only = true;
  workshop = Workshop();
  Run(Actor::System(), cmd::CreateWorkshop{"ABC234", "Taller", "es", agenda});
  const ParticipantId p = Join("Pia");
  Run(kFacilitator, cmd::SetupGroups{cmd::GroupMode::kManual, 1, 0, false});
  Run(kFacilitator, cmd::MoveParticipant{p, 1});
  Run(kFacilitator, cmd::GotoAgendaItem{0});
  const NoteId a = Note(p, "A");
  const NoteId b = Note(p, "B");
  Phase(BoardPhase::kGroup);
  EXPECT_EQ(Run(Actor::Participant(p), cmd::GroupNote{a, b}),
            "rejected PermissionDenied: the facilitators group this board");
  EXPECT_EQ(Run(kFacilitator, cmd::GroupNote{a, b}),
            "NoteGrouped(2 into 1); NoteGrouped(1 into 1)");
}

TEST_F(BoardTest, NotesLinkToNotesAndToOtherGoals) {
  const NoteId a = Note(ana, "Empleo digno", 0, 0);
  const NoteId b = Note(beto, "Transparencia", 1, 0);
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::LinkNotes{a, b, true}),
            "NotesLinked(1 -> 2)")
      << "the author, while writing";
  EXPECT_EQ(Run(Actor::Participant(beto), cmd::LinkNotes{a, b, false}),
            "rejected PermissionDenied: while writing, only your own notes");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::LinkGoal{a, 1, true}),
            "GoalLinked(1 -> column 1)");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::LinkGoal{a, 0, true}),
            "rejected InvalidArgument: the note is in that column already");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::LinkGoal{a, 5, true}),
            "rejected InvalidArgument: no such column on this board");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::LinkNotes{a, a, true}),
            "rejected InvalidArgument: a note cannot link to itself");
  Phase(BoardPhase::kGroup);
  EXPECT_EQ(Run(Actor::Participant(beto), cmd::LinkNotes{b, a, true}),
            "NotesLinked(2 -> 1)")
      << "whoever may group, in the group phase";
  EXPECT_EQ(state().board.FindNote(a)->linked_notes, (std::set<NoteId>{b}));
  EXPECT_EQ(state().board.FindNote(a)->linked_columns, (std::set<uint32_t>{1}));
  // A deleted note leaves no dangling link.
  Phase(BoardPhase::kWrite);
  Run(Actor::Participant(beto), cmd::DeleteNote{b});
  EXPECT_TRUE(state().board.FindNote(a)->linked_notes.empty());
  EXPECT_TRUE(last_touched.keys().contains({DocKind::kBoardNote, a}));
  // The room's board has no links.
  Run(kFacilitator, cmd::GotoAgendaItem{1});
  const NoteId m = Note(carla, "M", 0, 0, 1);
  EXPECT_EQ(Run(Actor::Participant(carla), cmd::LinkGoal{m, 1, true}),
            "rejected FailedPrecondition: this board has no links");
}

TEST_F(BoardTest, LateJoinersTakePartAndLeaversKeepWhatTheyGave) {
  Run(kFacilitator, cmd::GotoAgendaItem{1});
  const NoteId m = Note(carla, "Menos correos", 0, 0, 1);
  Phase(BoardPhase::kVote, 1);
  Cast(carla, m);
  // Joined during the vote: the room's board is theirs too, with a full budget.
  const ParticipantId late = Join("Lucia");
  EXPECT_EQ(Cast(late, m), "DotCast(4 on 1)");
  Run(kFacilitator, cmd::RemoveParticipant{carla, false});
  EXPECT_NE(state().board.FindNote(m), nullptr) << "nothing submitted is lost";
  EXPECT_EQ(state().board.DotsOn(m), 2u) << "their dot still counts";
  EXPECT_EQ(BoardActivity::AuthorName(state(), *state().board.FindNote(m)), "")
      << "a named note loses the name of who left";
  EXPECT_TRUE(last_touched.keys().contains({DocKind::kBoardNote, m}));
  EXPECT_TRUE(last_touched.keys().contains({DocKind::kBoardMine, carla}));
  EXPECT_TRUE(Sees(DocKind::kBoardMine, carla).empty());
}

TEST_F(BoardTest, TheRankingSumsClustersLeavesOutHiddenNotesAndSharesTies) {
  const NoteId a = Note(ana, "A");
  const NoteId b = Note(beto, "B");
  const NoteId c = Note(ana, "C");
  const NoteId d = Note(beto, "D");
  const NoteId e = Note(beto, "E");
  Phase(BoardPhase::kGroup);
  Run(kFacilitator, cmd::GroupNote{b, a});  // cluster 1: a, b
  Phase(BoardPhase::kVote);
  Cast(ana, a);
  Cast(beto, b);  // cluster: 2
  Cast(ana, c);
  Cast(beto, c);  // c: 2
  Cast(ana, d);   // d: 1, then hidden
  Run(kFacilitator, cmd::HideNote{d, true});
  const auto ranking = BoardActivity::Ranking(state(), 0, 1);
  ASSERT_EQ(ranking.size(), 3u);
  EXPECT_EQ(ranking[0], (RankedUnit{1, {a, b}, 2, 1}));
  EXPECT_EQ(ranking[1], (RankedUnit{0, {c}, 2, 1}));
  EXPECT_EQ(ranking[2], (RankedUnit{0, {e}, 0, 3}));
  EXPECT_TRUE(BoardActivity::Ranking(state(), 0, 2).empty());
}

TEST_F(BoardTest, TheProjectorShowsOneGroupsBoardOrAll) {
  Run(kFacilitator, cmd::GotoAgendaItem{1});
  EXPECT_EQ(Run(kFacilitator, cmd::ProjectBoard{0, 2}),
            "BoardProjected(item 0, group 2)");
  EXPECT_EQ(Run(kFacilitator, cmd::ProjectBoard{0, 3}),
            "rejected InvalidArgument: no such group's board");
  EXPECT_EQ(Run(kFacilitator, cmd::ProjectBoard{1, 1}),
            "rejected InvalidArgument: no such group's board")
      << "the room's board has no groups";
  EXPECT_EQ(state().board.FindBoard(0)->projected_group, 2u);
}

}  // namespace
}  // namespace campana::domain
