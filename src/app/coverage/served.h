// 有效覆盖 — members served in the last 12 months, kept in coverage_rollups.served_12m by
// deltas: a member is marked served for a year when a service reaches them — a resolved
// request of theirs, aid paid to their household's hardship file, a closed legal case they
// are a worker of (see migration 0007, member_served_marks) — and an expiry job takes the mark
// back when the year is over.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/database.h"

namespace zj::app {

inline constexpr std::int64_t kServedForMs = 365LL * 24 * 3600 * 1000;

//! Marks the member served at `now_ms`, on the caller's connection (its transaction): counted
//! along the member's union path when not already served, else the year is extended.
Result<void> MarkServed(store::Connection& conn, std::int64_t member_id, std::int64_t now_ms);

//! Takes back every mark whose year ended before `now_ms`; returns how many.
Result<int> ExpireServed(store::Database& db, std::int64_t now_ms);

}  // namespace zj::app
