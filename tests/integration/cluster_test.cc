// Two campana nodes on one PostgreSQL database, without a front
// (docs/cluster.md): the node that takes a workshop last owns it. The other
// node's next append to it is refused by the database; that node lets the
// workshop go at once (its devices are disconnected), keeps running, and the
// devices resume on the new owner with the same epoch and offsets.
#include <chrono>

#include "server_fixture.h"
#include "support/http_get.h"
#include "support/postgres_server.h"

namespace campana::testing {
namespace {

using namespace std::chrono_literals;

class ClusterTest : public ServerFixture {
 protected:
  std::string DbPath() override {
    database_ = SharedPostgres().error().empty()
                    ? SharedPostgres().NewDatabase("cluster")
                    : "postgresql://nowhere/none";
    return database_;
  }
  // Node B: a second campana process on the same database, started.
  std::unique_ptr<ServerProcess> StartNodeB() {
    auto b = std::make_unique<ServerProcess>(
        ServerProcess::Options{.binary = CampanaBinary(),
                               .db_path = database_,
                               .web_root = dir.File("web"),
                               .demo_template = TemplatePath()});
    std::string error;
    EXPECT_TRUE(b->Start(&error)) << error;
    return b;
  }
  std::string database_;
};

TEST_F(ClusterTest, ANodeLetsGoOfAWorkshopAnotherTookAndItsDevicesResumeThere) {
  ASSERT_EQ(SharedPostgres().error(), "");
  // Node A (the fixture's server) serves the workshop: a console and a phone.
  auto console_a = Open(pb::ROLE_FACILITATOR);
  auto phone = Open(pb::ROLE_PARTICIPANT);
  const uint32_t ana = JoinAs(*phone, "Ana");
  ASSERT_GT(ana, 0u);
  const Device had = phone->device;

  // Node B, on the same database, is asked for the workshop: it takes it.
  auto b = StartNodeB();
  ASSERT_TRUE(b->running());
  WsClient console_b(b->port());
  ASSERT_TRUE(console_b.Connect());
  console_b.Send(HelloMessage(1, code, pb::ROLE_FACILITATOR, key));
  ASSERT_TRUE(console_b.WaitFor(
      [&](const pb::ServerMessage& m) { return m.has_snapshot(); }));
  EXPECT_TRUE(console_b.device.Has(pb::DOC_KIND_PARTICIPANT, ana))
      << "B read the whole log, Ana's join included";

  // A's next append to it is refused: A answers nothing, lets the workshop
  // go and disconnects its devices, and goes on running.
  pb::Command bell;
  bell.mutable_ring_bell();
  console_a->Send(CommandMessage(50, bell));
  EXPECT_TRUE(console_a->WaitClosed(10s).has_value());
  EXPECT_TRUE(phone->WaitClosed(10s).has_value());
  EXPECT_TRUE(server->WaitForLog("another node took it", 5s)) << server->log();
  EXPECT_TRUE(server->running());
  EXPECT_EQ(HttpGet(server->port(), "/healthz").status, 200);

  // The phone resumes on B: the same epoch, its offsets go on.
  WsClient back(b->port());
  back.device = had;
  ASSERT_TRUE(back.Connect());
  back.Send(ResumeHello(1, code, had.token, had));
  auto welcome = back.Reply(1);
  ASSERT_TRUE(welcome && welcome->has_welcome())
      << (welcome ? welcome->ShortDebugString() : "no reply");
  EXPECT_EQ(welcome->welcome().participant_id(), ana) << "the same person";
  EXPECT_EQ(welcome->welcome().epoch(), had.epoch) << "the same log";
  ASSERT_TRUE(back.WaitFor([](const pb::ServerMessage& m) {
    return m.has_snapshot() || m.has_delta();
  }));
  EXPECT_GE(back.device.offset, had.offset) << "offsets go on, never back";
  // The bell A never acknowledged, sent again to B, is acknowledged there.
  console_b.Send(CommandMessage(51, bell));
  auto ack = console_b.Reply(51);
  ASSERT_TRUE(ack && ack->has_ack())
      << (ack ? ack->ShortDebugString() : "no reply");
  EXPECT_GT(ack->ack().offset(), had.offset);
  b->Stop();
}

// A node that lost a workshop without writing to it since (so no refused
// append told it) must not answer from memory: a phone that joined on the new
// owner and is then sent back (the front's routing changed) is still itself.
TEST_F(ClusterTest, ANodeThatLostAWorkshopQuietlyDoesNotServeItsOldState) {
  ASSERT_EQ(SharedPostgres().error(), "");
  auto console_a = Open(pb::ROLE_FACILITATOR);  // A has the workshop loaded
  auto b = StartNodeB();
  ASSERT_TRUE(b->running());
  // Marta joins on B, which takes the workshop; A writes nothing meanwhile.
  WsClient on_b(b->port());
  ASSERT_TRUE(on_b.Connect());
  on_b.Send(HelloMessage(1, code, pb::ROLE_PARTICIPANT));
  auto hello = on_b.Reply(1);
  ASSERT_TRUE(hello && hello->has_welcome());
  const uint32_t marta = JoinAs(on_b, "Marta");
  ASSERT_GT(marta, 0u);
  const std::string token = on_b.device.token;
  // Her phone comes to A: A takes the workshop back, and she is Marta there.
  WsClient on_a(server->port());
  ASSERT_TRUE(on_a.Connect());
  on_a.Send(HelloMessage(1, code, pb::ROLE_PARTICIPANT, token));
  auto welcome = on_a.Reply(1);
  ASSERT_TRUE(welcome && welcome->has_welcome())
      << (welcome ? welcome->ShortDebugString() : "no reply");
  EXPECT_EQ(welcome->welcome().participant_id(), marta);
  EXPECT_TRUE(server->WaitForLog("loading it again", 5s)) << server->log();
  // A's console, opened on the old state, was let go to come back.
  EXPECT_TRUE(console_a->WaitClosed(10s).has_value());
  b->Stop();
}

}  // namespace
}  // namespace campana::testing
