#include "app/requests/category_names.h"

namespace zj::app {

Result<CategoryNames::Names> CategoryNames::Of(store::Connection& conn, const std::string& code,
                                               std::int64_t now) {
  {
    const std::lock_guard lock(mutex_);
    if (read_ && now >= read_at_ && now - read_at_ < ttl_ms_) {
      const auto it = names_.find(code);
      if (it != names_.end()) return it->second;
      return Names{code, code};
    }
  }
  // Read outside the lock: two threads may both read, the later one's copy stays.
  ZJ_ASSIGN_OR_RETURN(auto all, store::ListCategories(conn));
  std::unordered_map<std::string, Names> fresh;
  for (auto& c : all) fresh.emplace(c.code, Names{std::move(c.name_zh), std::move(c.name_en)});
  const auto it = fresh.find(code);
  Names found = it != fresh.end() ? it->second : Names{code, code};
  const std::lock_guard lock(mutex_);
  names_ = std::move(fresh);
  read_at_ = now;
  read_ = ttl_ms_ > 0;
  return found;
}

void CategoryNames::Clear() {
  const std::lock_guard lock(mutex_);
  names_.clear();
  read_ = false;
}

}  // namespace zj::app
