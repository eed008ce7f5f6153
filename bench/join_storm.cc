#include "bench/join_storm.h"

#include <cstdio>
#include <random>
#include <unordered_set>

namespace campana::bench {
namespace {

// A keynote of 19,000 whose phones arrive within 20 s.
constexpr double kArrivalsPerSecond = 950;
// What docs/operations.md tells an operator to set for such a room: the
// default (30 a second after a burst of 500) holds back a script, and would
// take ten minutes to let 19,000 people in.
const std::vector<std::string> kKeynoteJoinBudget = {
    "--joins-per-second", "1000", "--join-burst", "2000"};

struct Run {
  std::vector<double> acks;  // ms, one per joined phone
  double projector_ms = 0;
  double wave_s = 0;
  double busy = 0;
  double console_frames = 0;
  double console_bytes = 0;
  double cpu_us_per_join = 0;
  double rss_mib = 0;
  uint32_t refused = 0;
  uint32_t missing = 0;
};

Run Once(const Config& base, uint32_t n, int attempt) {
  Config cfg = base;
  cfg.join_budget = kKeynoteJoinBudget;
  Campana c = StartCampana(cfg, "join-" + std::to_string(n));
  asio::io_context io(1);
  Facilitator desk(io, c.endpoint, c.code, c.key);
  Facilitator screen(io, c.endpoint, c.code, "", c.projector_key);
  RunUntil(
      io, [&] { return desk.messages >= 2 && screen.messages >= 2; },
      std::chrono::seconds(10));

  // The projector's count: the participants on its roster (it is trusted, as
  // its link's key makes it).
  std::unordered_set<uint64_t> known;
  Clock::time_point all_known;
  screen.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
    if (!m.has_delta()) return;
    for (const auto& patch : m.delta().patches()) {
      if (patch.put().kind() == pb::DOC_KIND_PARTICIPANT)
        known.insert(patch.put().id());
    }
    if (known.size() >= n && all_known == Clock::time_point{}) all_known = at;
  };
  uint64_t console_frames = 0;
  uint64_t console_bytes = 0;
  desk.on_message = [&](const pb::ServerMessage& m, Clock::time_point) {
    ++console_frames;
    console_bytes += m.ByteSizeLong();
  };

  bot::FleetOptions options = FleetFor(cfg, c, n);
  options.seed = static_cast<uint64_t>(attempt) + 1;
  bot::Fleet fleet(io, options);

  std::mt19937 rng(attempt + 1);
  const auto window = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(n / kArrivalsPerSecond));
  const auto t0 = Clock::now() + std::chrono::milliseconds(20);
  auto moments = Moments(n, 1, t0, window, rng);
  const double cpu_before = c.process->CpuSeconds();
  Paced(io, moments, [&](uint32_t bot) { fleet.Open(bot); });
  RunUntil(
      io,
      [&] {
        return fleet.joined() + fleet.refused() >= n && known.size() >= n;
      },
      std::chrono::seconds(120));
  const double cpu = c.process->CpuSeconds() - cpu_before;

  Run run;
  Clock::time_point last_ack;
  for (uint32_t i = 0; i < n; ++i) {
    if (fleet.participant(i) == 0) {
      ++run.missing;
      continue;
    }
    run.acks.push_back(Ms(fleet.joined_at(i) - fleet.hello_at(i)));
    last_ack = std::max(last_ack, fleet.joined_at(i));
  }
  if (run.missing > 0 || known.size() < n)
    std::fprintf(stderr,
                 "  join storm %u: %u not joined, projector knows %zu\n", n,
                 run.missing, known.size());
  run.projector_ms =
      all_known == Clock::time_point{} ? -1 : Ms(all_known - last_ack);
  run.wave_s = Ms(last_ack - moments.front().first) / 1000;
  run.busy = fleet.busy();
  run.refused = fleet.refused();
  run.console_frames = static_cast<double>(console_frames);
  run.console_bytes = static_cast<double>(console_bytes);
  run.cpu_us_per_join = cpu * 1e6 / n;
  // Once the wave's garbage has had its second.
  Clock::time_point quiet = Clock::now();
  fleet.on_message = [&](uint32_t, const pb::ServerMessage&,
                         Clock::time_point at) { quiet = at; };
  Quiesce(io, quiet, std::chrono::milliseconds(1000));
  run.rss_mib = static_cast<double>(c.process->Rss()) / 1048576.0;
  fleet.Stop();
  desk.Close();
  screen.Close();
  io.poll();
  return run;
}

}  // namespace

JoinStormResult JoinStorm(const Config& cfg, uint32_t n) {
  JoinStormResult r;
  r.n = n;
  r.window_s = n / kArrivalsPerSecond;
  std::vector<double> p50, p99, max, projector, wave, busy, frames, bytes, cpu,
      rss;
  for (int attempt = 0; attempt < (cfg.quick ? 1 : 3); ++attempt) {
    const Run run = Once(cfg, n, attempt);
    p50.push_back(Percentile(run.acks, 0.5));
    p99.push_back(Percentile(run.acks, 0.99));
    max.push_back(run.acks.empty()
                      ? 0
                      : *std::max_element(run.acks.begin(), run.acks.end()));
    projector.push_back(run.projector_ms);
    wave.push_back(run.wave_s);
    busy.push_back(run.busy);
    frames.push_back(run.console_frames);
    bytes.push_back(run.console_bytes);
    cpu.push_back(run.cpu_us_per_join);
    rss.push_back(run.rss_mib);
    r.refused += run.refused;
    r.missing += run.missing;
  }
  r.ack_p50 = Summarize(p50);
  r.ack_p99 = Summarize(p99);
  r.ack_max = Summarize(max);
  r.projector_ms = Summarize(projector);
  r.wave_s = Summarize(wave);
  r.busy = Summarize(busy);
  r.console_frames = Summarize(frames);
  r.console_bytes = Summarize(bytes);
  r.cpu_us_per_join = Summarize(cpu);
  r.rss_mib = Summarize(rss);
  return r;
}

}  // namespace campana::bench
