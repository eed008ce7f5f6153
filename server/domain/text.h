#ifndef CAMPANA_DOMAIN_TEXT_H_
#define CAMPANA_DOMAIN_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "domain/rejection.h"

namespace campana::domain {

inline constexpr size_t kMaxDisplayNameCodePoints = 40;
inline constexpr size_t kMaxAnswerCodePoints = 1000;
inline constexpr size_t kMaxTitleCodePoints = 80;

// Checks a display name typed on a phone. The page normalises to NFC before
// sending; here we trim surrounding white space and refuse what would hurt on a
// projector or a roster: invalid UTF-8, control characters, bidirectional
// overrides (which can reorder a whole line), more than 40 code points, and
// names with nothing visible in them. A name must also hold at least one letter
// or digit (a name of braille blanks or dots is nobody), and may not be a
// role's ("Facilitador", "Projector", "Admin"...), which another participant
// could take for the staff's. Returns the trimmed name or a kInvalidName
// Rejection that says which rule it broke.
Result<std::string> CheckDisplayName(std::string_view raw);

// The form in which two names count as the same: case, accents on Latin
// letters, white space and invisible characters ignored ("José  Pérez" and
// "jose perez"). Invalid UTF-8 folds to itself.
std::string NameFold(std::string_view name);

// Checks free text (an answer, a timer name): the same rules, but line breaks
// and tabs are allowed, and the limit is the caller's. Empty text is refused.
Result<std::string> CheckText(std::string_view raw, size_t max_code_points,
                              std::string_view what);

// Checks free text that may be left empty (a cell of a table, cleared): text
// that is empty or only white space is returned as ""; anything else goes
// through CheckText.
Result<std::string> CheckOptionalText(std::string_view raw,
                                      size_t max_code_points,
                                      std::string_view what);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_TEXT_H_
