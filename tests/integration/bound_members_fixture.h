// Members with a worker account bound straight to them (no sign-in code, no binding review), for
// the tests of what a worker does from My account: activities, check-in, training.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "app/accounts/actor.h"
#include "members_fixture.h"
#include "store/worker_accounts.h"

namespace zj::test {

class BoundMembersTest : public MembersTest {
 protected:
  //! A member of `in` with a worker account bound to it; the worker's Actor.
  app::Actor Worker(const OrgRef& in, const std::string& name, int sequence) {
    const auto member =
        Create(in.id == union_b_.id ? staff_b_ : staff_a_, Person(in, name, sequence));
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    store::WorkerAccountRow w;
    w.id = app::NewId(clock_, random_);
    w.phone_cipher = {1, 2, 3};
    w.phone_index = "test-phone-" + std::to_string(w.id);
    w.phone_last4 = "0000";
    w.member_id = member.row.id;
    w.federation_id = member.row.federation_id;
    w.bound_at = clock_.NowMs();
    w.created_at = clock_.NowMs();
    EXPECT_TRUE(store::InsertWorkerAccount(**lease, w).has_value());
    app::Actor a;
    a.role = "worker";
    a.username = "worker-" + std::to_string(sequence);
    a.worker_id = w.id;
    a.member_id = member.row.id;
    return a;
  }
};

}  // namespace zj::test
