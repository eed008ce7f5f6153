#include "bench/command_flood.h"

#include <cstdio>
#include <map>

namespace campana::bench {

FloodResult CommandFlood(const Config& base, uint32_t devices, bool budget) {
  Config cfg = base;
  if (!budget) {
    cfg.campana_args.insert(cfg.campana_args.end(),
                            {"--workshop-commands-per-second", "1000000000",
                             "--workshop-command-burst", "1000000000"});
  }
  constexpr auto kFlood = std::chrono::seconds(8);
  constexpr auto kDeviceTick = std::chrono::microseconds(1'000'000 / 30);
  constexpr auto kFacilitatorTick = std::chrono::milliseconds(100);
  std::vector<double> p50, p99, max, accepted_rate;
  for (int run = 0; run < (cfg.quick ? 1 : 3); ++run) {
    Campana c = StartCampana(cfg, "flood");
    asio::io_context io(1);
    Facilitator desk(io, c.endpoint, c.code, c.key);
    RunUntil(
        io, [&] { return desk.open(); }, std::chrono::seconds(10));
    Clock::time_point last = Clock::now();
    auto fleet = JoinFleet(io, cfg, c, devices, last);
    uint64_t accepted = 0;
    fleet->on_reply = [&](uint32_t, const pb::ServerMessage& m,
                          Clock::duration) { accepted += m.has_ack(); };
    std::map<uint64_t, Clock::time_point> asked;
    std::vector<double> latencies;
    desk.on_message = [&](const pb::ServerMessage& m, Clock::time_point at) {
      if (!m.has_ack()) return;
      auto it = asked.find(m.ack().request_id());
      if (it == asked.end()) return;
      latencies.push_back(Ms(at - it->second));
      asked.erase(it);
    };
    const auto start = Clock::now();
    auto next_device = start;
    auto next_facilitator = start;
    uint64_t tick = 0;
    while (Clock::now() - start < kFlood) {
      io.run_one_until(std::min(next_device, next_facilitator));
      const auto now = Clock::now();
      if (now >= next_device) {
        ++tick;
        for (uint32_t i = 0; i < static_cast<uint32_t>(fleet->size()); ++i) {
          pb::Command rename;
          rename.mutable_rename_participant()->set_display_name(
              "Flood " + std::to_string(i) + (tick % 2 ? " a" : " b"));
          fleet->Send(i, rename);
        }
        next_device += kDeviceTick;
      }
      if (now >= next_facilitator) {
        pb::Command go;
        go.mutable_goto_agenda_item()->set_index(static_cast<int>(tick % 2));
        asked[desk.Command(go)] = Clock::now();
        next_facilitator += kFacilitatorTick;
      }
    }
    RunUntil(
        io, [&] { return asked.empty(); }, std::chrono::seconds(30));
    const double seconds =
        std::chrono::duration<double>(Clock::now() - start).count();
    p50.push_back(Percentile(latencies, 0.5));
    p99.push_back(Percentile(latencies, 0.99));
    max.push_back(Percentile(latencies, 1.0));
    accepted_rate.push_back(static_cast<double>(accepted) / seconds);
    fleet->Stop();
    desk.Close();
    io.poll();
  }
  return {budget ? "on" : "off", devices,        Summarize(p50),
          Summarize(p99),        Summarize(max), Summarize(accepted_rate)};
}

}  // namespace campana::bench
