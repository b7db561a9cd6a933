// Look-ups of a person by ID number beyond the actor's subtree, on both stores: a transfer
// request by the receiving union still learns the current union (接转 needs it), but such
// look-ups are limited per actor and window and audited; recording a member whose ID is active
// beyond the subtree is refused without naming where; a request's intake may link only a member
// of the actor's subtree, and one beyond it is not found, exactly like one that does not exist.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/requests/request_service.h"
#include "members_fixture.h"
#include "store/audit.h"

namespace zj::test {
namespace {

constexpr std::int64_t kHourMs = 3600LL * 1000;

class IdLookupsTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    app::NewMember in = Person(union_a_, "张晓林", 13);
    id_number_ = in.id_number;
    member_ = Create(staff_a_, in);
  }

  std::vector<store::AuditRow> Lookups() {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    store::AuditQuery q;
    q.path_low = "";
    q.path_high = "~";
    q.include_system = true;
    q.action = "member.id_lookup";
    q.limit = 200;
    auto rows = store::SearchAudit(**lease, q);
    EXPECT_TRUE(rows.has_value());
    return *rows;
  }

  static std::string Arg(const Error& e, const std::string& name) {
    for (const auto& [k, v] : e.args) {
      if (k == name) return v;
    }
    return {};
  }

  std::string id_number_;
  app::MemberView member_;
};

TEST_P(IdLookupsTest, TheReceivingUnionLearnsTheCurrentUnionAndEachLookUpIsAudited) {
  auto t = app_->transfers().RequestByReceiver(staff_b_, id_number_, union_b_.id, "新入职");
  ASSERT_OK(t);
  EXPECT_EQ(t->row.from_union_id, union_a_.id);
  ExpectError(app_->transfers().RequestByReceiver(staff_b_, MakeIdNumber("110101", "19851212", 21),
                                                  union_b_.id, "新入职"),
              ErrorCode::kNotFound, "error.transfers.no_active_member");
  const auto entries = Lookups();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].actor_username, "staff-b");
  EXPECT_EQ(entries[0].detail, R"({"found":"false","purpose":"transfer"})");
  EXPECT_EQ(entries[1].target_id, std::to_string(member_.row.id));
  EXPECT_EQ(entries[1].detail, R"({"found":"true","purpose":"transfer"})");
  for (const auto& e : entries) {
    EXPECT_EQ(e.detail.find(id_number_.substr(14)), std::string::npos);  // never the number
  }
}

TEST_P(IdLookupsTest, LookUpsArePerActorAndWindowAndRefusedBeforeAnythingIsLookedUp) {
  const int limit = app::IdLookupPolicy().per_username;
  for (int i = 0; i < limit; ++i) {
    ExpectError(app_->transfers().RequestByReceiver(
                    staff_b_, MakeIdNumber("110101", "19851212", 100 + i), union_b_.id, "新入职"),
                ErrorCode::kNotFound, "error.transfers.no_active_member");
  }
  // Past the limit, a hit and a miss get the same answer.
  for (const std::string& id : {id_number_, MakeIdNumber("110101", "19851212", 99)}) {
    auto refused = app_->transfers().RequestByReceiver(staff_b_, id, union_b_.id, "新入职");
    ExpectError(refused, ErrorCode::kResourceExhausted, "error.members.lookups");
    ASSERT_FALSE(refused.has_value());
    EXPECT_FALSE(Arg(refused.error(), "retry_after").empty());
  }
  EXPECT_EQ(static_cast<int>(Lookups().size()), limit);  // refusals are not logged one by one
  // Recording a member needs the ID looked up too: refused for this actor alike.
  ExpectError(app_->members().Create(staff_b_, Person(union_b_, "李四", 31)),
              ErrorCode::kResourceExhausted, "error.members.lookups");
  // Another actor is not held back, nor an administrator, who sees the registry anyway.
  const auto other = MakeUser("staff-b2", "staff", district_b_);
  ASSERT_OK(app_->transfers().RequestByReceiver(other, id_number_, union_b_.id, "新入职"));
  // An hour later the first may look up again.
  clock_.Advance(kHourMs);
  ExpectError(app_->transfers().RequestByReceiver(staff_b_, id_number_, union_b_.id, "新入职"),
              ErrorCode::kAlreadyExists, "error.transfers.pending");
}

TEST_P(IdLookupsTest, RecordingAPersonActiveBeyondTheSubtreeNamesNothing) {
  auto again = app_->members().Create(staff_b_, Person(union_b_, "张晓林", 13));
  ExpectError(again, ErrorCode::kAlreadyExists, "error.members.active_other_union");
  ASSERT_FALSE(again.has_value());
  for (const auto& [name, value] : again.error().args) {
    EXPECT_NE(value, "甲公司工会") << name;
    EXPECT_NE(value, std::to_string(union_a_.id)) << name;
  }
  EXPECT_EQ(again.error().detail.find("甲公司"), std::string::npos);
  ASSERT_EQ(again.error().fields.size(), 1u);
  EXPECT_EQ(again.error().fields[0].field, "id_number");
  EXPECT_TRUE(again.error().fields[0].args.empty());
  const auto entries = Lookups();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].target_id, std::to_string(member_.row.id));
  EXPECT_EQ(entries[0].detail, R"({"found":"true","purpose":"member.create"})");

  // Staff above both unions see the member anyway: the conflict names the union.
  auto above = app_->members().Create(staff_root_, Person(union_b_, "张晓林", 13));
  ExpectError(above, ErrorCode::kAlreadyExists, "error.members.active_elsewhere");
  ASSERT_FALSE(above.has_value());
  EXPECT_THAT(above.error().args, ::testing::Contains(std::pair<std::string, std::string>(
                                      "member_union.id", std::to_string(union_a_.id))));
  EXPECT_EQ(Lookups().size(), 1u);  // nothing beyond their subtree was looked at
}

TEST_P(IdLookupsTest, AnIntakeMayLinkOnlyAMemberOfTheActorsSubtree) {
  app::NewRequest r;
  r.channel = "hotline";
  r.category = "rights.wage_arrears";
  r.title = "三个月工资未发";
  r.description = "车间 12 人未发工资";
  r.contact_name = "王师傅";
  r.contact_phone = "13912345678";
  r.region_code = "110101001";
  r.member_id = member_.row.id;  // a member of union A, in district A
  auto beyond = app_->requests().Submit(staff_b_, r);
  ExpectError(beyond, ErrorCode::kNotFound, "error.not_found");
  r.member_id = member_.row.id + 1;  // no such member
  auto missing = app_->requests().Submit(staff_b_, r);
  ExpectError(missing, ErrorCode::kNotFound, "error.not_found");
  ASSERT_FALSE(beyond.has_value());
  ASSERT_FALSE(missing.has_value());
  // Not a member and not yours: the same answer, field for field.
  EXPECT_EQ(beyond.error().fields.size(), missing.error().fields.size());
  EXPECT_EQ(beyond.error().fields[0].field, missing.error().fields[0].field);
  EXPECT_EQ(beyond.error().fields[0].message_key, missing.error().fields[0].message_key);
  EXPECT_EQ(beyond.error().args, missing.error().args);

  r.member_id = member_.row.id;
  auto linked = app_->requests().Submit(staff_a_, r);
  ASSERT_OK(linked);
  EXPECT_EQ(linked->row.member_id, member_.row.id);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(IdLookupsTest);

}  // namespace
}  // namespace zj::test
