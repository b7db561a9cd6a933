// The names of the request categories (about twenty rows, renamed by an administrator now and
// then), kept for a second, so that a request's detail and every queue item do not read their
// category row each time (4 % of the CPU of a request's GET at 1,000,000 members; issue 8).
// A rename through this process's RequestService clears them at once; one made by another
// process (a second server on the same PostgreSQL) is seen within the ttl. Deadlines are never
// taken from here: SLA reads stay in the transaction that uses them.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "store/service_requests.h"

namespace zj::app {

class CategoryNames {
 public:
  struct Names {
    std::string zh;
    std::string en;
  };

  explicit CategoryNames(std::int64_t ttl_ms = 1000) : ttl_ms_(ttl_ms) {}

  //! The names of `code` at `now`: from memory when read less than ttl_ms before, else every
  //! category is read again through `conn`. An unknown code is named by its code.
  Result<Names> Of(store::Connection& conn, const std::string& code, std::int64_t now);
  //! Forgets what was read (after a rename).
  void Clear();

 private:
  const std::int64_t ttl_ms_;
  std::mutex mutex_;
  std::unordered_map<std::string, Names> names_;  //!< guarded by mutex_
  std::int64_t read_at_ = 0;                      //!< guarded by mutex_
  bool read_ = false;                             //!< guarded by mutex_
};

}  // namespace zj::app
