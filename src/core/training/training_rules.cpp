#include "core/training/training_rules.h"

namespace zj::training {

int SessionsNeeded(int sessions, int min_percent) {
  if (sessions <= 0 || min_percent <= 0) return 0;
  return static_cast<int>((static_cast<long long>(sessions) * min_percent + 99) / 100);
}

bool MayBeAssessed(int attended, int sessions, int min_percent) {
  return attended >= SessionsNeeded(sessions, min_percent);
}

std::optional<Date> ExpiresOn(Date issued_on, int valid_months) {
  if (valid_months <= 0) return std::nullopt;
  const std::chrono::year_month ym = std::chrono::year_month{issued_on.year(), issued_on.month()} +
                                     std::chrono::months{valid_months};
  const std::chrono::day last = (ym / std::chrono::last).day();
  return Date{ym.year(), ym.month(), issued_on.day() <= last ? issued_on.day() : last};
}

bool ReminderDue(std::optional<Date> expires_on, int days_before, Date today, bool reminded) {
  if (!expires_on || reminded) return false;
  const std::chrono::sys_days expiry{*expires_on};
  const std::chrono::sys_days day{today};
  return day >= expiry - std::chrono::days{days_before} && day < expiry;
}

}  // namespace zj::training
