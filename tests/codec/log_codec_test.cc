// Whatever the engine does, its records and its state survive the trip through
// protobuf unchanged: the log and the snapshots on disk mean what they meant
// when written.

#include "codec/log_codec.h"

#include <gtest/gtest.h>

#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::codec {
namespace {

using namespace domain;  // NOLINT

TEST(LogCodecTest, RecordsAndStatesRoundTrip) {
  for (uint64_t seed = 1; seed <= 15; ++seed) {
    testing::RandomCommands commands(seed);
    SplitMix64 rng(seed);
    Time now = FromUnixMillis(1'700'000'000'000);
    Workshop workshop;
    Touched touched;
    int records = 0;
    auto run = [&](const Actor& actor, const Command& command) {
      auto decision = workshop.Decide(actor, command, now, rng);
      if (!decision.ok() || decision.value().events.empty()) return;
      const LogRecord record{workshop.offset() + 1, now, actor,
                             commands.Below(5), decision.value().events};
      auto decoded = DecodeRecord(EncodeRecord(record));
      ASSERT_TRUE(decoded.ok()) << decoded.rejection().Describe();
      ASSERT_EQ(decoded.value(), record)
          << "seed " << seed << " record " << record.offset;
      workshop.Apply(decoded.value(), touched);
      ++records;
    };
    run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
    // 450 steps: with polls among the commands, many steps are refused
    // (a closed poll, an answered question), and a run must still carry
    // enough records to mean something.
    for (int i = 0; i < 450; ++i) {
      now += commands.Step();
      auto [actor, command] = commands.Next(workshop.state());
      run(actor, command);
      if (i % 50 == 49) {
        auto state = DecodeState(EncodeState(workshop.state()));
        ASSERT_TRUE(state.ok());
        ASSERT_EQ(Workshop(state.value()).Describe(), workshop.Describe())
            << "seed " << seed;
        ASSERT_EQ(state.value(), workshop.state()) << "seed " << seed;
      }
    }
    EXPECT_GT(records, 80);
  }
}

TEST(LogCodecTest, GarbageIsRefusedNotMisread) {
  EXPECT_EQ(DecodeRecord("\xff\xff\xff").rejection().code,
            RejectionCode::kInvalidMessage);
  EXPECT_EQ(DecodeState("\x0a\xff").rejection().code,
            RejectionCode::kInvalidMessage);
}

}  // namespace
}  // namespace campana::codec
