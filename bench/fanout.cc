#include "bench/fanout.h"

#include <fstream>
#include <sstream>

#include <sys/socket.h>
#include <time.h>

#include "bench/raw_arrivals.h"

namespace campana::bench {
namespace {

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
FanoutRun MeasureBroadcasts(asio::io_context& io, const Process& server,
                            const std::vector<int>& sockets, int broadcasts,
                            const std::function<void()>& trigger) {
  FanoutRun run;
  RawArrivals arrivals(sockets);
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

FanoutResult Result(std::string server, uint32_t n, const FanoutRun& run) {
  return {std::move(server),    n,
          Summarize(run.first), Summarize(run.p50),
          Summarize(run.p99),   Summarize(run.max),
          Summarize(run.rate),  run.server_cpu_us,
          run.client_cpu_us,    run.backlog_drops};
}

}  // namespace

// A peer: a plain broadcast server; one client says "go", the others receive.
FanoutResult FanoutPeer(const Config& cfg, const std::string& name,
                        std::vector<std::string> argv, uint32_t n) {
  Process server(std::move(argv));
  const uint16_t port = server.Start();
  const size_t rss_before = server.Rss();
  asio::io_context io(1);
  Receivers receivers;
  Receivers control_handler;
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"),
                                         port);
  std::vector<std::shared_ptr<Connection>> connections;
  for (uint32_t i = 0; i < n; ++i) {
    connections.push_back(std::make_shared<Connection>(io, i, receivers));
    connections.back()->Open(endpoint, bot::LoopbackSource(i, cfg.sources),
                             "/");
    if (i % 256 == 255)
      RunUntil(
          io, [&] { return receivers.opened + receivers.failed > i - 64; },
          std::chrono::seconds(30));
  }
  auto control = std::make_shared<Connection>(io, n, control_handler);
  control->Open(endpoint, bot::LoopbackSource(n, 1), "/");
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
  const size_t rss_after = server.Rss();
  auto run = MeasureBroadcasts(io, server, sockets, Broadcasts(n, cfg.quick),
                               [&] { control->Send("go"); });
  for (auto& c : connections) c->Close();
  control->Close();
  io.poll();
  FanoutResult result = Result(name, n, run);
  result.rss_per_connection = static_cast<double>(rss_after - rss_before) / n;
  return result;
}

FanoutResult FanoutCampana(const Config& cfg, uint32_t n) {
  Campana c = StartCampana(cfg, "fanout-" + std::to_string(n));
  asio::io_context io(1);
  Facilitator desk(io, c.endpoint, c.code, c.key);
  Clock::time_point last = Clock::now();
  RunUntil(
      io, [&] { return desk.messages >= 2; }, std::chrono::seconds(10));
  const size_t rss_before = c.process->Rss();
  auto fleet = JoinFleet(io, cfg, c, n, last);
  const size_t rss_after = c.process->Rss();
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
  result.rss_per_connection = static_cast<double>(rss_after - rss_before) / n;
  return result;
}

}  // namespace campana::bench
