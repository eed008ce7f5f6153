#ifndef CAMPANA_DOMAIN_ATTENDANCE_H_
#define CAMPANA_DOMAIN_ATTENDANCE_H_

#include <cstdint>
#include <vector>

namespace campana::domain {

// Participant::days_present (bit d - 1: present on day d) as the list of those
// days, in order.
std::vector<uint32_t> DaysIn(uint32_t days_present);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ATTENDANCE_H_
