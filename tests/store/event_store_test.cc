#include "store/event_store.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "store/group_commit.h"
#include "support/temp_dir.h"

namespace campana::store {
namespace {

std::unique_ptr<EventStore> OpenOrDie(const std::string& path) {
  Status status;
  auto store = EventStore::Open(path, &status);
  EXPECT_TRUE(status.ok) << status.message;
  return store;
}

std::string Records(EventStore& store, WorkshopId id, uint64_t after = 0) {
  std::string out;
  EXPECT_TRUE(store
                  .ReadRecords(id, after,
                               [&](uint64_t offset, std::string_view body) {
                                 out += std::to_string(offset) + "=" +
                                        std::string(body) + " ";
                                 return true;
                               })
                  .ok);
  return out;
}

TEST(EventStoreTest, WritesSurviveReopening) {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.File("log.db"));
    ASSERT_TRUE(store
                    ->Write({.workshops = {{1, "ABC234", "epoch-a", 5}},
                             .records = {{1, 1, "one"}, {1, 2, "two"}}})
                    .ok);
    ASSERT_TRUE(store
                    ->Write({.records = {{1, 3, "three"}},
                             .snapshots = {{1, 2, "state@2"}}})
                    .ok);
  }
  auto store = OpenOrDie(dir.File("log.db"));
  auto row = store->FindWorkshop("ABC234");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->epoch, "epoch-a");
  EXPECT_FALSE(store->FindWorkshop("XXXXXX").has_value());
  EXPECT_EQ(Records(*store, 1), "1=one 2=two 3=three ");
  EXPECT_EQ(Records(*store, 1, 2), "3=three ");
  EXPECT_EQ(store->LatestSnapshot(1)->body, "state@2");
  EXPECT_EQ(store->LastOffset(1), 3u);
}

TEST(EventStoreTest, ATakenOffsetFailsTheWholeBatch) {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.File("log.db"));
  ASSERT_TRUE(store
                  ->Write({.workshops = {{1, "ABC234", "e", 0}},
                           .records = {{1, 1, "one"}}})
                  .ok);
  // A second writer of the same log (another node, a bug) cannot extend it past
  // the first.
  const Status clash =
      store->Write({.records = {{1, 2, "two"}, {1, 1, "impostor"}}});
  EXPECT_FALSE(clash.ok);
  EXPECT_EQ(Records(*store, 1), "1=one ")
      << "nothing of the failed batch is written";
}

TEST(EventStoreTest, KeepsTheTwoNewestSnapshots) {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.File("log.db"));
  for (uint64_t offset : {10, 20, 30}) {
    ASSERT_TRUE(
        store->Write({.snapshots = {{1, offset, "s" + std::to_string(offset)}}})
            .ok);
  }
  EXPECT_EQ(store->LatestSnapshot(1)->offset, 30u);
}

TEST(EventStoreTest, AnErasedWorkshopLeavesNothingAndTheOthersStay) {
  testing::TempDir dir;
  auto store = OpenOrDie(dir.File("log.db"));
  ASSERT_TRUE(store
                  ->Write({.workshops = {{1, "ABC234", "e1", 0},
                                         {2, "DEF567", "e2", 0}},
                           .records = {{1, 1, "one"}, {2, 1, "uno"}},
                           .snapshots = {{1, 1, "s1"}, {2, 1, "s2"}}})
                  .ok);
  // A record still queued for the workshop goes with it: the erase comes last.
  ASSERT_TRUE(store->Write({.records = {{1, 2, "late"}}, .erased = {1}}).ok);
  EXPECT_FALSE(store->FindWorkshop("ABC234").has_value());
  EXPECT_EQ(Records(*store, 1), "");
  EXPECT_FALSE(store->LatestSnapshot(1).has_value());
  EXPECT_EQ(store->ListWorkshops().size(), 1u);
  EXPECT_EQ(Records(*store, 2), "1=uno ");
  EXPECT_EQ(store->LatestSnapshot(2)->body, "s2");
}

TEST(EventStoreTest, SettingsAreKeptAndReplaced) {
  testing::TempDir dir;
  {
    auto store = OpenOrDie(dir.File("log.db"));
    EXPECT_FALSE(store->Setting("organizer_key").has_value());
    ASSERT_TRUE(store->PutSetting("organizer_key", "first").ok);
    ASSERT_TRUE(store->PutSetting("organizer_key", "second").ok);
  }
  auto store = OpenOrDie(dir.File("log.db"));
  EXPECT_EQ(store->Setting("organizer_key"), "second");
}

TEST(GroupCommitTest, ManySubmittersShareFewCommitsAndAllBecomeDurable) {
  testing::TempDir dir;
  std::mutex mutex;
  std::map<WorkshopId, uint64_t> durable;
  {
    GroupCommitter committer(
        OpenOrDie(dir.File("log.db")),
        [&](const std::map<WorkshopId, uint64_t>& done) {
          std::lock_guard lock(mutex);
          for (auto [id, offset] : done)
            durable[id] = std::max(durable[id], offset);
        },
        [](const Status& s) { FAIL() << s.message; });
    committer.Submit(
        {.workshops = {{1, "AAAAAA", "e", 0}, {2, "BBBBBB", "e", 0}}});
    // Two workshops' hubs submitting one record at a time, as fast as they can.
    std::thread a([&] {
      for (uint64_t i = 1; i <= 300; ++i)
        committer.Submit({.records = {{1, i, "a"}}});
    });
    std::thread b([&] {
      for (uint64_t i = 1; i <= 300; ++i)
        committer.Submit({.records = {{2, i, "b"}}});
    });
    a.join();
    b.join();
    committer.Flush();
    EXPECT_EQ(committer.records_written(), 600u);
    EXPECT_LT(committer.commits(), 600u)
        << "records arriving together share a transaction";
  }
  EXPECT_EQ(durable[1], 300u);
  EXPECT_EQ(durable[2], 300u);
  auto store = OpenOrDie(dir.File("log.db"));
  EXPECT_EQ(store->LastOffset(1), 300u);
  EXPECT_EQ(store->LastOffset(2), 300u);
}

}  // namespace
}  // namespace campana::store
