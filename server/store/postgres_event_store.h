#ifndef CAMPANA_STORE_POSTGRES_EVENT_STORE_H_
#define CAMPANA_STORE_POSTGRES_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/event_store.h"

struct pg_conn;

namespace campana::store {

// The fencing tokens this process holds, by workshop: what its TakeOwnership
// got (or 1 for a workshop it created). Shared by the process's stores on one
// database, since the loading one takes a workshop and the writing one appends
// to it. Thread-safe.
class FenceBook {
 public:
  void Set(WorkshopId workshop, int64_t fence);
  std::optional<int64_t> Get(WorkshopId workshop) const;
  void Forget(WorkshopId workshop);

 private:
  mutable std::mutex mutex_;
  std::map<WorkshopId, int64_t> fences_;
};

// The event log in PostgreSQL, shared by the nodes of a cluster
// (docs/cluster.md). Tables `workshops` (with each one's fencing token and
// owner), `records` and `snapshots`, keyed by (workshop, offset), and
// `settings`. A workshop has one writer at a time: the node whose
// TakeOwnership bumped its `fence` last. Every Write locks the rows of the
// workshops it appends to (FOR SHARE) and commits only if each one's fence is
// still the one this process holds; otherwise nothing of the batch is written
// and the Status is `fenced`. The row lock holds a concurrent TakeOwnership
// back until the batch is committed, so a write the database accepted was
// made by the owner of that moment. A Write is one transaction sent in libpq's
// pipeline mode: one round trip for any number of records, then the commit.
//
// One connection per instance; one thread uses it.
class PostgresEventStore final : public EventStore {
 public:
  // `uri`: a libpq connection URI (postgresql://user@host/db, or with
  // ?host=/socket/dir). Creates the tables if missing.
  static std::unique_ptr<PostgresEventStore> Open(const std::string& uri,
                                                  Status* status);
  ~PostgresEventStore() override;
  PostgresEventStore(const PostgresEventStore&) = delete;
  PostgresEventStore& operator=(const PostgresEventStore&) = delete;

  std::vector<WorkshopRow> ListWorkshops() override;
  std::optional<WorkshopRow> FindWorkshop(std::string_view code) override;
  std::optional<SnapshotRow> LatestSnapshot(WorkshopId workshop) override;
  Status ReadRecords(
      WorkshopId workshop, uint64_t after_offset,
      const std::function<bool(uint64_t offset, std::string_view body)>& visit)
      override;
  uint64_t LastOffset(WorkshopId workshop) override;
  std::optional<WorkshopId> NewWorkshopId() override;
  std::optional<std::string> Setting(std::string_view name) override;
  Status PutSetting(std::string_view name, std::string_view value) override;
  Status TakeOwnership(WorkshopId workshop) override;
  int64_t FenceOf(WorkshopId workshop) override;
  bool StillOwns(WorkshopId workshop) override;
  // A broken connection (PostgreSQL restarted) is made again, and the batch
  // written again unless it had committed, for up to a minute; then the error.
  Status Write(const WriteBatch& batch) override;

 private:
  PostgresEventStore(pg_conn* conn, std::shared_ptr<FenceBook> fences)
      : conn_(conn), fences_(std::move(fences)) {}
  // One try of Write: the fences checked, the statements sent, and COMMIT.
  Status WriteOnce(const WriteBatch& batch);
  // After a broken connection: whether `batch` committed all the same (its
  // first record, or first new workshop, is there as written).
  bool Committed(const WriteBatch& batch);
  // Runs a batch's statements in one pipeline inside an open transaction;
  // `fences` gets the locked rows' tokens.
  Status SendBatch(const WriteBatch& batch,
                   const std::vector<WorkshopId>& appended,
                   std::map<WorkshopId, int64_t>* fences);

  pg_conn* conn_;
  std::shared_ptr<FenceBook> fences_;
  std::string owner_;  // host:pid, written beside the fence for operators
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_POSTGRES_EVENT_STORE_H_
