// The activity registry's own promises (domain/activity.h): every document
// kind has one owner, and every document an activity lists exists for someone.
// A missing Decide, Apply or hook fails the build; what the compiler cannot see
// is checked here and in tests/app/activity_hooks_test.cc (every change a
// device could see is touched).

#include <gtest/gtest.h>

#include "domain/activities/registry.h"
#include "domain/docs.h"
#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::domain {
namespace {

// Written out, not derived: the kinds the core renders itself.
constexpr DocKind kCoreKinds[] = {
    DocKind::kWorkshop, DocKind::kParticipant, DocKind::kGroups,
    DocKind::kTimer,    DocKind::kBell,        DocKind::kAgenda,
    DocKind::kAnswer,   DocKind::kShownAnswer, DocKind::kAccess};
constexpr uint8_t kLastKind = static_cast<uint8_t>(DocKind::kActionPlan);

TEST(ActivityRegistryTest, EveryDocumentKindHasExactlyOneOwner) {
  for (uint8_t value = 1; value <= kLastKind; ++value) {
    const auto kind = static_cast<DocKind>(value);
    int owners = 0;
    for (DocKind core : kCoreKinds) owners += core == kind;
    ForEachActivity([&]<class A>() { owners += OwnsDoc<A>(kind); });
    EXPECT_EQ(owners, 1) << "document kind " << int{value}
                         << " needs exactly one owner: the core or one "
                            "activity's kDocs";
  }
}

// A command or event listed twice would go to the first owner only, silently.
TEST(ActivityRegistryTest, EveryCommandAndEventHasOneOwner) {
  auto owners = [&]<class T>() {
    int n = kContains<T, CoreCommands> + kContains<T, CoreEvents>;
    ForEachActivity([&]<class A>() {
      n += kContains<T, typename A::CommandTypes> +
           kContains<T, typename A::EventTypes>;
    });
    return n;
  };
  int listed = 0;
  ForEachActivity([&]<class A>() {
    ForEachType(typename A::CommandTypes{}, [&]<class C>() {
      ++listed;
      EXPECT_EQ((owners.template operator()<C>()), 1) << C::kName;
    });
    ForEachType(typename A::EventTypes{}, [&]<class E>() {
      ++listed;
      EXPECT_EQ((owners.template operator()<E>()), 1) << Describe(Event(E{}));
    });
  });
  EXPECT_GT(listed, 40);
}

// Over random runs, every document an activity lists is one of its kinds and
// is visible to someone (a document nobody may see would be listed for no
// device, and a visibility rule that forgets a kind returns nothing).
TEST(ActivityRegistryTest, ListedDocumentsAreTheirsAndVisible) {
  std::map<DocKind, int> seen;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    testing::RandomCommands commands(seed);
    SplitMix64 rng(seed * 31);
    Time now = FromUnixMillis(1'700'000'000'000);
    Workshop workshop;
    Touched touched;
    auto run = [&](const Actor& actor, const Command& command) {
      auto decision = workshop.Decide(actor, command, now, rng);
      if (!decision.ok() || decision.value().events.empty()) return;
      workshop.Apply(
          {workshop.offset() + 1, now, actor, 0, decision.value().events},
          touched);
    };
    run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
    for (int i = 0; i < 500; ++i) {
      now += commands.Step();
      auto [actor, command] = commands.Next(workshop.state());
      run(actor, command);
      const WorkshopState& s = workshop.state();
      ForEachActivity([&]<class A>() {
        A::ForEachDoc(s, [&](const DocKey& key) {
          ++seen[key.kind];
          EXPECT_TRUE(OwnsDoc<A>(key.kind))
              << key.Describe()
              << " is listed by an activity that does not "
                 "own its kind";
          EXPECT_FALSE(VisibilityOf(s, key).empty())
              << key.Describe() << " is listed but visible to nobody";
        });
      });
    }
  }
  // The runs reach every activity's documents, or the check means little.
  ForEachActivity([&]<class A>() {
    for (DocKind kind : A::kDocs)
      EXPECT_GT(seen[kind], 0) << "no run produced kind " << int(kind);
  });
}

}  // namespace
}  // namespace campana::domain
