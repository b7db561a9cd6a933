// Honour rounds and nominations on both stores (issue 21 slice 5): a round of a district with
// composition rules (women ≥ 30 %, frontline ≥ 50 %) and a quota; two streets' cadres nominate
// from the registry and from a published competition's results; the live table changes on every
// add and remove; a street's list breaking a rule is forwarded only with a reason (flagged), the
// other's without one; the district sees the roll-up, awards (the member's record gets an honour
// event) and refuses; another district sees none of it.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/competitions/competition_service.h"
#include "app/competitions/honour_service.h"
#include "core/enterprises/uscc.h"
#include "members_fixture.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::test {
namespace {

namespace cp = competitions;

const cp::RuleOutcome& Rule(const cp::Composition& c, const std::string& category) {
  static const cp::RuleOutcome none;
  for (const auto& r : c.rules) {
    if (r.rule.category == category) return r;
  }
  ADD_FAILURE() << "no rule for " << category;
  return none;
}

std::vector<std::string> Names(const app::HonourList& l) {
  std::vector<std::string> out;
  for (const auto& n : l.items) out.push_back(n.row.nominee_name);
  std::sort(out.begin(), out.end());
  return out;
}

class HonoursTest : public MembersTest {
 protected:
  void SetUp() override {
    MembersTest::SetUp();
    if (HasFatalFailure()) return;
    honours_.emplace(*db_, clock_, random_, app_->audit());
    static constexpr store::Sql kStreets{
        "test.honours.streets",
        "SELECT id, path, name, region_code FROM orgs WHERE parent_id = $1 ORDER BY code LIMIT 2"};
    std::string street2_code;
    {
      auto lease = db_->Acquire();
      ASSERT_OK(lease);
      auto rows = (**lease).Query(kStreets, Params(district_a_.id));
      ASSERT_OK(rows);
      ASSERT_EQ(rows->size(), 2u);
      ASSERT_EQ(rows->at(0).Int(0), street_a_.id);
      street2_ = OrgRef{rows->at(1).Int(0), rows->at(1).Text(1), rows->at(1).Text(2)};
      street2_code = rows->at(1).Text(3);
    }
    union_c_ = MakeUnion("GU-C", "丙公司工会", street2_.id);
    private_ent_ = AddEnterprise(street2_code, union_c_.id);
    cadre_1_ = MakeUser("cadre-s1", "cadre", street_a_);
    cadre_2_ = MakeUser("cadre-s2", "cadre", street2_);
    judge_ = MakeUser("judge-h", "cadre", district_a_);
    auto m1 = Person(union_a_, "赵一", 11);  // odd: a man
    m1.migrant_worker = true;
    m1_ = Create(staff_a_, m1).row.id;
    m2_ = Create(staff_a_, Person(union_a_, "钱二", 12)).row.id;  // even: a woman
    m3_ = Create(staff_a_, Person(union_a_, "孙三", 13)).row.id;
    m4_ = Create(staff_a_, Person(union_c_, "李四", 14)).row.id;
    auto m5 = Person(union_c_, "周五", 15);
    m5.employer_id = private_ent_;
    m5_ = Create(staff_a_, m5).row.id;
    mb_ = Create(staff_b_, Person(union_b_, "吴六", 16)).row.id;
  }

  std::int64_t AddEnterprise(const std::string& street, std::int64_t union_id) {
    const std::string first17 = "91110101000000209";
    app::NewEnterprise e{"民营参赛企业", first17 + *enterprises::UsccCheckCharacter(first17),
                         street,         "E",
                         "private",      300,
                         "2026-06-30",   union_id};
    auto created = app_->enterprises().Create(app::SystemActor(), e);
    EXPECT_TRUE(created.has_value()) << (created ? "" : Describe(created.error()));
    return created ? created->row.id : 0;
  }

  app::NewHonourRound Round() {
    app::NewHonourRound r;
    r.org_id = district_a_.id;
    r.title = "2026年五一劳动奖章评选";
    r.year = 2026;
    r.rules_text = "category,bound,percent\nwoman,>=,30\nfrontline,>=,50%\n";
    r.opens_on = "2026-11-01";
    r.closes_on = "2026-12-31";
    r.quotas = {{street_a_.id, "", 3}};
    return r;
  }

  app::NewNomination Member(const OrgRef& org, std::int64_t member,
                            std::vector<std::string> ticked = {}) {
    return {org.id, member, std::nullopt, std::move(ticked)};
  }

  //! A published competition of the district with one individual entry, m5's: its entry id.
  std::int64_t PublishedEntryOfM5(bool publish) {
    auto& comps = app_->competitions();
    app::NewCompetition c;
    c.org_id = district_a_.id;
    c.title = "岗位技能竞赛";
    c.groups = {{"workers", "个人组", "individual", {{{"effect", "实际效果", 10000, 100}}}}};
    auto made = comps.Create(staff_a_, c);
    EXPECT_TRUE(made.has_value());
    if (!made) return 0;
    auto entry = comps.Enrol(staff_a_, made->row.id, {"workers", {}, m5_, "", {}});
    EXPECT_TRUE(entry.has_value());
    if (!entry) return 0;
    EXPECT_TRUE(comps.AddJudge(staff_a_, made->row.id, {judge_.user_id, {}, {}, {"workers"}}));
    EXPECT_TRUE(comps.Freeze(staff_a_, made->row.id).has_value());
    EXPECT_TRUE(comps.Score(judge_, entry->row.id, {{"effect", 9000}}).has_value());
    if (publish) {
      EXPECT_TRUE(comps.Publish(staff_a_, made->row.id).has_value());
    }
    return entry->row.id;
  }

  std::int64_t Audits(const std::string& action) {
    static constexpr store::Sql kCount{"test.honours.audits",
                                       "SELECT COUNT(*) FROM audit_log WHERE action = $1"};
    auto lease = db_->Acquire();
    if (!lease) return -1;
    auto rows = (**lease).Query(kCount, Params(action));
    return rows && !rows->empty() ? rows->front().Int(0) : -1;
  }

  std::optional<app::HonourService> honours_;  // made in SetUp, once the app exists
  OrgRef street2_, union_c_;
  app::Actor cadre_1_, cadre_2_, judge_;
  std::int64_t private_ent_ = 0, m1_ = 0, m2_ = 0, m3_ = 0, m4_ = 0, m5_ = 0, mb_ = 0;
};

TEST_P(HonoursTest, TheLiveTableForwardingTheRollUpAndTheAward) {
  auto round = honours_->CreateRound(staff_a_, Round());
  ASSERT_OK(round);
  const std::int64_t id = round->row.id;
  ASSERT_EQ(round->rules.size(), 2u);
  EXPECT_EQ(round->rules[1].percent, 50);

  // Street 1: each add and remove answers the list evaluated again.
  auto l = honours_->Nominate(cadre_1_, id, Member(street_a_, m1_, {"frontline"}));
  ASSERT_OK(l);
  EXPECT_EQ(l->org_id, street_a_.id);
  ASSERT_EQ(l->items.size(), 1u);
  EXPECT_EQ(l->items[0].categories, (std::vector<std::string>{"frontline", "migrant_worker"}));
  EXPECT_FALSE(Rule(l->composition, "woman").pass);
  EXPECT_EQ(Rule(l->composition, "woman").needed, 1);
  EXPECT_TRUE(Rule(l->composition, "frontline").pass);
  EXPECT_FALSE(l->passes);

  l = honours_->Nominate(cadre_1_, id, Member(street_a_, m2_));
  ASSERT_OK(l);
  EXPECT_TRUE(l->composition.pass);
  EXPECT_EQ(Rule(l->composition, "woman").share_bp, 5000);

  l = honours_->Nominate(cadre_1_, id, Member(street_a_, m3_));
  ASSERT_OK(l);
  EXPECT_EQ(l->composition.total, 3);
  EXPECT_EQ(Rule(l->composition, "woman").share_bp, 3333);
  EXPECT_TRUE(Rule(l->composition, "woman").pass);
  EXPECT_FALSE(Rule(l->composition, "frontline").pass);
  EXPECT_EQ(Rule(l->composition, "frontline").needed, 1);  // ⌈50 % of 3⌉ = 2, 1 there
  ASSERT_EQ(l->quotas.size(), 1u);
  EXPECT_EQ(l->quotas[0].count, 3);
  EXPECT_FALSE(l->quotas[0].over);

  ExpectError(honours_->Nominate(cadre_1_, id, Member(street_a_, m1_)), ErrorCode::kAlreadyExists,
              "error.honours.nominated_twice");
  ExpectError(honours_->Nominate(cadre_1_, id, Member(street_a_, m1_, {"woman"})),
              ErrorCode::kInvalidArgument, "error.invalid_input");  // not a tickable category
  // The round's own org nominates nothing; a member outside the street is not found.
  ExpectError(honours_->Nominate(staff_a_, id, Member(district_a_, m1_)),
              ErrorCode::kInvalidArgument, "error.invalid_input");
  ExpectError(honours_->Nominate(cadre_1_, id, Member(street_a_, m4_)), ErrorCode::kNotFound,
              "error.not_found");

  // Taking the woman off breaks the women's rule again.
  const auto m2_nomination = std::find_if(l->items.begin(), l->items.end(), [&](const auto& n) {
                               return n.row.member_id == m2_;
                             })->row.id;
  l = honours_->Remove(cadre_1_, m2_nomination);
  ASSERT_OK(l);
  EXPECT_EQ(Names(*l), (std::vector<std::string>{"孙三", "赵一"}));
  EXPECT_FALSE(Rule(l->composition, "woman").pass);
  EXPECT_TRUE(Rule(l->composition, "frontline").pass);
  EXPECT_TRUE(l->can_forward);

  // Forwarding a list that breaks a rule needs a reason, and is flagged.
  ExpectError(honours_->Forward(cadre_1_, id, std::nullopt, ""), ErrorCode::kInvalidArgument,
              "error.honours.reason_required");
  l = honours_->Forward(cadre_1_, id, std::nullopt, "本街道一线女职工候选人因病退出，特此说明");
  ASSERT_OK(l);
  EXPECT_FALSE(l->can_forward);
  for (const auto& n : l->items) ADD_FAILURE() << "still on the street's list: " << n.row.id;
  EXPECT_EQ(l->rollup.total, 2);  // the street's own forwarded nominations
  EXPECT_EQ(l->rollup_flagged, 2);
  EXPECT_EQ(Audits("honour.forward"), 1);

  // Street 2: a competition's entry must be published before it is nominated.
  const std::int64_t unpublished = PublishedEntryOfM5(false);
  ExpectError(honours_->Nominate(cadre_2_, id, {street2_.id, std::nullopt, unpublished, {}}),
              ErrorCode::kConflict, "error.honours.not_published");
  const std::int64_t entry = PublishedEntryOfM5(true);
  l = honours_->Nominate(cadre_2_, id, Member(street2_, m4_, {"frontline", "unit_head"}));
  ASSERT_OK(l);
  l = honours_->Nominate(cadre_2_, id, {std::nullopt, std::nullopt, entry, {}});
  ASSERT_OK(l);
  ASSERT_EQ(l->items.size(), 2u);
  EXPECT_EQ(l->items[1].row.nominee_kind, "member");
  EXPECT_EQ(l->items[1].row.member_id, m5_);
  EXPECT_EQ(l->items[1].categories, (std::vector<std::string>{"non_public"}));
  EXPECT_EQ(l->items[0].categories, (std::vector<std::string>{"frontline", "unit_head", "woman"}));
  // The member of the individual entry is the same nominee as from the registry.
  ExpectError(honours_->Nominate(cadre_2_, id, Member(street2_, m5_)), ErrorCode::kAlreadyExists,
              "error.honours.nominated_twice");
  EXPECT_TRUE(l->passes);
  l = honours_->Forward(cadre_2_, id, std::nullopt, "");
  ASSERT_OK(l);
  ExpectError(honours_->Forward(cadre_2_, id, std::nullopt, ""), ErrorCode::kConflict,
              "error.honours.nothing_to_forward");

  // The district: its list is everything forwarded to it, and the roll-up of its subtree.
  auto d = honours_->List(staff_a_, id, std::nullopt);
  ASSERT_OK(d);
  EXPECT_EQ(d->org_id, district_a_.id);
  EXPECT_EQ(Names(*d), (std::vector<std::string>{"周五", "孙三", "李四", "赵一"}));
  EXPECT_EQ(d->rollup.total, 4);
  EXPECT_EQ(d->rollup_flagged, 2);
  EXPECT_FALSE(Rule(d->rollup, "woman").pass);  // 1 of 4
  EXPECT_EQ(Rule(d->rollup, "woman").needed, 1);
  EXPECT_TRUE(Rule(d->rollup, "frontline").pass);  // 2 of 4
  EXPECT_TRUE(d->can_decide);
  EXPECT_FALSE(d->can_forward);
  int flagged = 0;
  for (const auto& n : d->items) {
    flagged += n.row.flagged ? 1 : 0;
    if (n.row.flagged) {
      EXPECT_TRUE(n.row.forward_reason.has_value());
    }
  }
  EXPECT_EQ(flagged, 2);
  auto id_of = [&](std::int64_t member) {
    for (const auto& n : d->items) {
      if (n.row.member_id == member) return n.row.id;
    }
    return std::int64_t{0};
  };

  // A forwarded nomination stays; a street cannot award; the district awards and refuses.
  ExpectError(honours_->Remove(cadre_1_, id_of(m3_)), ErrorCode::kConflict,
              "error.honours.not_draft");
  ExpectError(honours_->Decide(cadre_2_, id_of(m4_), true, ""), ErrorCode::kPermissionDenied,
              "error.honours.not_round_org");
  ExpectError(honours_->Decide(staff_a_, id_of(m3_), false, ""), ErrorCode::kInvalidArgument,
              "error.invalid_input");  // a refusal needs its reason
  ASSERT_OK(honours_->Decide(staff_a_, id_of(m3_), false, "事迹材料不全"));
  auto awarded = honours_->Decide(staff_a_, id_of(m4_), true, "");
  ASSERT_OK(awarded);
  ExpectError(honours_->Decide(staff_a_, id_of(m4_), true, ""), ErrorCode::kConflict,
              "error.honours.not_forwarded");
  EXPECT_EQ(awarded->composition.total, 3);  // the refused one no longer counts
  EXPECT_EQ(Audits("honour.award"), 1);
  EXPECT_EQ(Audits("honour.refuse"), 1);
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto events = store::MemberEvents(**lease, m4_);
    ASSERT_OK(events);
    const auto honour = std::find_if(events->begin(), events->end(),
                                     [](const auto& e) { return e.event == "honour"; });
    ASSERT_NE(honour, events->end());
    EXPECT_NE(honour->detail.find("2026年五一劳动奖章评选"), std::string::npos);
    auto others = store::MemberEvents(**lease, m3_);
    ASSERT_OK(others);
    for (const auto& e : *others) EXPECT_NE(e.event, "honour");
  }

  // A draft cannot be awarded: it has not reached the district.
  l = honours_->Nominate(cadre_1_, id, Member(street_a_, m2_));
  ASSERT_OK(l);
  ExpectError(honours_->Decide(staff_a_, l->items.back().row.id, true, ""), ErrorCode::kConflict,
              "error.honours.not_forwarded");
}

TEST_P(HonoursTest, AQuotaOverAlsoNeedsAReason) {
  auto r = Round();
  r.rules_text = "";
  r.quotas = {{street_a_.id, "", 1}};
  auto round = honours_->CreateRound(staff_a_, r);
  ASSERT_OK(round);
  ASSERT_OK(honours_->Nominate(cadre_1_, round->row.id, Member(street_a_, m1_)));
  auto l = honours_->Nominate(cadre_1_, round->row.id, Member(street_a_, m2_));
  ASSERT_OK(l);
  EXPECT_TRUE(l->composition.pass);
  ASSERT_EQ(l->quotas.size(), 1u);
  EXPECT_TRUE(l->quotas[0].over);
  EXPECT_EQ(l->quotas[0].over_by, 1);
  ExpectError(honours_->Forward(cadre_1_, round->row.id, std::nullopt, " "),
              ErrorCode::kInvalidArgument, "error.honours.reason_required");
}

TEST_P(HonoursTest, AnotherDistrictSeesNothing) {
  auto round = honours_->CreateRound(staff_a_, Round());
  ASSERT_OK(round);
  const std::int64_t id = round->row.id;
  auto l = honours_->Nominate(cadre_1_, id, Member(street_a_, m1_));
  ASSERT_OK(l);
  const std::int64_t first = l->items.front().row.id;  // forwarded below
  ASSERT_OK(honours_->Nominate(cadre_1_, id, Member(street_a_, m2_)));
  ASSERT_OK(honours_->Forward(cadre_1_, id, std::nullopt, "一线职工候选人材料待补"));
  ASSERT_OK(honours_->Nominate(cadre_1_, id, Member(street_a_, m3_)));

  ExpectError(honours_->GetRound(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  ExpectError(honours_->List(staff_b_, id, std::nullopt), ErrorCode::kNotFound, "error.not_found");
  ExpectError(honours_->Nominate(staff_b_, id, Member(union_b_, mb_)), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(honours_->Forward(staff_b_, id, std::nullopt, "理由理由"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(honours_->Remove(staff_b_, first), ErrorCode::kNotFound, "error.not_found");
  ExpectError(honours_->Decide(staff_b_, first, true, ""), ErrorCode::kNotFound, "error.not_found");
  auto b_rounds = honours_->ListRounds(staff_b_, 0, 50);
  ASSERT_OK(b_rounds);
  EXPECT_TRUE(b_rounds->items.empty());
  auto r = Round();
  r.org_id = district_a_.id;
  ExpectError(honours_->CreateRound(staff_b_, r), ErrorCode::kNotFound, "error.org.not_found");
  // A street sees its district's round from inside, but not the other street's list.
  auto mine = honours_->ListRounds(cadre_2_, 0, 50);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->items.size(), 1u);
  EXPECT_EQ(mine->items[0].id, id);
  ExpectError(honours_->List(cadre_2_, id, street_a_.id), ErrorCode::kNotFound,
              "error.org.not_found");
  ExpectError(honours_->Remove(cadre_2_, first), ErrorCode::kNotFound, "error.not_found");
  // Nor the member of another district, on its own street's list.
  ExpectError(honours_->Nominate(cadre_2_, id, Member(street2_, mb_)), ErrorCode::kNotFound,
              "error.not_found");
}

TEST_P(HonoursTest, BadRulesAreFieldErrorsNamingTheLine) {
  auto r = Round();
  r.rules_text = "woman,>=,30\nfrontline,=>,50\nunit_head,<=,150\n";
  r.closes_on = "2026-10-01";
  auto made = honours_->CreateRound(staff_a_, r);
  ASSERT_FALSE(made.has_value());
  std::vector<std::string> fields;
  for (const auto& f : made.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"rules.2.bound", "rules.3.percent", "closes_on"}));
  ExpectError(honours_->CreateRound(cadre_1_, Round()), ErrorCode::kNotFound,
              "error.org.not_found");  // a street cadre does not run the district's round
}

TEST_P(HonoursTest, OutsideTheRoundsDaysNothingIsNominated) {
  auto r = Round();
  r.opens_on = "2026-12-01";
  auto round = honours_->CreateRound(staff_a_, r);
  ASSERT_OK(round);
  ExpectError(honours_->Nominate(cadre_1_, round->row.id, Member(street_a_, m1_)),
              ErrorCode::kConflict, "error.honours.closed");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HonoursTest);

}  // namespace
}  // namespace zj::test
