#include "app/workshop_code.h"

namespace campana::app {

std::string NewWorkshopCode(domain::Random& rng) {
  std::string code(kCodeLength, ' ');
  for (char& ch : code)
    ch = kCodeAlphabet[rng.Below(static_cast<uint32_t>(kCodeAlphabet.size()))];
  return code;
}

std::optional<std::string> NormalizeWorkshopCode(std::string_view typed) {
  std::string code;
  for (char ch : typed) {
    if (ch == ' ' || ch == '-') continue;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (kCodeAlphabet.find(ch) == std::string_view::npos) return std::nullopt;
    code.push_back(ch);
  }
  if (code.size() != kCodeLength) return std::nullopt;
  return code;
}

}  // namespace campana::app
