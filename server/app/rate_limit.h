#ifndef CAMPANA_APP_RATE_LIMIT_H_
#define CAMPANA_APP_RATE_LIMIT_H_

#include "domain/time.h"

namespace campana::app {

// A token bucket: `burst` at once, then `rate` a second. Plain data; the caller
// gives the time, so that one command takes all its tokens at one reading of
// the clock.
struct RateLimit {
  double tokens = 0;
  domain::Time refilled_at;
  bool Take(double rate, double burst, domain::Time now);
};

}  // namespace campana::app

#endif  // CAMPANA_APP_RATE_LIMIT_H_
