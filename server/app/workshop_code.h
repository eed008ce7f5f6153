#ifndef CAMPANA_APP_WORKSHOP_CODE_H_
#define CAMPANA_APP_WORKSHOP_CODE_H_

#include <optional>
#include <string>
#include <string_view>

#include "domain/random.h"

namespace campana::app {

// Six characters from an alphabet without look-alikes (no 0/O, no 1/I/L), so
// that a code read off a projector across a room is typed right: 31^6, about
// 887 million codes.
inline constexpr std::string_view kCodeAlphabet =
    "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr size_t kCodeLength = 6;

std::string NewWorkshopCode(domain::Random& rng);

// What a person typed, as a code: upper case, spaces and dashes dropped.
// nullopt if it cannot be a code (the caller gives the same answer as for a
// code that is not in use).
std::optional<std::string> NormalizeWorkshopCode(std::string_view typed);

}  // namespace campana::app

#endif  // CAMPANA_APP_WORKSHOP_CODE_H_
