// The delivery contract, checked over random runs: whatever devices do
// (commands, valid or not; dropping off and coming back; commits landing late),
// every connected device ends up seeing exactly what a fresh snapshot for it
// would show, and never anything not yet durable.

#include <set>
#include <utility>

#include <gtest/gtest.h>

#include "domain/docs.h"
#include "lobby_fixture.h"

namespace campana::testing {
namespace {

using domain::Role;

struct Sim {
  std::shared_ptr<Device> device;
  Role role;
  bool online = true;
};

class ViewsPropertyTest : public LobbyFixture {};

std::set<std::pair<int, uint64_t>> Keys(const Device& device) {
  std::set<std::pair<int, uint64_t>> keys;
  for (const auto& [key, doc] : device.docs) keys.insert(key);
  return keys;
}

// The documents a participant's device sees, found the slow way.
std::set<std::pair<int, uint64_t>> KeysSeenBy(
    const domain::WorkshopState& state, domain::ParticipantId participant) {
  const domain::Visibility subscription =
      domain::SubscriptionOf(state, Role::kParticipant, participant);
  std::set<std::pair<int, uint64_t>> keys;
  domain::ForEachDoc(state, [&](const domain::DocKey& key) {
    if (domain::Intersects(domain::VisibilityOf(state, key), subscription))
      keys.insert({static_cast<int>(key.kind), key.id});
  });
  return keys;
}

TEST_F(ViewsPropertyTest, EveryDeviceConvergesToItsSnapshot) {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    RandomCommands random(seed);
    const std::string code = CreateWorkshop();
    app::WorkshopHub* hub = lobby->Find(code);
    std::vector<Sim> sims;
    sims.push_back({Connect(code, Role::kFacilitator), Role::kFacilitator});
    sims.push_back({Connect(code, Role::kProjector), Role::kProjector});
    int joined = 0;
    int resumed = 0;

    for (int step = 0; step < 500; ++step) {
      now += random.Step() / 10;
      const uint32_t dice = random.Below(100);
      if (dice < 8 && joined < 14) {
        std::shared_ptr<Device> phone;
        JoinAs(code, phone, "Persona" + std::to_string(joined++),
               random.Below(4) == 0 ? domain::Presence::kRemote
                                    : domain::Presence::kInRoom);
        sims.push_back({phone, Role::kParticipant});
      } else if (dice < 14) {
        Sim& sim = sims[random.Below(static_cast<uint32_t>(sims.size()))];
        if (sim.online) {
          Disconnect(*sim.device);
          sim.online = false;
        } else {
          sim.device = Reconnect(code, sim.role, *sim.device);
          sim.online = true;
          ++resumed;
          if (!sim.device->rejections.empty() &&
              sim.device->rejections.back().code() ==
                  pb::REJECTION_CODE_UNKNOWN_TOKEN) {
            // Removed while away: the page forgets its place and comes back as
            // a newcomer.
            sim.device = Connect(code, sim.role);
          }
        }
      } else if (dice < 40) {
        CommitSome(random.Below(static_cast<uint32_t>(pending.size() + 1)));
      } else if (dice < 43) {
        now += std::chrono::seconds(random.Below(200));
        lobby->OnWakeup();
      } else {
        auto [actor, command] = random.Next(hub->workshop().state());
        Sim* sender = nullptr;
        for (Sim& sim : sims) {
          if (!sim.online) continue;
          if (actor.role == Role::kFacilitator &&
              sim.role == Role::kFacilitator)
            sender = &sim;
          if (actor.role == Role::kParticipant &&
              sim.role == Role::kParticipant &&
              sim.device->participant == actor.participant &&
              actor.participant != 0) {
            sender = &sim;
          }
        }
        if (sender != nullptr)
          Send(*sender->device, command, random.Below(3) == 0 ? 0 : step + 1);
      }
      for (const Sim& sim : sims) {
        ASSERT_LE(sim.device->offset, hub->durable_offset())
            << "seed " << seed << ": a device saw undurable state";
      }
    }

    Commit();
    int compared = 0;
    for (Sim& sim : sims) {
      if (!sim.online) continue;
      // A removed participant's phone goes back to being anonymous; compare it
      // as one.
      const bool still_in = sim.role != Role::kParticipant ||
                            hub->workshop().state().FindParticipant(
                                sim.device->participant) != nullptr;
      auto fresh = Connect(code, sim.role, still_in ? sim.device->token : "");
      Commit();
      ASSERT_EQ(fresh->snapshots, 1);
      EXPECT_EQ(sim.device->View(), fresh->View())
          << "seed " << seed << ", a " << domain::Describe(sim.role);
      // A phone's snapshot comes from the hub's AudienceIndex, not a walk
      // over every document: the walk must find the same ones.
      if (sim.role == Role::kParticipant) {
        EXPECT_EQ(Keys(*fresh),
                  KeysSeenBy(hub->workshop().state(), fresh->participant))
            << "seed " << seed;
      }
      Disconnect(*fresh);
      ++compared;
    }
    EXPECT_GE(compared, 2) << "seed " << seed;
    EXPECT_GT(resumed, 3) << "seed " << seed;
    EXPECT_GT(hub->workshop().offset(), 50u) << "seed " << seed;
  }
}

}  // namespace
}  // namespace campana::testing
