// Fan-out: one message to N connected clients, campana beside its peers, timed
// by the same raw client.

#ifndef CAMPANA_BENCH_FANOUT_H_
#define CAMPANA_BENCH_FANOUT_H_

#include <string>
#include <vector>

#include "bench/driver.h"

namespace campana::bench {

struct FanoutResult {
  std::string server;
  uint32_t n;
  Summary first, p50, p99, max, rate;
  double server_cpu_us = 0;  // per delivery
  double client_cpu_us = 0;
  uint64_t backlog_drops = 0;
  size_t payload = 0;  // bytes of each message
  // The server's RSS growth while the n clients connected (and, for campana,
  // joined), per client: what an idle connection costs it.
  double rss_per_connection = 0;
};

// A facilitator rings the bell to n participants of campana's demo workshop.
FanoutResult FanoutCampana(const Config& cfg, uint32_t n);
// A peer (argv starts it) broadcasts a message to n plain WebSocket clients.
FanoutResult FanoutPeer(const Config& cfg, const std::string& name,
                        std::vector<std::string> argv, uint32_t n);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_FANOUT_H_
