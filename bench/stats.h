#ifndef CAMPANA_BENCH_STATS_H_
#define CAMPANA_BENCH_STATS_H_

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace campana::bench {

// Median, min and max of repeated measurements: what every figure reports.
struct Summary {
  double median = 0;
  double min = 0;
  double max = 0;
  size_t runs = 0;
};

inline Summary Summarize(std::vector<double> samples) {
  Summary s;
  if (samples.empty()) return s;
  std::sort(samples.begin(), samples.end());
  const size_t n = samples.size();
  s.median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
  s.min = samples.front();
  s.max = samples.back();
  s.runs = n;
  return s;
}

inline std::string Json(const Summary& s) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer,
                R"({"median": %.4f, "min": %.4f, "max": %.4f, "runs": %zu})",
                s.median, s.min, s.max, s.runs);
  return buffer;
}

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_STATS_H_
