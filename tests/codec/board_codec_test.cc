// Boards through the codec: an anonymous note's author is in no document any
// device receives, named boards carry the name, and the export holds every
// board as the facilitators see it.

#include <gtest/gtest.h>

#include <campana/v1/docs.pb.h>

#include "codec/export_codec.h"
#include "codec/view_codec.h"
#include "domain/docs.h"
#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::codec {
namespace {

using namespace domain;  // NOLINT

class BoardCodecTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
    int n = 0;
    for (const char* name : {"Anacleta Zúñiga", "Beto", "Carla"}) {
      Run(Actor::Participant(0), cmd::Join{name, Presence::kInRoom,
                                           "join-key-" + std::to_string(++n)});
    }
    Run(Actor::Facilitator(),
        cmd::SetupGroups{cmd::GroupMode::kManual, 1, 0, false});
    for (ParticipantId p = 1; p <= 3; ++p)
      Run(Actor::Facilitator(), cmd::MoveParticipant{p, 1});
  }
  void Run(const Actor& actor, const Command& command) {
    auto decision = workshop.Decide(actor, command, now, rng);
    ASSERT_TRUE(decision.ok()) << decision.rejection().Describe();
    Touched touched;
    workshop.Apply(
        {workshop.offset() + 1, now, actor, 0, decision.value().events},
        touched);
  }
  int BoardItem(const std::string& title) {
    const auto& agenda = workshop.state().agenda;
    for (size_t i = 0; i < agenda.size(); ++i)
      if (agenda[i].title == title) return static_cast<int>(i);
    ADD_FAILURE() << "no item " << title;
    return -1;
  }

  Workshop workshop;
  SplitMix64 rng{1};
  Time now = FromUnixMillis(1'700'000'000'000);
};

TEST_F(BoardCodecTest, AnAnonymousAuthorIsInNoDocumentAnyDeviceReceives) {
  const int map = BoardItem("Mapa ODS");
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{map});
  Run(Actor::Participant(1), cmd::AddNote{map, 0, 1, "Falta de datos"});
  Run(Actor::Participant(2), cmd::AddNote{map, 1, 0, "Diálogo social"});
  for (BoardPhase phase :
       {BoardPhase::kReveal, BoardPhase::kGroup, BoardPhase::kVote}) {
    Run(Actor::Facilitator(), cmd::SetBoardPhase{map, phase});
  }
  Run(Actor::Participant(2), cmd::CastDot{1});
  Run(Actor::Participant(1), cmd::CastDot{1});
  Run(Actor::Facilitator(), cmd::SetBoardPhase{map, BoardPhase::kResults});
  const WorkshopState& s = workshop.state();
  int board_docs = 0;
  ForEachDoc(s, [&](const DocKey& key) {
    if (key.kind < DocKind::kBoard) return;
    const Visibility who = VisibilityOf(s, key);
    ASSERT_FALSE(who.empty()) << key.Describe();
    ++board_docs;
    const std::string bytes = EncodeDoc(s, key);
    if (key == DocKey{DocKind::kBoardMine, 1}) {
      // The one document that ties her to her note is hers alone.
      EXPECT_EQ(who, (Visibility{Audience::Participant(1)}));
      return;
    }
    EXPECT_EQ(bytes.find("Anacleta"), std::string::npos) << key.Describe();
    v1::Doc doc;
    ASSERT_TRUE(doc.ParseFromString(bytes));
    if (doc.has_board_note()) {
      EXPECT_TRUE(doc.board_note().anonymous());
      EXPECT_TRUE(doc.board_note().author_name().empty());
    }
    if (doc.has_board_mine()) {
      for (uint32_t id : doc.board_mine().note_ids())
        EXPECT_NE(id, 1u) << "note 1 is in nobody else's list";
    }
  });
  EXPECT_EQ(board_docs, 1 + 2 + 2 + 1) << "board, notes, mine x2, a tally";
  const std::string json = ExportJson(s, now);
  const size_t first = json.find("Anacleta");
  ASSERT_NE(first, std::string::npos) << "in the roster";
  EXPECT_EQ(json.find("Anacleta", first + 1), std::string::npos)
      << "and nowhere else: " << json;
  EXPECT_NE(json.find("Falta de datos"), std::string::npos);
  EXPECT_NE(json.find("\"anonymous\": true"), std::string::npos) << json;
}

TEST_F(BoardCodecTest, ANamedBoardShowsTheNameAndTheExportCarriesIt) {
  const int room = BoardItem("Menos / más");
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{room});
  Run(Actor::Participant(3), cmd::AddNote{room, 1, 0, "Más escucha"});
  v1::Doc doc;
  ASSERT_TRUE(doc.ParseFromString(
      EncodeDoc(workshop.state(), {DocKind::kBoardNote, 1})));
  EXPECT_EQ(doc.board_note().author_name(), "Carla");
  EXPECT_FALSE(doc.board_note().anonymous());
  EXPECT_EQ(doc.board_note().column(), 1u);
  const std::string json = ExportJson(workshop.state(), now);
  EXPECT_NE(json.find("\"author_name\": \"Carla\""), std::string::npos) << json;
  ASSERT_TRUE(doc.ParseFromString(EncodeDoc(
      workshop.state(), {DocKind::kBoard, static_cast<uint64_t>(room)})));
  EXPECT_EQ(doc.board().spec().columns(1).title(), "Más");
  EXPECT_TRUE(doc.board().spec().one_board_for_room());
  EXPECT_EQ(doc.board().spec().dot_budget(), 5u) << "the default, filled in";
}

}  // namespace
}  // namespace campana::codec
