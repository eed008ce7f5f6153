#ifndef CAMPANA_BENCH_COLD_START_H_
#define CAMPANA_BENCH_COLD_START_H_

#include <string>

namespace campana::bench {

// Writes, into a fresh SQLite file at `path`, a workshop (code `code`) whose
// log holds `records` records of random but valid commands, with a snapshot
// every 1,000 records as the server would store them. Returns the facilitator
// key.
std::string WriteLongLog(const std::string& path, const std::string& code,
                         uint64_t records);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_COLD_START_H_
