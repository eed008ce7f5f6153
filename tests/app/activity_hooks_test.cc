// An activity that forgets a hook leaves some device with a stale document:
// a removed participant's name still in a speed-dating pair, a card-sort order
// for a group that no longer exists. Over random runs, this checks the promise
// every hook serves: each record's `touched` holds every document whose
// content (as the codec renders it) or visibility changed, or that appeared or
// went. The hub sends exactly the touched documents, so an untouched change is
// one no device would ever receive.

#include <map>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "codec/view_codec.h"
#include "domain/docs.h"
#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::domain {
namespace {

using Rendered = std::map<DocKey, std::pair<Visibility, std::string>>;

Rendered RenderAll(const WorkshopState& s) {
  Rendered out;
  ForEachDoc(s, [&](const DocKey& key) {
    out[key] = {VisibilityOf(s, key), codec::EncodeDoc(s, key)};
  });
  return out;
}

TEST(ActivityHooksTest, EveryVisibleChangeIsTouched) {
  int removals = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    testing::RandomCommands commands(seed);
    SplitMix64 rng(seed * 104729);
    Time now = FromUnixMillis(1'700'000'000'000);
    Workshop workshop;
    Touched touched;
    Rendered before;
    auto run = [&](const Actor& actor, const Command& command) {
      auto decision = workshop.Decide(actor, command, now, rng);
      if (!decision.ok() || decision.value().events.empty()) return;
      touched.Clear();
      workshop.Apply(
          {workshop.offset() + 1, now, actor, 0, decision.value().events},
          touched);
      removals += std::holds_alternative<cmd::RemoveParticipant>(command);
      const Rendered after = RenderAll(workshop.state());
      std::set<DocKey> keys;
      for (const auto& [key, doc] : before) keys.insert(key);
      for (const auto& [key, doc] : after) keys.insert(key);
      for (const DocKey& key : keys) {
        auto was = before.find(key);
        auto is = after.find(key);
        const bool changed = was == before.end() || is == after.end() ||
                             was->second != is->second;
        if (changed) {
          EXPECT_TRUE(touched.keys().contains(key))
              << "seed " << seed << ": " << CommandName(command) << " changed "
              << key.Describe() << " without touching it";
        }
      }
      before = after;
    };
    run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
    for (int i = 0; i < 400 && !HasFailure(); ++i) {
      now += commands.Step();
      auto [actor, command] = commands.Next(workshop.state());
      run(actor, command);
    }
  }
  EXPECT_GT(removals, 10) << "the runs must remove people to mean much";
}

}  // namespace
}  // namespace campana::domain
