// Speed dating through the codec: a log written before notes were the writer's
// to share still reads, and the export carries only the notes their writers
// shared, with how many participants shared.

#include <gtest/gtest.h>

#include "codec/export_codec.h"
#include "codec/log_codec.h"
#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::codec {
namespace {

using namespace domain;  // NOLINT

TEST(DatingCodecTest,
     AnOldCollectNotesRecordStillReadsAndTheNewEventsRoundTrip) {
  // Older servers wrote DatingOptionsSet with collect_notes (field 3) and no
  // tables: it decodes as such, and replays as nothing (see dating.h).
  const LogRecord old{7,
                      FromUnixMillis(1'700'000'000'000),
                      Actor::Facilitator(),
                      0,
                      {ev::DatingOptionsSet{"https://x.example/{pair}", false,
                                            true, std::nullopt}}};
  auto decoded = DecodeRecord(EncodeRecord(old));
  ASSERT_TRUE(decoded.ok()) << decoded.rejection().Describe();
  EXPECT_EQ(decoded.value(), old);
  const LogRecord shared{
      8,
      FromUnixMillis(1'700'000'000'000),
      Actor::Participant(3),
      1,
      {ev::NotesShared{3, {1, 2}, true},
       ev::DatingOptionsSet{"", false, false, DatingTables{0, {"Ventana"}}},
       ev::DatingPhaseChanged{DatingPhase::kThirdSharing, FromUnixMillis(5)}}};
  decoded = DecodeRecord(EncodeRecord(shared));
  ASSERT_TRUE(decoded.ok()) << decoded.rejection().Describe();
  EXPECT_EQ(decoded.value(), shared);
}

TEST(DatingCodecTest, TheExportCarriesOnlySharedNotesAndCountsWhoShared) {
  Workshop workshop;
  SplitMix64 rng(1);
  const Time now = FromUnixMillis(1'700'000'000'000);
  auto run = [&](const Actor& actor, const Command& command) {
    auto decision = workshop.Decide(actor, command, now, rng);
    ASSERT_TRUE(decision.ok()) << decision.rejection().Describe();
    Touched touched;
    workshop.Apply(
        {workshop.offset() + 1, now, actor, 0, decision.value().events},
        touched);
  };
  run(Actor::System(),
      cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
  for (const char* name : {"Ana", "Beto", "Carla", "Diego"}) {
    run(Actor::Participant(0),
        cmd::Join{name, Presence::kInRoom, std::string("join-key-") + name});
  }
  for (ParticipantId p = 1; p <= 4; ++p)
    run(Actor::System(), cmd::SetConnected{p, true});
  run(Actor::Facilitator(), cmd::GotoAgendaItem{5});
  run(Actor::Facilitator(), cmd::StartDatingRound{});
  run(Actor::Participant(1), cmd::SaveNote{1, "privada de Ana"});
  run(Actor::Participant(2), cmd::SaveNote{1, "compartida de Beto"});
  run(Actor::Participant(2), cmd::ShareNotes{0, true});
  const std::string json = ExportJson(workshop.state(), now);
  EXPECT_EQ(json.find("privada de Ana"), std::string::npos) << json;
  EXPECT_NE(json.find("compartida de Beto"), std::string::npos) << json;
  EXPECT_NE(json.find("\"participants_sharing_notes\": 1"), std::string::npos)
      << json;
}

}  // namespace
}  // namespace campana::codec
