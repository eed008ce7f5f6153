#include "store/sqlite_db.h"

#include <sqlite3.h>

namespace campana::store {

std::unique_ptr<SqliteDb> SqliteDb::Open(const std::string& path,
                                         Status* status) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
      nullptr);
  if (rc != SQLITE_OK) {
    *status = Status::Error("cannot open " + path + ": " +
                            (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return nullptr;
  }
  sqlite3_extended_result_codes(db, 1);
  *status = Status::Ok();
  return std::unique_ptr<SqliteDb>(new SqliteDb(db));
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    Status status = Status::Error(error ? error : LastError());
    sqlite3_free(error);
    return status;
  }
  return Status::Ok();
}

Statement SqliteDb::Prepare(std::string_view sql, Status* status) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(
      db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (status != nullptr)
    *status = rc == SQLITE_OK ? Status::Ok() : Status::Error(LastError());
  return Statement(rc == SQLITE_OK ? stmt : nullptr);
}

std::string SqliteDb::LastError() const { return sqlite3_errmsg(db_); }

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindText(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                    SQLITE_TRANSIENT);
  return *this;
}

bool Statement::Step(Status* status) {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (status != nullptr) {
    *status = rc == SQLITE_DONE
                  ? Status::Ok()
                  : Status::Error(sqlite3_errmsg(sqlite3_db_handle(stmt_)));
  }
  return false;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::ColumnInt(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

std::string Statement::ColumnText(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  return text ? std::string(
                    reinterpret_cast<const char*>(text),
                    static_cast<size_t>(sqlite3_column_bytes(stmt_, index)))
              : std::string();
}

std::string_view Statement::ColumnBlob(int index) const {
  const void* blob = sqlite3_column_blob(stmt_, index);
  return blob ? std::string_view(
                    static_cast<const char*>(blob),
                    static_cast<size_t>(sqlite3_column_bytes(stmt_, index)))
              : std::string_view();
}

}  // namespace campana::store
