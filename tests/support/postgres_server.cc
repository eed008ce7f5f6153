#include "support/postgres_server.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <libpq-fe.h>
#include <unistd.h>

namespace campana::testing {
namespace {

#ifndef CAMPANA_PG_BINDIR
#define CAMPANA_PG_BINDIR "/usr/lib/postgresql/15/bin"
#endif

constexpr int kPort = 5432;  // names the socket file in our directory only

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

PostgresServer::PostgresServer() {
  if (geteuid() == 0) {
    if (std::system(("chown postgres:postgres " + dir_.path()).c_str()) != 0) {
      error_ = "cannot give " + dir_.path() +
               " to the postgres user (is postgresql-15 installed?)";
      return;
    }
    as_owner_ = "setpriv --reuid=postgres --regid=postgres --clear-groups -- ";
  }
  if (!Run(std::string(CAMPANA_PG_BINDIR) + "/initdb -D " + dir_.File("data") +
           " -U campana --auth=trust -E UTF8 --locale=C.UTF-8 > " +
           dir_.File("initdb.log") + " 2>&1")) {
    error_ = "initdb failed:\n" + ReadFile(dir_.File("initdb.log"));
    return;
  }
  Start();
}

PostgresServer::~PostgresServer() {
  if (running_) {
    Run(std::string(CAMPANA_PG_BINDIR) + "/pg_ctl -D " + dir_.File("data") +
        " -m immediate -w stop > /dev/null 2>&1");
  }
}

bool PostgresServer::Run(const std::string& command) {
  return std::system((as_owner_ + command).c_str()) == 0;
}

bool PostgresServer::Start() {
  // -w: pg_ctl returns once the server accepts connections.
  const std::string options = "-k " + dir_.path() +
                              " -c listen_addresses='' -p " +
                              std::to_string(kPort);
  running_ = Run(std::string(CAMPANA_PG_BINDIR) + "/pg_ctl -D " +
                 dir_.File("data") + " -l " + dir_.File("server.log") +
                 " -o \"" + options + "\" -w start > /dev/null 2>&1");
  if (!running_)
    error_ = "postgres did not start:\n" + ReadFile(dir_.File("server.log"));
  return running_;
}

bool PostgresServer::Restart() { return Crash() && Start(); }

bool PostgresServer::Crash() {
  if (!Run(std::string(CAMPANA_PG_BINDIR) + "/pg_ctl -D " + dir_.File("data") +
           " -m immediate -w stop > /dev/null 2>&1"))
    return false;
  running_ = false;
  return true;
}

std::string PostgresServer::NewDatabase(const std::string& name) {
  const std::string base = "postgresql://campana@/";
  const std::string where =
      "?host=" + dir_.path() + "&port=" + std::to_string(kPort);
  PGconn* admin = PQconnectdb((base + "postgres" + where).c_str());
  PQsetNoticeProcessor(
      admin, [](void*, const char*) {}, nullptr);
  if (PQstatus(admin) == CONNECTION_OK) {
    PQclear(PQexec(admin, ("DROP DATABASE IF EXISTS " + name).c_str()));
    PQclear(PQexec(admin, ("CREATE DATABASE " + name).c_str()));
  }
  PQfinish(admin);
  return base + name + where;
}

PostgresServer& SharedPostgres() {
  static PostgresServer* server = new PostgresServer();  // stopped at exit
  static const bool stop_at_exit = [] {
    std::atexit([] { delete server; });
    return true;
  }();
  (void)stop_at_exit;
  return *server;
}

}  // namespace campana::testing
