#include "codec/protobuf_logs.h"

#include <atomic>
#include <chrono>
#include <cstdint>

#include <google/protobuf/stubs/logging.h>

namespace campana::codec {
namespace {

std::atomic<void (*)(const std::string&)> sink{nullptr};
std::atomic<int64_t> last_line_ms{INT64_MIN / 2};
std::atomic<uint64_t> dropped{0};

void Handler(google::protobuf::LogLevel, const char* file, int line,
             const std::string& message) {
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  int64_t last = last_line_ms.load(std::memory_order_relaxed);
  if (now - last < 1000 || !last_line_ms.compare_exchange_strong(last, now)) {
    dropped.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  const uint64_t since = dropped.exchange(0, std::memory_order_relaxed);
  std::string text =
      std::string(file) + ":" + std::to_string(line) + ": " + message;
  if (since > 0)
    text += " (" + std::to_string(since) + " more dropped since the last)";
  if (auto* log = sink.load()) log(text);
}

}  // namespace

void RouteProtobufLogs(void (*log)(const std::string& line)) {
  sink.store(log);
  google::protobuf::SetLogHandler(&Handler);
}

}  // namespace campana::codec
