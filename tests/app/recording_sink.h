#ifndef CAMPANA_TESTS_APP_RECORDING_SINK_H_
#define CAMPANA_TESTS_APP_RECORDING_SINK_H_

#include <cstdint>
#include <vector>

#include "app/session_sink.h"

namespace campana::testing {

// A connection that keeps the frames it is handed, as shared (not copied), so
// that a test can tell one frame shared by many devices from copies of it.
class RecordingSink : public app::SessionSink {
 public:
  explicit RecordingSink(uint32_t shard = 0) : shard_(shard) {}
  void Send(app::SharedBytes frame, bool /*text*/) override {
    frames.push_back(std::move(frame));
  }
  uint32_t shard() const override { return shard_; }

  std::vector<app::SharedBytes> frames;

 private:
  const uint32_t shard_;
};

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_APP_RECORDING_SINK_H_
