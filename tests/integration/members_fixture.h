// A fixture for the member registry's use cases: the demo tree with a grassroots union in the
// first district's first street (union A) and one in the second district (union B), staff of
// each district, and valid ID numbers made on the spot.
#pragma once

#include <string>

#include "core/members/national_id.h"
#include "scoped_actors.h"
#include "store/coverage.h"
#include "store/orgs.h"

namespace zj::test {

//! A valid 18-character ID number: region6, birth date YYYYMMDD, sequence (odd: male).
inline std::string MakeIdNumber(const std::string& region6, const std::string& birth8,
                                int sequence) {
  std::string seq = std::to_string(sequence);
  while (seq.size() < 3) seq.insert(seq.begin(), '0');
  const std::string body = region6 + birth8 + seq;
  return body + members::IdCheckCharacter(body);
}

class MembersTest : public ScopedActorsTest {
 protected:
  void SetUp() override {
    ScopedActorsTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = MakeUser("root-admin", "admin", std::nullopt);
    staff_a_ = MakeUser("staff-a", "staff", district_a_);
    staff_b_ = MakeUser("staff-b", "staff", district_b_);
    staff_root_ = MakeUser("staff-root", "staff", root_);
    union_a_ = MakeUnion("GU-A", "甲公司工会", street_a_.id);
    union_b_ = MakeUnion("GU-B", "乙公司工会", district_b_.id);
  }

  OrgRef MakeUnion(const std::string& code, const std::string& name, std::int64_t parent) {
    app::NewOrg u{code, name, "grassroots", parent, std::nullopt, {}, {}, {}};
    auto created = app_->orgs().Create(admin_, u);
    EXPECT_TRUE(created.has_value()) << Describe(created.error());
    if (!created) return {};
    return OrgRef{created->org.id, created->org.path, created->org.name};
  }

  app::NewMember Person(const OrgRef& in, const std::string& name, int sequence) {
    app::NewMember m;
    m.union_id = in.id;
    m.name = name;
    m.id_number = MakeIdNumber("110101", "19900307", sequence);
    return m;
  }

  //! Creates a member as `actor`, failing the test when that fails.
  app::MemberView Create(const app::Actor& actor, const app::NewMember& m) {
    auto created = app_->members().Create(actor, m);
    EXPECT_TRUE(created.has_value()) << Describe(created.error());
    return created ? *created : app::MemberView{};
  }

  std::int64_t MembersRollup(std::int64_t org_id) {
    auto lease = db_->Acquire();
    if (!lease) return -1;
    auto rollup = store::RollupOf(**lease, org_id);
    return rollup ? rollup->figures.members : -1;
  }

  app::Actor admin_, staff_a_, staff_b_, staff_root_;
  OrgRef union_a_, union_b_;
};

}  // namespace zj::test
