#include "net/server.h"

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/system_timer.hpp>
#include <spdlog/spdlog.h>

#include "net/http_session.h"
#include "net/listener.h"
#include "net/metrics.h"
#include "net/outbox.h"
#include "store/group_commit.h"
#include "store/location.h"

namespace campana::net {

namespace asio = boost::asio;

namespace {

// A write of the event log that takes longer than this is not a slow disk: the
// database is out of reach (a store keeps trying for a minute). /healthz fails
// meanwhile, so that a front sends devices to another node.
constexpr auto kStalledWrite = std::chrono::seconds(2);

// Unpredictable bits for tokens and keys, from the kernel (getrandom).
class SystemRandom final : public domain::Random {
 public:
  uint64_t Next() override { return (uint64_t{device_()} << 32) | device_(); }

 private:
  std::random_device device_;
};

domain::Time Now() {
  return std::chrono::time_point_cast<domain::Millis>(
      std::chrono::system_clock::now());
}

}  // namespace

struct Server::Impl : AppBridge {
  explicit Impl(ServerOptions o)
      : options(std::move(o)), files(options.web_root) {}

  ServerOptions options;
  StaticFiles files;
  AppQueries queries;
  asio::io_context app_context{1};
  asio::executor_work_guard<asio::io_context::executor_type> app_guard{
      app_context.get_executor()};
  std::vector<std::unique_ptr<asio::io_context>> io_contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>>
      io_guards;
  std::vector<Outbox*> outboxes;  // one per I/O thread, owned by its io_context
  std::vector<std::thread> threads;
  asio::system_timer wakeup{app_context};
  ConnectionLog connections;
  asio::steady_timer connection_summary{app_context};
  SystemRandom rng;
  std::unique_ptr<store::EventStore> reader;
  std::unique_ptr<store::GroupCommitter> committer;
  std::unique_ptr<app::Lobby> lobby;
  std::unique_ptr<app::OrganizerApi> organizer;
  std::string organizer_key;
  std::shared_ptr<Listener> listener;
  std::atomic<app::SessionId> next_session{1};
  bool stopped = false;

  // AppBridge: from I/O threads to the app thread.
  app::SessionId NewSessionId() override { return next_session.fetch_add(1); }
  void Open(app::SessionId id, std::shared_ptr<app::SessionSink> sink,
            codec::Format format) override {
    asio::post(app_context,
               [this, id, sink = std::move(sink), format]() mutable {
                 lobby->Open(id, std::move(sink), format);
               });
  }
  void Receive(app::SessionId id, codec::Inbound inbound) override {
    asio::post(app_context, [this, id, inbound = std::move(inbound)] {
      lobby->Receive(id, inbound);
    });
  }
  void Close(app::SessionId id) override {
    asio::post(app_context, [this, id] { lobby->Close(id); });
  }
  ConnectionLog& connection_log() override { return connections; }

  // On the app thread, which logs little; the logger is asynchronous, so
  // this never waits for stderr.
  void SummarizeConnections() {
    connection_summary.expires_after(options.connection_summary_every);
    connection_summary.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      if (auto line = connections.TakeSummary()) spdlog::info("{}", *line);
      SummarizeConnections();
    });
  }

  void ArmWakeup(std::optional<domain::Time> at) {
    wakeup.cancel();
    if (!at) return;
    wakeup.expires_at(
        std::chrono::system_clock::time_point(at->time_since_epoch()));
    wakeup.async_wait([this](boost::system::error_code ec) {
      if (!ec) lobby->OnWakeup();
    });
  }
};

Server::Server(ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

// Stop throws only when a thread cannot be joined: nothing to recover from, and
// std::terminate says so.
Server::~Server() { Stop(); }  // NOLINT(bugprone-exception-escape)

namespace {

// The organizer key: given (flag or environment), or kept in the database's
// settings, made at the first start or when asked to rotate it. Before any
// thread starts: the reader's connection writes it.
bool ResolveOrganizerKey(const ServerOptions& options, store::EventStore& store,
                         domain::Random& rng, std::string* key,
                         std::string* error) {
  constexpr size_t kMinGivenKey = 16;
  constexpr std::string_view kSetting = "organizer_key";
  if (!options.organizer_key.empty()) {
    if (options.organizer_key.size() < kMinGivenKey) {
      *error = "the organizer key must have at least 16 characters";
      return false;
    }
    *key = options.organizer_key;
    return true;
  }
  if (!options.rotate_organizer_key) {
    if (auto kept = store.Setting(kSetting); kept && !kept->empty()) {
      *key = *kept;
      return true;
    }
  }
  *key = rng.Token();
  const store::Status status = store.PutSetting(kSetting, *key);
  if (!status.ok) {
    *error = "cannot keep the organizer key: " + status.message;
    return false;
  }
  spdlog::info("a new organizer key was made");
  return true;
}

}  // namespace

bool Server::Start(std::string* error) {
  Impl& s = *impl_;
  const bool is_file = s.options.db_path.find("://") == std::string::npos;
  const std::filesystem::path db(s.options.db_path);
  if (is_file && db.has_parent_path())
    std::filesystem::create_directories(db.parent_path());
  store::Status status;
  s.reader = store::EventStore::Open(s.options.db_path, &status);
  auto writer =
      s.reader ? store::EventStore::Open(s.options.db_path, &status) : nullptr;
  if (!writer) {
    *error = "cannot open the database: " + status.message;
    return false;
  }
  if (!ResolveOrganizerKey(s.options, *s.reader, s.rng, &s.organizer_key,
                           error))
    return false;
  s.committer = std::make_unique<store::GroupCommitter>(
      std::move(writer),
      [&s](const std::map<store::WorkshopId, uint64_t>& durable) {
        asio::post(s.app_context,
                   [&s, durable] { s.lobby->OnDurable(durable); });
      },
      [](const store::Status& failure) {
        // Memory is ahead of the disk; nothing unacknowledged may be said. Stop
        // here; a restart serves the durable log and devices resend what was
        // not acknowledged. (A workshop another node has taken is not a
        // failure: the committer drops it and the lobby lets it go.)
        spdlog::critical("cannot write the event log: {}; stopping",
                         failure.message);
        spdlog::shutdown();
        std::_Exit(75);
      },
      std::chrono::microseconds(1000),
      [&s](const std::vector<store::WorkshopId>& lost) {
        asio::post(s.app_context, [&s, lost] { s.lobby->OnFenced(lost); });
      });
  const unsigned threads =
      s.options.io_threads != 0
          ? s.options.io_threads
          : std::max(1u, std::thread::hardware_concurrency());
  std::vector<asio::io_context*> contexts;
  for (unsigned i = 0; i < threads; ++i) {
    s.io_contexts.push_back(std::make_unique<asio::io_context>(1));
    s.io_guards.emplace_back(s.io_contexts.back()->get_executor());
    contexts.push_back(s.io_contexts.back().get());
    s.outboxes.push_back(&asio::make_service<Outbox>(*contexts.back(), i));
  }
  s.lobby = std::make_unique<app::Lobby>(
      app::LobbyEnvironment{
          .now = Now,
          .rng = &s.rng,
          .reader = s.reader.get(),
          .persist =
              [&s](store::WriteBatch&& batch) {
                s.committer->Submit(std::move(batch));
              },
          .multicast =
              [&s](const app::SharedSinkGroup& group,
                   const app::SharedBytes& frame) {
                s.outboxes[group->shard]->AddGroup(group, frame);
              },
          .arm_wakeup =
              [&s](std::optional<domain::Time> at) { s.ArmWakeup(at); }},
      s.options.hub, s.options.lobby);
  lobby_ = s.lobby.get();
  s.organizer = std::make_unique<app::OrganizerApi>(*s.lobby, s.organizer_key,
                                                    s.options.templates);

  s.queries.healthy = [&s] { return !s.committer->Stalled(kStalledWrite); };
  s.queries.metrics = [&s](std::function<void(std::string)> done) {
    asio::post(s.app_context, [&s, done = std::move(done)] {
      done(RenderMetrics(*s.lobby, *s.committer));
    });
  };
  s.queries.export_workshop = [&s](std::string code, std::string key,
                                   std::function<void(int, std::string)> done) {
    asio::post(s.app_context, [&s, code = std::move(code), key = std::move(key),
                               done = std::move(done)] {
      auto json = s.lobby->Export(code, key);
      if (json.ok()) return done(200, std::move(json).value());
      // One answer whether the code or the key is wrong: no oracle for codes.
      done(403, "the workshop code or the facilitator key is not right\n");
    });
  };
  s.queries.organizer = [&s](std::string method, std::string target,
                             std::string authorization, std::string body,
                             std::function<void(int, std::string)> done) {
    asio::post(
        s.app_context,
        [&s,
         request = app::ApiRequest{std::move(method), std::move(target),
                                   std::move(authorization), std::move(body)},
         done = std::move(done)] {
          app::ApiResponse response = s.organizer->Handle(request);
          done(response.status, std::move(response.body));
        });
  };
  s.listener = std::make_shared<Listener>(
      *contexts.front(), contexts, [&s](asio::ip::tcp::socket&& socket) {
        std::make_shared<HttpSession>(std::move(socket), s, s.files,
                                      s.options.limits, s.queries)
            ->Run();
      });
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(s.options.bind_address, ec);
  if (ec) {
    *error = "not an address: " + s.options.bind_address;
    return false;
  }
  if (!s.listener->Listen({address, s.options.port}, error)) return false;
  s.listener->Start();

  s.SummarizeConnections();
  s.threads.emplace_back([&s] { s.app_context.run(); });
  for (auto& context : s.io_contexts)
    s.threads.emplace_back([c = context.get()] { c->run(); });
  spdlog::info("listening on {}:{} with {} I/O threads; data in {}",
               s.options.bind_address, port(), threads,
               store::WithoutPassword(s.options.db_path));
  return true;
}

const std::string& Server::organizer_key() const {
  return impl_->organizer_key;
}

uint16_t Server::port() const {
  return impl_->listener ? impl_->listener->port() : 0;
}

void Server::Post(std::function<void()> work) {
  asio::post(impl_->app_context, std::move(work));
}

void Server::FlushStore() {
  if (impl_->committer) impl_->committer->Flush();
}

void Server::RunUntilSignalled() {
  asio::io_context signals_context(1);
  asio::signal_set signals(signals_context, SIGINT, SIGTERM);
  signals.async_wait([](boost::system::error_code, int signal) {
    spdlog::info("signal {}: stopping", signal);
  });
  signals_context.run();
  Stop();
}

void Server::Stop() {
  Impl& s = *impl_;
  if (s.stopped || s.threads.empty()) return;
  s.stopped = true;
  s.listener->Stop();
  // Finish what the app thread is doing, then make everything it handed over
  // durable.
  s.app_guard.reset();
  asio::post(s.app_context, [&s] {
    s.wakeup.cancel();
    s.connection_summary.cancel();
    s.app_context.stop();
  });
  s.threads.front().join();
  s.committer.reset();
  for (auto& guard : s.io_guards) guard.reset();
  for (auto& context : s.io_contexts) context->stop();
  for (size_t i = 1; i < s.threads.size(); ++i) s.threads[i].join();
  s.threads.clear();
  if (auto line = s.connections.TakeSummary()) spdlog::info("{}", *line);
  spdlog::info("stopped");
}

}  // namespace campana::net
