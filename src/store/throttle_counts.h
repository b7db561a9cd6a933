// Rows of `throttle_counts`: refused (throttled) attempts counted per action, subject and
// window, so a flood of refused attempts costs one row per window, not one audit entry each.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace zj::store {

struct ThrottleCountRow {
  std::string action;
  std::string subject;
  std::int64_t window_start = 0;
  std::int64_t attempts = 0;
  std::int64_t first_at = 0;
  std::int64_t last_at = 0;
};

//! Adds one attempt at `at` to the (action, subject, window_start) count, creating it at 1;
//! returns the count after the addition (1: the first of its window).
Result<std::int64_t> CountThrottled(Connection& conn, const std::string& action,
                                    const std::string& subject, std::int64_t window_start,
                                    std::int64_t at);

//! The count of (action, subject, window_start), if any attempt was counted.
Result<std::optional<ThrottleCountRow>> FindThrottleCount(Connection& conn,
                                                          const std::string& action,
                                                          const std::string& subject,
                                                          std::int64_t window_start);

}  // namespace zj::store
