// A bounded queue between one producing thread and one consuming thread (a reader of a file or
// a generator of rows, and the writer to the store): Push waits while `capacity` items are
// queued, so memory stays bounded however far the producer could run ahead; Close lets the
// consumer stop early (the producer's next Push returns at once).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <utility>

namespace zj::app {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity = 2) : capacity_(capacity) {}

  void Push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || q_.size() < capacity_; });
    if (closed_) return;
    q_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  T Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !q_.empty(); });
    T item = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_full_.notify_all();
  }
  bool closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
  }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> q_;
  bool closed_ = false;
};

}  // namespace zj::app
