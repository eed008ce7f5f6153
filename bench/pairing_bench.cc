// How long pairing a room for a speed-dating round takes, for rooms up to 500
// people who have already had five rounds (so the circle must avoid repeats).
// Target: 500 people under 10 ms.
//
//   pairing_bench [--out FILE.json]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "bench/stats.h"
#include "domain/activities/dating/pairing.h"
#include "domain/random.h"

using namespace campana::domain;  // NOLINT: a benchmark program

int main(int argc, char** argv) {
  std::string out;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--out") == 0) out = argv[i + 1];
  }
  constexpr int kRuns = 51;
  std::string json = R"({"benchmark": "pairing", "unit": "ms", "results": [)";
  std::printf("%-8s %10s %10s %10s\n", "people", "median ms", "min ms",
              "max ms");
  bool first = true;
  for (int n : {50, 100, 250, 500}) {
    SplitMix64 rng(static_cast<uint64_t>(n));
    std::vector<PairingPerson> people;
    for (int i = 1; i <= n; ++i) {
      people.push_back(
          {static_cast<ParticipantId>(i),
           rng.Below(10) == 0 ? Presence::kRemote : Presence::kInRoom,
           1 + rng.Below(10), rng.Next()});
    }
    MeetingCounts met;
    for (uint32_t r = 0; r < 5; ++r) {
      for (const auto& unit : PairEveryone(people, met, r, {})) {
        for (size_t a = 0; a < unit.size(); ++a) {
          for (size_t b = a + 1; b < unit.size(); ++b)
            ++met[PairKey(unit[a], unit[b])];
        }
      }
    }
    std::vector<double> samples;
    size_t units = 0;
    for (int run = 0; run < kRuns; ++run) {
      const auto start = std::chrono::steady_clock::now();
      units += PairEveryone(people, met, 5, {.avoid_same_group = true}).size();
      samples.push_back(std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - start)
                            .count());
    }
    const auto s = campana::bench::Summarize(samples);
    std::printf("%-8d %10.3f %10.3f %10.3f\n", n, s.median, s.min, s.max);
    json += std::string(first ? "" : ", ") + R"({"people": )" +
            std::to_string(n) + R"(, "time_ms": )" + campana::bench::Json(s) +
            "}";
    first = false;
    if (units == 0) return 1;  // keep the work observable
  }
  json += "]}\n";
  if (!out.empty()) std::ofstream(out) << json;
  return 0;
}
