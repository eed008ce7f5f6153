#include "domain/text.h"

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
    static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
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
         c == 0x3164 || (c >= 0xfe00 && c <= 0xfe0f) || c == 0xfeff ||
         c == 0xffa0 || (c >= 0xe0000 && c <= 0xe0fff);
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
  return Check(raw, kMaxDisplayNameCodePoints, false,
               RejectionCode::kInvalidName, "the name");
}

Result<std::string> CheckText(std::string_view raw, size_t max_code_points,
                              std::string_view what) {
  return Check(raw, max_code_points, true, RejectionCode::kInvalidArgument,
               what);
}

}  // namespace campana::domain
