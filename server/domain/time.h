#ifndef CAMPANA_DOMAIN_TIME_H_
#define CAMPANA_DOMAIN_TIME_H_

#include <chrono>

namespace campana::domain {

// Server wall-clock time in milliseconds since the Unix epoch. The domain never
// reads a clock: the hub reads it once per command and passes it in.
using Millis = std::chrono::milliseconds;
using Time = std::chrono::sys_time<Millis>;

inline int64_t ToUnixMillis(Time t) { return t.time_since_epoch().count(); }
inline Time FromUnixMillis(int64_t ms) { return Time(Millis(ms)); }

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_TIME_H_
