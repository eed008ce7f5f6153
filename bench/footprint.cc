#include "bench/footprint.h"

#include <filesystem>

#include "bench/cold_start.h"

namespace campana::bench {

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

ColdResult ColdStart(const Config& cfg, uint64_t records) {
  const std::string dir = cfg.scratch + "/cold";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db = dir + "/campana.db";
  const std::string key = WriteLongLog(db, "KQXD23", records);
  std::vector<double> samples;
  for (int run = 0; run < (cfg.quick ? 2 : 5); ++run) {
    Campana c = StartCampana(cfg, "cold", db);
    asio::io_context io(1);
    bool served = false;
    // The console: its snapshot has everything (a projector without its
    // secret would get only the public view).
    Facilitator screen(io, c.endpoint, "KQXD23", key);
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

}  // namespace campana::bench
