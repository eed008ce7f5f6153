#include "domain/text.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

namespace campana::domain {
namespace {

// Decodes UTF-8 strictly (no overlongs, no surrogates, nothing past U+10FFFF).
std::optional<std::vector<char32_t>> DecodeUtf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    char32_t cp;
    size_t len;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if ((b0 & 0xe0) == 0xc0) {
      cp = b0 & 0x1f;
      len = 2;
    } else if ((b0 & 0xf0) == 0xe0) {
      cp = b0 & 0x0f;
      len = 3;
    } else if ((b0 & 0xf8) == 0xf0) {
      cp = b0 & 0x07;
      len = 4;
    } else {
      return std::nullopt;
    }
    if (i + len > s.size()) return std::nullopt;
    for (size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xc0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (b & 0x3f);
    }
    static constexpr std::array<char32_t, 5> kMinForLength = {0, 0, 0x80, 0x800,
                                                              0x10000};
    if (cp < kMinForLength[len] || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff)) {
      return std::nullopt;
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool IsWhiteSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b ||
         c == 0x0c || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
         c == 0x202f || c == 0x205f || c == 0x3000;
}

// Characters that draw nothing: a name made only of these looks empty on the
// projector.
bool IsInvisible(char32_t c) {
  return IsWhiteSpace(c) || c == 0xad || c == 0x34f || c == 0x115f ||
         c == 0x1160 || c == 0x17b4 || c == 0x17b5 || c == 0x180e ||
         (c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) ||
         c == 0x2800 || c == 0x3164 || (c >= 0xfe00 && c <= 0xfe0f) ||
         c == 0xfeff || c == 0xffa0 || (c >= 0xe0000 && c <= 0xe0fff);
}

// Not a letter or digit of any script, by block: punctuation, symbols, marks,
// box drawing, braille, emoji, private use. An approximation of Unicode's
// L and N categories that needs no tables: a code point outside these ranges
// is taken for a letter (CJK, Arabic, Devanagari...).
bool IsSymbolOrMark(char32_t c) {
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
             (c >= 'a' && c <= 'z'));
  return c < 0xc0 || c == 0xd7 || c == 0xf7 ||
         (c >= 0x2b0 && c <= 0x36f) ||      // modifiers, combining marks
         (c >= 0x1ab0 && c <= 0x1aff) ||    // combining marks extended
         (c >= 0x1dc0 && c <= 0x1dff) ||    // combining marks supplement
         (c >= 0x2000 && c <= 0x2bff) ||    // punctuation ... symbols, braille
         (c >= 0x2e00 && c <= 0x2e7f) ||    // supplemental punctuation
         (c >= 0x3000 && c <= 0x303f) ||    // CJK punctuation
         (c >= 0xd800 && c <= 0xf8ff) ||    // surrogates, private use
         (c >= 0xfe00 && c <= 0xfe6f) ||    // selectors, half marks, forms
         (c >= 0xff00 && c <= 0xff0f) ||    // full-width punctuation
         (c >= 0xfff0 && c <= 0xffff) ||    // specials
         (c >= 0x1d000 && c <= 0x1d24f) ||  // musical symbols
         (c >= 0x1f000 && c <= 0x1faff) ||  // emoji and pictographs
         c >= 0xe0000;                      // tags, private use planes
}

bool IsCombiningMark(char32_t c) {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1ab0 && c <= 0x1aff) ||
         (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
         (c >= 0xfe20 && c <= 0xfe2f);
}
constexpr int kMaxMarksPerLetter = 4;

// The letters of a Latin-1 accented letter, lower case: 0xc0..0xff.
char32_t FoldLatin1(char32_t c) {
  static constexpr std::array<char32_t, 64> kFold = {
      'a', 'a', 'a', 'a',  'a',  'a',  0xe6, 'c', 'e', 'e',  'e',  'e', 'i',
      'i', 'i', 'i', 0xf0, 'n',  'o',  'o',  'o', 'o', 'o',  0xd7, 'o', 'u',
      'u', 'u', 'u', 'y',  0xfe, 0xdf, 'a',  'a', 'a', 'a',  'a',  'a', 0xe6,
      'c', 'e', 'e', 'e',  'e',  'i',  'i',  'i', 'i', 0xf0, 'n',  'o', 'o',
      'o', 'o', 'o', 0xf7, 'o',  'u',  'u',  'u', 'u', 'y',  0xfe, 'y'};
  return kFold[c - 0xc0];
}

// Lower case for ASCII, and the base letter for Latin-1's accented ones.
char32_t FoldLetter(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A' + 'a';
  if (c >= 0xc0 && c <= 0xff) return FoldLatin1(c);
  return c;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
}

// Names a participant could be taken for staff by, folded and with only
// letters kept.
bool IsRoleName(const std::string& letters) {
  static constexpr auto kRoles = std::to_array<std::string_view>(
      {"facilitador",   "facilitadora",  "facilitadores",
       "facilitator",   "facilitators",  "moderador",
       "moderadora",    "moderator",     "proyector",
       "projector",     "pantalla",      "screen",
       "admin",         "administrador", "administradora",
       "administrator", "organizador",   "organizadora",
       "organizer",     "organiser",     "sistema",
       "system",        "staff",         "campana",
       "anfitrion",     "anfitriona",    "host"});
  for (std::string_view role : kRoles)
    if (letters == role) return true;
  return false;
}

bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7f && c <= 0x9f); }

// Marks that change the direction of the text around them.
bool IsBidiControl(char32_t c) {
  return c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

Result<std::string> Check(std::string_view raw, size_t max_code_points,
                          bool allow_line_breaks, RejectionCode code,
                          std::string_view what) {
  const std::string w(what);
  auto decoded = DecodeUtf8(raw);
  if (!decoded) return Rejection{code, w + " is not valid UTF-8"};
  const std::vector<char32_t>& cps = *decoded;
  size_t begin = 0;
  size_t end = cps.size();
  while (begin < end && IsWhiteSpace(cps[begin])) ++begin;
  while (end > begin && IsWhiteSpace(cps[end - 1])) --end;
  if (begin == end) return Rejection{code, w + " is empty"};
  if (end - begin > max_code_points) {
    return Rejection{code, w + " is longer than " +
                               std::to_string(max_code_points) + " characters"};
  }
  bool visible = false;
  for (size_t i = begin; i < end; ++i) {
    const char32_t c = cps[i];
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if (IsControl(c) && !(allow_line_breaks && line_break)) {
      return Rejection{code, w + " contains a control character"};
    }
    if (IsBidiControl(c))
      return Rejection{code,
                       w + " contains a text-direction control character"};
    if (!IsInvisible(c)) visible = true;
  }
  if (!visible) return Rejection{code, w + " has no visible characters"};

  // Re-encoding is not needed: the trimmed range maps back to a byte range of
  // the input.
  size_t byte_begin = 0;
  size_t byte_end = 0;
  size_t index = 0;
  for (size_t i = 0; i <= raw.size(); ++i) {
    if (i < raw.size() && (static_cast<unsigned char>(raw[i]) & 0xc0) == 0x80)
      continue;
    if (index == begin) byte_begin = i;
    if (index == end) {
      byte_end = i;
      break;
    }
    ++index;
  }
  return std::string(raw.substr(byte_begin, byte_end - byte_begin));
}

}  // namespace

Result<std::string> CheckDisplayName(std::string_view raw) {
  auto name = Check(raw, kMaxDisplayNameCodePoints, false,
                    RejectionCode::kInvalidName, "the name");
  if (!name.ok()) return name;
  const std::vector<char32_t> cps = *DecodeUtf8(name.value());
  std::string letters;
  bool letter_or_digit = false;
  int marks_in_a_row = 0;
  for (char32_t c : cps) {
    // Stacked combining marks ("Zalgo") climb over the lines around a name;
    // no language puts more than a few on one letter.
    marks_in_a_row = IsCombiningMark(c) ? marks_in_a_row + 1 : 0;
    if (marks_in_a_row > kMaxMarksPerLetter) {
      return Rejection::InvalidName(
          "the name has too many accents on one letter");
    }
    if (IsInvisible(c) || IsSymbolOrMark(c)) continue;
    letter_or_digit = true;
    AppendUtf8(letters, FoldLetter(c));
  }
  if (!letter_or_digit) {
    return Rejection::InvalidName("the name has no letter or digit");
  }
  if (IsRoleName(letters)) {
    return Rejection::InvalidName("the name is a role's; choose your own name");
  }
  return name;
}

std::string NameFold(std::string_view name) {
  auto cps = DecodeUtf8(name);
  if (!cps) return std::string(name);
  std::string out;
  for (char32_t c : *cps) {
    if (IsInvisible(c)) continue;
    AppendUtf8(out, FoldLetter(c));
  }
  return out;
}

Result<std::string> CheckText(std::string_view raw, size_t max_code_points,
                              std::string_view what) {
  return Check(raw, max_code_points, true, RejectionCode::kInvalidArgument,
               what);
}

Result<std::string> CheckOptionalText(std::string_view raw,
                                      size_t max_code_points,
                                      std::string_view what) {
  auto decoded = DecodeUtf8(raw);
  if (decoded && std::all_of(decoded->begin(), decoded->end(), IsWhiteSpace))
    return std::string();
  return CheckText(raw, max_code_points, what);
}

}  // namespace campana::domain
