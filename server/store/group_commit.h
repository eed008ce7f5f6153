#ifndef CAMPANA_STORE_GROUP_COMMIT_H_
#define CAMPANA_STORE_GROUP_COMMIT_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "store/event_store.h"

namespace campana::store {

// The writer thread. Callers Submit() writes from any thread and go on; the
// thread commits everything that arrived while the previous commit was syncing
// (plus a short linger) in one transaction, then reports how far each
// workshop's log is durable. One fsync thus serves every submission of a busy
// moment (group commit).
//
// A failed commit is not survivable: the hub has applied and may have answered
// nothing yet, but its memory is ahead of the disk. `on_failure` is called and
// the process should stop; a restart recovers the durable prefix and devices
// resend from their outboxes.
class GroupCommitter {
 public:
  // workshop -> highest offset now durable. Called on the writer thread.
  using OnDurable =
      std::function<void(const std::map<WorkshopId, uint64_t>& durable)>;
  using OnFailure = std::function<void(const Status& status)>;
  // Workshops another process has taken (a cluster's store refused their
  // rows): their rows are dropped, this is called, and the rest of the batch
  // is written again. Called on the writer thread. Without it, a fenced write
  // is a failure like any other.
  using OnFenced = std::function<void(const std::vector<WorkshopId>& lost)>;

  GroupCommitter(
      std::unique_ptr<EventStore> writer, OnDurable on_durable,
      OnFailure on_failure,
      std::chrono::microseconds linger = std::chrono::microseconds(1000),
      OnFenced on_fenced = nullptr);
  // Commits what is pending, then stops the thread.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Thread-safe. Moves the rows into the next transaction.
  void Submit(WriteBatch&& batch);
  // Blocks until everything submitted before the call is committed.
  void Flush();

  // Figures for /metrics: transactions committed, records written, and
  // appends the database's fence refused (one per workshop per transaction:
  // another node had taken the workshop).
  uint64_t commits() const;
  uint64_t records_written() const;
  uint64_t fenced_appends() const;

  // Whether the transaction being written has been at it longer than `limit`
  // (the database cannot be reached, and the store is trying again): /healthz
  // then fails, so that a front sends devices to another node meanwhile.
  bool Stalled(std::chrono::steady_clock::duration limit) const;

 private:
  void Run();

  std::unique_ptr<EventStore> writer_;
  OnDurable on_durable_;
  OnFailure on_failure_;
  const std::chrono::microseconds linger_;
  OnFenced on_fenced_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable committed_;
  WriteBatch pending_;
  uint64_t submitted_ = 0;  // Submit() calls so far
  uint64_t completed_ = 0;  // of those, committed
  uint64_t commits_ = 0;
  uint64_t records_written_ = 0;
  uint64_t fenced_appends_ = 0;
  // When the transaction being written began; none between transactions.
  std::optional<std::chrono::steady_clock::time_point> writing_since_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace campana::store

#endif  // CAMPANA_STORE_GROUP_COMMIT_H_
