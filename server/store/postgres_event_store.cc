#include "store/postgres_event_store.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <set>
#include <thread>
#include <utility>

#include <libpq-fe.h>
#include <unistd.h>

namespace campana::store {
namespace {

// Several nodes may start at once: the advisory lock makes them create the
// tables one after the other (CREATE TABLE IF NOT EXISTS is not safe run
// concurrently).
constexpr const char* kSchema = R"sql(
  SET client_min_messages = warning;
  SELECT pg_advisory_lock(7243915);
  CREATE TABLE IF NOT EXISTS workshops(
    id BIGINT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    epoch TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    fence BIGINT NOT NULL DEFAULT 1,
    owner TEXT NOT NULL DEFAULT '');
  CREATE TABLE IF NOT EXISTS records(
    workshop_id BIGINT NOT NULL,
    log_offset BIGINT NOT NULL,
    body BYTEA NOT NULL,
    PRIMARY KEY(workshop_id, log_offset));
  CREATE TABLE IF NOT EXISTS snapshots(
    workshop_id BIGINT NOT NULL,
    log_offset BIGINT NOT NULL,
    body BYTEA NOT NULL,
    PRIMARY KEY(workshop_id, log_offset));
  CREATE TABLE IF NOT EXISTS settings(
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL);
  DO $$ BEGIN
    IF to_regclass('workshop_ids') IS NULL THEN
      EXECUTE format('CREATE SEQUENCE workshop_ids START %s',
                     (SELECT COALESCE(MAX(id), 0) + 1 FROM workshops));
    END IF;
  END $$;
  SELECT pg_advisory_unlock(7243915);
)sql";

// How long a write waits for PostgreSQL to come back (a restart, a failover of
// the database, the network to it cut) before the node gives up: devices wait
// for their Acks meanwhile, and their outboxes keep what they sent.
constexpr auto kReconnectFor = std::chrono::seconds(60);

// A node's transaction left open this long is its node stopped mid-commit.
constexpr std::chrono::milliseconds kIdleInTransaction(3000);
// The longest a statement waits for another node's lock (see Open).
constexpr std::chrono::milliseconds kLockWait(2000);
// The longest a new connection may take (libpq counts whole seconds).
constexpr std::chrono::seconds kConnectWait(2);

// As SQLite's store: the newest snapshot and the one before it.
constexpr int kSnapshotsKept = 2;

// Statements sent before reading their results: a bound on what waits in the
// sockets' buffers (both sides block if the server's replies fill its send
// buffer while the client is still sending).
constexpr size_t kStatementsPerSync = 256;

// A query's parameters: text, or binary for a body.
class Params {
 public:
  Params& Text(std::string value) {
    values_.push_back(std::move(value));
    formats_.push_back(0);
    return *this;
  }
  Params& Int(int64_t value) { return Text(std::to_string(value)); }
  Params& Bytes(std::string_view value) {
    values_.emplace_back(value);
    formats_.push_back(1);
    return *this;
  }
  int size() const { return static_cast<int>(values_.size()); }
  // Pointers into the values: valid until the next call that adds one.
  const char* const* values() {
    pointers_.clear();
    lengths_.clear();
    for (const std::string& v : values_) {
      pointers_.push_back(v.data());
      lengths_.push_back(static_cast<int>(v.size()));
    }
    return pointers_.data();
  }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  std::vector<std::string> values_;
  std::vector<int> formats_;
  std::vector<const char*> pointers_;
  std::vector<int> lengths_;
};

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

Result Exec(PGconn* conn, const char* sql, Params params = {},
            int result_format = 0) {
  const char* const* values = params.values();
  return Result(PQexecParams(conn, sql, params.size(), nullptr, values,
                             params.lengths(), params.formats(),
                             result_format));
}

bool Ok(const Result& r) {
  const ExecStatusType s = PQresultStatus(r.get());
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

// Whether the connection works. Its status is not enough: libpq may not have
// noticed yet that the server went away (a write into the socket succeeds, and
// the failure shows only later), so a trivial query asks.
bool Usable(PGconn* conn) {
  if (PQstatus(conn) != CONNECTION_OK ||
      PQpipelineStatus(conn) != PQ_PIPELINE_OFF)
    return false;
  Result probe(PQexec(conn, "SELECT 1"));
  return PQresultStatus(probe.get()) == PGRES_TUPLES_OK;
}

// A new connection in place of a broken one (PostgreSQL restarted, or the
// network to it broke): true if there is one now. False if the old one works,
// so a failure was the statement's own.
bool Reconnect(PGconn* conn) {
  if (Usable(conn)) return false;
  PQreset(conn);
  return PQstatus(conn) == CONNECTION_OK;
}

// Exec, and once more on a new connection if the old one had broken: for the
// reads and the small statements that may run twice (an upsert, a fence bump,
// a number drawn from a sequence).
Result Run(PGconn* conn, const char* sql, Params params = {},
           int result_format = 0) {
  Result r = Exec(conn, sql, params, result_format);
  if (Ok(r) || !Reconnect(conn)) return r;
  return Exec(conn, sql, std::move(params), result_format);
}

std::string ErrorOf(PGconn* conn, const Result& r) {
  std::string message =
      r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  return message.empty() ? "postgresql: unknown error" : message;
}

int64_t TextInt(const PGresult* r, int row, int column) {
  return std::stoll(PQgetvalue(r, row, column));
}

// An int8 column in binary format: eight bytes, big-endian.
int64_t BinaryInt(const PGresult* r, int row, int column) {
  const auto* bytes =
      reinterpret_cast<const unsigned char*>(PQgetvalue(r, row, column));
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | bytes[i];
  return static_cast<int64_t>(value);
}

std::string BinaryBytes(const PGresult* r, int row, int column) {
  return {PQgetvalue(r, row, column),
          static_cast<size_t>(PQgetlength(r, row, column))};
}

WorkshopRow WorkshopFrom(const PGresult* r, int row) {
  return {static_cast<WorkshopId>(TextInt(r, row, 0)), PQgetvalue(r, row, 1),
          PQgetvalue(r, row, 2), TextInt(r, row, 3)};
}

std::string OwnerName() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return std::string(host.data()) + ":" + std::to_string(getpid());
}

// The fence book of each database this process opened, so that its loading
// and writing stores share one.
std::shared_ptr<FenceBook> FencesFor(const std::string& uri) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<FenceBook>> books;
  std::lock_guard lock(mutex);
  std::shared_ptr<FenceBook> book = books[uri].lock();
  if (!book) {
    book = std::make_shared<FenceBook>();
    books[uri] = book;
  }
  return book;
}

}  // namespace

void FenceBook::Set(WorkshopId workshop, int64_t fence) {
  std::lock_guard lock(mutex_);
  fences_[workshop] = fence;
}

std::optional<int64_t> FenceBook::Get(WorkshopId workshop) const {
  std::lock_guard lock(mutex_);
  auto it = fences_.find(workshop);
  if (it == fences_.end()) return std::nullopt;
  return it->second;
}

void FenceBook::Forget(WorkshopId workshop) {
  std::lock_guard lock(mutex_);
  fences_.erase(workshop);
}

std::unique_ptr<PostgresEventStore> PostgresEventStore::Open(
    const std::string& uri, Status* status) {
  // Every session (PQreset's new ones too) with two limits, so that a paused
  // node cannot hold the others up: a transaction left open longer than
  // kIdleInTransaction (its node stopped mid-commit: SIGSTOP, a cut network)
  // is ended by the server, which releases its row locks, so that another
  // node's takeover (UPDATE ... fence) waits at most that long; and no
  // statement waits for a lock longer than kLockWait (the takeover runs on
  // the app thread, which must not hang), so a takeover fails and is asked
  // again instead. A new connection gives up after kConnectWait, so that
  // making one again (PQreset, on the app thread for a read) cannot hang on a
  // network that drops packets. The URI's own `options` and `connect_timeout`
  // are replaced.
  const std::string options =
      "-c idle_in_transaction_session_timeout=" +
      std::to_string(kIdleInTransaction.count()) +
      " -c lock_timeout=" + std::to_string(kLockWait.count());
  const std::string connect_wait = std::to_string(kConnectWait.count());
  const std::array<const char*, 4> keywords = {"dbname", "options",
                                               "connect_timeout", nullptr};
  const std::array<const char*, 4> values = {uri.c_str(), options.c_str(),
                                             connect_wait.c_str(), nullptr};
  PGconn* conn =
      PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1);
  if (PQstatus(conn) != CONNECTION_OK) {
    *status = Status::Error("cannot connect to PostgreSQL: " +
                            std::string(PQerrorMessage(conn)));
    PQfinish(conn);
    return nullptr;
  }
  Result schema(PQexec(conn, kSchema));
  if (!Ok(schema)) {
    *status =
        Status::Error("cannot create the tables: " + ErrorOf(conn, schema));
    PQfinish(conn);
    return nullptr;
  }
  std::unique_ptr<PostgresEventStore> store(
      new PostgresEventStore(conn, FencesFor(uri)));
  store->owner_ = OwnerName();
  *status = Status::Ok();
  return store;
}

PostgresEventStore::~PostgresEventStore() { PQfinish(conn_); }

std::vector<WorkshopRow> PostgresEventStore::ListWorkshops() {
  std::vector<WorkshopRow> rows;
  Result r = Run(conn_,
                 "SELECT id, code, epoch, created_at_ms FROM workshops ORDER "
                 "BY id");
  if (!Ok(r)) return rows;
  for (int i = 0; i < PQntuples(r.get()); ++i)
    rows.push_back(WorkshopFrom(r.get(), i));
  return rows;
}

std::optional<WorkshopRow> PostgresEventStore::FindWorkshop(
    std::string_view code) {
  Result r = Run(conn_,
                 "SELECT id, code, epoch, created_at_ms FROM workshops WHERE "
                 "code = $1",
                 Params().Text(std::string(code)));
  if (!Ok(r) || PQntuples(r.get()) == 0) return std::nullopt;
  return WorkshopFrom(r.get(), 0);
}

std::optional<SnapshotRow> PostgresEventStore::LatestSnapshot(
    WorkshopId workshop) {
  Result r = Run(conn_,
                 "SELECT log_offset, body FROM snapshots WHERE workshop_id = "
                 "$1 ORDER BY log_offset DESC LIMIT 1",
                 Params().Int(static_cast<int64_t>(workshop)), 1);
  if (!Ok(r) || PQntuples(r.get()) == 0) return std::nullopt;
  return SnapshotRow{workshop, static_cast<uint64_t>(BinaryInt(r.get(), 0, 0)),
                     BinaryBytes(r.get(), 0, 1)};
}

Status PostgresEventStore::ReadRecords(
    WorkshopId workshop, uint64_t after_offset,
    const std::function<bool(uint64_t, std::string_view)>& visit) {
  Params params;
  params.Int(static_cast<int64_t>(workshop))
      .Int(static_cast<int64_t>(after_offset));
  const char* const* values = params.values();
  // Row by row (single-row mode): a long log is never in memory at once.
  if (!PQsendQueryParams(conn_,
                         "SELECT log_offset, body FROM records WHERE "
                         "workshop_id = $1 AND log_offset > $2 ORDER BY "
                         "log_offset",
                         params.size(), nullptr, values, params.lengths(),
                         params.formats(), 1) ||
      !PQsetSingleRowMode(conn_)) {
    return Status::Error("cannot read the log: " +
                         std::string(PQerrorMessage(conn_)));
  }
  Status status;
  bool reading = true;
  while (Result r = Result(PQgetResult(conn_))) {
    const ExecStatusType s = PQresultStatus(r.get());
    if (s == PGRES_SINGLE_TUPLE && reading) {
      if (!visit(static_cast<uint64_t>(BinaryInt(r.get(), 0, 0)),
                 BinaryBytes(r.get(), 0, 1))) {
        reading = false;  // the rest is read and dropped
        status = Status::Error("stopped reading the log of workshop " +
                               std::to_string(workshop));
      }
    } else if (s != PGRES_SINGLE_TUPLE && s != PGRES_TUPLES_OK && status.ok) {
      status = Status::Error("cannot read the log: " + ErrorOf(conn_, r));
    }
  }
  return status;
}

uint64_t PostgresEventStore::LastOffset(WorkshopId workshop) {
  Result r = Run(conn_,
                 "SELECT COALESCE(MAX(log_offset), 0) FROM records WHERE "
                 "workshop_id = $1",
                 Params().Int(static_cast<int64_t>(workshop)));
  if (!Ok(r) || PQntuples(r.get()) == 0) return 0;
  return static_cast<uint64_t>(TextInt(r.get(), 0, 0));
}

// Ids come from one sequence, created past any id a database from before it
// holds; a sequence never hands a number out twice, whichever node asks.
std::optional<WorkshopId> PostgresEventStore::NewWorkshopId() {
  Result r = Run(conn_, "SELECT nextval('workshop_ids')");
  if (!Ok(r) || PQntuples(r.get()) == 0) return std::nullopt;
  return static_cast<WorkshopId>(TextInt(r.get(), 0, 0));
}

std::optional<std::string> PostgresEventStore::Setting(std::string_view name) {
  Result r = Run(conn_, "SELECT value FROM settings WHERE name = $1",
                 Params().Text(std::string(name)));
  if (!Ok(r) || PQntuples(r.get()) == 0) return std::nullopt;
  return std::string(PQgetvalue(r.get(), 0, 0));
}

Status PostgresEventStore::PutSetting(std::string_view name,
                                      std::string_view value) {
  Result r = Run(conn_,
                 "INSERT INTO settings(name, value) VALUES($1, $2) ON "
                 "CONFLICT(name) DO UPDATE SET value = excluded.value",
                 Params().Text(std::string(name)).Text(std::string(value)));
  return Ok(r) ? Status::Ok() : Status::Error(ErrorOf(conn_, r));
}

Status PostgresEventStore::TakeOwnership(WorkshopId workshop) {
  Result r = Run(conn_,
                 "UPDATE workshops SET fence = fence + 1, owner = $2 WHERE id "
                 "= $1 RETURNING fence",
                 Params().Int(static_cast<int64_t>(workshop)).Text(owner_));
  if (!Ok(r)) return Status::Error(ErrorOf(conn_, r));
  if (PQntuples(r.get()) == 0)
    return Status::Error("no workshop " + std::to_string(workshop));
  fences_->Set(workshop, TextInt(r.get(), 0, 0));
  return Status::Ok();
}

int64_t PostgresEventStore::FenceOf(WorkshopId workshop) {
  return fences_->Get(workshop).value_or(0);
}

bool PostgresEventStore::StillOwns(WorkshopId workshop) {
  const std::optional<int64_t> ours = fences_->Get(workshop);
  // None yet: this process created it and its row is still on its way to the
  // database, so nobody else can have taken it.
  if (!ours) return true;
  Result r = Run(conn_, "SELECT fence FROM workshops WHERE id = $1",
                 Params().Int(static_cast<int64_t>(workshop)));
  // The database out of reach cannot say: keep serving, as a refused append
  // would still tell.
  if (!Ok(r)) return true;
  return PQntuples(r.get()) == 1 && TextInt(r.get(), 0, 0) == *ours;
}

Status PostgresEventStore::SendBatch(const WriteBatch& batch,
                                     const std::vector<WorkshopId>& appended,
                                     std::map<WorkshopId, int64_t>* fences) {
  // Statements go out in groups of kStatementsPerSync; each group's results
  // are read before the next goes. The first group opens the transaction and
  // locks the appended workshops' rows.
  size_t in_group = 0;
  size_t sent = 0;  // statements of this group, for reading their results
  Status status;
  auto read_group = [&]() {
    if (!PQpipelineSync(conn_)) {
      status =
          Status::Error("postgresql: " + std::string(PQerrorMessage(conn_)));
      return;
    }
    size_t ended = 0;  // statements whose results have all come
    for (;;) {
      Result r(PQgetResult(conn_));
      if (!r) {
        // The end of one statement's results; more than were sent: the
        // connection is gone.
        if (++ended > sent) {
          status = Status::Error("postgresql: lost the connection: " +
                                 std::string(PQerrorMessage(conn_)));
          return;
        }
        continue;
      }
      const ExecStatusType s = PQresultStatus(r.get());
      if (s == PGRES_PIPELINE_SYNC) break;
      if (s == PGRES_TUPLES_OK && PQnfields(r.get()) == 2 &&
          std::string_view(PQfname(r.get(), 1)) == "fence") {
        for (int i = 0; i < PQntuples(r.get()); ++i) {
          (*fences)[static_cast<WorkshopId>(TextInt(r.get(), i, 0))] =
              TextInt(r.get(), i, 1);
        }
      } else if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK && status.ok) {
        status = Status::Error(ErrorOf(conn_, r));
      }
    }
    in_group = 0;
    sent = 0;
  };
  auto send = [&](const char* sql, Params params) {
    if (!status.ok) return;
    const char* const* values = params.values();
    if (!PQsendQueryParams(conn_, sql, params.size(), nullptr, values,
                           params.lengths(), params.formats(), 0)) {
      status =
          Status::Error("postgresql: " + std::string(PQerrorMessage(conn_)));
      return;
    }
    ++sent;
    if (++in_group == kStatementsPerSync) read_group();
  };

  send("BEGIN", {});
  if (!appended.empty()) {
    std::string ids = "{";
    for (WorkshopId id : appended) {
      if (ids.size() > 1) ids += ",";
      ids += std::to_string(id);
    }
    ids += "}";
    send(
        "SELECT id, fence FROM workshops WHERE id = ANY($1::bigint[]) FOR "
        "SHARE",
        Params().Text(ids));
  }
  for (const WorkshopRow& w : batch.workshops) {
    send(
        "INSERT INTO workshops(id, code, epoch, created_at_ms, fence, owner) "
        "VALUES($1, $2, $3, $4, 1, $5)",
        Params()
            .Int(static_cast<int64_t>(w.id))
            .Text(w.code)
            .Text(w.epoch)
            .Int(w.created_at_ms)
            .Text(owner_));
  }
  for (const RecordRow& r : batch.records) {
    send(
        "INSERT INTO records(workshop_id, log_offset, body) VALUES($1, $2, $3)",
        Params()
            .Int(static_cast<int64_t>(r.workshop))
            .Int(static_cast<int64_t>(r.offset))
            .Bytes(r.body));
  }
  for (const SnapshotRow& s : batch.snapshots) {
    send(
        "INSERT INTO snapshots(workshop_id, log_offset, body) VALUES($1, $2, "
        "$3) ON CONFLICT(workshop_id, log_offset) DO UPDATE SET body = "
        "excluded.body",
        Params()
            .Int(static_cast<int64_t>(s.workshop))
            .Int(static_cast<int64_t>(s.offset))
            .Bytes(s.body));
    send(
        "DELETE FROM snapshots WHERE workshop_id = $1 AND log_offset NOT IN "
        "(SELECT log_offset FROM snapshots WHERE workshop_id = $1 ORDER BY "
        "log_offset DESC LIMIT $2)",
        Params().Int(static_cast<int64_t>(s.workshop)).Int(kSnapshotsKept));
  }
  for (const WorkshopId id : batch.erased) {
    for (const char* sql : {"DELETE FROM records WHERE workshop_id = $1",
                            "DELETE FROM snapshots WHERE workshop_id = $1",
                            "DELETE FROM workshops WHERE id = $1"}) {
      send(sql, Params().Int(static_cast<int64_t>(id)));
    }
  }
  if (status.ok && in_group > 0) read_group();
  return status;
}

Status PostgresEventStore::Write(const WriteBatch& batch) {
  if (batch.empty()) return Status::Ok();
  Status status = WriteOnce(batch);
  // The connection broke (PostgreSQL restarted, the network to it was cut): a
  // new one, and the batch again, unless it had committed and only the
  // COMMIT's answer was lost.
  const auto give_up = std::chrono::steady_clock::now() + kReconnectFor;
  auto pause = std::chrono::milliseconds(50);
  while (!status.ok && !status.fenced() &&
         std::chrono::steady_clock::now() < give_up) {
    if (Usable(conn_)) break;  // the batch's own failure
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::this_thread::sleep_for(pause);
      pause = std::min(2 * pause, std::chrono::milliseconds(1000));
      continue;
    }
    status = Committed(batch) ? Status::Ok() : WriteOnce(batch);
  }
  if (!status.ok) return status;
  for (const WorkshopRow& w : batch.workshops) fences_->Set(w.id, 1);
  for (const WorkshopId id : batch.erased) fences_->Forget(id);
  return Status::Ok();
}

bool PostgresEventStore::Committed(const WriteBatch& batch) {
  // One transaction: all of it is there or none. A record of the same offset
  // with other bytes is another writer's, so this batch's is not there.
  if (!batch.records.empty()) {
    const RecordRow& first = batch.records.front();
    Result r = Exec(conn_,
                    "SELECT body FROM records WHERE workshop_id = $1 AND "
                    "log_offset = $2",
                    Params()
                        .Int(static_cast<int64_t>(first.workshop))
                        .Int(static_cast<int64_t>(first.offset)),
                    1);
    return Ok(r) && PQntuples(r.get()) == 1 &&
           BinaryBytes(r.get(), 0, 0) == first.body;
  }
  if (!batch.workshops.empty()) {
    const WorkshopRow& first = batch.workshops.front();
    Result r =
        Exec(conn_, "SELECT 1 FROM workshops WHERE id = $1 AND epoch = $2",
             Params().Int(static_cast<int64_t>(first.id)).Text(first.epoch));
    return Ok(r) && PQntuples(r.get()) == 1;
  }
  return false;  // snapshots and erasures alone: written again, no harm
}

Status PostgresEventStore::WriteOnce(const WriteBatch& batch) {
  // The workshops this batch appends to (or erases) that it does not create:
  // each must still be this process's.
  std::set<WorkshopId> created;
  for (const WorkshopRow& w : batch.workshops) created.insert(w.id);
  std::set<WorkshopId> touched;
  for (const RecordRow& r : batch.records) touched.insert(r.workshop);
  for (const SnapshotRow& s : batch.snapshots) touched.insert(s.workshop);
  for (const WorkshopId id : batch.erased) touched.insert(id);
  std::vector<WorkshopId> appended;
  for (WorkshopId id : touched) {
    if (!created.contains(id)) appended.push_back(id);
  }
  std::vector<WorkshopId> not_taken;
  for (WorkshopId id : appended) {
    if (!fences_->Get(id)) not_taken.push_back(id);
  }
  if (!not_taken.empty()) {
    return Status::Fenced(not_taken, "workshop " +
                                         std::to_string(not_taken.front()) +
                                         " was not taken by this process");
  }

  if (!PQenterPipelineMode(conn_))
    return Status::Error("postgresql: " + std::string(PQerrorMessage(conn_)));
  std::map<WorkshopId, int64_t> fences;
  Status status = SendBatch(batch, appended, &fences);
  (void)PQexitPipelineMode(conn_);
  // The fences are judged even when a later statement failed: a stale
  // writer's insert collides with the new owner's record at the same offset,
  // and that collision is the fence's business, not a broken database. The
  // fence query comes right after BEGIN, so its rows were read unless the
  // connection broke first.
  if (status.ok || fences.size() == appended.size()) {
    // A row's own stamp must be the fence too: one queued before this process
    // lost the workshop and took it back carries the old one.
    std::map<WorkshopId, std::set<int64_t>> stamped;
    for (const RecordRow& r : batch.records) {
      if (r.fence != 0) stamped[r.workshop].insert(r.fence);
    }
    for (const SnapshotRow& row : batch.snapshots) {
      if (row.fence != 0) stamped[row.workshop].insert(row.fence);
    }
    std::vector<WorkshopId> lost;
    std::string detail;
    for (WorkshopId id : appended) {
      auto it = fences.find(id);
      const std::optional<int64_t> ours = fences_->Get(id);
      const std::set<int64_t>& stamps = stamped[id];
      const bool rows_current =
          it != fences.end() &&
          std::all_of(stamps.begin(), stamps.end(),
                      [&](int64_t f) { return f == it->second; });
      if (it != fences.end() && ours && it->second == *ours && rows_current)
        continue;
      lost.push_back(id);
      if (detail.empty()) {
        detail = "workshop " + std::to_string(id) +
                 " is now written by another process (fence " +
                 (it == fences.end() ? std::string("gone")
                                     : std::to_string(it->second)) +
                 ", ours " + (ours ? std::to_string(*ours) : "none") + ")";
      }
    }
    if (!lost.empty()) status = Status::Fenced(lost, detail);
  }
  Result end = Exec(conn_, status.ok ? "COMMIT" : "ROLLBACK");
  if (!status.ok) return status;
  if (!Ok(end)) return Status::Error(ErrorOf(conn_, end));
  return Status::Ok();
}

}  // namespace campana::store
