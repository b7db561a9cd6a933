// The arithmetic of training classes (素质教育, 首都工匠学院-style programmes; issue 22): whether a
// member attended enough of a class's sessions to be assessed (a share as data, exact: 80 % of
// 6 sessions needs 5, since 4.8 rounds up), a certificate's expiry some months after issue (31
// January + 1 month is the last day of February), and whether its reminder is due. Pure.
#pragma once

#include <chrono>
#include <optional>

namespace zj::training {

using Date = std::chrono::year_month_day;

//! The fewest sessions of `sessions` a member must attend for `min_percent` (0..100):
//! ⌈sessions × min_percent ÷ 100⌉.
int SessionsNeeded(int sessions, int min_percent);
//! Whether `attended` of `sessions` reaches `min_percent`; a class without sessions: true.
bool MayBeAssessed(int attended, int sessions, int min_percent);

//! The day a certificate issued on `issued_on` lapses: `valid_months` later, on the same day of
//! the month or the month's last day when it has no such day (31 Jan + 1 → 28/29 Feb). It is
//! valid up to and including the day before. nullopt for no expiry (valid_months 0).
std::optional<Date> ExpiresOn(Date issued_on, int valid_months);

//! Whether the expiry reminder is due on `today`: from `days_before` days before the expiry up
//! to the expiry, and not sent already. Never for a certificate without expiry.
bool ReminderDue(std::optional<Date> expires_on, int days_before, Date today, bool reminded);

}  // namespace zj::training
