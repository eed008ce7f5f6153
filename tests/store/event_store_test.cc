#include "store/event_store.h"

#include <atomic>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "store/group_commit.h"
#include "store/location.h"
#include "support/postgres_server.h"
#include "support/temp_dir.h"

namespace campana::store {
namespace {

std::unique_ptr<EventStore> OpenOrDie(const std::string& location) {
  Status status;
  auto store = EventStore::Open(location, &status);
  EXPECT_TRUE(status.ok) << status.message;
  return store;
}

// Every test of the store runs on both kinds: an SQLite file, and a database
// of a real PostgreSQL server (tests/support/postgres_server.h).
class EventStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      ASSERT_EQ(testing::SharedPostgres().error(), "");
      location_ = testing::SharedPostgres().NewDatabase(
          "t" + std::to_string(++databases_));
    } else {
      location_ = dir_.File("log.db");
    }
  }
  // The same database each time.
  std::unique_ptr<EventStore> Open() { return OpenOrDie(location_); }

  testing::TempDir dir_;
  std::string location_;
  static inline int databases_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Stores, EventStoreTest,
                         ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

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

TEST_P(EventStoreTest, WritesSurviveReopening) {
  {
    auto store = Open();
    ASSERT_TRUE(store
                    ->Write({.workshops = {{1, "ABC234", "epoch-a", 5}},
                             .records = {{1, 1, "one"}, {1, 2, "two"}}})
                    .ok);
    ASSERT_TRUE(store
                    ->Write({.records = {{1, 3, "three"}},
                             .snapshots = {{1, 2, "state@2"}}})
                    .ok);
  }
  auto store = Open();
  auto row = store->FindWorkshop("ABC234");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->epoch, "epoch-a");
  EXPECT_FALSE(store->FindWorkshop("XXXXXX").has_value());
  EXPECT_EQ(Records(*store, 1), "1=one 2=two 3=three ");
  EXPECT_EQ(Records(*store, 1, 2), "3=three ");
  EXPECT_EQ(store->LatestSnapshot(1)->body, "state@2");
  EXPECT_EQ(store->LastOffset(1), 3u);
}

TEST_P(EventStoreTest, ATakenOffsetFailsTheWholeBatch) {
  auto store = Open();
  ASSERT_TRUE(store
                  ->Write({.workshops = {{1, "ABC234", "e", 0}},
                           .records = {{1, 1, "one"}}})
                  .ok);
  // A second writer of the same log (another node, a bug) cannot extend it past
  // the first.
  const Status clash =
      store->Write({.records = {{1, 2, "two"}, {1, 1, "impostor"}}});
  EXPECT_FALSE(clash.ok);
  EXPECT_FALSE(clash.fenced()) << clash.message;
  EXPECT_EQ(Records(*store, 1), "1=one ")
      << "nothing of the failed batch is written";
}

TEST_P(EventStoreTest, KeepsTheTwoNewestSnapshots) {
  auto store = Open();
  ASSERT_TRUE(store->Write({.workshops = {{1, "ABC234", "e", 0}}}).ok);
  for (uint64_t offset : {10, 20, 30}) {
    ASSERT_TRUE(
        store->Write({.snapshots = {{1, offset, "s" + std::to_string(offset)}}})
            .ok);
  }
  EXPECT_EQ(store->LatestSnapshot(1)->offset, 30u);
}

TEST_P(EventStoreTest, AnErasedWorkshopLeavesNothingAndTheOthersStay) {
  auto store = Open();
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

// A new workshop's id is never one the store has handed out, also after the
// store is opened again.
TEST_P(EventStoreTest, NewWorkshopIdsAreNeverDrawnTwice) {
  WorkshopId stored = 0;
  {
    auto store = Open();
    const std::optional<WorkshopId> id = store->NewWorkshopId();
    ASSERT_TRUE(id.has_value());
    stored = *id;
    ASSERT_TRUE(store->Write({.workshops = {{stored, "ABC234", "e", 0}}}).ok);
  }
  auto store = Open();
  const std::optional<WorkshopId> first = store->NewWorkshopId();
  const std::optional<WorkshopId> second = store->NewWorkshopId();
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_GT(*first, stored);
  EXPECT_GT(*second, *first);
}

TEST_P(EventStoreTest, SettingsAreKeptAndReplaced) {
  {
    auto store = Open();
    EXPECT_FALSE(store->Setting("organizer_key").has_value());
    ASSERT_TRUE(store->PutSetting("organizer_key", "first").ok);
    ASSERT_TRUE(store->PutSetting("organizer_key", "second").ok);
  }
  auto store = Open();
  EXPECT_EQ(store->Setting("organizer_key"), "second");
}

TEST_P(EventStoreTest, ManySubmittersShareFewCommitsAndAllBecomeDurable) {
  std::mutex mutex;
  std::map<WorkshopId, uint64_t> durable;
  {
    GroupCommitter committer(
        Open(),
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
  auto store = Open();
  EXPECT_EQ(store->LastOffset(1), 300u);
  EXPECT_EQ(store->LastOffset(2), 300u);
}

// Nodes of a cluster on one PostgreSQL database. Each has its own fence book
// (one per process and database: a different application_name stands here for
// another process).
class PostgresFencingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(testing::SharedPostgres().error(), "");
    database_ = testing::SharedPostgres().NewDatabase(
        "fencing" + std::to_string(++databases_));
  }
  std::unique_ptr<EventStore> Node(const std::string& name) {
    return OpenOrDie(database_ + "&application_name=" + name);
  }
  std::string database_;
  static inline int databases_ = 0;
};

TEST_F(PostgresFencingTest, OnlyTheLastNodeToTakeAWorkshopMayAppendToIt) {
  auto a = Node("a");
  ASSERT_TRUE(a->Write({.workshops = {{1, "ABC234", "e", 0}},
                        .records = {{1, 1, "a1"}, {1, 2, "a2"}}})
                  .ok);
  // B takes the workshop (A is paused, or cut off): from now on A's appends
  // are refused by the database, whatever offset they carry.
  auto b = Node("b");
  ASSERT_TRUE(b->TakeOwnership(1).ok);
  const Status late = a->Write({.records = {{1, 3, "a3"}}});
  EXPECT_FALSE(late.ok);
  EXPECT_TRUE(late.fenced()) << late.message;
  const Status snapshot = a->Write({.snapshots = {{1, 2, "state"}}});
  EXPECT_TRUE(snapshot.fenced()) << "a snapshot is fenced like a record";
  EXPECT_EQ(Records(*b, 1), "1=a1 2=a2 ") << "nothing of A's was written";
  ASSERT_TRUE(b->Write({.records = {{1, 3, "b3"}}}).ok);
  // A stale append at an offset B has written collides with B's record, and is
  // still told apart as fenced (not a broken database, which stops a node).
  const Status collided = a->Write({.records = {{1, 3, "a3"}}});
  EXPECT_TRUE(collided.fenced()) << collided.message;

  // A takes it back (its restart loads the workshop again): now B is fenced.
  ASSERT_TRUE(a->TakeOwnership(1).ok);
  EXPECT_TRUE(b->Write({.records = {{1, 4, "b4"}}}).fenced());
  ASSERT_TRUE(a->Write({.records = {{1, 4, "a4"}}}).ok);
  EXPECT_EQ(Records(*a, 1), "1=a1 2=a2 3=b3 4=a4 ");

  // A node that never took the workshop cannot write it either, nor erase it.
  auto c = Node("c");
  EXPECT_TRUE(c->Write({.records = {{1, 5, "c5"}}}).fenced());
  EXPECT_TRUE(c->Write({.erased = {1}}).fenced());
  EXPECT_EQ(a->LastOffset(1), 4u);
}

// A node that lost a workshop and took it back must not write a row it made
// before it lost it (one still queued in its group commit): the row carries
// the ownership it was made under, and that one is over.
TEST_F(PostgresFencingTest, ARowFromAnEarlierOwnershipIsRefusedAfterATakeBack) {
  auto a = Node("a");
  ASSERT_TRUE(a->Write({.workshops = {{1, "ABC234", "e", 0}},
                        .records = {{1, 1, "a1", 1}}})
                  .ok);
  EXPECT_EQ(a->FenceOf(1), 1);
  auto b = Node("b");
  ASSERT_TRUE(b->TakeOwnership(1).ok);
  ASSERT_TRUE(b->Write({.records = {{1, 2, "b2", b->FenceOf(1)}}}).ok);
  ASSERT_TRUE(a->TakeOwnership(1).ok);
  const int64_t now = a->FenceOf(1);
  EXPECT_EQ(now, 3);
  const Status stale = a->Write({.records = {{1, 3, "a3 from before", 1}}});
  EXPECT_TRUE(stale.fenced()) << stale.message;
  const Status snapshot = a->Write({.snapshots = {{1, 2, "state", 1}}});
  EXPECT_TRUE(snapshot.fenced()) << "a snapshot is stamped like a record";
  ASSERT_TRUE(a->Write({.records = {{1, 3, "a3", now}}}).ok);
  EXPECT_EQ(Records(*a, 1), "1=a1 2=b2 3=a3 ");
}

// A node asks before serving from memory: it learns it lost the workshop
// without having to write first.
TEST_F(PostgresFencingTest, ANodeCanAskWhetherItStillOwnsAWorkshop) {
  auto a = Node("a");
  EXPECT_TRUE(a->StillOwns(1)) << "its new workshop's row is on its way";
  ASSERT_TRUE(a->Write({.workshops = {{1, "ABC234", "e", 0}}}).ok);
  EXPECT_TRUE(a->StillOwns(1));
  auto b = Node("b");
  ASSERT_TRUE(b->TakeOwnership(1).ok);
  EXPECT_FALSE(a->StillOwns(1));
  EXPECT_TRUE(b->StillOwns(1));
}

TEST_F(PostgresFencingTest, TakingAWorkshopThatDoesNotExistIsAnError) {
  auto a = Node("a");
  const Status status = a->TakeOwnership(42);
  EXPECT_FALSE(status.ok);
  EXPECT_NE(status.message.find("42"), std::string::npos) << status.message;
}

// A PostgreSQL restart breaks the connection: the next read and the next
// write each make a new one and carry on, with nothing lost or doubled.
TEST_F(PostgresFencingTest, AWriteAcrossAPostgresRestartCarriesOn) {
  auto a = Node("a");
  ASSERT_TRUE(a->Write({.workshops = {{1, "ABC234", "e", 0}},
                        .records = {{1, 1, "one"}}})
                  .ok);
  ASSERT_TRUE(testing::SharedPostgres().Restart());
  const Status written = a->Write({.records = {{1, 2, "two"}}});
  EXPECT_TRUE(written.ok) << written.message;
  ASSERT_TRUE(testing::SharedPostgres().Restart());
  EXPECT_EQ(a->LastOffset(1), 2u) << "a read reconnects too";
  EXPECT_EQ(Records(*a, 1), "1=one 2=two ");
}

// While the database is down, a write waits for it (the Acks wait with it) and
// goes through once it is back; the fence still holds afterwards.
TEST_F(PostgresFencingTest, AWriteWaitsForTheDatabaseToComeBack) {
  auto a = Node("a");
  ASSERT_TRUE(a->Write({.workshops = {{1, "ABC234", "e", 0}},
                        .records = {{1, 1, "one"}}})
                  .ok);
  ASSERT_TRUE(testing::SharedPostgres().Crash());
  std::atomic<bool> done = false;
  Status written;
  std::thread writer([&] {
    written = a->Write({.records = {{1, 2, "two"}}});
    done = true;
  });
  // Down long enough for several tries to fail first.
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  EXPECT_FALSE(done) << "the write waits while the database is down";
  ASSERT_TRUE(testing::SharedPostgres().Start());
  writer.join();
  EXPECT_TRUE(written.ok) << written.message;
  auto b = Node("b");
  ASSERT_TRUE(b->TakeOwnership(1).ok);
  EXPECT_TRUE(a->Write({.records = {{1, 3, "three"}}}).fenced());
  EXPECT_EQ(Records(*b, 1), "1=one 2=two ");
}

// Nodes that create workshops at once draw ids from one sequence: never the
// same id twice, and past the ids a database already holds.
TEST_F(PostgresFencingTest, NodesNeverDrawTheSameWorkshopId) {
  std::set<WorkshopId> drawn;
  auto a = Node("a");
  auto b = Node("b");
  for (int i = 0; i < 20; ++i) {
    for (EventStore* node : {a.get(), b.get()}) {
      const std::optional<WorkshopId> id = node->NewWorkshopId();
      ASSERT_TRUE(id.has_value());
      EXPECT_TRUE(drawn.insert(*id).second) << "id " << *id << " twice";
    }
  }
  EXPECT_EQ(drawn.size(), 40u);
}

// A node's committer, when another node takes one of its workshops: that
// workshop's rows are dropped and reported, the other workshops' rows of the
// same batch are still written, and nothing is a failure.
TEST_F(PostgresFencingTest, TheCommitterLetsALostWorkshopGoAndWritesTheRest) {
  std::mutex mutex;
  std::vector<WorkshopId> lost;
  std::map<WorkshopId, uint64_t> durable;
  auto b = Node("b");
  {
    GroupCommitter a(
        Node("a"),
        [&](const std::map<WorkshopId, uint64_t>& done) {
          std::lock_guard lock(mutex);
          for (auto [id, offset] : done) durable[id] = offset;
        },
        [](const Status& s) { ADD_FAILURE() << "failure: " << s.message; },
        std::chrono::microseconds(0),
        [&](const std::vector<WorkshopId>& ids) {
          std::lock_guard lock(mutex);
          lost.insert(lost.end(), ids.begin(), ids.end());
        });
    a.Submit({.workshops = {{1, "AAAAAA", "e", 0}, {2, "BBBBBB", "e", 0}},
              .records = {{1, 1, "a1"}, {2, 1, "a1"}}});
    a.Flush();
    ASSERT_TRUE(b->TakeOwnership(1).ok);
    a.Submit(
        {.records = {{1, 2, "a2"}, {2, 2, "a2"}}, .snapshots = {{1, 2, "s"}}});
    a.Flush();
    EXPECT_EQ(a.records_written(), 3u) << "two of the first batch, one after";
  }
  EXPECT_EQ(lost, std::vector<WorkshopId>{1});
  EXPECT_EQ(durable[1], 1u)
      << "workshop 1's second record never became durable";
  EXPECT_EQ(durable[2], 2u);
  EXPECT_EQ(Records(*b, 1), "1=a1 ");
  EXPECT_EQ(Records(*b, 2), "1=a1 2=a2 ");
  EXPECT_FALSE(b->LatestSnapshot(1).has_value());
}

TEST(LocationTest, APasswordInTheDatabaseUriIsNeverLogged) {
  EXPECT_EQ(WithoutPassword("var/campana.db"), "var/campana.db");
  EXPECT_EQ(WithoutPassword("postgresql://campana@db1/campana"),
            "postgresql://campana@db1/campana");
  EXPECT_EQ(WithoutPassword("postgresql://campana:s3cret@db1:5432/campana"),
            "postgresql://campana:***@db1:5432/campana");
  EXPECT_EQ(WithoutPassword("postgresql://db1/campana?user=c&password=s3cret"),
            "postgresql://db1/campana?user=c&password=***");
  EXPECT_EQ(WithoutPassword(
                "postgresql://db1/campana?password=s3cret&sslmode=require"),
            "postgresql://db1/campana?password=***&sslmode=require");
}

}  // namespace
}  // namespace campana::store
