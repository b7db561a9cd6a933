#include "core/accounts/login_throttle.h"

#include <algorithm>

namespace zj::accounts {

void LoginThrottle::Prune(std::deque<std::int64_t>& times, std::int64_t now_ms) const {
  while (!times.empty() && times.front() + policy_.window_ms <= now_ms) times.pop_front();
}

std::int64_t LoginThrottle::Wait(Failures& map, std::string_view key, int limit,
                                 std::int64_t now_ms) {
  auto it = map.find(std::string(key));
  if (it == map.end()) return 0;
  Prune(it->second, now_ms);
  if (it->second.empty()) {
    map.erase(it);
    return 0;
  }
  if (static_cast<int>(it->second.size()) < limit) return 0;
  // Allowed again when enough failures have left the window to drop below the limit.
  const std::size_t must_leave = it->second.size() - static_cast<std::size_t>(limit) + 1;
  return it->second[must_leave - 1] + policy_.window_ms - now_ms;
}

ThrottleVerdict LoginThrottle::Check(std::string_view username, std::string_view address,
                                     std::int64_t now_ms) {
  const std::int64_t by_name = Wait(by_username_, username, policy_.per_username, now_ms);
  const std::int64_t by_address = Wait(by_address_, address, policy_.per_address, now_ms);
  if (by_address > 0) return {std::max(by_name, by_address), ThrottledBy::kAddress};
  if (by_name > 0) return {by_name, ThrottledBy::kName};
  return {};
}

void LoginThrottle::RecordFailure(std::string_view username, std::string_view address,
                                  std::int64_t now_ms) {
  for (auto* entry : {&by_username_[std::string(username)], &by_address_[std::string(address)]}) {
    Prune(*entry, now_ms);
    entry->push_back(now_ms);
  }
  if (++since_sweep_ >= policy_.sweep_every) {
    since_sweep_ = 0;
    Sweep(by_username_, now_ms);
    Sweep(by_address_, now_ms);
  }
}

void LoginThrottle::RecordSuccess(std::string_view username) {
  by_username_.erase(std::string(username));
}

void LoginThrottle::Sweep(Failures& map, std::int64_t now_ms) {
  for (auto it = map.begin(); it != map.end();) {
    Prune(it->second, now_ms);
    it = it->second.empty() ? map.erase(it) : std::next(it);
  }
}

}  // namespace zj::accounts
