#ifndef CAMPANA_STORE_EVENT_STORE_H_
#define CAMPANA_STORE_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite_db.h"

namespace campana::store {

using WorkshopId = uint64_t;

struct WorkshopRow {
  WorkshopId id = 0;
  std::string code;
  // Names this workshop's log. A device whose epoch differs holds offsets from
  // another log (a restored backup, a recreated workshop) and gets a fresh
  // snapshot.
  std::string epoch;
  int64_t created_at_ms = 0;
};

struct RecordRow {
  WorkshopId workshop = 0;
  uint64_t offset = 0;
  std::string body;  // a serialized campana.v1.LogRecord
};

struct SnapshotRow {
  WorkshopId workshop = 0;
  uint64_t offset = 0;
  std::string body;  // a serialized campana.v1.WorkshopState
};

// What one transaction writes.
struct WriteBatch {
  std::vector<WorkshopRow> workshops;
  std::vector<RecordRow> records;
  std::vector<SnapshotRow> snapshots;
  // Workshops to erase whole (catalogue row, records, snapshots), after the
  // rest of the batch is written: a record still queued for one is erased too.
  std::vector<WorkshopId> erased;
  bool empty() const {
    return workshops.empty() && records.empty() && snapshots.empty() &&
           erased.empty();
  }
};

// The event log and snapshots of every workshop, in one SQLite file (WAL mode,
// synchronous=FULL: a committed Write survives a crash or power loss). The
// bytes are opaque here; server/codec gives them meaning. One instance per
// thread: the server opens one for the writer thread and one for loading.
class EventStore {
 public:
  static std::unique_ptr<EventStore> Open(const std::string& path,
                                          Status* status);

  std::vector<WorkshopRow> ListWorkshops();
  std::optional<WorkshopRow> FindWorkshop(std::string_view code);
  std::optional<SnapshotRow> LatestSnapshot(WorkshopId workshop);
  // Calls `visit` for each record after `after_offset`, in order. Stops and
  // returns an error status if reading fails or `visit` returns false.
  Status ReadRecords(
      WorkshopId workshop, uint64_t after_offset,
      const std::function<bool(uint64_t offset, std::string_view body)>& visit);
  uint64_t LastOffset(WorkshopId workshop);

  // Server-wide settings (the organizer key): a value, or nullopt if never
  // set. PutSetting writes at once, in its own transaction.
  std::optional<std::string> Setting(std::string_view name);
  Status PutSetting(std::string_view name, std::string_view value);

  // Writes everything in one transaction, or nothing. A record whose (workshop,
  // offset) is taken fails the whole batch: no two writers can both extend one
  // log.
  Status Write(const WriteBatch& batch);

 private:
  explicit EventStore(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}
  Status Prepare();

  std::unique_ptr<SqliteDb> db_;
  Statement insert_workshop_;
  Statement insert_record_;
  Statement insert_snapshot_;
  Statement prune_snapshots_;
  Statement erase_records_;
  Statement erase_snapshots_;
  Statement erase_workshop_;
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_EVENT_STORE_H_
