#ifndef CAMPANA_STORE_EVENT_STORE_H_
#define CAMPANA_STORE_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/status.h"

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

// `fence`: the ownership the row was made under (FenceOf when its workshop was
// taken); a cluster's store refuses it unless that is still the workshop's, so
// a row left queued from before a node lost and took back a workshop is not
// written. 0: none (SQLite, and tests that take no workshop).
struct RecordRow {
  WorkshopId workshop = 0;
  uint64_t offset = 0;
  std::string body;  // a serialized campana.v1.LogRecord
  int64_t fence = 0;
};

struct SnapshotRow {
  WorkshopId workshop = 0;
  uint64_t offset = 0;
  std::string body;  // a serialized campana.v1.WorkshopState
  int64_t fence = 0;
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

// The event log and snapshots of every workshop. The bytes are opaque here;
// server/codec gives them meaning. One instance per thread: the server opens
// one for the writer thread and one for loading. Two kinds: one SQLite file
// (store/sqlite_event_store.h), the default, for one process; and PostgreSQL
// (store/postgres_event_store.h), shared by the nodes of a cluster
// (docs/cluster.md).
class EventStore {
 public:
  // "postgresql://..." or "postgres://...": PostgreSQL (a libpq connection
  // URI); anything else: the path of an SQLite file, created if missing.
  static std::unique_ptr<EventStore> Open(const std::string& location,
                                          Status* status);
  virtual ~EventStore() = default;

  virtual std::vector<WorkshopRow> ListWorkshops() = 0;
  virtual std::optional<WorkshopRow> FindWorkshop(std::string_view code) = 0;
  virtual std::optional<SnapshotRow> LatestSnapshot(WorkshopId workshop) = 0;
  // Calls `visit` for each record after `after_offset`, in order. Stops and
  // returns an error status if reading fails or `visit` returns false.
  virtual Status ReadRecords(
      WorkshopId workshop, uint64_t after_offset,
      const std::function<bool(uint64_t offset, std::string_view body)>&
          visit) = 0;
  virtual uint64_t LastOffset(WorkshopId workshop) = 0;

  // An id for a new workshop that no process sharing the store has been given
  // or will be: SQLite counts on from the largest id in the file (one process
  // writes it); PostgreSQL draws from a sequence (started past the ids of a
  // database from before it), so nodes creating workshops at once never
  // collide. nullopt: the database cannot be reached now.
  virtual std::optional<WorkshopId> NewWorkshopId() = 0;

  // Server-wide settings (the organizer key): a value, or nullopt if never
  // set. PutSetting writes at once, in its own transaction.
  virtual std::optional<std::string> Setting(std::string_view name) = 0;
  virtual Status PutSetting(std::string_view name, std::string_view value) = 0;

  // Makes this process the workshop's only writer. Called before reading a
  // workshop's log to serve it: from then on a Write for it from any process
  // that took it earlier is refused (Status::fenced), so the log this process
  // reads is the whole log. A store of one process (SQLite) has nothing to do;
  // PostgreSQL bumps the workshop's fencing token, which every Write checks.
  virtual Status TakeOwnership(WorkshopId workshop) { return Status::Ok(); }
  // The fencing token this process holds for the workshop (after taking or
  // creating it), to stamp its rows with; 0 for a store of one process.
  virtual int64_t FenceOf(WorkshopId workshop) { return 0; }
  // False if the database says another process has taken the workshop since
  // this one did (true if it cannot say: an append would still be refused). A
  // node that has not written a workshop for a while has had no append refused
  // to tell it; it asks this before serving a device from memory. Always true
  // for one process.
  virtual bool StillOwns(WorkshopId workshop) { return true; }

  // Writes everything in one transaction, or nothing. A record whose (workshop,
  // offset) is taken fails the whole batch: no two writers can both extend one
  // log.
  virtual Status Write(const WriteBatch& batch) = 0;
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_EVENT_STORE_H_
