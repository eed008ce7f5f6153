// The poll storm (issue 14): N participants answer one live poll (a scale of
// 1 to 5) within 10 s while a projector and the facilitator's console watch;
// the tallies reach them coalesced, a few times a second, not once per answer.

#ifndef CAMPANA_BENCH_POLL_STORM_H_
#define CAMPANA_BENCH_POLL_STORM_H_

#include "bench/driver.h"

namespace campana::bench {

// The poll's results hidden until the facilitator reveals them (the default),
// or live: shown to everyone as the answers come.
enum class PollResults { kHidden, kLive };

struct PollStormResult {
  std::string results;  // "hidden" or "live"
  uint32_t n = 0;
  double window_s = 0;  // the answers' spread (and a part of 250 ms, see .cc)
  // Per run: answers acknowledged; answers refused (most of all runs).
  Summary answers;
  uint32_t refused = 0;
  // Milliseconds from each answer's send to its durable Ack.
  Summary ack_p50, ack_p99, ack_max;
  // During the burst (from the first answer to the final tally): delta frames
  // carrying the poll's tally, all delta frames, and bytes (WebSocket payloads)
  // received by the projector and by the console. A phone: frames with the
  // tally, the median over phones (none while the results are hidden).
  Summary projector_tally_frames, projector_frames, projector_bytes;
  Summary console_tally_frames, console_frames, console_bytes;
  Summary phone_tally_frames;
  // Bytes received by all N devices together during the burst, per answer
  // acknowledged (the Acks and each one's own answer included).
  Summary device_bytes_per_answer;
  // The shortest gap between two of the console's tally frames as they
  // arrived: near the coalescing's interval (250 ms) when it holds.
  Summary console_min_gap_ms;
  // Ms from the last answer's Ack to the frame with the final count (answered
  // = the answers acknowledged): the console's tally; the projector's tally
  // when the results are live, its progress (respondents) when hidden.
  Summary console_final_ms, projector_final_ms;
  // The reveal (hidden results only): ms from the command to the projector's
  // tally and to the last phone's, and bytes per phone.
  Summary reveal_projector_ms, reveal_last_phone_ms, reveal_bytes_per_phone;
  // The machine's 1-minute load average at the end of each run.
  Summary load;
};

// Three runs (one if quick), each on a fresh campana with n bots.
PollStormResult PollStorm(const Config& cfg, uint32_t n, PollResults results);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_POLL_STORM_H_
