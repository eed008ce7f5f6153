// The vote storm: N participants each submit an answer within one second.

#ifndef CAMPANA_BENCH_VOTE_STORM_H_
#define CAMPANA_BENCH_VOTE_STORM_H_

#include <functional>
#include <string>

#include "bench/driver.h"

namespace campana::bench {

struct StormResult {
  std::string store;  // "sqlite" or "postgresql"
  uint32_t n;
  Summary ack_p50, ack_p99, tally_after_last_vote;
};

// Time from each vote to its (durable) Ack, and from the last vote to the
// projector's final count; three runs (one if quick). `postgres`: a libpq URI
// for each run's new, empty database (a cluster's store); nullptr: a new
// SQLite file.
StormResult VoteStorm(const Config& cfg, uint32_t n,
                      const std::function<std::string()>& postgres = nullptr);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_VOTE_STORM_H_
