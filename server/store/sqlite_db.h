#ifndef CAMPANA_STORE_SQLITE_DB_H_
#define CAMPANA_STORE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace campana::store {

class Statement;

// One SQLite connection. Not thread-safe: one thread uses it (SQLite's
// connections may not be shared without its own locking, which we do not turn
// on).
class SqliteDb {
 public:
  // Opens (creating if needed) the database file at `path`.
  static std::unique_ptr<SqliteDb> Open(const std::string& path,
                                        Status* status);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  // Compiles one statement; on failure the statement is not valid() and
  // `status` says why.
  Statement Prepare(std::string_view sql, Status* status = nullptr);
  std::string LastError() const;

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// A compiled statement. Bind parameters (1-based), Step() through rows, Reset()
// to reuse.
class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept : stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  bool valid() const { return stmt_ != nullptr; }
  Statement& Bind(int index, int64_t value);
  Statement& BindText(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  // True while a row is available; false when done. `status` reports an error.
  bool Step(Status* status = nullptr);
  void Reset();

  int64_t ColumnInt(int index) const;
  std::string ColumnText(int index) const;
  std::string_view ColumnBlob(
      int index) const;  // valid until the next Step or Reset

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_SQLITE_DB_H_
