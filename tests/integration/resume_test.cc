// A phone that loses the Wi-Fi for a minute comes back to the current state: it
// resumes from the offset it had, receives once what it missed, and ends with
// the view a fresh phone gets.

#include <set>
#include <thread>

#include "server_fixture.h"

namespace campana::testing {
namespace {

class ResumeTest : public ServerFixture {};

TEST_F(ResumeTest, APhoneOfflineForSixtySecondsCatchesUpWithOneDelta) {
  auto console = Open(pb::ROLE_FACILITATOR);
  auto phone = Open(pb::ROLE_PARTICIPANT);
  const uint32_t me = JoinAs(*phone, "Ana");
  ASSERT_TRUE(phone->Until([&] {
    return phone->device.Get(pb::DOC_KIND_PARTICIPANT, me)
        .participant()
        .connected();
  }));
  const std::string token =
      phone->device.token.empty() ? "" : phone->device.token;
  Device had = phone->device;  // what the page keeps in memory while offline
  phone->Drop();
  ASSERT_TRUE(console->Until([&] {
    return console->device.Has(pb::DOC_KIND_PARTICIPANT, me) &&
           !console->device.Get(pb::DOC_KIND_PARTICIPANT, me)
                .participant()
                .connected();
  })) << "the room sees the phone go";

  // The workshop goes on for a minute without the phone: the agenda moves,
  // timers appear and run, the facilitator fixes the phone owner's name, a bell
  // rings.
  uint64_t request = 100;
  auto command = [&](pb::Command c) {
    console->Send(CommandMessage(++request, c));
    auto reply = console->Reply(request);
    ASSERT_TRUE(reply && reply->has_ack())
        << (reply ? reply->ShortDebugString() : "no reply");
  };
  const auto start = std::chrono::steady_clock::now();
  int changes = 0;
  for (int step = 0; std::chrono::steady_clock::now() - start < 60s; ++step) {
    pb::Command c;
    switch (step % 4) {
      case 0:
        c.mutable_goto_agenda_item()->set_index(step / 4 % 5);
        break;
      case 1:
        c.mutable_create_timer()->set_name("Ronda " + std::to_string(step));
        c.mutable_create_timer()->set_duration_ms(120'000);
        break;
      case 2:
        c.mutable_rename_participant()->set_participant_id(me);
        c.mutable_rename_participant()->set_display_name("Ana " +
                                                         std::to_string(step));
        break;
      case 3:
        c.mutable_ring_bell();
        break;
    }
    command(c);
    ++changes;
    // The room's pace: something happens every few seconds during the minute
    // offline.
    std::this_thread::sleep_until(start + std::chrono::seconds(5 * (step + 1)));
  }
  ASSERT_GE(changes, 12);

  WsClient back(server->port());
  back.device = had;
  ASSERT_TRUE(back.Connect());
  back.Send(ResumeHello(1, code, had.token, had));
  auto welcome = back.Reply(1);
  ASSERT_TRUE(welcome && welcome->has_welcome());
  EXPECT_TRUE(welcome->welcome().resumed()) << "history reaches back a minute";
  auto delta = back.Next();
  ASSERT_TRUE(delta && delta->has_delta())
      << (delta ? delta->ShortDebugString() : "nothing");
  EXPECT_EQ(back.device.snapshots, had.snapshots) << "no snapshot was needed";
  // Every missed document once, in its latest form: the delta is coalesced.
  std::set<std::pair<int, uint64_t>> keys;
  for (const pb::Patch& patch : delta->delta().patches()) {
    const auto key =
        patch.has_put()
            ? std::pair<int, uint64_t>(patch.put().kind(), patch.put().id())
            : std::pair<int, uint64_t>(patch.remove().kind(),
                                       patch.remove().id());
    EXPECT_TRUE(keys.insert(key).second)
        << "document sent twice: " << patch.ShortDebugString();
  }
  EXPECT_GE(keys.size(), 5u);

  // The same view a phone opening the page now would get.
  WsClient fresh(server->port());
  ASSERT_TRUE(fresh.Connect());
  fresh.Send(HelloMessage(1, code, pb::ROLE_PARTICIPANT, had.token));
  ASSERT_TRUE(fresh.WaitFor(
      [](const pb::ServerMessage& m) { return m.has_snapshot(); }));
  back.Drain();
  fresh.Drain();
  EXPECT_EQ(back.device.View(), fresh.device.View());
  EXPECT_EQ(back.device.offset, fresh.device.offset);
}

TEST_F(ResumeTest, AnotherEpochGetsASnapshot) {
  auto phone = Open(pb::ROLE_PARTICIPANT);
  JoinAs(*phone, "Ana");
  Device had = phone->device;
  had.epoch = "a-restored-backup";
  phone->Drop();
  WsClient back(server->port());
  back.device = had;
  ASSERT_TRUE(back.Connect());
  back.Send(ResumeHello(1, code, had.token, had));
  auto welcome = back.Reply(1);
  ASSERT_TRUE(welcome && welcome->has_welcome());
  EXPECT_FALSE(welcome->welcome().resumed());
  EXPECT_TRUE(back.WaitFor(
      [](const pb::ServerMessage& m) { return m.has_snapshot(); }));
}

}  // namespace
}  // namespace campana::testing
