// Speed dating in the engine: rounds, first speakers, the turn order (one
// speaker at a time), the bells, latecomers, the room's tables, private notes
// that leave a phone only when their writer shares them.

#include <set>

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

using std::chrono::minutes;

class DatingTest : public WorkshopFixture {
 protected:
  std::vector<AgendaItem> Agenda() override {
    return {AgendaItem{
        .title = "Citas rápidas",
        .activity = ActivityKind::kSpeedDating,
        .dating = {
            .share = minutes(5),
            .speaker_prompt = "Un éxito y un reto",
            .listener_stems = {"Estoy impresionado por tu..."},
            .call_url_template =
                "https://meet.example.org/campana-{workshop}-{round}-{pair}"}}};
  }
  void SetUp() override {
    WorkshopFixture::SetUp();
    for (const char* name : {"Ana", "Beto", "Carla", "Diego"})
      Connect(Join(name));
    remote = Join("Rita", Presence::kRemote);
    Connect(remote);
    Run(Actor::Facilitator(), cmd::GotoAgendaItem{0});
  }
  void Connect(ParticipantId p) {
    Run(Actor::System(), cmd::SetConnected{p, true});
  }
  const DatingRound& round() { return state().dating.rounds.back(); }
  ParticipantId remote = 0;
};

TEST_F(DatingTest, FiveConnectedMakeAPairAndATrioAndTheRemoteOneGetsACall) {
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::StartDatingRound{}).substr(0, 21),
            "DatingRoundStarted(1,");
  ASSERT_EQ(round().units.size(), 2u);
  size_t sizes = 0;
  for (const DatingUnit& u : round().units) sizes += u.members.size() * 10;
  EXPECT_EQ(sizes, 50u);  // 2 + 3
  // Rita, alone online, meets people of the room: their pair meets on a call.
  const int unit = state().dating.UnitOf(remote, 1);
  ASSERT_GE(unit, 0);
  EXPECT_TRUE(round().units[static_cast<size_t>(unit)].remote);
  EXPECT_EQ(round().units[static_cast<size_t>(unit)].table, 0u);
  for (const DatingUnit& u : round().units) {
    if (!u.remote) {
      EXPECT_EQ(u.table, 1u) << "in-room pairs get tables";
    }
  }
}

// The one who chose to share first left the workshop (a random run found
// that this threw): the one still at the date may take their turn.
TEST_F(DatingTest, AFirstSpeakerWhoLeftLeavesTheTurnToThePartner) {
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  const ParticipantId tapper = round().units[0].members[0];
  const ParticipantId partner = round().units[0].members[1];
  Run(Actor::Participant(tapper), cmd::ChooseFirstSpeaker{});
  Run(Actor::Facilitator(), cmd::RemoveParticipant{tapper, false});
  ASSERT_FALSE(state().participants.contains(tapper));
  EXPECT_EQ(
      Run(Actor::Participant(partner), cmd::ChooseFirstSpeaker{}),
      "FirstSpeakerChosen(round 1, unit 0, " + std::to_string(partner) + ")");
}

TEST_F(DatingTest, FirstSpeakerByTapOrDrawnAtTheBell) {
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  const ParticipantId tapper = round().units[0].members[0];
  const ParticipantId partner = round().units[0].members[1];
  EXPECT_EQ(
      Run(Actor::Participant(tapper), cmd::ChooseFirstSpeaker{}),
      "FirstSpeakerChosen(round 1, unit 0, " + std::to_string(tapper) + ")");
  EXPECT_EQ(Run(Actor::Participant(partner), cmd::ChooseFirstSpeaker{}),
            "rejected FailedPrecondition: " +
                state().participants.at(tapper).display_name + " shares first");
  // The bell: the undecided pair gets a speaker drawn; sharing runs 5:00 from
  // the bell.
  const std::string bell = Run(Actor::Facilitator(), cmd::StartSharing{});
  EXPECT_NE(bell.find("FirstSpeakerChosen(round 1, unit 1, "),
            std::string::npos)
      << bell;
  EXPECT_NE(bell.find(", drawn); BellRung(room, #1, at 1000700); "
                      "DatingPhaseChanged(3, ends 1300700)"),
            std::string::npos)
      << bell;
  EXPECT_EQ(Run(Actor::Participant(partner), cmd::ChooseFirstSpeaker{}),
            "rejected FailedPrecondition: the sharing has already started");
  now += minutes(5);
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::SwapSpeakers{}),
      "BellRung(room, #2, at 1300700); DatingPhaseChanged(4, ends 1600700)");
  // Five people: a trio, so a third turn.
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::SwapSpeakers{}),
      "BellRung(room, #3, at 1300700); DatingPhaseChanged(6, ends 1600700)");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::SwapSpeakers{}),
            "rejected FailedPrecondition: nobody is sharing");
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::EndDate{}),
            "BellRung(room, #4, at 1300700); DatingPhaseChanged(5, ends 0)");
}

TEST_F(DatingTest, NewMeetingsEveryRoundAndLatecomersJoinATrio) {
  // Five people have ten pairings and a round uses four; the trio moves, so
  // round 2's pair is two of round 1's trio. Each round still meets at least
  // two new people: 4, 6, 8 meetings.
  std::set<std::pair<ParticipantId, ParticipantId>> met;
  for (int r = 0; r < 3; ++r) {
    Run(Actor::Facilitator(), cmd::StartDatingRound{});
    const size_t before = met.size();
    for (const DatingUnit& u : round().units) {
      for (ParticipantId a : u.members)
        for (ParticipantId b : u.members)
          if (a < b) met.insert({a, b});
    }
    EXPECT_GE(met.size(), before + 2) << "round " << r + 1;
    Run(Actor::Facilitator(), cmd::EndDate{});
  }
  EXPECT_EQ(met.size(), 8u);
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  const ParticipantId late = Join("Tardio");
  EXPECT_GE(state().dating.UnitOf(late, 4), 0)
      << "someone arriving during a date joins a pair";
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::PairLateJoiners{}), "no change")
      << "nobody else is waiting";
}

TEST_F(DatingTest, NotesArePrivateToTheirWriter) {
  EXPECT_EQ(Run(Actor::Participant(1), cmd::SaveNote{1, "x"}),
            "rejected FailedPrecondition: you had no date in round 1");
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  EXPECT_EQ(
      Run(Actor::Participant(1), cmd::SaveNote{1, "Me contó de su piloto"}),
      "NoteSaved(1, round 1, \"Me contó de su piloto\")");
  EXPECT_EQ(
      Run(Actor::Participant(1), cmd::SaveNote{1, "Me contó de su piloto"}),
      "no change");
  EXPECT_EQ(
      VisibilityOf(state(), {DocKind::kDatingNote, DatingNoteDocId(1, 1)}),
      (Visibility{Audience::Participant(1)}))
      << "not the partner, not the projector, not the facilitators";
  EXPECT_EQ(
      Run(Actor::Participant(1), cmd::SaveNote{1, std::string(4001, 'a')}),
      "rejected InvalidArgument: the note is longer than 4000 characters");
}

TEST_F(DatingTest, OptionsAreChecked) {
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::SetDatingOptions{"ftp://x", false, {}}),
      "rejected InvalidArgument: the call link must be an http(s) address of "
      "up to 300 characters");
  EXPECT_EQ(
      Run(Actor::Facilitator(),
          cmd::SetDatingOptions{"https://meet.example.org/{pair}", true, {}}),
      "DatingOptionsSet(https://meet.example.org/{pair}, avoid same group)");
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::SetDatingOptions{"", false, DatingTables{501, {}}}),
            "rejected InvalidArgument: at most 500 tables");
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::SetDatingOptions{"", false, DatingTables{0, {" "}}}),
            "rejected InvalidArgument: a table's name is empty");
}

// The speakers of a unit, in turn, as the unit's document shows them.
std::vector<ParticipantId> Turns(const DatingUnit& u) {
  std::vector<ParticipantId> now;
  for (DatingPhase phase :
       {DatingPhase::kFirstSharing, DatingPhase::kSecondSharing,
        DatingPhase::kThirdSharing})
    now.push_back(u.SpeakerNow(phase));
  return now;
}

TEST_F(DatingTest, OneSpeakerAtATimeInPairsAndTrios) {
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  ASSERT_EQ(round().units.size(), 2u);
  const size_t trio = round().units[0].members.size() == 3 ? 0 : 1;
  const size_t pair = 1 - trio;
  // In the trio, the last member taps first; in the pair, one is drawn.
  const ParticipantId tapper = round().units[trio].members[2];
  EXPECT_EQ(round().units[trio].Speakers(), std::vector<ParticipantId>{})
      << "no order before the first speaker is known";
  Run(Actor::Participant(tapper), cmd::ChooseFirstSpeaker{});
  const DatingUnit& t = round().units[trio];
  EXPECT_EQ(t.Speakers(),
            (std::vector<ParticipantId>{tapper, t.members[0], t.members[1]}))
      << "the first speaker, then the others in a fixed order";
  EXPECT_EQ(t.SpeakerNext(DatingPhase::kMeeting), tapper);
  EXPECT_EQ(t.SpeakerNow(DatingPhase::kMeeting), 0u);
  Run(Actor::Facilitator(), cmd::StartSharing{});
  const DatingUnit& p = round().units[pair];
  ASSERT_NE(p.first_speaker, 0u);
  EXPECT_TRUE(p.drawn);
  const ParticipantId other =
      p.members[0] == p.first_speaker ? p.members[1] : p.members[0];
  EXPECT_EQ(Turns(p), (std::vector<ParticipantId>{p.first_speaker, other, 0}))
      << "a pair is done after two turns";
  EXPECT_EQ(Turns(t), t.Speakers()) << "each member of the trio in turn";
  EXPECT_EQ(t.SpeakerNext(DatingPhase::kFirstSharing), t.members[0]);
  EXPECT_EQ(t.SpeakerNext(DatingPhase::kSecondSharing), t.members[1]);
  EXPECT_EQ(t.SpeakerNext(DatingPhase::kThirdSharing), 0u);
  EXPECT_EQ(p.SpeakerNext(DatingPhase::kSecondSharing), 0u);
  // A phase change touches the units' documents: who speaks now changed.
  Run(Actor::Facilitator(), cmd::SwapSpeakers{});
  EXPECT_TRUE(last_touched.keys().contains(DocKey{
      DocKind::kDatingUnit, DatingUnitDocId(1, static_cast<uint32_t>(pair))}));
}

TEST_F(DatingTest, ALateJoinerMakesAPairATrioAndSpeaksLast) {
  const ParticipantId fifth = 5;
  Run(Actor::System(), cmd::SetConnected{fifth, false});  // four: two pairs
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  ASSERT_EQ(round().units.size(), 2u);
  ASSERT_EQ(round().units[0].members.size(), 2u);
  const ParticipantId first = round().units[0].members[1];
  Run(Actor::Participant(first), cmd::ChooseFirstSpeaker{});
  Run(Actor::Facilitator(), cmd::StartSharing{});
  Run(Actor::Facilitator(), cmd::SwapSpeakers{});
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::SwapSpeakers{}),
            "rejected FailedPrecondition: everyone has shared: end the date")
      << "pairs only: no third turn";
  const ParticipantId late = Join("Tardio");
  const int unit = state().dating.UnitOf(late, 1);
  ASSERT_GE(unit, 0);
  const DatingUnit& u = round().units[static_cast<size_t>(unit)];
  ASSERT_EQ(u.members.size(), 3u);
  EXPECT_EQ(u.Speakers().back(), late) << "the newcomer speaks last";
  EXPECT_EQ(u.SpeakerNext(DatingPhase::kSecondSharing), late);
  EXPECT_NE(Run(Actor::Facilitator(), cmd::SwapSpeakers{})
                .find("DatingPhaseChanged(6,"),
            std::string::npos)
      << "now a trio: a third turn";
  EXPECT_EQ(u.SpeakerNow(DatingPhase::kThirdSharing), late);
}

TEST_F(DatingTest, TheTrioMovesAroundOverRounds) {
  std::map<ParticipantId, int> trios;
  for (int r = 0; r < 5; ++r) {
    Run(Actor::Facilitator(), cmd::StartDatingRound{});
    for (const DatingUnit& u : round().units) {
      if (u.members.size() == 3)
        for (ParticipantId p : u.members) ++trios[p];
    }
    Run(Actor::Facilitator(), cmd::EndDate{});
    int fewest = 99;
    int most = 0;
    for (ParticipantId p = 1; p <= 5; ++p) {
      fewest = std::min(fewest, trios[p]);
      most = std::max(most, trios[p]);
    }
    EXPECT_LE(most - fewest, 1) << "after round " << r + 1;
  }
}

TEST_F(DatingTest, InRoomUnitsSitAtTheRoomsTables) {
  for (int i = 0; i < 9; ++i) Connect(Join("P" + std::to_string(i)));
  // 13 in the room, 1 remote who joins them: 7 units, one a trio, at 3 tables.
  EXPECT_EQ(Run(Actor::Facilitator(),
                cmd::SetDatingOptions{"", false, DatingTables{3, {}}}),
            "DatingOptionsSet(, tables 3)");
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  std::map<uint32_t, int> at;
  for (const DatingUnit& u : round().units)
    if (!u.remote) ++at[u.table];  // Rita's unit meets on a call
  EXPECT_EQ(at.size(), 3u);
  EXPECT_GE(std::min({at[1], at[2], at[3]}) + 1,
            std::max({at[1], at[2], at[3]}))
      << "spread evenly";
  // Names, one per table: they replace the count.
  Run(Actor::Facilitator(),
      cmd::SetDatingOptions{"", false,
                            DatingTables{3, {"Ventana", " Puerta "}}});
  EXPECT_EQ(state().dating.config.meeting_spots,
            (std::vector<std::string>{"Ventana", "Puerta"}));
  EXPECT_EQ(state().dating.config.table_count, 0u);
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  for (const DatingUnit& u : round().units) {
    if (u.remote) continue;
    EXPECT_TRUE(u.spot == "Ventana" || u.spot == "Puerta") << u.spot;
    EXPECT_EQ(u.spot, u.table == 1 ? "Ventana" : "Puerta");
  }
  // Neither: one numbered table per unit, as before.
  Run(Actor::Facilitator(), cmd::SetDatingOptions{"", false, DatingTables{}});
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  std::set<uint32_t> tables;
  for (const DatingUnit& u : round().units)
    if (!u.remote) tables.insert(u.table);
  EXPECT_EQ(tables.size(), round().units.size() - 1);
}

TEST_F(DatingTest, NotesLeaveThePhoneOnlyWhenTheirWriterSharesThem) {
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  EXPECT_EQ(Run(Actor::Participant(1), cmd::ShareNotes{1, true}),
            "rejected FailedPrecondition: write a note before sharing it");
  Run(Actor::Participant(1), cmd::SaveNote{1, "Uno"});
  Run(Actor::Participant(2), cmd::SaveNote{1, "Dos"});
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  Run(Actor::Participant(1), cmd::SaveNote{2, "Otra"});
  EXPECT_EQ(state().dating.ParticipantsSharingNotes(), 0u);
  EXPECT_EQ(Run(Actor::Participant(1), cmd::ShareNotes{2, true}),
            "NotesShared(1, rounds 2, shared)");
  EXPECT_FALSE(state().dating.notes.at({1, 1}).shared) << "only that date's";
  EXPECT_TRUE(state().dating.notes.at({1, 2}).shared);
  Run(Actor::Participant(1), cmd::SaveNote{2, "Otra, corregida"});
  EXPECT_TRUE(state().dating.notes.at({1, 2}).shared)
      << "editing keeps the writer's choice";
  EXPECT_EQ(Run(Actor::Participant(1), cmd::ShareNotes{0, true}),
            "NotesShared(1, rounds 1, shared)")
      << "all of them: the one not shared yet";
  EXPECT_EQ(Run(Actor::Participant(1), cmd::ShareNotes{0, true}), "no change");
  EXPECT_EQ(state().dating.ParticipantsSharingNotes(), 1u);
  EXPECT_FALSE(state().dating.notes.at({2, 1}).shared) << "not someone else's";
  EXPECT_EQ(
      VisibilityOf(state(), {DocKind::kDatingNote, DatingNoteDocId(1, 1)}),
      (Visibility{Audience::Participant(1)}))
      << "shared with the export, still no other device";
  EXPECT_EQ(Run(Actor::Participant(1), cmd::ShareNotes{0, false}),
            "NotesShared(1, rounds 1 2, private)");
  EXPECT_EQ(state().dating.ParticipantsSharingNotes(), 0u);
}

// A log from before the writers chose: the facilitators' switch recorded
// collect_notes. Replayed, it shares no one's notes (their phones said "only
// you see these notes") and leaves the tables as they were.
TEST_F(DatingTest, AnOldCollectNotesSwitchSharesNothing) {
  Run(Actor::Facilitator(), cmd::StartDatingRound{});
  Run(Actor::Participant(1), cmd::SaveNote{1, "Uno"});
  LogRecord old{workshop.offset() + 1,
                now,
                Actor::Facilitator(),
                0,
                {ev::DatingOptionsSet{"", false, true, std::nullopt}}};
  Touched touched;
  workshop.Apply(old, touched);
  EXPECT_FALSE(state().dating.notes.at({1, 1}).shared);
  EXPECT_EQ(state().dating.ParticipantsSharingNotes(), 0u);
  EXPECT_EQ(state().dating.config.table_count, 0u);
}

TEST_F(DatingTest, TooFewConnectedToPair) {
  for (const auto& [id, p] : std::map(state().participants))
    Run(Actor::System(), cmd::SetConnected{id, false});
  Connect(1);
  EXPECT_EQ(
      Run(Actor::Facilitator(), cmd::StartDatingRound{}),
      "rejected FailedPrecondition: at least two people must be connected");
}

}  // namespace
}  // namespace campana::domain
