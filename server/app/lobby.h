#ifndef CAMPANA_APP_LOBBY_H_
#define CAMPANA_APP_LOBBY_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/hub.h"
#include "app/session_sink.h"
#include "codec/template_codec.h"
#include "codec/wire_codec.h"
#include "store/event_store.h"

namespace campana::app {

struct LobbyEnvironment {
  std::function<domain::Time()> now;
  domain::Random* rng = nullptr;
  // Reads workshops on the app thread (its own connection; the writer has
  // another).
  store::EventStore* reader = nullptr;
  std::function<void(store::WriteBatch&&)> persist;
  Multicast multicast;  // see HubEnvironment
  // Asks to be woken (OnWakeup) at this time; nullopt: no wake-up needed.
  std::function<void(std::optional<domain::Time>)> arm_wakeup;
};

struct WorkshopAccess {
  std::string code;
  std::string facilitator_key;
  std::string title;
};

// Where connections arrive before they belong to a workshop: it reads their
// Hello, finds the workshop (loading it from the store the first time: latest
// snapshot, then the records after it, through the same Apply as live commands)
// and hands the connection to its hub. It also creates workshops and routes
// durability reports and timer wake-ups to the hubs. Single-threaded: every
// call on the app thread.
class Lobby {
 public:
  Lobby(LobbyEnvironment env, HubOptions options = {});
  Lobby(const Lobby&) = delete;
  Lobby& operator=(const Lobby&) = delete;

  // Creates a workshop from a template; its first record is on its way to the
  // disk.
  domain::Result<WorkshopAccess> CreateWorkshop(
      const codec::WorkshopTemplate& plan);
  // The oldest workshop in the store, if any (the demo that `deploy/dev.sh run`
  // reuses).
  std::optional<WorkshopAccess> FirstWorkshop();

  // Everything the workshop produced, as JSON (codec::ExportJson), for whoever
  // holds its facilitator key: kUnknownWorkshop or kPermissionDenied otherwise.
  domain::Result<std::string> Export(std::string_view code,
                                     std::string_view facilitator_key);

  void Open(SessionId session, std::shared_ptr<SessionSink> sink,
            codec::Format format);
  void Receive(SessionId session, const codec::Inbound& inbound);
  void Close(SessionId session);

  void OnDurable(const std::map<store::WorkshopId, uint64_t>& durable);
  void OnWakeup();

  // The loaded hub for a code, loading it if needed; nullptr if there is no
  // such workshop.
  WorkshopHub* Find(std::string_view code);
  size_t loaded_workshops() const { return hubs_.size(); }
  size_t open_sessions() const { return waiting_.size() + attached_.size(); }
  // Sums over loaded hubs.
  HubStats TotalStats() const;

 private:
  struct Waiting {
    std::shared_ptr<SessionSink> sink;
    codec::Format format = codec::Format::kBinary;
    int failed_hellos = 0;
  };

  WorkshopHub* Load(const store::WorkshopRow& row);
  HubEnvironment HubEnv() const;
  void Rearm();

  LobbyEnvironment env_;
  const HubOptions options_;
  std::map<store::WorkshopId, std::unique_ptr<WorkshopHub>> hubs_;
  std::unordered_map<std::string, WorkshopHub*> by_code_;
  std::unordered_map<SessionId, Waiting> waiting_;
  std::unordered_map<SessionId, WorkshopHub*> attached_;
  store::WorkshopId next_id_ = 1;
  std::optional<domain::Time> armed_;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_LOBBY_H_
