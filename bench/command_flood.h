// The command flood: a crowd of devices, each within its own limit, sending
// commands as fast as it is allowed, while a facilitator runs the workshop.

#ifndef CAMPANA_BENCH_COMMAND_FLOOD_H_
#define CAMPANA_BENCH_COMMAND_FLOOD_H_

#include <string>

#include "bench/driver.h"

namespace campana::bench {

struct FloodResult {
  std::string budget;  // "on" (the defaults) or "off"
  uint32_t devices = 0;
  Summary facilitator_p50, facilitator_p99, facilitator_max;
  Summary accepted_per_s;  // the crowd's commands that became log records
};

// `devices` participants each rename themselves 30 times a second (their own
// limit) for a few seconds while a facilitator moves the agenda every 100 ms;
// the facilitator's time from command to (durable) Ack. With `budget` false
// the workshop's command budget is lifted, to show what it buys. Three runs
// (one if quick).
FloodResult CommandFlood(const Config& cfg, uint32_t devices, bool budget);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_COMMAND_FLOOD_H_
