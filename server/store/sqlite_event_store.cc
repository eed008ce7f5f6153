#include "store/sqlite_event_store.h"

namespace campana::store {
namespace {

constexpr std::string_view kSchema = R"sql(
  CREATE TABLE IF NOT EXISTS workshops(
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    epoch TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS records(
    workshop_id INTEGER NOT NULL,
    log_offset INTEGER NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY(workshop_id, log_offset)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS snapshots(
    workshop_id INTEGER NOT NULL,
    log_offset INTEGER NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY(workshop_id, log_offset)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS settings(
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL) WITHOUT ROWID;
  PRAGMA user_version = 1;
)sql";

// How many snapshots to keep per workshop: the newest, and one before it in
// case the newest turns out unreadable.
constexpr int kSnapshotsKept = 2;

}  // namespace

std::unique_ptr<SqliteEventStore> SqliteEventStore::Open(
    const std::string& path, Status* status) {
  auto db = SqliteDb::Open(path, status);
  if (!db) return nullptr;
  for (std::string_view sql :
       {std::string_view("PRAGMA journal_mode=WAL"),
        std::string_view("PRAGMA synchronous=FULL"),
        std::string_view("PRAGMA busy_timeout=10000"), kSchema}) {
    *status = db->Exec(sql);
    if (!status->ok) return nullptr;
  }
  std::unique_ptr<SqliteEventStore> store(new SqliteEventStore(std::move(db)));
  *status = store->Prepare();
  if (!status->ok) return nullptr;
  return store;
}

Status SqliteEventStore::Prepare() {
  Status status;
  insert_workshop_ = db_->Prepare(
      "INSERT INTO workshops(id, code, epoch, created_at_ms) VALUES(?, ?, ?, "
      "?)",
      &status);
  if (!status.ok) return status;
  insert_record_ = db_->Prepare(
      "INSERT INTO records(workshop_id, log_offset, body) VALUES(?, ?, ?)",
      &status);
  if (!status.ok) return status;
  insert_snapshot_ = db_->Prepare(
      "INSERT OR REPLACE INTO snapshots(workshop_id, log_offset, body) "
      "VALUES(?, ?, ?)",
      &status);
  if (!status.ok) return status;
  prune_snapshots_ = db_->Prepare(
      "DELETE FROM snapshots WHERE workshop_id = ?1 AND log_offset NOT IN "
      "(SELECT log_offset FROM snapshots WHERE workshop_id = ?1 ORDER BY "
      "log_offset DESC LIMIT ?2)",
      &status);
  if (!status.ok) return status;
  erase_records_ =
      db_->Prepare("DELETE FROM records WHERE workshop_id = ?", &status);
  if (!status.ok) return status;
  erase_snapshots_ =
      db_->Prepare("DELETE FROM snapshots WHERE workshop_id = ?", &status);
  if (!status.ok) return status;
  erase_workshop_ = db_->Prepare("DELETE FROM workshops WHERE id = ?", &status);
  return status;
}

std::vector<WorkshopRow> SqliteEventStore::ListWorkshops() {
  std::vector<WorkshopRow> rows;
  Statement s = db_->Prepare(
      "SELECT id, code, epoch, created_at_ms FROM workshops ORDER BY id");
  while (s.Step()) {
    rows.push_back({static_cast<WorkshopId>(s.ColumnInt(0)), s.ColumnText(1),
                    s.ColumnText(2), s.ColumnInt(3)});
  }
  return rows;
}

std::optional<WorkshopId> SqliteEventStore::NewWorkshopId() {
  if (next_workshop_id_ == 0) {
    Statement s = db_->Prepare("SELECT COALESCE(MAX(id), 0) FROM workshops");
    if (!s.Step()) return std::nullopt;
    next_workshop_id_ = static_cast<WorkshopId>(s.ColumnInt(0)) + 1;
  }
  return next_workshop_id_++;
}

std::optional<WorkshopRow> SqliteEventStore::FindWorkshop(
    std::string_view code) {
  Statement s = db_->Prepare(
      "SELECT id, code, epoch, created_at_ms FROM workshops WHERE code = ?");
  s.BindText(1, code);
  if (!s.Step()) return std::nullopt;
  return WorkshopRow{static_cast<WorkshopId>(s.ColumnInt(0)), s.ColumnText(1),
                     s.ColumnText(2), s.ColumnInt(3)};
}

std::optional<SnapshotRow> SqliteEventStore::LatestSnapshot(
    WorkshopId workshop) {
  Statement s = db_->Prepare(
      "SELECT log_offset, body FROM snapshots WHERE workshop_id = ? ORDER BY "
      "log_offset DESC LIMIT 1");
  s.Bind(1, static_cast<int64_t>(workshop));
  if (!s.Step()) return std::nullopt;
  return SnapshotRow{workshop, static_cast<uint64_t>(s.ColumnInt(0)),
                     std::string(s.ColumnBlob(1))};
}

Status SqliteEventStore::ReadRecords(
    WorkshopId workshop, uint64_t after_offset,
    const std::function<bool(uint64_t, std::string_view)>& visit) {
  Statement s = db_->Prepare(
      "SELECT log_offset, body FROM records WHERE workshop_id = ? AND "
      "log_offset > ? ORDER BY log_offset");
  s.Bind(1, static_cast<int64_t>(workshop))
      .Bind(2, static_cast<int64_t>(after_offset));
  Status status;
  while (s.Step(&status)) {
    if (!visit(static_cast<uint64_t>(s.ColumnInt(0)), s.ColumnBlob(1))) {
      return Status::Error("stopped reading the log of workshop " +
                           std::to_string(workshop));
    }
  }
  return status;
}

uint64_t SqliteEventStore::LastOffset(WorkshopId workshop) {
  Statement s = db_->Prepare(
      "SELECT COALESCE(MAX(log_offset), 0) FROM records WHERE workshop_id = ?");
  s.Bind(1, static_cast<int64_t>(workshop));
  return s.Step() ? static_cast<uint64_t>(s.ColumnInt(0)) : 0;
}

std::optional<std::string> SqliteEventStore::Setting(std::string_view name) {
  Statement s = db_->Prepare("SELECT value FROM settings WHERE name = ?");
  s.BindText(1, name);
  if (!s.Step()) return std::nullopt;
  return s.ColumnText(0);
}

Status SqliteEventStore::PutSetting(std::string_view name,
                                    std::string_view value) {
  Status status;
  Statement s = db_->Prepare(
      "INSERT INTO settings(name, value) VALUES(?, ?) ON CONFLICT(name) DO "
      "UPDATE SET value = excluded.value",
      &status);
  if (!status.ok) return status;
  s.BindText(1, name).BindText(2, value);
  s.Step(&status);
  return status;
}

Status SqliteEventStore::Write(const WriteBatch& batch) {
  if (batch.empty()) return Status::Ok();
  Status status = db_->Exec("BEGIN IMMEDIATE");
  if (!status.ok) return status;
  auto run = [&](Statement& s) {
    s.Step(&status);
    s.Reset();
    return status.ok;
  };
  bool ok = true;
  for (const WorkshopRow& w : batch.workshops) {
    if (!ok) break;
    insert_workshop_.Bind(1, static_cast<int64_t>(w.id))
        .BindText(2, w.code)
        .BindText(3, w.epoch)
        .Bind(4, w.created_at_ms);
    ok = run(insert_workshop_);
  }
  for (const RecordRow& r : batch.records) {
    if (!ok) break;
    insert_record_.Bind(1, static_cast<int64_t>(r.workshop))
        .Bind(2, static_cast<int64_t>(r.offset))
        .BindBlob(3, r.body);
    ok = run(insert_record_);
  }
  for (const SnapshotRow& s : batch.snapshots) {
    if (!ok) break;
    insert_snapshot_.Bind(1, static_cast<int64_t>(s.workshop))
        .Bind(2, static_cast<int64_t>(s.offset))
        .BindBlob(3, s.body);
    ok = run(insert_snapshot_);
    if (!ok) break;
    prune_snapshots_.Bind(1, static_cast<int64_t>(s.workshop))
        .Bind(2, kSnapshotsKept);
    ok = run(prune_snapshots_);
  }
  for (const WorkshopId id : batch.erased) {
    for (Statement* erase :
         {&erase_records_, &erase_snapshots_, &erase_workshop_}) {
      if (!ok) break;
      erase->Bind(1, static_cast<int64_t>(id));
      ok = run(*erase);
    }
  }
  if (!ok) {
    (void)db_->Exec("ROLLBACK");
    return status;
  }
  return db_->Exec("COMMIT");
}

}  // namespace campana::store
