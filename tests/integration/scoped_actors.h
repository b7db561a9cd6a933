// A fixture for org-scoped use cases: the demo tree loaded, and users made on the spot in the
// root federation, two districts and a street of the first district, as app::Actor values.
#pragma once

#include "app_fixture.h"

namespace zj::test {

struct OrgRef {
  std::int64_t id = 0;
  std::string path;
  std::string name;
};

class ScopedActorsTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo("Scoped-Pass-2026");
    static constexpr store::Sql kRoot{
        "test.orgs.root", "SELECT id, path, name FROM orgs WHERE parent_id IS NULL ORDER BY code"};
    static constexpr store::Sql kDistricts{
        "test.orgs.districts",
        "SELECT id, path, name FROM orgs WHERE kind = 'district' ORDER BY code LIMIT 2"};
    static constexpr store::Sql kStreet{
        "test.orgs.street",
        "SELECT id, path, name FROM orgs WHERE parent_id = $1 ORDER BY code LIMIT 1"};
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto one = [](const store::Row& r) { return OrgRef{r.Int(0), r.Text(1), r.Text(2)}; };
    auto roots = (**lease).Query(kRoot, {});
    ASSERT_OK(roots);
    ASSERT_FALSE(roots->empty());
    root_ = one(roots->front());
    auto districts = (**lease).Query(kDistricts, {});
    ASSERT_OK(districts);
    ASSERT_EQ(districts->size(), 2u);
    district_a_ = one(districts->at(0));
    district_b_ = one(districts->at(1));
    auto streets = (**lease).Query(kStreet, Params(district_a_.id));
    ASSERT_OK(streets);
    ASSERT_FALSE(streets->empty());
    street_a_ = one(streets->front());
  }

  //! Inserts a user (no usable password) and returns them as the acting user.
  app::Actor MakeUser(const std::string& username, const std::string& role,
                      const std::optional<OrgRef>& org) {
    static constexpr store::Sql kInsert{
        "test.users.insert",
        "INSERT INTO users (id, username, display_name, password_hash, role, org_id, status,"
        " created_at) VALUES ($1, $2, $3, 'x', $4, $5, 'active', $6)"};
    const std::int64_t id = app::NewId(clock_, random_);
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    const std::vector<store::Value> p{id,
                                      username,
                                      username + " (display)",
                                      role,
                                      org ? store::Value(org->id) : store::Value(),
                                      clock_.NowMs()};
    auto inserted = (**lease).Execute(kInsert, p);
    EXPECT_TRUE(inserted.has_value()) << Describe(inserted.error());
    app::Actor actor;
    actor.user_id = id;
    actor.username = username;
    actor.display_name = username + " (display)";
    actor.role = role;
    if (org) {
      actor.org_id = org->id;
      actor.org_name = org->name;
      actor.org_path = org->path;
    }
    return actor;
  }

  OrgRef root_, district_a_, district_b_, street_a_;
};

}  // namespace zj::test
