#ifndef CAMPANA_APP_THREAD_CHECKER_H_
#define CAMPANA_APP_THREAD_CHECKER_H_

#include <atomic>
#include <thread>

namespace campana::app {

// For assertions that a single-threaded object is only used from one thread:
// the first thread that asks becomes its thread, and later callers must be
// that one. It binds on first use, not on construction, because the server
// builds the Lobby on the main thread before the app thread that runs it
// starts.
//
// Thread: any; that is its point (two first callers cannot both win).
class ThreadChecker {
 public:
  bool OnItsThread() const {
    const std::thread::id self = std::this_thread::get_id();
    std::thread::id expected;  // no thread yet
    return bound_.compare_exchange_strong(expected, self) || expected == self;
  }

 private:
  mutable std::atomic<std::thread::id> bound_;
};

}  // namespace campana::app

#endif  // CAMPANA_APP_THREAD_CHECKER_H_
