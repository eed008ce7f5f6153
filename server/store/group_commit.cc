#include "store/group_commit.h"

#include <iterator>

namespace campana::store {
namespace {

template <typename T>
void Append(std::vector<T>& to, std::vector<T>& from) {
  if (to.empty()) {
    to = std::move(from);
  } else {
    to.insert(to.end(), std::make_move_iterator(from.begin()),
              std::make_move_iterator(from.end()));
  }
  from.clear();
}

}  // namespace

GroupCommitter::GroupCommitter(std::unique_ptr<EventStore> writer,
                               OnDurable on_durable, OnFailure on_failure,
                               std::chrono::microseconds linger)
    : writer_(std::move(writer)),
      on_durable_(std::move(on_durable)),
      on_failure_(std::move(on_failure)),
      linger_(linger),
      thread_([this] { Run(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void GroupCommitter::Submit(WriteBatch&& batch) {
  {
    std::lock_guard lock(mutex_);
    Append(pending_.workshops, batch.workshops);
    Append(pending_.records, batch.records);
    Append(pending_.snapshots, batch.snapshots);
    Append(pending_.erased, batch.erased);
    ++submitted_;
  }
  wake_.notify_one();
}

void GroupCommitter::Flush() {
  std::unique_lock lock(mutex_);
  const uint64_t target = submitted_;
  committed_.wait(lock, [&] { return completed_ >= target; });
}

uint64_t GroupCommitter::commits() const {
  std::lock_guard lock(mutex_);
  return commits_;
}

uint64_t GroupCommitter::records_written() const {
  std::lock_guard lock(mutex_);
  return records_written_;
}

void GroupCommitter::Run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || submitted_ > completed_; });
    if (submitted_ == completed_ && stopping_) return;
    if (linger_.count() > 0 && !stopping_) {
      // Let a burst gather: whatever arrives in the next moment rides in the
      // same fsync.
      wake_.wait_for(lock, linger_, [&] { return stopping_; });
    }
    WriteBatch batch = std::move(pending_);
    pending_ = WriteBatch{};
    const uint64_t covered = submitted_;
    lock.unlock();

    std::map<WorkshopId, uint64_t> durable;
    for (const RecordRow& r : batch.records) {
      uint64_t& top = durable[r.workshop];
      if (r.offset > top) top = r.offset;
    }
    const Status status = writer_->Write(batch);
    if (!status.ok) {
      on_failure_(status);
      lock.lock();
      // Nothing more can be made durable; wake waiters so that shutdown does
      // not hang.
      completed_ = submitted_;
      committed_.notify_all();
      return;
    }
    if (!durable.empty()) on_durable_(durable);

    lock.lock();
    completed_ = covered;
    ++commits_;
    records_written_ += batch.records.size();
    committed_.notify_all();
  }
}

}  // namespace campana::store
