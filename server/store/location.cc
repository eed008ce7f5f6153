#include "store/location.h"

namespace campana::store {

std::string WithoutPassword(std::string location) {
  const size_t scheme = location.find("://");
  if (scheme == std::string::npos) return location;
  const size_t start = scheme + 3;
  const size_t at = location.find('@', start);
  const size_t slash = location.find('/', start);
  const size_t colon = location.find(':', start);
  if (at != std::string::npos && (slash == std::string::npos || at < slash) &&
      colon < at)
    location = location.substr(0, colon) + ":***" + location.substr(at);
  const size_t parameter = location.find("password=");
  if (parameter != std::string::npos) {
    const size_t value = parameter + 9;
    const size_t end = location.find('&', value);
    location.replace(value,
                     end == std::string::npos ? std::string::npos : end - value,
                     "***");
  }
  return location;
}

}  // namespace campana::store
