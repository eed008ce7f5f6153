#ifndef CAMPANA_NET_STATIC_FILES_H_
#define CAMPANA_NET_STATIC_FILES_H_

#include <optional>
#include <string>
#include <string_view>

namespace campana::net {

// Where the built web clients are, and which file answers which path. The pages
// are one single-page app: /j/CODE, /screen/CODE and /console/CODE all load
// index.html, which reads the path. Files under /assets/ have content hashes in
// their names and are cached forever.
class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  struct Resolved {
    std::string path;  // on disk
    std::string content_type;
    bool immutable = false;  // may be cached for a year
  };
  // nullopt: 404. Refuses anything that could leave the root ("..", odd
  // characters).
  std::optional<Resolved> Resolve(std::string_view target) const;

 private:
  std::string root_;
};

std::string_view ContentTypeFor(std::string_view path);

}  // namespace campana::net

#endif  // CAMPANA_NET_STATIC_FILES_H_
