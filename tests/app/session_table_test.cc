#include "app/session_table.h"

#include <algorithm>
#include <memory>
#include <vector>

#include <gtest/gtest.h>

#include "recording_sink.h"

namespace campana::testing {
namespace {

using domain::Audience;
using domain::Role;

class SessionTableTest : public ::testing::Test {
 protected:
  app::Session& Add(app::SessionId id, Role role = Role::kParticipant) {
    return table.Add(id, std::make_shared<RecordingSink>(),
                     codec::Format::kBinary, role);
  }

  // The ids ForEachIn visits, sorted.
  std::vector<app::SessionId> In(const Audience& audience) {
    std::vector<app::SessionId> ids;
    table.ForEachIn(audience,
                    [&](app::Session& session) { ids.push_back(session.id); });
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  int changes = 0;
  app::SessionTable table{[this] { ++changes; }};
};

TEST_F(SessionTableTest, FindsSessionsByTheAudiencesTheyAreSubscribedTo) {
  app::Session& screen = Add(1, Role::kProjector);
  app::Session& phone = Add(2);
  table.Subscribe(screen, {Audience::Everyone(), Audience::Staff()});
  table.Subscribe(phone, {Audience::Everyone(), Audience::Group(2)});

  EXPECT_EQ(In(Audience::Everyone()), (std::vector<app::SessionId>{1, 2}));
  EXPECT_EQ(In(Audience::Staff()), (std::vector<app::SessionId>{1}));
  EXPECT_EQ(In(Audience::Group(2)), (std::vector<app::SessionId>{2}));
  EXPECT_TRUE(In(Audience::Group(1)).empty());

  table.Subscribe(phone, {Audience::Everyone(), Audience::Group(1)});
  EXPECT_TRUE(In(Audience::Group(2)).empty()) << "the old group forgets it";
  EXPECT_EQ(In(Audience::Group(1)), (std::vector<app::SessionId>{2}));
  EXPECT_EQ(phone.subscription(),
            (domain::Visibility{Audience::Everyone(), Audience::Group(1)}));

  EXPECT_EQ(table.Remove(1), 0u) << "no participant behind a projector";
  EXPECT_TRUE(In(Audience::Staff()).empty());
  EXPECT_EQ(In(Audience::Everyone()), (std::vector<app::SessionId>{2}));
  EXPECT_EQ(table.Find(1), nullptr);
  EXPECT_EQ(table.size(), 1u);
}

TEST_F(SessionTableTest, ReachesAParticipantThroughItsDevices) {
  app::Session& phone = Add(1);
  app::Session& laptop = Add(2);
  EXPECT_TRUE(table.Bind(phone, 7)) << "the first device";
  EXPECT_FALSE(table.Bind(laptop, 7));
  // Subscribed to its own audience, yet found without an index entry: through
  // the participant.
  table.Subscribe(phone, {Audience::Everyone(), Audience::Participant(7)});
  EXPECT_EQ(In(Audience::Participant(7)), (std::vector<app::SessionId>{1, 2}));
  EXPECT_TRUE(table.HasDevices(7));
  EXPECT_EQ(table.DevicesOf(7), (std::vector<app::SessionId>{1, 2}));

  EXPECT_EQ(table.Remove(1), 0u) << "the laptop is still there";
  EXPECT_EQ(table.Remove(2), 7u) << "the participant's last device";
  EXPECT_FALSE(table.HasDevices(7));
  EXPECT_TRUE(In(Audience::Participant(7)).empty());
  EXPECT_TRUE(In(Audience::Everyone()).empty());
}

TEST_F(SessionTableTest, UnbindingAParticipantMakesItsDevicesAnonymous) {
  app::Session& phone = Add(1);
  app::Session& other = Add(2);
  table.Bind(phone, 7);
  table.Bind(other, 8);
  EXPECT_EQ(table.Unbind(7), (std::vector<app::SessionId>{1}));
  EXPECT_EQ(phone.participant(), 0u);
  EXPECT_EQ(other.participant(), 8u);
  EXPECT_TRUE(In(Audience::Participant(7)).empty());
  EXPECT_TRUE(table.Unbind(7).empty());
  EXPECT_EQ(table.Remove(1), 0u) << "no longer anyone's device";
}

TEST_F(SessionTableTest, SaysWhenWhoReceivesWhatMayHaveChanged) {
  app::Session& phone = Add(1);
  EXPECT_EQ(changes, 0) << "a new session is in no audience and not live";
  table.Subscribe(phone, {Audience::Everyone()});
  EXPECT_EQ(changes, 1);
  table.SetLive(phone, true);
  EXPECT_TRUE(phone.live());
  EXPECT_EQ(changes, 2);
  table.SetLive(phone, true);
  EXPECT_EQ(changes, 2) << "no change, no news";
  table.Bind(phone, 3);
  EXPECT_EQ(changes, 3);
  table.Remove(1);
  EXPECT_EQ(changes, 4);
}

}  // namespace
}  // namespace campana::testing
