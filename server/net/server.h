#ifndef CAMPANA_NET_SERVER_H_
#define CAMPANA_NET_SERVER_H_

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>

#include "app/hub.h"
#include "app/lobby.h"
#include "app/organizer_api.h"
#include "net/limits.h"

namespace campana::net {

struct ServerOptions {
  std::string bind_address = "0.0.0.0";
  uint16_t port = 8080;  // 0: any free port
  std::string db_path = "var/campana.db";
  std::string web_root = "clients/web/dist";
  unsigned io_threads = 0;  // 0: one per core
  Limits limits;
  app::HubOptions hub;
  app::LobbyOptions lobby;
  // The organizer API's secret. Empty: the one kept in the database, made at
  // the first start (and made anew with rotate_organizer_key). Given, it must
  // have at least 16 characters, and the database's is left as it is.
  std::string organizer_key;
  bool rotate_organizer_key = false;
  // What the organizer may create workshops from (blank ones are built in).
  std::vector<app::NamedTemplate> templates;
  // How often the log says, in one line, how many connections opened and
  // closed (and why) since it last did; nothing when none did.
  std::chrono::milliseconds connection_summary_every{5000};
};

// The whole process: the store and its writer thread, the app thread (the Lobby
// and every workshop hub), the I/O threads (sockets, HTTP, WebSocket framing)
// and the listener.
class Server {
 public:
  explicit Server(ServerOptions options);
  ~Server();  // NOLINT(bugprone-exception-escape): see server.cc
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens the database and the port and starts the threads. False with `error`
  // on failure.
  bool Start(std::string* error);
  uint16_t port() const;
  // The organizer key in force (after Start).
  const std::string& organizer_key() const;

  // Runs `work` on the app thread and returns its result (for set-up such as
  // creating the demo workshop).
  template <typename F>
  auto OnAppThread(F work) -> decltype(work(std::declval<app::Lobby&>())) {
    using R = decltype(work(std::declval<app::Lobby&>()));
    std::packaged_task<R()> task([&] { return work(*lobby_); });
    auto result = task.get_future();
    Post([&task] { task(); });
    return result.get();
  }
  // Waits until everything handed to the writer so far is on disk.
  void FlushStore();

  // Blocks until SIGINT or SIGTERM, then stops cleanly.
  void RunUntilSignalled();
  void Stop();

 private:
  struct Impl;
  void Post(std::function<void()> work);

  std::unique_ptr<Impl> impl_;
  app::Lobby* lobby_ = nullptr;
};

}  // namespace campana::net

#endif  // CAMPANA_NET_SERVER_H_
