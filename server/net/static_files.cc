#include "net/static_files.h"

#include <algorithm>
#include <filesystem>

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

std::optional<StaticFiles::Resolved> StaticFiles::Resolve(
    std::string_view target) const {
  const std::string_view path = target.substr(0, target.find_first_of("?#"));
  if (!SafePath(path)) return std::nullopt;
  const std::string index = root_ + "/index.html";
  if (path == "/" || StartsWith(path, "/j/") || StartsWith(path, "/screen/") ||
      StartsWith(path, "/console/") || path == "/j") {
    return Resolved{index, "text/html; charset=utf-8", false};
  }
  // Hashed build output under /assets/, and a few kinds of top-level file
  // (icons, manifest): nothing else, whatever else lies in the directory.
  if (!StartsWith(path, "/assets/") &&
      ContentTypeFor(path) == "application/octet-stream")
    return std::nullopt;
  std::string file = root_ + std::string(path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return Resolved{file, std::string(ContentTypeFor(path)),
                  StartsWith(path, "/assets/")};
}

}  // namespace campana::net
