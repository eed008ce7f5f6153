#ifndef CAMPANA_NET_LAN_ADDRESS_H_
#define CAMPANA_NET_LAN_ADDRESS_H_

#include <string>

namespace campana::net {

// The machine's first non-loopback IPv4 address (what phones on the same Wi-Fi
// dial), or "127.0.0.1" when it has none.
std::string LanAddress();

}  // namespace campana::net

#endif  // CAMPANA_NET_LAN_ADDRESS_H_
