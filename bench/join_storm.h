// The join storm: a keynote shows its QR code and N phones open, say Hello and
// Join within seconds of each other.

#ifndef CAMPANA_BENCH_JOIN_STORM_H_
#define CAMPANA_BENCH_JOIN_STORM_H_

#include "bench/driver.h"

namespace campana::bench {

struct JoinStormResult {
  uint32_t n = 0;
  double window_s = 0;  // arrivals spread over this
  // Milliseconds from a phone's first Hello to its Join's Ack.
  Summary ack_p50, ack_p99, ack_max;
  // From the last Ack to the projector knowing all n (its roster's count).
  Summary projector_ms;
  // From the first arrival to the last Ack, seconds.
  Summary wave_s;
  Summary busy;            // BUSY answers (each retried), per run
  Summary console_frames;  // frames the console received during the wave
  Summary console_bytes;
  Summary cpu_us_per_join;  // the server's CPU time during the wave, per join
  Summary rss_mib;          // the server's RSS once the wave is over
  uint32_t refused = 0;     // refusals other than BUSY, all runs
  uint32_t missing = 0;     // phones not joined in the end, all runs
};

// n phones arriving at a keynote's rate (950 a second: 19,000 in 20 s), each at
// a random moment, against campana with a keynote's join budget; three runs
// (one if quick).
JoinStormResult JoinStorm(const Config& cfg, uint32_t n);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_JOIN_STORM_H_
