#include "app/requests/category_names.h"

namespace zj::app {

namespace {

//! An unknown code is named by its code.
CategoryNames::Names Lookup(const std::unordered_map<std::string, CategoryNames::Names>& names,
                            const std::string& code) {
  const auto it = names.find(code);
  return it != names.end() ? it->second : CategoryNames::Names{code, code};
}

}  // namespace

Result<CategoryNames::Names> CategoryNames::Of(store::Connection& conn, const std::string& code,
                                               std::int64_t now) {
  {
    const std::lock_guard lock(mutex_);
    if (read_ && now >= read_at_ && now - read_at_ < ttl_ms_) return Lookup(names_, code);
  }
  // Read outside the lock: two threads may both read, the later one's copy stays.
  ZJ_ASSIGN_OR_RETURN(auto all, store::ListCategories(conn));
  std::unordered_map<std::string, Names> fresh;
  for (auto& c : all) fresh.emplace(c.code, Names{std::move(c.name_zh), std::move(c.name_en)});
  Names found = Lookup(fresh, code);
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
