#include "net/static_files.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <utility>

namespace campana::net {
namespace {

bool SafePath(std::string_view path) {
  if (path.empty() || path.front() != '/' ||
      path.find("..") != std::string_view::npos)
    return false;
  return std::all_of(path.begin(), path.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || ch == '/' || ch == '.' || ch == '-' ||
           ch == '_';
  });
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// "q=0", "q=0.0", "q=0.000": the coding is refused (RFC 9110, 12.5.3).
bool RefusedByQuality(std::string_view params) {
  for (size_t at = 0; at < params.size();) {
    const size_t end = std::min(params.find(';', at), params.size());
    const std::string_view param = Trim(params.substr(at, end - at));
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') &&
        param[1] == '=') {
      const std::string_view value = param.substr(2);
      return !value.empty() && value.front() == '0' &&
             value.find_first_not_of("0.") == std::string_view::npos;
    }
    at = end + 1;
  }
  return false;
}

// Text that compresses: the build leaves .br and .gz beside these.
bool Compressible(std::string_view content_type) {
  return StartsWith(content_type, "text/") ||
         StartsWith(content_type, "application/json") ||
         StartsWith(content_type, "image/svg+xml");
}

}  // namespace

std::string_view ContentTypeFor(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() &&
           path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json") || ends(".webmanifest")) return "application/json";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool AcceptsEncoding(std::string_view accept_encoding,
                     std::string_view coding) {
  std::optional<bool> named;
  std::optional<bool> any;
  for (size_t at = 0; at <= accept_encoding.size();) {
    const size_t end =
        std::min(accept_encoding.find(',', at), accept_encoding.size());
    const std::string_view entry = accept_encoding.substr(at, end - at);
    const size_t semicolon = std::min(entry.find(';'), entry.size());
    const std::string_view name = Trim(entry.substr(0, semicolon));
    const bool accepted = !RefusedByQuality(entry.substr(semicolon));
    if (EqualsIgnoringCase(name, coding)) named = accepted;
    if (name == "*") any = accepted;
    at = end + 1;
  }
  return named.value_or(any.value_or(false));
}

std::optional<StaticFiles::Resolved> StaticFiles::Resolve(
    std::string_view target, std::string_view accept_encoding) const {
  const std::string_view path = target.substr(0, target.find_first_of("?#"));
  if (!SafePath(path)) return std::nullopt;
  // The compressed forms are answers to Accept-Encoding, not files of their
  // own.
  if (path.ends_with(".br") || path.ends_with(".gz")) return std::nullopt;
  std::optional<Resolved> found;
  if (path == "/" || StartsWith(path, "/j/") || StartsWith(path, "/screen/") ||
      StartsWith(path, "/console/") || StartsWith(path, "/report/") ||
      path == "/j") {
    found = Resolved{.path = root_ + "/index.html",
                     .content_type = "text/html; charset=utf-8"};
  } else {
    // Hashed build output under /assets/, and a few kinds of top-level file
    // (icons, manifest): nothing else, whatever else lies in the directory.
    if (!StartsWith(path, "/assets/") &&
        ContentTypeFor(path) == "application/octet-stream")
      return std::nullopt;
    std::string file = root_ + std::string(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    found = Resolved{.path = std::move(file),
                     .content_type = std::string(ContentTypeFor(path)),
                     .immutable = StartsWith(path, "/assets/")};
  }
  if (!Compressible(found->content_type)) return found;
  found->negotiated = true;
  // Brotli first: about a fifth smaller than gzip for the pages' scripts.
  for (const auto& [coding, suffix] :
       {std::pair{"br", ".br"}, std::pair{"gzip", ".gz"}}) {
    if (!AcceptsEncoding(accept_encoding, coding)) continue;
    std::string encoded = found->path + suffix;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(encoded, ec)) continue;
    found->path = std::move(encoded);
    found->content_encoding = coding;
    break;
  }
  return found;
}

}  // namespace campana::net
