#ifndef CAMPANA_APP_SECRETS_H_
#define CAMPANA_APP_SECRETS_H_

#include <string_view>

namespace campana::app {

// Compares a presented secret (a facilitator key) with the real one in time
// that does not depend on where they differ. An empty secret never matches.
inline bool SecretsEqual(std::string_view presented, std::string_view real) {
  if (presented.size() != real.size() || real.empty()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < real.size(); ++i)
    diff |= static_cast<unsigned char>(presented[i] ^ real[i]);
  return diff == 0;
}

}  // namespace campana::app

#endif  // CAMPANA_APP_SECRETS_H_
