#ifndef CAMPANA_TESTS_APP_LOBBY_FIXTURE_H_
#define CAMPANA_TESTS_APP_LOBBY_FIXTURE_H_

#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "app/lobby.h"
#include "support/device.h"
#include "support/random_commands.h"
#include "support/temp_dir.h"

namespace campana::testing {

// A Lobby over a real SQLite file, with the clock, the randomness and the
// moment of each commit in the test's hands: Commit() writes what the hubs
// handed over and reports it durable, as the writer thread would.
class LobbyFixture : public ::testing::Test {
 protected:
  LobbyFixture() { Restart(); }

  void Restart(app::HubOptions options = {}) {
    lobby.reset();
    store.reset();
    store::Status status;
    store = store::EventStore::Open(dir.File("campana.db"), &status);
    ASSERT_TRUE(status.ok) << status.message;
    lobby = std::make_unique<app::Lobby>(
        app::LobbyEnvironment{
            .now = [this] { return now; },
            .rng = &rng,
            .reader = store.get(),
            .persist =
                [this](store::WriteBatch&& b) {
                  pending.push_back(std::move(b));
                },
            .arm_wakeup =
                [this](std::optional<domain::Time> at) { wakeup = at; }},
        options);
  }

  // Makes everything handed over so far durable and tells the hubs.
  void Commit() {
    std::map<store::WorkshopId, uint64_t> durable;
    for (const store::WriteBatch& batch : pending) {
      ASSERT_TRUE(store->Write(batch).ok);
      for (const auto& r : batch.records)
        durable[r.workshop] = std::max(durable[r.workshop], r.offset);
    }
    pending.clear();
    lobby->OnDurable(durable);
  }

  // Commits only the first `n` batches handed over.
  void CommitSome(size_t n) {
    std::vector<store::WriteBatch> rest(
        std::make_move_iterator(pending.begin() + static_cast<long>(n)),
        std::make_move_iterator(pending.end()));
    pending.resize(n);
    Commit();
    pending = std::move(rest);
  }

  std::string CreateWorkshop(
      std::vector<domain::AgendaItem> agenda = SampleAgenda()) {
    auto access = lobby->CreateWorkshop({"Taller", "es", std::move(agenda)});
    EXPECT_TRUE(access.ok());
    Commit();
    key = access.value().facilitator_key;
    projector_key = access.value().projector_key;
    return access.value().code;
  }

  // Connects a new device and says Hello.
  std::shared_ptr<Device> Connect(
      const std::string& code, domain::Role role, const std::string& token = "",
      std::optional<uint64_t> last_offset = std::nullopt,
      const std::string& epoch = "", const Device* before = nullptr) {
    auto device = std::make_shared<Device>();
    if (before != nullptr) {
      // The page keeps what it had while it reconnects.
      device->docs = before->docs;
      device->offset = before->offset;
      device->epoch = before->epoch;
      device->token = before->token;
      device->participant = before->participant;
    }
    const app::SessionId id = next_session++;
    sessions[device.get()] = id;
    lobby->Open(id, device, codec::Format::kBinary);
    codec::Hello hello{code,
                       role,
                       token,
                       role == domain::Role::kFacilitator ? key : "",
                       epoch,
                       last_offset,
                       role == domain::Role::kProjector ? projector_key : ""};
    lobby->Receive(id, codec::Inbound{.request_id = 1, .body = hello});
    return device;
  }

  // Connects again as the same device, resuming from what it has.
  std::shared_ptr<Device> Reconnect(const std::string& code, domain::Role role,
                                    const Device& old) {
    return Connect(code, role, old.token, old.offset, old.epoch, &old);
  }

  void Send(Device& device, const domain::Command& command,
            uint64_t client_seq = 0) {
    lobby->Receive(sessions.at(&device),
                   codec::Inbound{.request_id = ++request_id,
                                  .client_seq = client_seq,
                                  .body = command});
  }

  void Disconnect(Device& device) { lobby->Close(sessions.at(&device)); }

  uint32_t JoinAs(const std::string& code, std::shared_ptr<Device>& device,
                  const std::string& name,
                  domain::Presence presence = domain::Presence::kInRoom) {
    device = Connect(code, domain::Role::kParticipant);
    Send(*device,
         domain::cmd::Join{name, presence,
                           "join-key-" + name + std::to_string(next_session)});
    Commit();
    return device->participant;
  }

  TempDir dir;
  domain::Time now = domain::FromUnixMillis(1'700'000'000'000);
  domain::SplitMix64 rng{99};
  std::unique_ptr<store::EventStore> store;
  std::unique_ptr<app::Lobby> lobby;
  std::vector<store::WriteBatch> pending;
  std::optional<domain::Time> wakeup;
  std::map<Device*, app::SessionId> sessions;
  app::SessionId next_session = 1;
  uint64_t request_id = 100;
  std::string key;
  std::string projector_key;
};

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_APP_LOBBY_FIXTURE_H_
