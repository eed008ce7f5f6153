#include "app/rate_limit.h"

#include <algorithm>
#include <chrono>

namespace campana::app {

bool RateLimit::Take(double rate, double burst, domain::Time now) {
  const double elapsed =
      std::chrono::duration<double>(now - refilled_at).count();
  refilled_at = now;
  tokens = std::min(burst, tokens + std::max(0.0, elapsed) * rate);
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

}  // namespace campana::app
