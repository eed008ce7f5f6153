#include "app/router.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <campana/v1/wire.pb.h>

#include "recording_sink.h"

namespace campana::testing {
namespace {

namespace pb = ::campana::v1;
using domain::Audience;

class RouterTest : public ::testing::Test {
 protected:
  // A live device subscribed to `audiences`.
  std::shared_ptr<RecordingSink> Live(app::SessionId id,
                                      domain::Visibility audiences,
                                      uint32_t shard = 0) {
    auto sink = std::make_shared<RecordingSink>(shard);
    app::Session& session =
        table.Add(id, sink, codec::Format::kBinary, domain::Role::kParticipant);
    table.Subscribe(session, std::move(audiences));
    table.SetLive(session, true);
    return sink;
  }

  static app::Part PartFor(domain::Visibility audiences, std::string bytes) {
    return {std::move(audiences),
            std::make_shared<const std::string>(std::move(bytes))};
  }

  domain::WorkshopState state;
  app::Multicast multicast;  // none: each device in turn
  // As the hub wires them: a change in the table drops the router's plans.
  app::SessionTable table{[this] { router.ForgetPlans(); }};
  app::Router router{table, multicast, state};
};

TEST_F(RouterTest, DevicesOfOneAudienceShareOneFrame) {
  auto a = Live(1, {Audience::Everyone()});
  auto b = Live(2, {Audience::Everyone()}, /*shard=*/1);
  const std::vector<app::Part> parts = {
      PartFor({Audience::Everyone()}, "bell")};
  EXPECT_EQ(router.Route(parts), 2u);
  ASSERT_EQ(a->frames.size(), 1u);
  ASSERT_EQ(b->frames.size(), 1u);
  EXPECT_EQ(a->frames[0], parts[0].bytes) << "the encoded part, not a copy";
  EXPECT_EQ(b->frames[0], parts[0].bytes);
}

TEST_F(RouterTest, ADeviceInSeveralAudiencesGetsThePartsInOneFrame) {
  auto phone = Live(1, {Audience::Everyone(), Audience::Group(1)});
  auto screen = Live(2, {Audience::Everyone(), Audience::Staff()});
  auto other = Live(3, {Audience::Everyone(), Audience::Group(2)});
  const std::vector<app::Part> parts = {
      PartFor({Audience::Everyone()}, "A"),
      PartFor({Audience::Staff(), Audience::Group(1)}, "B")};
  EXPECT_EQ(router.Route(parts), 3u);
  ASSERT_EQ(phone->frames.size(), 1u);
  EXPECT_EQ(*phone->frames[0], "AB");
  ASSERT_EQ(screen->frames.size(), 1u);
  EXPECT_EQ(phone->frames[0], screen->frames[0])
      << "concatenated once for everyone who gets both";
  ASSERT_EQ(other->frames.size(), 1u);
  EXPECT_EQ(other->frames[0], parts[0].bytes);
}

TEST_F(RouterTest, ReachesAParticipantsOwnDevicesAndNoOneElse) {
  auto phone = Live(1, {Audience::Everyone(), Audience::Participant(7)});
  auto other = Live(2, {Audience::Everyone(), Audience::Participant(8)});
  table.Bind(*table.Find(1), 7);
  table.Bind(*table.Find(2), 8);
  EXPECT_EQ(router.Route({PartFor({Audience::Participant(7)}, "mine")}), 1u);
  EXPECT_EQ(phone->frames.size(), 1u);
  EXPECT_TRUE(other->frames.empty());
}

TEST_F(RouterTest, ADeviceWaitingForItsSnapshotGetsNoDelta) {
  auto live = Live(1, {Audience::Everyone()});
  auto sink = std::make_shared<RecordingSink>();
  app::Session& waiting =
      table.Add(2, sink, codec::Format::kBinary, domain::Role::kParticipant);
  table.Subscribe(waiting, {Audience::Everyone()});
  EXPECT_EQ(router.Route({PartFor({Audience::Everyone()}, "x")}), 1u);
  EXPECT_EQ(live->frames.size(), 1u);
  EXPECT_TRUE(sink->frames.empty());
}

TEST_F(RouterTest, ARoomsPlanFollowsDevicesThatComeAndGo) {
  // Enough devices for the plan to be kept between deltas.
  std::vector<std::shared_ptr<RecordingSink>> room;
  for (app::SessionId id = 1; id <= 40; ++id)
    room.push_back(Live(id, {Audience::Everyone()}, id % 2));
  const std::vector<app::Part> bell = {PartFor({Audience::Everyone()}, "b")};
  EXPECT_EQ(router.Route(bell), 40u);

  table.Remove(1);
  auto late = Live(41, {Audience::Everyone()});
  EXPECT_EQ(router.Route(bell), 40u);
  EXPECT_EQ(room[0]->frames.size(), 1u) << "gone before the second bell";
  EXPECT_EQ(room[1]->frames.size(), 2u);
  EXPECT_EQ(late->frames.size(), 1u) << "arrived before the second bell";
}

TEST_F(RouterTest, MulticastsOneGroupPerIOThread) {
  std::vector<app::SharedSinkGroup> groups;
  multicast = [&](const app::SharedSinkGroup& group, const app::SharedBytes&) {
    groups.push_back(group);
  };
  app::SessionTable sessions{[] {}};
  app::Router sharded(sessions, multicast, state);
  for (app::SessionId id = 1; id <= 4; ++id) {
    app::Session& session =
        sessions.Add(id, std::make_shared<RecordingSink>(id % 2),
                     codec::Format::kBinary, domain::Role::kParticipant);
    sessions.Subscribe(session, {Audience::Everyone()});
    sessions.SetLive(session, true);
  }
  EXPECT_EQ(sharded.Route({PartFor({Audience::Everyone()}, "b")}), 4u);
  ASSERT_EQ(groups.size(), 2u);
  for (const app::SharedSinkGroup& group : groups) {
    EXPECT_EQ(group->sinks.size(), 2u);
    for (const auto& sink : group->sinks)
      EXPECT_EQ(sink->shard(), group->shard);
  }
}

TEST_F(RouterTest, EncodesEachDocumentOnceInItsLastVersion) {
  auto doc = [](const std::string& name) {
    pb::Doc d;
    d.set_kind(pb::DOC_KIND_PARTICIPANT);
    d.set_id(1);
    d.mutable_participant()->set_display_name(name);
    return d.SerializeAsString();
  };
  const domain::DocKey ana{domain::DocKind::kParticipant, 1};
  const domain::Visibility everyone = {Audience::Everyone()};
  std::vector<app::RenderedRecord> records = {
      {5, {{ana, everyone, doc("Ana")}}},
      {6, {{ana, everyone, doc("Ana María")}}}};
  std::vector<app::Part> parts = router.Encode(records, "epoch", 6);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].audiences, everyone);
  pb::ServerMessage message;
  ASSERT_TRUE(message.ParseFromString(*parts[0].bytes));
  EXPECT_EQ(message.delta().offset(), 6u);
  ASSERT_EQ(message.delta().patches_size(), 1);
  EXPECT_EQ(message.delta().patches(0).put().participant().display_name(),
            "Ana María");

  // Now only the staff may see it: everyone else is told to remove it.
  const domain::Visibility staff = {Audience::Staff()};
  parts = router.Encode({{7, {{ana, staff, doc("Ana")}}}}, "epoch", 7);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].audiences, everyone);
  ASSERT_TRUE(message.ParseFromString(*parts[0].bytes));
  ASSERT_EQ(message.delta().patches_size(), 1);
  EXPECT_TRUE(message.delta().patches(0).has_remove());
  EXPECT_EQ(parts[1].audiences, staff);
}

}  // namespace
}  // namespace campana::testing
