// Reach (issue 22, docs/design/activities.md "Reach"): members an activity reached in the last
// 12 months, kept in coverage_rollups.reached_12m by deltas as 有效覆盖 keeps served_12m
// (app/coverage/served.h): a first check-in marks the member reached for a year, counted along
// the member's union path; another check-in within the year extends the year; the expiry job
// takes the mark back when the year is over. Not reached = members − reached_12m per org.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/database.h"

namespace zj::app {

inline constexpr std::int64_t kReachedForMs = 365LL * 24 * 3600 * 1000;

//! Marks the member reached at `now_ms`, on the caller's connection (its transaction): counted
//! along the member's union path when not reached already, else the year is extended.
Result<void> MarkReached(store::Connection& conn, std::int64_t member_id, std::int64_t now_ms);

//! Takes back every mark whose year ended before `now_ms` (the periodic job); returns how many.
Result<int> ExpireReached(store::Database& db, std::int64_t now_ms);

}  // namespace zj::app
