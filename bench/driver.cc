#include "bench/driver.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

namespace campana::bench {

double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

std::string Cell(const Summary& s) {
  char b[48];
  std::snprintf(b, sizeof b, "%.1f [%.1f-%.1f]", s.median, s.min, s.max);
  return b;
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

void Paced(asio::io_context& io,
           std::vector<std::pair<Clock::time_point, uint32_t>>& moments,
           const std::function<void(uint32_t)>& send) {
  std::sort(moments.begin(), moments.end());
  size_t next = 0;
  while (next < moments.size()) {
    io.run_one_until(moments[next].first);
    while (next < moments.size() && moments[next].first <= Clock::now())
      send(moments[next++].second);
  }
}

std::vector<std::pair<Clock::time_point, uint32_t>> Moments(
    uint32_t n, uint32_t per, Clock::time_point t0, Clock::duration window,
    std::mt19937& rng) {
  std::uniform_int_distribution<int64_t> within(
      0, std::chrono::duration_cast<std::chrono::microseconds>(window).count() -
             1);
  std::vector<std::pair<Clock::time_point, uint32_t>> moments;
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t k = 0; k < per; ++k)
      moments.emplace_back(t0 + std::chrono::microseconds(within(rng)), i);
  return moments;
}

double LoadAverage() {
  std::ifstream in("/proc/loadavg");
  double load = 0;
  in >> load;
  return load;
}

Campana StartCampana(const Config& cfg, const std::string& name,
                     const std::string& db) {
  const std::string dir = cfg.scratch + "/" + name;
  if (db.empty()) std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  if (db.empty()) return StartCampanaWith(cfg, dir + "/campana.db", true);
  return StartCampanaWith(cfg, db, false);
}

Campana StartCampanaWith(const Config& cfg, const std::string& db, bool demo) {
  Campana c;
  std::vector<std::string> argv = {
      cfg.campana,  "--port",        "0",        "--bind",
      "127.0.0.1",  "--db",          db,         "--web-root",
      cfg.web_root, "--public-host", "127.0.0.1"};
  if (demo) argv.insert(argv.end(), {"--demo", cfg.demo});
  argv.insert(argv.end(), cfg.join_budget.begin(), cfg.join_budget.end());
  argv.insert(argv.end(), cfg.campana_args.begin(), cfg.campana_args.end());
  c.process = std::make_unique<Process>(argv);
  const uint16_t port = c.process->Start(demo ? "/console/" : "");
  c.endpoint = {asio::ip::make_address("127.0.0.1"), port};
  std::smatch match;
  const std::string log = c.process->log();
  if (std::regex_search(
          log, match,
          std::regex(R"(/console/([A-Z0-9]{6})#key=([0-9a-f]+))"))) {
    c.code = match[1];
    c.key = match[2];
  }
  if (std::regex_search(log, match,
                        std::regex(R"(/screen/[A-Z0-9]{6}#key=([0-9a-f]+))")))
    c.projector_key = match[1];
  return c;
}

bot::FleetOptions FleetFor(const Config& cfg, const Campana& c, uint32_t n) {
  bot::FleetOptions options;
  options.port = c.endpoint.port();
  options.workshop = c.code;
  options.count = n;
  options.source_addresses = cfg.sources;
  options.remote_fraction = 0.1;
  return options;
}

// n participants joined, and the io quiet again.
std::unique_ptr<bot::Fleet> JoinFleet(asio::io_context& io, const Config& cfg,
                                      const Campana& c, uint32_t n,
                                      Clock::time_point& last_message) {
  auto fleet = std::make_unique<bot::Fleet>(io, FleetFor(cfg, c, n));
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

}  // namespace campana::bench
