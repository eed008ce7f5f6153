// The log is the truth: replaying the records of any run into an empty workshop
// must rebuild exactly the same state, with no clock and no randomness (Apply
// has neither).

#include <gtest/gtest.h>

#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::domain {
namespace {

TEST(ReplayTest, RandomRunsReplayToTheSameState) {
  std::vector<int> seen(std::variant_size_v<EventVariant>,
                        0);  // events of each kind
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    testing::RandomCommands commands(seed);
    SplitMix64 rng(seed * 7919);
    Time now = FromUnixMillis(1'700'000'000'000);
    Workshop live;
    std::vector<LogRecord> log;
    Touched touched;
    auto run = [&](const Actor& actor, const Command& command) {
      auto decision = live.Decide(actor, command, now, rng);
      if (!decision.ok() || decision.value().events.empty()) return;
      for (const Event& e : decision.value().events) ++seen[e.index()];
      log.push_back(
          {live.offset() + 1, now, actor, 0, decision.value().events});
      live.Apply(log.back(), touched);
    };
    run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
    int accepted_before = 0;
    for (int i = 0; i < 700; ++i) {
      now += commands.Step();
      auto [actor, command] = commands.Next(live.state());
      run(actor, command);
      accepted_before = static_cast<int>(log.size());
    }
    ASSERT_GT(accepted_before, 100)
        << "seed " << seed << ": too few commands accepted to mean much";

    Workshop replayed;
    for (const LogRecord& record : log) replayed.Apply(record, touched);
    ASSERT_EQ(replayed.Describe(), live.Describe()) << "seed " << seed;
    ASSERT_EQ(replayed.state(), live.state()) << "seed " << seed;
  }
  // The runs must reach every kind of event, or the property says little about
  // some.
  for (size_t kind = 0; kind < seen.size(); ++kind) {
    EXPECT_GT(seen[kind], 0) << "no event of kind " << kind << " in any run";
  }
}

}  // namespace
}  // namespace campana::domain
