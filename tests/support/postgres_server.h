#ifndef CAMPANA_TESTS_SUPPORT_POSTGRES_SERVER_H_
#define CAMPANA_TESTS_SUPPORT_POSTGRES_SERVER_H_

#include <string>

#include "support/temp_dir.h"

namespace campana::testing {

// A PostgreSQL server of the test's own (Debian's postgresql-15): initdb in a
// temporary directory, listening on a Unix socket in that directory and on no
// TCP port, stopped and erased at the end. When the tests run as root it runs
// as the `postgres` user (initdb refuses root). fsync stays on: durability is
// what the store promises.
class PostgresServer {
 public:
  PostgresServer();
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // Empty once it runs; otherwise what went wrong (with its log).
  const std::string& error() const { return error_; }

  // The libpq URI of a new, empty database called `name`.
  std::string NewDatabase(const std::string& name);

  // Stops it at once (as a crash would) and starts it again on the same data.
  bool Restart();
  // The two halves of Restart, for a database that stays down a while.
  bool Crash();
  bool Start();

 private:
  bool Run(const std::string& command);

  TempDir dir_;
  std::string as_owner_;  // the command prefix that runs as the data's owner
  std::string error_;
  bool running_ = false;
};

// One server for the whole test binary, started on first use.
PostgresServer& SharedPostgres();

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_SUPPORT_POSTGRES_SERVER_H_
