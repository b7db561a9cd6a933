// A test shortcut for modules that act on active hardship files (aid): moves a just-opened
// file's workflow straight to "active" in the store. The workflow's own steps, and who may
// take them, are tested in hardship_flow_test.cpp; here only the stage matters.
#pragma once

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/hardship_flow.h"

namespace zj::test {

inline void ActivateHardshipFile(store::Database& db, std::int64_t file_id) {
  auto lease = db.Acquire();
  ASSERT_TRUE(lease.has_value());
  auto flow = store::FindHardshipFlow(**lease, file_id);
  ASSERT_TRUE(flow.has_value() && flow->has_value());
  store::HardshipFlowRow active = **flow;
  active.stage = "active";
  active.review_due_on = "2027-11-25";
  auto moved = store::UpdateHardshipFlow(**lease, active, (*flow)->stage);
  ASSERT_TRUE(moved.has_value() && *moved);
}

}  // namespace zj::test
