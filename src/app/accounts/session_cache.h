// Sessions recently read from the store, so that most requests of a signed-in user do not read
// the session, user and org rows again (at 1,000,000 members those reads were 13 % of the CPU of
// an authenticated GET; issue 8).
//
// An entry is trusted for `ttl_ms` after it was read (SessionPolicy::cache_ms, 1 s by default);
// idle and absolute expiry are still checked on every request against the cached times. This
// process forgets a session the moment it ends it (sign-out), a user's sessions when it ends them
// or changes the account (sign-out everywhere, password change or reset, role, org or status
// change) and everything when an org moves or changes. What another process changes — `zhijia
// users disable` on the command line, a second server on the same PostgreSQL — is seen within
// `ttl_ms`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "app/accounts/actor.h"

namespace zj::app {

class SessionCache {
 public:
  struct Entry {
    AuthenticatedSession session;
    std::int64_t last_seen_at = 0;  //!< as stored, or as just written by the touch
    std::int64_t expires_at = 0;
    std::int64_t read_at = 0;  //!< when it was read from the store
  };

  explicit SessionCache(std::int64_t ttl_ms = 1000, std::size_t capacity = 20000)
      : ttl_ms_(ttl_ms), capacity_(capacity) {}

  //! The entry of a token hash when it was read less than ttl_ms before `now`.
  std::optional<Entry> Find(const std::string& token_hash, std::int64_t now) const;
  //! Remembers what was just read (nothing when the ttl is 0). When full, entries past their ttl
  //! go first, then all.
  void Put(const std::string& token_hash, Entry entry, std::int64_t now);
  void Forget(const std::string& token_hash);
  void ForgetUser(std::int64_t user_id);
  //! A worker's sessions (the portal's cache holds workers, whose user_id is 0).
  void ForgetWorker(std::int64_t worker_id);
  void Clear();
  std::size_t size() const;

 private:
  const std::int64_t ttl_ms_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  //!< guarded by mutex_
};

}  // namespace zj::app
