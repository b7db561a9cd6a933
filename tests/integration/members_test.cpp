// The member registry's use cases on both stores: recording a member (fields validated, gender
// and birth date from the ID, a card number issued, coverage counted), reading and searching
// (each kind of q), the scope (another district's member does not exist), reveals audited with
// their reason, changes recorded as events, and a person active in one union only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/personal_data/key_rotation.h"
#include "core/members/member_fields.h"
#include "members_fixture.h"

namespace zj::test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::vector<std::string> Names(const app::MemberPage& page) {
  std::vector<std::string> out;
  for (const auto& m : page.items) out.push_back(m.row.name);
  return out;
}

std::vector<std::string> FieldKeys(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field + ":" + f.message_key);
  return out;
}

class MembersServiceTest : public MembersTest {
 protected:
  app::MemberPage Search(const app::Actor& actor, const std::string& q) {
    app::MemberFilter f;
    f.q = q;
    auto page = app_->members().List(actor, f);
    EXPECT_TRUE(page.has_value()) << Describe(page.error());
    return page ? *page : app::MemberPage{};
  }
};

TEST_P(MembersServiceTest, CreateTakesGenderAndBirthFromTheIdAndIssuesACard) {
  app::NewMember in = Person(union_a_, " 张晓林 ", 13);
  in.phone = "13812345678";
  in.ethnicity = "汉";
  in.join_date = "2015年7月25日";
  in.employer_name = "甲公司";
  const app::MemberView m = Create(staff_a_, in);
  EXPECT_EQ(m.row.name, "张晓林");
  EXPECT_EQ(m.row.gender, "male");
  EXPECT_EQ(m.row.birth_date, "1990-03-07");
  EXPECT_EQ(m.row.ethnicity, "汉族");
  EXPECT_EQ(m.row.join_date, "2015-07-25");
  EXPECT_EQ(m.row.name_initials, "zxl");
  EXPECT_EQ(m.id_masked, "110101********" + in.id_number.substr(14));
  EXPECT_EQ(m.phone_masked, "138****5678");
  EXPECT_EQ(m.row.union_name, "甲公司工会");
  EXPECT_EQ(m.row.employer_display, "甲公司");
  EXPECT_TRUE(members::IsValidCardNumber(m.row.card_number)) << m.row.card_number;
  EXPECT_EQ(m.row.status, "active");

  // Counted on every org of the union's path.
  EXPECT_EQ(MembersRollup(union_a_.id), 1);
  EXPECT_EQ(MembersRollup(street_a_.id), 1);
  EXPECT_EQ(MembersRollup(district_a_.id), 1);
  EXPECT_EQ(MembersRollup(root_.id), 1);
  EXPECT_EQ(MembersRollup(district_b_.id), 0);

  auto detail = app_->members().Get(staff_a_, m.row.id);
  ASSERT_OK(detail);
  ASSERT_EQ(detail->events.size(), 1u);
  EXPECT_EQ(detail->events[0].event, "created");
  EXPECT_EQ(detail->events[0].actor_name, "staff-a (display)");
}

TEST_P(MembersServiceTest, CreateReportsEachBadFieldOnItsField) {
  app::NewMember in = Person(union_a_, "王五", 13);
  in.id_number.back() = in.id_number.back() == '0' ? '1' : '0';
  in.phone = "2381234567";
  in.ethnicity = "火星族";
  in.join_date = "2015-02-30";
  auto bad = app_->members().Create(staff_a_, in);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(FieldKeys(bad.error()),
              UnorderedElementsAre("id_number:error.id_number.check", "phone:error.phone.invalid",
                                   "ethnicity:error.ethnicity.invalid",
                                   "join_date:error.members.join_date"));

  app::NewMember mismatch = Person(union_a_, "王五", 13);  // odd sequence: male
  mismatch.gender = "女";
  auto wrong = app_->members().Create(staff_a_, mismatch);
  ASSERT_FALSE(wrong.has_value());
  EXPECT_THAT(FieldKeys(wrong.error()), ElementsAre("gender:error.members.gender_mismatch"));

  app::NewMember street = Person(street_a_, "王五", 13);
  auto not_union = app_->members().Create(staff_a_, street);
  ASSERT_FALSE(not_union.has_value());
  EXPECT_THAT(FieldKeys(not_union.error()), ElementsAre("union_id:error.members.not_grassroots"));
  EXPECT_EQ(MembersRollup(root_.id), 0);
}

TEST_P(MembersServiceTest, APersonActiveInOneUnionIsAConflictNamingItOnlyWithinTheSubtree) {
  Create(staff_a_, Person(union_a_, "张晓林", 13));
  // Beyond B's subtree: refused, and where the person is stays unsaid (id_lookups_test.cpp).
  auto again = app_->members().Create(staff_b_, Person(union_b_, "张晓林", 13));
  ExpectError(again, ErrorCode::kAlreadyExists, "error.members.active_other_union");
  for (const auto& [name, value] : again.error().args) EXPECT_NE(value, "甲公司工会") << name;
  EXPECT_EQ(MembersRollup(union_b_.id), 0);
  // Within the subtree of staff above both: the union is named.
  auto above = app_->members().Create(staff_root_, Person(union_b_, "张晓林", 13));
  ExpectError(above, ErrorCode::kAlreadyExists, "error.members.active_elsewhere");
  EXPECT_THAT(above.error().args, ::testing::Contains(std::pair<std::string, std::string>(
                                      "member_union.name", "甲公司工会")));
}

TEST_P(MembersServiceTest, SearchFindsByEachKindOfQuery) {
  app::NewMember zxl = Person(union_a_, "张晓林", 13);
  zxl.phone = "13812345678";
  const app::MemberView a = Create(staff_a_, zxl);
  const app::MemberView b = Create(staff_a_, Person(union_a_, "张三", 25));
  Create(staff_a_, Person(union_a_, "李四", 37));

  EXPECT_THAT(Names(Search(staff_a_, "zxl")), ElementsAre("张晓林"));
  EXPECT_THAT(Names(Search(staff_a_, "ZhangX")), ElementsAre("张晓林"));
  EXPECT_THAT(Names(Search(staff_a_, "zhang")), UnorderedElementsAre("张晓林", "张三"));
  EXPECT_THAT(Names(Search(staff_a_, "张")), ElementsAre("张三", "张晓林"));  // by name
  EXPECT_THAT(Names(Search(staff_a_, "李")), ElementsAre("李四"));
  EXPECT_THAT(Names(Search(staff_a_, zxl.id_number.substr(14))), ElementsAre("张晓林"));
  EXPECT_THAT(Names(Search(staff_a_, "5678")), ElementsAre("张晓林"));  // phone's last 4
  EXPECT_THAT(Names(Search(staff_a_, zxl.id_number)), ElementsAre("张晓林"));
  EXPECT_THAT(Names(Search(staff_a_, "13812345678")), ElementsAre("张晓林"));
  EXPECT_THAT(Names(Search(staff_a_, b.row.card_number)), ElementsAre("张三"));
  EXPECT_THAT(Names(Search(staff_a_, "王")), ElementsAre());

  // The plain list pages by id.
  app::MemberFilter f;
  f.limit = 2;
  auto first = app_->members().List(staff_a_, f);
  ASSERT_OK(first);
  ASSERT_EQ(first->items.size(), 2u);
  ASSERT_TRUE(first->next_cursor.has_value());
  f.after_id = *first->next_cursor;
  auto second = app_->members().List(staff_a_, f);
  ASSERT_OK(second);
  EXPECT_THAT(Names(*second), ElementsAre("李四"));
  EXPECT_FALSE(second->next_cursor.has_value());
  EXPECT_EQ(first->items[0].row.id, a.row.id);
}

TEST_P(MembersServiceTest, AnotherDistrictsMemberDoesNotExist) {
  app::NewMember in = Person(union_a_, "张晓林", 13);
  in.phone = "13812345678";
  const app::MemberView m = Create(staff_a_, in);
  ExpectError(app_->members().Get(staff_b_, m.row.id), ErrorCode::kNotFound, "error.not_found");
  EXPECT_TRUE(Search(staff_b_, "").items.empty());
  EXPECT_TRUE(Search(staff_b_, "zxl").items.empty());
  EXPECT_TRUE(Search(staff_b_, in.id_number).items.empty());
  EXPECT_TRUE(Search(staff_b_, m.row.card_number).items.empty());
  ExpectError(
      app_->members().Reveal(staff_b_, m.row.id, app::RevealField::kIdNumber, "来电核实身份"),
      ErrorCode::kNotFound, "error.not_found");
  app::MemberPatch patch;
  patch.status = "left";
  ExpectError(app_->members().Update(staff_b_, m.row.id, patch), ErrorCode::kNotFound,
              "error.not_found");
  auto transfer =
      app_->transfers().RequestFromSender(staff_b_, m.row.id, union_b_.id, "调入本单位");
  ExpectError(transfer, ErrorCode::kNotFound, "error.not_found");
  // Workers read nothing.
  const app::Actor worker = MakeUser("worker-1", "worker", street_a_);
  ExpectError(app_->members().Get(worker, m.row.id), ErrorCode::kPermissionDenied,
              "error.members.forbidden");
}

TEST_P(MembersServiceTest, RevealNeedsAReasonAndIsAuditedFirst) {
  app::NewMember in = Person(union_a_, "张晓林", 13);
  in.phone = "13812345678";
  const app::MemberView m = Create(staff_a_, in);
  auto no_reason = app_->members().Reveal(staff_a_, m.row.id, app::RevealField::kIdNumber, " ");
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_THAT(FieldKeys(no_reason.error()), ElementsAre("reason:error.personal_data.reason"));

  const app::Actor operator_a = MakeUser("hotline", "operator", district_a_);
  auto id = app_->members().Reveal(operator_a, m.row.id, app::RevealField::kIdNumber, "来电核实");
  ASSERT_OK(id);
  EXPECT_EQ(*id, in.id_number);
  auto phone = app_->members().Reveal(staff_a_, m.row.id, app::RevealField::kPhone, "回访联系");
  ASSERT_OK(phone);
  EXPECT_EQ(*phone, "13812345678");

  app::AuditFilter filter;
  filter.action = "personal_data.reveal";
  auto entries = app_->audit().Search(staff_root_, filter);
  ASSERT_OK(entries);
  ASSERT_EQ(entries->entries.size(), 2u);
  EXPECT_EQ(entries->entries[1].actor_username, "hotline");
  EXPECT_EQ(entries->entries[1].target_id, std::to_string(m.row.id));
  EXPECT_THAT(entries->entries[1].detail, ::testing::HasSubstr("来电核实"));
  EXPECT_THAT(entries->entries[1].detail, ::testing::Not(::testing::HasSubstr(in.id_number)));
}

TEST_P(MembersServiceTest, UpdatesAreRecordedWithoutThePhoneAndAStatusChangeLeavesTheCount) {
  app::NewMember in = Person(union_a_, "张晓林", 13);
  in.phone = "13812345678";
  const app::MemberView m = Create(staff_a_, in);
  app::MemberPatch patch;
  patch.phone = "13987654321";
  patch.ethnicity = "回族";
  patch.model_worker = true;
  auto updated = app_->members().Update(staff_a_, m.row.id, patch);
  ASSERT_OK(updated);
  EXPECT_EQ(updated->phone_masked, "139****4321");
  EXPECT_EQ(updated->row.ethnicity, "回族");
  EXPECT_TRUE(updated->row.model_worker);
  EXPECT_THAT(Names(Search(staff_a_, "13987654321")), ElementsAre("张晓林"));
  EXPECT_TRUE(Search(staff_a_, "13812345678").items.empty());

  app::MemberPatch bad;
  bad.status = "active";
  auto refused = app_->members().Update(staff_a_, m.row.id, bad);
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(FieldKeys(refused.error()), ElementsAre("status:error.members.status"));

  app::MemberPatch retire;
  retire.status = "retired";
  retire.status_changed_on = "2026-10-01";
  auto retired = app_->members().Update(staff_a_, m.row.id, retire);
  ASSERT_OK(retired);
  EXPECT_EQ(retired->row.status, "retired");
  EXPECT_EQ(retired->row.status_changed_on, "2026-10-01");
  EXPECT_EQ(MembersRollup(union_a_.id), 0);
  EXPECT_EQ(MembersRollup(root_.id), 0);

  auto detail = app_->members().Get(staff_a_, m.row.id);
  ASSERT_OK(detail);
  std::vector<std::string> events;
  for (const auto& e : detail->events) {
    events.push_back(e.event);
    EXPECT_THAT(e.detail, ::testing::Not(::testing::HasSubstr("13987654321")));
    EXPECT_THAT(e.detail, ::testing::Not(::testing::HasSubstr("4321")));
  }
  EXPECT_THAT(events, ElementsAre("created", "updated", "status"));

  // The person may join again (a new row) once the old one is no longer active.
  Create(staff_b_, Person(union_b_, "张晓林", 13));
  EXPECT_EQ(MembersRollup(root_.id), 1);
}

TEST_P(MembersServiceTest, CoverageVerifyRecountsMembersAndFollowsAMovedUnion) {
  Create(staff_a_, Person(union_a_, "张晓林", 13));
  Create(staff_a_, Person(union_a_, "张三", 25));
  auto report = app_->coverage().Verify();
  ASSERT_OK(report);
  EXPECT_TRUE(report->differences.empty());

  // Union A moves to district B: its members and their count go with it.
  ASSERT_OK(app_->orgs().Move(admin_, union_a_.id, district_b_.id));
  EXPECT_EQ(MembersRollup(district_a_.id), 0);
  EXPECT_EQ(MembersRollup(district_b_.id), 2);
  EXPECT_EQ(Search(staff_b_, "zhang").items.size(), 2u);
  EXPECT_TRUE(Search(staff_a_, "zhang").items.empty());
  auto after = app_->coverage().Verify();
  ASSERT_OK(after);
  EXPECT_TRUE(after->differences.empty());

  // A rollup that disagrees with the members is reported.
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    coverage::Figures wrong;
    wrong.members = 5;
    ASSERT_OK(store::AddToTotals(**lease, {root_.id}, wrong));
  }
  auto broken = app_->coverage().Verify();
  ASSERT_OK(broken);
  ASSERT_EQ(broken->differences.size(), 1u);
  EXPECT_EQ(broken->differences[0].figure, "members");
}

TEST_P(MembersServiceTest, KeyRotationResealsMembersSoTheNewKeyAloneReadsAndFindsThem) {
  app::NewMember in = Person(union_a_, "张晓林", 13);
  in.phone = "13812345678";
  const app::MemberView m = Create(staff_a_, in);
  app::MemoryKeyStore keys(TestKeyRing());
  app::KeyRotation rotation(*db_, app_->vault(), keys, app_->audit());
  auto report = rotation.Run(app::RotationOptions{});
  ASSERT_OK(report);
  EXPECT_TRUE(report->complete);
  EXPECT_EQ(report->rows, 2);  // the member, and the demo worker's account phone

  app::AppConfig config;
  config.password_cost = app::PasswordCost::Minimum();
  config.keys = keys.ring();
  app::Application fresh(*db_, clock_, random_, config);
  auto id = fresh.members().Reveal(staff_a_, m.row.id, app::RevealField::kIdNumber, "轮换后核对");
  ASSERT_OK(id);
  EXPECT_EQ(*id, in.id_number);
  app::MemberFilter f;
  f.q = in.id_number;
  auto found = fresh.members().List(staff_a_, f);
  ASSERT_OK(found);
  ASSERT_EQ(found->items.size(), 1u);
  EXPECT_EQ(found->items[0].phone_masked, "138****5678");
  f.q = "13812345678";
  auto by_phone = fresh.members().List(staff_a_, f);
  ASSERT_OK(by_phone);
  EXPECT_EQ(by_phone->items.size(), 1u);
  // And the person is still active once only.
  ExpectError(fresh.members().Create(staff_b_, Person(union_b_, "张晓林", 13)),
              ErrorCode::kAlreadyExists, "error.members.active_other_union");
}

}  // namespace

ZJ_INSTANTIATE_ON_BOTH_STORES(MembersServiceTest);

}  // namespace zj::test
