#ifndef CAMPANA_NET_STATIC_FILES_H_
#define CAMPANA_NET_STATIC_FILES_H_

#include <optional>
#include <string>
#include <string_view>

namespace campana::net {

// Where the built web clients are, and which file answers which path. The pages
// are one single-page app: /j/CODE, /screen/CODE, /console/CODE and
// /report/CODE all load index.html, which reads the path. Files under /assets/
// have content hashes in their names and are cached forever.
//
// The build compresses text files ahead of time (FILE.br and FILE.gz beside
// FILE, clients/web/scripts/compress.mjs): a phone on venue Wi-Fi gets the
// smallest its browser accepts, and the server spends no CPU compressing.
class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}

  struct Resolved {
    std::string path;  // on disk
    std::string content_type;
    bool immutable = false;  // may be cached for a year
    // "br", "gzip" or empty: `path` holds the file so encoded.
    std::string content_encoding;
    // The answer depends on Accept-Encoding (a compressible type): caches must
    // say Vary.
    bool negotiated = false;
  };
  // nullopt: 404. Refuses anything that could leave the root ("..", odd
  // characters). `accept_encoding` is the request's Accept-Encoding header.
  std::optional<Resolved> Resolve(std::string_view target,
                                  std::string_view accept_encoding = {}) const;

 private:
  std::string root_;
};

std::string_view ContentTypeFor(std::string_view path);

// Whether an Accept-Encoding header accepts `coding` ("br", "gzip"): listed
// (or "*") with a q-value above zero, and not refused by name.
bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace campana::net

#endif  // CAMPANA_NET_STATIC_FILES_H_
