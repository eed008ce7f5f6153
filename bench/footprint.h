// What campana holds: memory per idle participant, and the time to serve
// again after a restart with a long log.

#ifndef CAMPANA_BENCH_FOOTPRINT_H_
#define CAMPANA_BENCH_FOOTPRINT_H_

#include "bench/driver.h"

namespace campana::bench {

struct MemoryResult {
  uint32_t n;
  double bytes_per_connection;
  size_t rss_before;
  size_t rss_after;
};

// RSS growth while n participants join and go idle.
MemoryResult Memory(const Config& cfg, uint32_t n);

struct ColdResult {
  uint64_t records;
  Summary ms;
};

// From starting campana on a log of `records` records to a projector's
// first snapshot; five runs (two if quick).
ColdResult ColdStart(const Config& cfg, uint64_t records);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_FOOTPRINT_H_
