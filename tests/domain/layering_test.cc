// The domain is pure C++: it must not include Boost, protobuf, spdlog or
// anything else that would tie it to I/O, so that it stays deterministic and
// testable on its own.

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

TEST(LayeringTest, DomainIncludesOnlyTheStandardLibraryAndItself) {
  const std::regex include(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  const std::vector<std::string> forbidden = {
      "boost/",  "google/", "spdlog/", "fmt/", "campana/v1/",
      "sqlite3", "codec/",  "store/",  "app/", "net/"};
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(CAMPANA_DOMAIN_DIR)) {
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cc") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::smatch match;
      if (!std::regex_search(line, match, include)) continue;
      const std::string header = match[2];
      for (const std::string& bad : forbidden) {
        EXPECT_EQ(header.find(bad), std::string::npos)
            << entry.path().filename() << ":" << number << " includes "
            << header;
      }
      if (match[1] == "\"") {
        EXPECT_EQ(header.rfind("domain/", 0), 0u)
            << entry.path().filename() << ":" << number << " includes "
            << header;
      }
    }
  }
  EXPECT_GT(files, 10) << "no sources found in " << CAMPANA_DOMAIN_DIR;
}

}  // namespace
