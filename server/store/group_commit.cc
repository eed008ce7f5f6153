#include "store/group_commit.h"

#include <iterator>
#include <set>

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

// Removes every row of the `lost` workshops from the batch.
void DropWorkshops(WriteBatch& batch, const std::set<WorkshopId>& lost) {
  std::erase_if(batch.workshops,
                [&](const WorkshopRow& w) { return lost.contains(w.id); });
  std::erase_if(batch.records,
                [&](const RecordRow& r) { return lost.contains(r.workshop); });
  std::erase_if(batch.snapshots, [&](const SnapshotRow& s) {
    return lost.contains(s.workshop);
  });
  std::erase_if(batch.erased, [&](WorkshopId id) { return lost.contains(id); });
}

}  // namespace

GroupCommitter::GroupCommitter(std::unique_ptr<EventStore> writer,
                               OnDurable on_durable, OnFailure on_failure,
                               std::chrono::microseconds linger,
                               OnFenced on_fenced)
    : writer_(std::move(writer)),
      on_durable_(std::move(on_durable)),
      on_failure_(std::move(on_failure)),
      linger_(linger),
      on_fenced_(std::move(on_fenced)),
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

uint64_t GroupCommitter::fenced_appends() const {
  std::lock_guard lock(mutex_);
  return fenced_appends_;
}

bool GroupCommitter::Stalled(std::chrono::steady_clock::duration limit) const {
  std::lock_guard lock(mutex_);
  return writing_since_ &&
         std::chrono::steady_clock::now() - *writing_since_ > limit;
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
    writing_since_ = std::chrono::steady_clock::now();
    lock.unlock();

    std::map<WorkshopId, uint64_t> durable;
    for (const RecordRow& r : batch.records) {
      uint64_t& top = durable[r.workshop];
      if (r.offset > top) top = r.offset;
    }
    Status status = writer_->Write(batch);
    // Workshops another node has taken: their rows go, their hubs are told,
    // and the other workshops' rows are written again (a batch mixes
    // workshops, and one lost workshop must not hold the others back).
    while (!status.ok && status.fenced() && on_fenced_) {
      const std::set<WorkshopId> lost(status.fenced_workshops.begin(),
                                      status.fenced_workshops.end());
      DropWorkshops(batch, lost);
      for (WorkshopId id : lost) durable.erase(id);
      {
        std::lock_guard count(mutex_);
        fenced_appends_ += lost.size();
      }
      on_fenced_(status.fenced_workshops);
      status = writer_->Write(batch);
    }
    if (!status.ok) {
      on_failure_(status);
      lock.lock();
      writing_since_.reset();
      // Nothing more can be made durable; wake waiters so that shutdown does
      // not hang.
      completed_ = submitted_;
      committed_.notify_all();
      return;
    }
    if (!durable.empty()) on_durable_(durable);

    lock.lock();
    writing_since_.reset();
    completed_ = covered;
    ++commits_;
    records_written_ += batch.records.size();
    committed_.notify_all();
  }
}

}  // namespace campana::store
