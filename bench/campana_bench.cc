// The benchmarks of docs/performance.md, in one run so that every figure sits
// beside its peers on the same noisy machine: fan-out (campana beside the
// kernel floor, Beast's chat idiom and Node's ws), the vote storm, memory per
// idle connection and cold start. Prints a table and writes JSON. Run by
// `deploy/dev.sh bench` on a release build.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <campana/v1/wire.pb.h>

#include "bench/cold_start.h"
#include "bench/process.h"
#include "bench/raw_arrivals.h"
#include "bench/stats.h"
#include "bot/connection.h"
#include "bot/fleet.h"

namespace asio = boost::asio;
namespace pb = ::campana::v1;
using campana::bench::Summarize;
using campana::bench::Summary;
using campana::bot::Clock;
using campana::bot::Connection;
using campana::bot::ConnectionHandler;

namespace {

struct Config {
  std::string campana;
  std::string web_root;
  std::string floor;
  std::string beast_chat;
  std::string node_ws;
  std::string demo;
  std::string out;
  std::string scratch;
  std::vector<uint32_t> fanout_sizes = {100, 1000, 5000, 10000};
  std::vector<uint32_t> storm_sizes = {1000, 5000};
  uint32_t memory_size = 10000;
  uint32_t sources = 8;
  bool quick = false;
  std::vector<std::string> only;          // sections to run; all when empty
  std::vector<std::string> campana_args;  // more options for the server

  bool Wants(const std::string& section) const {
    return only.empty() ||
           std::find(only.begin(), only.end(), section) != only.end();
  }
};

double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

// Runs the io_context until `done` holds or the timeout passes.
bool RunUntil(asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!done()) {
    if (Clock::now() > deadline) return false;
    io.run_one_for(std::chrono::milliseconds(20));
  }
  return true;
}

// Runs until nothing has arrived for `quiet`.
void Quiesce(asio::io_context& io, const Clock::time_point& last_message,
             std::chrono::milliseconds quiet) {
  // From now at the earliest: a command just sent has replies on their way, and
  // its own write completes only when the io_context runs.
  const auto start = Clock::now();
  while (Clock::now() - std::max(start, last_message) < quiet)
    io.run_one_for(std::chrono::milliseconds(10));
}

// The clients of a peer server: they count connections (arrivals are timed by
// RawArrivals).
class Receivers : public ConnectionHandler {
 public:
  uint32_t opened = 0;
  uint32_t failed = 0;
  Clock::time_point last_message = Clock::now();
  void OnOpen(Connection&) override { ++opened; }
  void OnMessage(Connection&, std::string_view, Clock::time_point at) override {
    last_message = at;
  }
  void OnClose(Connection&, const std::string&) override { ++failed; }
};

// One server's fan-out to n receivers, over `broadcasts` broadcasts.
struct FanoutRun {
  std::vector<double> first, p50, p99, max, rate;  // one per broadcast
  // CPU time per delivery while broadcasting, of the server (all its threads)
  // and of this client (the thread that receives).
  double server_cpu_us = 0;
  double client_cpu_us = 0;
  // Packets the kernel dropped from its loopback backlog meanwhile (they come
  // again after a TCP timeout, and make a slow last arrival).
  uint64_t backlog_drops = 0;
};

// Packets dropped so far because a CPU's input backlog was full
// (net.core.netdev_max_backlog): the second column of /proc/net/softnet_stat.
uint64_t BacklogDrops() {
  std::ifstream stat("/proc/net/softnet_stat");
  std::string line;
  uint64_t drops = 0;
  while (std::getline(stat, line)) {
    std::istringstream fields(line);
    std::string processed, dropped;
    if (fields >> processed >> dropped)
      drops += std::stoull(dropped, nullptr, 16);
  }
  return drops;
}

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Triggers `broadcasts` broadcasts to the clients on `sockets`, timing the
// arrivals with RawArrivals; between them the io_context runs for a moment, so
// that the control connection's replies are read.
FanoutRun MeasureBroadcasts(asio::io_context& io,
                            const campana::bench::Process& server,
                            const std::vector<int>& sockets, int broadcasts,
                            const std::function<void()>& trigger) {
  FanoutRun run;
  campana::bench::RawArrivals arrivals(sockets);
  const size_t n = sockets.size();
  std::vector<double> latency;
  double server_cpu = 0;
  double client_cpu = 0;
  const uint64_t drops_before = BacklogDrops();
  for (int b = 0; b < broadcasts; ++b) {
    arrivals.Drain();
    const double server_before = server.CpuSeconds();
    const double client_before = ThreadCpuSeconds();
    const size_t arrived =
        arrivals.Measure(trigger, latency, std::chrono::seconds(30));
    server_cpu += server.CpuSeconds() - server_before;
    client_cpu += ThreadCpuSeconds() - client_before;
    if (arrived < n) {
      std::fprintf(stderr, "  broadcast %d: only %zu of %zu arrived\n", b,
                   arrived, n);
    } else {
      run.first.push_back(*std::min_element(latency.begin(), latency.end()));
      run.p50.push_back(Percentile(latency, 0.5));
      run.p99.push_back(Percentile(latency, 0.99));
      const double max = *std::max_element(latency.begin(), latency.end());
      run.max.push_back(max);
      run.rate.push_back(static_cast<double>(n) / (max / 1000.0));
    }
    // Let the servers settle between broadcasts.
    const auto pause = Clock::now() + std::chrono::milliseconds(100);
    RunUntil(
        io, [&] { return Clock::now() > pause; }, std::chrono::seconds(1));
  }
  run.backlog_drops = BacklogDrops() - drops_before;
  const double deliveries = static_cast<double>(n) * run.max.size();
  if (deliveries > 0) {
    run.server_cpu_us = server_cpu * 1e6 / deliveries;
    run.client_cpu_us = client_cpu * 1e6 / deliveries;
  }
  return run;
}

int Broadcasts(uint32_t n, bool quick) {
  return quick ? 3 : (n <= 1000 ? 15 : 7);
}

struct FanoutResult {
  std::string server;
  uint32_t n;
  Summary first, p50, p99, max, rate;
  double server_cpu_us = 0;  // per delivery
  double client_cpu_us = 0;
  uint64_t backlog_drops = 0;
  size_t payload = 0;  // bytes of each message
};

FanoutResult Result(std::string server, uint32_t n, const FanoutRun& run) {
  return {std::move(server),    n,
          Summarize(run.first), Summarize(run.p50),
          Summarize(run.p99),   Summarize(run.max),
          Summarize(run.rate),  run.server_cpu_us,
          run.client_cpu_us,    run.backlog_drops};
}

// A peer: a plain broadcast server; one client says "go", the others receive.
FanoutResult FanoutPeer(const Config& cfg, const std::string& name,
                        std::vector<std::string> argv, uint32_t n) {
  campana::bench::Process server(std::move(argv));
  const uint16_t port = server.Start();
  asio::io_context io(1);
  Receivers receivers;
  Receivers control_handler;
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"),
                                         port);
  std::vector<std::shared_ptr<Connection>> connections;
  for (uint32_t i = 0; i < n; ++i) {
    connections.push_back(std::make_shared<Connection>(io, i, receivers));
    connections.back()->Open(endpoint,
                             campana::bot::LoopbackSource(i, cfg.sources), "/");
    if (i % 256 == 255)
      RunUntil(
          io, [&] { return receivers.opened + receivers.failed > i - 64; },
          std::chrono::seconds(30));
  }
  auto control = std::make_shared<Connection>(io, n, control_handler);
  control->Open(endpoint, campana::bot::LoopbackSource(n, 1), "/");
  RunUntil(
      io,
      [&] {
        return receivers.opened + receivers.failed == n && control->open();
      },
      std::chrono::seconds(60));
  if (receivers.failed)
    std::fprintf(stderr, "  %s: %u connections failed\n", name.c_str(),
                 receivers.failed);
  std::vector<int> sockets;
  for (auto& c : connections) sockets.push_back(c->native_handle());
  auto run = MeasureBroadcasts(io, server, sockets, Broadcasts(n, cfg.quick),
                               [&] { control->Send("go"); });
  for (auto& c : connections) c->Close();
  control->Close();
  io.poll();
  return Result(name, n, run);
}

// A facilitator's connection to campana: Hello with the key, then commands.
class Facilitator : public ConnectionHandler {
 public:
  Facilitator(asio::io_context& io, const asio::ip::tcp::endpoint& endpoint,
              std::string code, std::string key)
      : code_(std::move(code)),
        key_(std::move(key)),
        connection_(std::make_shared<Connection>(io, 0, *this)) {
    connection_->Open(endpoint, campana::bot::LoopbackSource(0, 1), "/ws");
  }
  void Command(pb::Command command) {
    pb::ClientMessage m;
    m.set_request_id(next_++);
    *m.mutable_command() = std::move(command);
    connection_->Send(m.SerializeAsString());
  }
  void OnOpen(Connection& c) override {
    pb::ClientMessage m;
    m.set_request_id(next_++);
    m.mutable_hello()->set_workshop_code(code_);
    m.mutable_hello()->set_role(key_.empty() ? pb::ROLE_PROJECTOR
                                             : pb::ROLE_FACILITATOR);
    m.mutable_hello()->set_facilitator_key(key_);
    c.Send(m.SerializeAsString());
  }
  void OnMessage(Connection&, std::string_view payload,
                 Clock::time_point at) override {
    last_message = at;
    ++messages;
    if (on_message) {
      pb::ServerMessage m;
      if (m.ParseFromArray(payload.data(), static_cast<int>(payload.size())))
        on_message(m, at);
    }
  }
  void OnClose(Connection&, const std::string& why) override { closed = why; }
  bool open() const { return connection_->open(); }
  void Close() { connection_->Close(); }

  std::function<void(const pb::ServerMessage&, Clock::time_point)> on_message;
  Clock::time_point last_message = Clock::now();
  uint64_t messages = 0;
  std::string closed;

 private:
  std::string code_;
  std::string key_;
  std::shared_ptr<Connection> connection_;
  uint64_t next_ = 1;
};

// campana on a fresh database (or the given one), and the demo workshop's code
// and key.
struct Campana {
  std::unique_ptr<campana::bench::Process> process;
  asio::ip::tcp::endpoint endpoint;
  std::string code;
  std::string key;
};

Campana StartCampana(const Config& cfg, const std::string& name,
                     const std::string& db = "") {
  const std::string dir = cfg.scratch + "/" + name;
  if (db.empty()) std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Campana c;
  std::vector<std::string> argv = {cfg.campana,
                                   "--port",
                                   "0",
                                   "--bind",
                                   "127.0.0.1",
                                   "--db",
                                   db.empty() ? dir + "/campana.db" : db,
                                   "--web-root",
                                   cfg.web_root,
                                   "--public-host",
                                   "127.0.0.1"};
  if (db.empty()) argv.insert(argv.end(), {"--demo", cfg.demo});
  argv.insert(argv.end(), cfg.campana_args.begin(), cfg.campana_args.end());
  c.process = std::make_unique<campana::bench::Process>(argv);
  const uint16_t port = c.process->Start(db.empty() ? "/console/" : "");
  c.endpoint = {asio::ip::make_address("127.0.0.1"), port};
  std::smatch match;
  const std::string log = c.process->log();
  if (std::regex_search(
          log, match,
          std::regex(R"(/console/([A-Z0-9]{6})#key=([0-9a-f]+))"))) {
    c.code = match[1];
    c.key = match[2];
  }
  return c;
}

// n participants joined, and the io quiet again.
std::unique_ptr<campana::bot::Fleet> JoinFleet(
    asio::io_context& io, const Config& cfg, const Campana& c, uint32_t n,
    Clock::time_point& last_message) {
  campana::bot::FleetOptions options;
  options.port = c.endpoint.port();
  options.workshop = c.code;
  options.count = n;
  options.source_addresses = cfg.sources;
  options.remote_fraction = 0.1;
  auto fleet = std::make_unique<campana::bot::Fleet>(io, options);
  fleet->on_message = [&last_message](uint32_t, const pb::ServerMessage&,
                                      Clock::time_point at) {
    last_message = at;
  };
  fleet->Start();
  if (!RunUntil(
          io, [&] { return fleet->joined() + fleet->failed() >= n; },
          std::chrono::seconds(120))) {
    std::fprintf(stderr, "  only %u of %u joined\n", fleet->joined(), n);
  }
  Quiesce(io, last_message, std::chrono::milliseconds(500));
  return fleet;
}

FanoutResult FanoutCampana(const Config& cfg, uint32_t n) {
  Campana c = StartCampana(cfg, "fanout-" + std::to_string(n));
  asio::io_context io(1);
  Facilitator desk(io, c.endpoint, c.code, c.key);
  Clock::time_point last = Clock::now();
  auto fleet = JoinFleet(io, cfg, c, n, last);
  // The size of the bell's delta, for the peers to send the same.
  size_t payload = 0;
  fleet->on_raw_message = [&](uint32_t, std::string_view bytes,
                              Clock::time_point at) {
    payload = std::max(payload, bytes.size());
    last = at;
  };
  pb::Command bell;
  bell.mutable_ring_bell();
  desk.Command(bell);
  Quiesce(io, last, std::chrono::milliseconds(300));
  auto run =
      MeasureBroadcasts(io, *c.process, fleet->sockets(),
                        Broadcasts(n, cfg.quick), [&] { desk.Command(bell); });
  fleet->Stop();
  desk.Close();
  io.poll();
  FanoutResult result = Result("campana", n, run);
  result.payload = payload;
  return result;
}

struct StormResult {
  uint32_t n;
  Summary ack_p50, ack_p99, tally_after_last_vote;
};

StormResult VoteStorm(const Config& cfg, uint32_t n) {
  std::vector<double> p50, p99, tally;
  for (int attempt = 0; attempt < (cfg.quick ? 1 : 3); ++attempt) {
    Campana c = StartCampana(cfg, "storm-" + std::to_string(n));
    asio::io_context io(1);
    Facilitator desk(io, c.endpoint, c.code, c.key);
    Facilitator screen(io, c.endpoint, c.code, "");
    Clock::time_point last = Clock::now();
    RunUntil(
        io, [&] { return desk.open() && screen.open(); },
        std::chrono::seconds(10));
    pb::Command go;
    go.mutable_goto_agenda_item()->set_index(5);  // the demo's open question
    desk.Command(go);
    pb::Command show;
    show.mutable_show_answers()->set_agenda_index(5);
    show.mutable_show_answers()->set_show(true);
    desk.Command(show);
    auto fleet = JoinFleet(io, cfg, c, n, last);
    uint32_t shown = 0;
    Clock::time_point tallied;
    screen.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
      if (!m.has_delta()) return;
      for (const auto& patch : m.delta().patches())
        shown += patch.put().kind() == pb::DOC_KIND_SHOWN_ANSWER;
      if (shown >= n && tallied == Clock::time_point{}) tallied = at;
    };
    std::vector<double> acks;
    fleet->on_reply = [&](uint32_t, const pb::ServerMessage& m,
                          Clock::duration d) {
      if (m.has_ack()) acks.push_back(Ms(d));
    };
    // Everyone votes within one second, at a moment of their own.
    std::vector<std::pair<Clock::time_point, uint32_t>> moments;
    std::mt19937 rng(attempt + 1);
    std::uniform_int_distribution<int> within(0, 999'999);
    const auto t0 = Clock::now() + std::chrono::milliseconds(50);
    for (uint32_t i = 0; i < n; ++i)
      moments.emplace_back(t0 + std::chrono::microseconds(within(rng)), i);
    std::sort(moments.begin(), moments.end());
    size_t next = 0;
    Clock::time_point last_vote;
    while (next < moments.size()) {
      io.run_one_until(moments[next].first);
      while (next < moments.size() && moments[next].first <= Clock::now()) {
        pb::Command vote;
        vote.mutable_submit_answer()->set_agenda_index(5);
        vote.mutable_submit_answer()->set_text(
            "Voto " + std::to_string(moments[next].second));
        fleet->Send(moments[next].second, vote);
        last_vote = Clock::now();
        ++next;
      }
    }
    RunUntil(
        io, [&] { return acks.size() >= n && shown >= n; },
        std::chrono::seconds(60));
    if (acks.size() < n || shown < n)
      std::fprintf(stderr, "  storm %u: %zu acks, %u shown\n", n, acks.size(),
                   shown);
    p50.push_back(Percentile(acks, 0.5));
    p99.push_back(Percentile(acks, 0.99));
    tally.push_back(Ms(tallied - last_vote));
    fleet->Stop();
    desk.Close();
    screen.Close();
    io.poll();
  }
  return {n, Summarize(p50), Summarize(p99), Summarize(tally)};
}

struct MemoryResult {
  uint32_t n;
  double bytes_per_connection;
  size_t rss_before;
  size_t rss_after;
};

MemoryResult Memory(const Config& cfg, uint32_t n) {
  Campana c = StartCampana(cfg, "memory");
  asio::io_context io(1);
  Facilitator desk(io, c.endpoint, c.code, c.key);
  Clock::time_point last = Clock::now();
  RunUntil(
      io, [&] { return desk.messages >= 2; }, std::chrono::seconds(10));
  Quiesce(io, desk.last_message, std::chrono::milliseconds(300));
  const size_t before = c.process->Rss();
  auto fleet = JoinFleet(io, cfg, c, n, last);
  Quiesce(io, desk.last_message, std::chrono::milliseconds(1000));
  const size_t after = c.process->Rss();
  fleet->Stop();
  desk.Close();
  io.poll();
  return {n, static_cast<double>(after - before) / n, before, after};
}

struct ColdResult {
  uint64_t records;
  Summary ms;
};

ColdResult ColdStart(const Config& cfg, uint64_t records) {
  const std::string dir = cfg.scratch + "/cold";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = dir + "/campana.db";
  const std::string key = campana::bench::WriteLongLog(db, "KQXD23", records);
  std::vector<double> samples;
  for (int run = 0; run < (cfg.quick ? 2 : 5); ++run) {
    Campana c = StartCampana(cfg, "cold", db);
    asio::io_context io(1);
    bool served = false;
    Facilitator screen(io, c.endpoint, "KQXD23", "");
    screen.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
      if (m.has_snapshot() && !served) {
        served = true;
        samples.push_back(Ms(at - c.process->started()));
      }
    };
    RunUntil(
        io, [&] { return served; }, std::chrono::seconds(60));
    screen.Close();
    io.poll();
  }
  return {records, Summarize(samples)};
}

}  // namespace

// "median [min-max]"
std::string Cell(const Summary& s) {
  char b[48];
  std::snprintf(b, sizeof b, "%.1f [%.1f-%.1f]", s.median, s.min, s.max);
  return b;
}

int main(int argc, char** argv) {
  Config cfg;
  CLI::App cli{
      "campana-bench: fan-out, vote storm, memory and cold start, beside "
      "peers"};
  cli.add_option("--campana", cfg.campana)->required();
  cli.add_option("--web-root", cfg.web_root)->required();
  cli.add_option("--demo", cfg.demo)->required();
  cli.add_option("--floor", cfg.floor)->required();
  cli.add_option("--beast-chat", cfg.beast_chat)->required();
  cli.add_option("--node-ws", cfg.node_ws)->required();
  cli.add_option("--scratch", cfg.scratch)->required();
  cli.add_option("--out", cfg.out)->required();
  cli.add_option("--fanout", cfg.fanout_sizes)->capture_default_str();
  cli.add_option("--storm", cfg.storm_sizes)->capture_default_str();
  cli.add_option("--memory", cfg.memory_size)->capture_default_str();
  cli.add_option("--sources", cfg.sources)->capture_default_str();
  cli.add_flag("--quick", cfg.quick, "Fewer repetitions, for a smoke test");
  cli.add_option("--campana-arg", cfg.campana_args,
                 "An option for campana, e.g. --campana-arg=--io-threads=1")
      ->allow_extra_args(false);
  cli.add_option("--only", cfg.only, "Run only these sections")
      ->check(CLI::IsMember({"fanout", "storm", "memory", "cold"}));
  CLI11_PARSE(cli, argc, argv);

  std::string json = "{\n  \"fanout\": [";
  std::printf(
      "\nFan-out: a facilitator's command (or a peer's broadcast) to N "
      "connected clients; ms from\n"
      "the trigger to the receipt; medians over broadcasts [min-max]\n");
  std::printf("%-11s %6s %18s %20s %20s %20s %13s %11s %11s %6s\n", "server",
              "N", "first ms", "p50 ms", "p99 ms", "last ms", "deliveries/s",
              "server cpu", "client cpu", "drops");
  bool first = true;
  for (uint32_t n : cfg.fanout_sizes) {
    if (!cfg.Wants("fanout")) break;
    std::vector<FanoutResult> results;
    results.push_back(FanoutCampana(cfg, n));
    // The peers send a message of the size of campana's delta.
    const std::string payload = std::to_string(results[0].payload);
    results.push_back(
        FanoutPeer(cfg, "floor", {cfg.floor, "--payload", payload}, n));
    results.push_back(FanoutPeer(
        cfg, "beast-chat",
        {cfg.beast_chat, "--threads", "2", "--payload", payload}, n));
    results.push_back(FanoutPeer(
        cfg, "node-ws", {"node", cfg.node_ws, "--payload", payload}, n));
    for (FanoutResult& r : results) r.payload = results[0].payload;
    for (const FanoutResult& r : results) {
      std::printf(
          "%-11s %6u %18s %20s %20s %20s %13.0f %8.1f us %8.1f us %6lu\n",
          r.server.c_str(), n, Cell(r.first).c_str(), Cell(r.p50).c_str(),
          Cell(r.p99).c_str(), Cell(r.max).c_str(), r.rate.median,
          r.server_cpu_us, r.client_cpu_us,
          static_cast<unsigned long>(r.backlog_drops));
      json += std::string(first ? "" : ",") + "\n    {\"server\": \"" +
              r.server + "\", \"n\": " + std::to_string(n) +
              ", \"payload_bytes\": " + std::to_string(r.payload) +
              ", \"first_ms\": " + campana::bench::Json(r.first) +
              ", \"p50_ms\": " + campana::bench::Json(r.p50) +
              ", \"p99_ms\": " + campana::bench::Json(r.p99) +
              ", \"last_ms\": " + campana::bench::Json(r.max) +
              ", \"deliveries_per_s\": " + campana::bench::Json(r.rate) +
              ", \"server_cpu_us_per_delivery\": " +
              std::to_string(r.server_cpu_us) +
              ", \"client_cpu_us_per_delivery\": " +
              std::to_string(r.client_cpu_us) +
              ", \"backlog_drops\": " + std::to_string(r.backlog_drops) + "}";
      first = false;
    }
    const double floor_ms = results[1].max.median;
    std::printf(
        "%-11s %6u   campana/floor %.2fx, campana/node-ws %.2fx, "
        "campana/beast-chat %.2fx\n",
        "ratio", n, results[0].max.median / floor_ms,
        results[0].max.median / results[3].max.median,
        results[0].max.median / results[2].max.median);
    std::fflush(stdout);
  }
  json += "\n  ],\n  \"vote_storm\": [";
  std::printf("\nVote storm: N participants each submit within one second\n");
  std::printf("%6s %22s %22s %26s\n", "N", "ack p50 ms", "ack p99 ms",
              "tally after last vote ms");
  first = true;
  for (uint32_t n : cfg.storm_sizes) {
    if (!cfg.Wants("storm")) break;
    const StormResult r = VoteStorm(cfg, n);
    std::printf("%6u %22s %22s %26s\n", n, Cell(r.ack_p50).c_str(),
                Cell(r.ack_p99).c_str(), Cell(r.tally_after_last_vote).c_str());
    json += std::string(first ? "" : ",") +
            "\n    {\"n\": " + std::to_string(n) +
            ", \"ack_p50_ms\": " + campana::bench::Json(r.ack_p50) +
            ", \"ack_p99_ms\": " + campana::bench::Json(r.ack_p99) +
            ", \"tally_after_last_vote_ms\": " +
            campana::bench::Json(r.tally_after_last_vote) + "}";
    first = false;
    std::fflush(stdout);
  }
  json += "\n  ]";
  if (cfg.Wants("memory")) {
    std::vector<double> per_connection;
    for (int run = 0; run < (cfg.quick ? 1 : 3); ++run) {
      const MemoryResult mem = Memory(cfg, cfg.memory_size);
      std::printf(
          "\nMemory: %u idle participants: RSS %.1f MiB -> %.1f MiB: %.0f "
          "bytes each",
          mem.n, mem.rss_before / 1048576.0, mem.rss_after / 1048576.0,
          mem.bytes_per_connection);
      per_connection.push_back(mem.bytes_per_connection);
    }
    const Summary s = Summarize(per_connection);
    std::printf("\nMemory per idle participant: %.0f bytes [%.0f-%.0f]\n",
                s.median, s.min, s.max);
    json += ",\n  \"memory\": {\"n\": " + std::to_string(cfg.memory_size) +
            ", \"bytes_per_connection\": " + campana::bench::Json(s) + "}";
  }
  if (cfg.Wants("cold")) {
    const ColdResult cold = ColdStart(cfg, 100'000);
    std::printf(
        "Cold start with %lu logged records: %.0f ms to the first snapshot "
        "[%.0f-%.0f]\n",
        static_cast<unsigned long>(cold.records), cold.ms.median, cold.ms.min,
        cold.ms.max);
    json +=
        ",\n  \"cold_start\": {\"records\": " + std::to_string(cold.records) +
        ", \"ms\": " + campana::bench::Json(cold.ms) + "}";
  }
  json += "\n}\n";
  std::ofstream(cfg.out) << json;
  return 0;
}
