// The board storm (issue 13): N participants in groups each post 5 notes
// within 60 s on a board item, the facilitator moves the board to the vote,
// then each spends 5 dots within 30 s.

#ifndef CAMPANA_BENCH_BOARD_STORM_H_
#define CAMPANA_BENCH_BOARD_STORM_H_

#include "bench/driver.h"

namespace campana::bench {

// Which of the demo's boards: item 6 (the SDG map: one board per group, notes
// private until the reveal) or item 8 ("do less, do more": one board for the
// room, notes live).
enum class BoardKind { kPrivatePerGroup, kLiveForRoom };

struct BoardStormResult {
  std::string board;  // "private" or "live"
  int agenda_index = 0;
  uint32_t n = 0;
  uint32_t groups = 0;
  // Per run: notes and dots acknowledged, and commands refused (most of all
  // runs).
  Summary notes, dots;
  uint32_t refused = 0;
  // Milliseconds from each command's send to its durable Ack.
  Summary note_ack_p50, note_ack_p99, note_ack_max;
  Summary dot_ack_p50, dot_ack_p99, dot_ack_max;
  // Bytes (WebSocket payloads, the Acks included) received during the phase,
  // divided by the notes (or dots) acknowledged: by all N devices together, by
  // the projector and by the facilitator's console.
  Summary note_bytes_devices, note_bytes_projector, note_bytes_facilitator;
  Summary dot_bytes_devices, dot_bytes_projector, dot_bytes_facilitator;
  // The move to the vote (which reveals the private notes): bytes per device
  // and to the projector, and ms from the command to the last device's delta.
  Summary vote_move_bytes_per_device, vote_move_bytes_projector,
      vote_move_last_ms;
  // The machine's 1-minute load average at the end of each run: the tails
  // follow whatever else runs on it.
  Summary load;
};

// Three runs (one if quick), each on a fresh campana with n bots.
BoardStormResult BoardStorm(const Config& cfg, uint32_t n, BoardKind kind);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_BOARD_STORM_H_
