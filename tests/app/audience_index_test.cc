// The AudienceIndex finds what a walk over every document would, and more:
// which documents everyone, a participant or a group sees now, or was sent and
// has not yet been told are gone.

#include "app/audience_index.h"

#include <gtest/gtest.h>

namespace campana::app {
namespace {

using domain::Audience;
using domain::DocKey;
using domain::DocKind;
using domain::Visibility;

const DocKey kAgenda{DocKind::kAgenda, 0};
const DocKey kAda{DocKind::kParticipant, 1};
const DocKey kBo{DocKind::kParticipant, 2};

Visibility InGroup(uint32_t group, uint32_t participant) {
  return {Audience::Staff(), Audience::Group(group),
          Audience::Participant(participant)};
}

TEST(AudienceIndexTest, FindsWhatEachAudienceSeesOnceAndInKeyOrder) {
  AudienceIndex index;
  index.Add(kAgenda, {Audience::Everyone()});
  index.Add(kBo, InGroup(3, 2));
  index.Add(kAda, InGroup(3, 1));

  EXPECT_EQ(index.MayHave({Audience::Everyone()}),
            std::vector<DocKey>({kAgenda}));
  EXPECT_EQ(index.MayHave({Audience::Everyone(), Audience::Group(3),
                           Audience::Participant(1)}),
            std::vector<DocKey>({kAda, kBo, kAgenda}))
      << "Ada's own document is hers and her group's: listed once";
  EXPECT_EQ(index.size(), 5u) << "staff's audience is not indexed";
}

TEST(AudienceIndexTest, KeepsWhatWasSentUntilItSettles) {
  AudienceIndex index;
  index.Settle(kAda, InGroup(3, 1), InGroup(3, 1));
  // Ada moves to group 4: until the move is durable and sent, group 3's
  // devices still have her document.
  index.Add(kAda, InGroup(4, 1));
  EXPECT_EQ(index.MayHave({Audience::Group(3)}), std::vector<DocKey>({kAda}));
  EXPECT_EQ(index.MayHave({Audience::Group(4)}), std::vector<DocKey>({kAda}));

  index.Settle(kAda, InGroup(4, 1), InGroup(4, 1));
  EXPECT_TRUE(index.MayHave({Audience::Group(3)}).empty());
  EXPECT_EQ(index.MayHave({Audience::Group(4)}), std::vector<DocKey>({kAda}));

  // Removed: sent as gone, and gone.
  index.Add(kAda, {});
  EXPECT_EQ(index.MayHave({Audience::Participant(1)}),
            std::vector<DocKey>({kAda}));
  index.Settle(kAda, {}, {});
  EXPECT_TRUE(index.MayHave({Audience::Participant(1)}).empty());
  EXPECT_EQ(index.size(), 0u);
}

TEST(AudienceIndexTest, SettlingKeepsWhatAnotherPendingRecordMadeVisible) {
  AudienceIndex index;
  index.Settle(kBo, InGroup(3, 2), InGroup(3, 2));
  index.Add(kBo, InGroup(4, 2));  // record 7
  index.Add(kBo, InGroup(5, 2));  // record 8
  // Record 7 is durable and sent; record 8 is not yet.
  index.Settle(kBo, InGroup(4, 2), InGroup(5, 2));
  EXPECT_TRUE(index.MayHave({Audience::Group(3)}).empty());
  EXPECT_EQ(index.MayHave({Audience::Group(4)}), std::vector<DocKey>({kBo}));
  EXPECT_EQ(index.MayHave({Audience::Group(5)}), std::vector<DocKey>({kBo}));
}

TEST(AudienceIndexTest, CoversOnlyWhatItIndexes) {
  EXPECT_TRUE(AudienceIndex::Covers(
      {Audience::Everyone(), Audience::Group(2), Audience::Participant(9)}));
  EXPECT_FALSE(
      AudienceIndex::Covers({Audience::Everyone(), Audience::Staff()}));
  EXPECT_FALSE(AudienceIndex::Covers({Audience::Facilitators()}));
}

}  // namespace
}  // namespace campana::app
