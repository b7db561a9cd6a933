// 有效覆盖 in tests: whether a member holds a served mark (member_served_marks) now.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>

#include "store/database.h"
#include "store/served_marks.h"

namespace zj::test {

inline bool IsServed(store::Database& db, std::int64_t member_id) {
  auto lease = db.Acquire();
  EXPECT_TRUE(lease.has_value());
  if (!lease) return false;
  auto mark = store::FindServedMark(**lease, member_id);
  EXPECT_TRUE(mark.has_value());
  return mark && mark->has_value();
}

}  // namespace zj::test
