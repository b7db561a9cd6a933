#include "app/accounts/session_cache.h"

#include <iterator>
#include <utility>

namespace zj::app {

std::optional<SessionCache::Entry> SessionCache::Find(const std::string& token_hash,
                                                      std::int64_t now) const {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(token_hash);
  if (it == entries_.end() || now - it->second.read_at >= ttl_ms_ || now < it->second.read_at) {
    return std::nullopt;
  }
  return it->second;
}

void SessionCache::Put(const std::string& token_hash, Entry entry, std::int64_t now) {
  if (ttl_ms_ <= 0) return;
  const std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.contains(token_hash)) {
    for (auto it = entries_.begin(); it != entries_.end();) {
      it = now - it->second.read_at >= ttl_ms_ ? entries_.erase(it) : std::next(it);
    }
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entry.read_at = now;
  entries_.insert_or_assign(token_hash, std::move(entry));
}

void SessionCache::Forget(const std::string& token_hash) {
  const std::lock_guard lock(mutex_);
  entries_.erase(token_hash);
}

void SessionCache::ForgetUser(std::int64_t user_id) {
  const std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& e) { return e.second.session.actor.user_id == user_id; });
}

void SessionCache::ForgetWorker(std::int64_t worker_id) {
  const std::lock_guard lock(mutex_);
  std::erase_if(entries_,
                [&](const auto& e) { return e.second.session.actor.worker_id == worker_id; });
}

void SessionCache::Clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
}

std::size_t SessionCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace zj::app
