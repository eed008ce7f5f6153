#ifndef CAMPANA_STORE_SQLITE_EVENT_STORE_H_
#define CAMPANA_STORE_SQLITE_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/event_store.h"
#include "store/sqlite_db.h"

namespace campana::store {

// The event log and snapshots of every workshop, in one SQLite file (WAL mode,
// synchronous=FULL: a committed Write survives a crash or power loss). The
// bytes are opaque here; server/codec gives them meaning. One instance per
// thread: the server opens one for the writer thread and one for loading. One
// process writes the file, so TakeOwnership has nothing to do.
class SqliteEventStore final : public EventStore {
 public:
  static std::unique_ptr<SqliteEventStore> Open(const std::string& path,
                                                Status* status);

  std::vector<WorkshopRow> ListWorkshops() override;
  std::optional<WorkshopRow> FindWorkshop(std::string_view code) override;
  std::optional<SnapshotRow> LatestSnapshot(WorkshopId workshop) override;
  // Calls `visit` for each record after `after_offset`, in order. Stops and
  // returns an error status if reading fails or `visit` returns false.
  Status ReadRecords(
      WorkshopId workshop, uint64_t after_offset,
      const std::function<bool(uint64_t offset, std::string_view body)>& visit)
      override;
  uint64_t LastOffset(WorkshopId workshop) override;
  std::optional<WorkshopId> NewWorkshopId() override;

  // Server-wide settings (the organizer key): a value, or nullopt if never
  // set. PutSetting writes at once, in its own transaction.
  std::optional<std::string> Setting(std::string_view name) override;
  Status PutSetting(std::string_view name, std::string_view value) override;

  // Writes everything in one transaction, or nothing. A record whose (workshop,
  // offset) is taken fails the whole batch: no two writers can both extend one
  // log.
  Status Write(const WriteBatch& batch) override;

 private:
  explicit SqliteEventStore(std::unique_ptr<SqliteDb> db)
      : db_(std::move(db)) {}
  Status Prepare();

  std::unique_ptr<SqliteDb> db_;
  WorkshopId next_workshop_id_ = 0;  // 0: not read from the file yet
  Statement insert_workshop_;
  Statement insert_record_;
  Statement insert_snapshot_;
  Statement prune_snapshots_;
  Statement erase_records_;
  Statement erase_snapshots_;
  Statement erase_workshop_;
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_SQLITE_EVENT_STORE_H_
