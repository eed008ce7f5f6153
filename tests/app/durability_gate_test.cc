#include "app/durability_gate.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace campana::testing {
namespace {

struct Released {
  app::SessionId session;
  std::string frame;
  bool makes_live;
  bool operator==(const Released&) const = default;
};

class DurabilityGateTest : public ::testing::Test {
 protected:
  static app::SharedBytes Frame(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
  }
  static app::RenderedRecord Record(uint64_t offset) { return {offset, {}}; }

  std::vector<Released> released;
  app::DurabilityGate gate{
      10, [this](app::SessionId session, const app::SharedBytes& frame,
                 bool makes_live) {
        released.push_back({session, *frame, makes_live});
      }};
};

TEST_F(DurabilityGateTest, ReleasesAtOnceWhatIsAlreadyDurable) {
  gate.Queue(1, 10, Frame("welcome"));
  gate.Queue(1, 9, Frame("snapshot"), /*makes_live=*/true);
  EXPECT_EQ(released, (std::vector<Released>{{1, "welcome", false},
                                             {1, "snapshot", true}}));
}

TEST_F(DurabilityGateTest, HoldsFramesUntilTheirOffsetIsDurable) {
  gate.Queue(1, 12, Frame("ack 12"));
  EXPECT_TRUE(released.empty());
  EXPECT_TRUE(gate.Advance(11).empty());
  EXPECT_TRUE(released.empty()) << "11 is not 12";
  EXPECT_EQ(gate.durable(), 11u);
  gate.Advance(12);
  EXPECT_EQ(released, (std::vector<Released>{{1, "ack 12", false}}));
}

TEST_F(DurabilityGateTest, KeepsEachSessionsOrderButNotOthersWaiting) {
  gate.Queue(1, 12, Frame("ack 12"));
  // Durable already, but behind the Ack: a device sees its answers in order.
  gate.Queue(1, 10, Frame("rejection"));
  gate.Queue(1, 13, Frame("ack 13"));
  gate.Queue(2, 10, Frame("pong-like"));
  EXPECT_EQ(released, (std::vector<Released>{{2, "pong-like", false}}))
      << "another device does not wait for the first one's Ack";

  released.clear();
  gate.Advance(12);
  EXPECT_EQ(released, (std::vector<Released>{{1, "ack 12", false},
                                             {1, "rejection", false}}));
  released.clear();
  gate.Queue(1, 10, Frame("late"));
  EXPECT_TRUE(released.empty()) << "still behind the Ack at 13";
  gate.Advance(13);
  EXPECT_EQ(released,
            (std::vector<Released>{{1, "ack 13", false}, {1, "late", false}}));
  released.clear();
  gate.Queue(1, 13, Frame("now"));
  EXPECT_EQ(released, (std::vector<Released>{{1, "now", false}}))
      << "nothing waits any more";
}

TEST_F(DurabilityGateTest, ReturnsTheRecordsADurableOffsetCoversOldestFirst) {
  gate.Hold(Record(11));
  gate.Hold(Record(12));
  gate.Hold(Record(13));
  std::vector<app::RenderedRecord> durable = gate.Advance(12);
  ASSERT_EQ(durable.size(), 2u);
  EXPECT_EQ(durable[0].offset, 11u);
  EXPECT_EQ(durable[1].offset, 12u);
  EXPECT_TRUE(gate.Advance(12).empty()) << "an old report releases nothing";
  EXPECT_TRUE(gate.Advance(5).empty());
  EXPECT_EQ(gate.durable(), 12u);
  durable = gate.Advance(20);
  ASSERT_EQ(durable.size(), 1u);
  EXPECT_EQ(durable[0].offset, 13u);
}

TEST_F(DurabilityGateTest, ForgetsWhatWaitsForASessionThatIsGone) {
  gate.Queue(1, 12, Frame("ack 12"));
  gate.Queue(2, 12, Frame("ack 12 for 2"));
  gate.Forget(1);
  gate.Advance(12);
  EXPECT_EQ(released, (std::vector<Released>{{2, "ack 12 for 2", false}}));
  released.clear();
  gate.Queue(1, 12, Frame("again"));
  EXPECT_EQ(released, (std::vector<Released>{{1, "again", false}}))
      << "a forgotten session holds nothing back";
}

}  // namespace
}  // namespace campana::testing
