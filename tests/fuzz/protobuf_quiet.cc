// Linked into every fuzz target: libprotobuf writes a line to stderr for each
// string field with invalid UTF-8 it parses, thousands a second under a fuzzer,
// which only slows it down. The parse still fails, and the codec still says so.

#include <string>

#include <google/protobuf/stubs/logging.h>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(
      [](google::protobuf::LogLevel, const char*, int, const std::string&) {});
  return 0;
}
