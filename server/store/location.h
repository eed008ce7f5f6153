#ifndef CAMPANA_STORE_LOCATION_H_
#define CAMPANA_STORE_LOCATION_H_

#include <string>

namespace campana::store {

// The --db location as it may be logged: a password in a URI (user:password@,
// or password=... among its parameters) is replaced by ***.
std::string WithoutPassword(std::string location);

}  // namespace campana::store

#endif  // CAMPANA_STORE_LOCATION_H_
