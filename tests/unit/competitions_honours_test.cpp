// The composition and quota arithmetic of a nomination list at its boundaries: a share exactly
// at its bound, one under and one over (35 % of 20 is 7 and passes; of 21 needs 8), the "≤"
// rule likewise, what a failing list needs at its size and when it grows or shrinks, a
// nominee counting for several categories, an empty list, quotas per org and category, and
// the rules' CSV form with its row and column errors.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/competitions/honours.h"

namespace zj::competitions {
namespace {

//! `n` nominations of org 1, the first `k` of them in `category`.
std::vector<Nomination> List(int n, int k, const std::string& category) {
  std::vector<Nomination> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(
        {i + 1, 1, i < k ? std::vector<std::string>{category} : std::vector<std::string>{}});
  }
  return out;
}

RuleOutcome One(const CompositionRule& rule, const std::vector<Nomination>& list) {
  return Evaluate({rule}, list).rules.at(0);
}

bool HasField(const Error& e, const std::string& field, const std::string& key) {
  return std::any_of(e.fields.begin(), e.fields.end(),
                     [&](const FieldError& f) { return f.field == field && f.message_key == key; });
}

const CompositionRule kIndustrial{"industrial_worker", Bound::kAtLeast, 35};
const CompositionRule kHeads{"unit_head", Bound::kAtMost, 15};

TEST(HonoursComposition, AtLeastPassesExactlyAtTheBound) {
  const RuleOutcome at = One(kIndustrial, List(20, 7, "industrial_worker"));  // 7 of 20 = 35 %
  EXPECT_TRUE(at.pass);
  EXPECT_EQ(at.limit, 7);
  EXPECT_EQ(at.needed, 0);
  EXPECT_EQ(at.share_bp, 3500);
  EXPECT_FALSE(at.needed_changing_size.has_value());
}

TEST(HonoursComposition, AtLeastOneUnderTheBoundSaysHowManyMore) {
  // 7 of 21 is 33.33 %; 35 % of 21 is 7.35, so 8 are needed: one more at this size, or one
  // more added (8 of 22 = 36.4 %).
  const RuleOutcome under = One(kIndustrial, List(21, 7, "industrial_worker"));
  EXPECT_FALSE(under.pass);
  EXPECT_EQ(under.limit, 8);
  EXPECT_EQ(under.needed, 1);
  EXPECT_EQ(under.needed_changing_size, 1);
  EXPECT_EQ(under.share_bp, 3333);
  // 6 of 20: one short at this size (7 of 20), but two to add: ⌈(700 − 600) ÷ 65⌉ = 2, since
  // 7 of 21 fails and 8 of 22 passes.
  const RuleOutcome six = One(kIndustrial, List(20, 6, "industrial_worker"));
  EXPECT_EQ(six.needed, 1);
  EXPECT_EQ(six.needed_changing_size, 2);
  // One over: 8 of 20 passes.
  EXPECT_TRUE(One(kIndustrial, List(20, 8, "industrial_worker")).pass);
}

TEST(HonoursComposition, AtMostPassesExactlyAtTheBoundAndSaysHowManyFewer) {
  // 15 % of 20 is 3.
  const RuleOutcome at = One(kHeads, List(20, 3, "unit_head"));
  EXPECT_TRUE(at.pass);
  EXPECT_EQ(at.limit, 3);
  EXPECT_TRUE(One(kHeads, List(20, 2, "unit_head")).pass);
  const RuleOutcome over = One(kHeads, List(20, 4, "unit_head"));
  EXPECT_FALSE(over.pass);
  EXPECT_EQ(over.needed, 1);
  // Taking heads off shrinks the list too: ⌈(400 − 300) ÷ 85⌉ = 2 (3 of 19 = 15.8 % still
  // fails, 2 of 18 = 11.1 % passes).
  EXPECT_EQ(over.needed_changing_size, 2);
  // 15 % of 21 is 3.15: still only 3 allowed, 4 is over.
  EXPECT_EQ(One(kHeads, List(21, 4, "unit_head")).limit, 3);
  EXPECT_FALSE(One(kHeads, List(21, 4, "unit_head")).pass);
}

TEST(HonoursComposition, ExtremePercentsAreExact) {
  const CompositionRule all{"woman", Bound::kAtLeast, 100};
  EXPECT_TRUE(One(all, List(5, 5, "woman")).pass);
  const RuleOutcome short_one = One(all, List(5, 4, "woman"));
  EXPECT_EQ(short_one.needed, 1);
  EXPECT_FALSE(short_one.needed_changing_size.has_value());  // adding never reaches 100 %
  const CompositionRule none{"unit_head", Bound::kAtMost, 0};
  const RuleOutcome two = One(none, List(5, 2, "unit_head"));
  EXPECT_EQ(two.needed, 2);
  EXPECT_EQ(two.needed_changing_size, 2);
  EXPECT_TRUE(One(CompositionRule{"woman", Bound::kAtLeast, 0}, List(5, 0, "woman")).pass);
}

TEST(HonoursComposition, ANomineeCountsForEachOfItsCategoriesOnce) {
  std::vector<Nomination> list = List(10, 0, "");
  list[0].categories = {"woman", "migrant_worker", "woman"};
  list[1].categories = {"woman"};
  const Composition c =
      Evaluate({{"woman", Bound::kAtLeast, 20}, {"migrant_worker", Bound::kAtLeast, 10}}, list);
  EXPECT_EQ(c.rules[0].count, 2);  // 2 of 10: exactly 20 %
  EXPECT_EQ(c.rules[1].count, 1);  // 1 of 10: exactly 10 %
  EXPECT_TRUE(c.pass);
  list[1].categories.clear();
  EXPECT_FALSE(Evaluate({{"woman", Bound::kAtLeast, 20}}, list).pass);
}

TEST(HonoursComposition, AnEmptyListPassesEveryRuleWithNoShare) {
  const Composition c = Evaluate({kIndustrial, kHeads}, {});
  EXPECT_EQ(c.total, 0);
  EXPECT_TRUE(c.pass);
  for (const RuleOutcome& o : c.rules) {
    EXPECT_TRUE(o.pass);
    EXPECT_EQ(o.share_bp, 0);
    EXPECT_EQ(o.limit, 0);
  }
  EXPECT_TRUE(Evaluate({}, List(3, 1, "woman")).pass);  // no rules: nothing to break
}

TEST(HonoursQuota, FlagsAnOrgOverItsQuotaExactlyPastTheMax) {
  std::vector<Nomination> list = List(4, 2, "woman");  // org 1: 4, two women
  list.push_back({9, 2, {"woman"}});                   // org 2: 1
  const auto out = CheckQuotas({{1, "", 4}, {1, "woman", 1}, {2, "", 0}, {3, "", 2}}, list);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].count, 4);  // exactly at 4
  EXPECT_FALSE(out[0].over);
  EXPECT_EQ(out[1].count, 2);  // one over
  EXPECT_TRUE(out[1].over);
  EXPECT_EQ(out[1].over_by, 1);
  EXPECT_TRUE(out[2].over);  // a quota of 0 with one nominee
  EXPECT_EQ(out[3].count, 0);
  EXPECT_FALSE(out[3].over);
  EXPECT_TRUE(CheckQuotas({}, list).empty());
}

TEST(HonoursRules, ParsesTheCsvFormWithAHeaderCommentsAndSymbols) {
  const auto r = ParseRules(
      "category,bound,percent\n"
      "# 2022 national round\n"
      "industrial_worker,>=,35\r\n"
      "\n"
      " unit_head , ≤ , 15% \n"
      "woman，≥，20");
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].category, "industrial_worker");
  EXPECT_EQ((*r)[0].bound, Bound::kAtLeast);
  EXPECT_EQ((*r)[0].percent, 35);
  EXPECT_EQ((*r)[1].bound, Bound::kAtMost);
  EXPECT_EQ((*r)[1].percent, 15);
  EXPECT_EQ((*r)[2].category, "woman");
  EXPECT_TRUE(CheckRules(*r).has_value());
  EXPECT_TRUE(ParseRules("").value().empty());
}

TEST(HonoursRules, NamesTheRowAndColumnOfEachBadCell) {
  const auto r = ParseRules(
      "industrial_worker,>=,35\n"
      "Woman,=,20\n"
      "migrant_worker,>=,101\n"
      "frontline,>=\n"
      "industrial_worker,>=,40\n");
  ASSERT_FALSE(r.has_value());
  const Error& e = r.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.message_key, "error.honours.rules");
  EXPECT_TRUE(HasField(e, "rules.2.category", "error.honours.category"));
  EXPECT_TRUE(HasField(e, "rules.2.bound", "error.honours.bound"));
  EXPECT_TRUE(HasField(e, "rules.3.percent", "error.honours.percent"));
  EXPECT_TRUE(HasField(e, "rules.4.line", "error.honours.columns"));
  EXPECT_TRUE(HasField(e, "rules.5.category", "error.honours.rule_twice"));
  const auto cell = std::find_if(e.fields.begin(), e.fields.end(),
                                 [](const FieldError& f) { return f.field == "rules.3.percent"; });
  EXPECT_EQ(cell->args, (std::vector<std::pair<std::string, std::string>>{{"row", "3"},
                                                                          {"column", "percent"}}));
  EXPECT_FALSE(ParseRules("woman,>=,-1").has_value());
  EXPECT_FALSE(ParseRules("woman,>=,2.5").has_value());
}

TEST(HonoursRules, ChecksRulesGivenAsData) {
  EXPECT_TRUE(CheckRules({}).has_value());
  const auto r = CheckRules({{"woman", Bound::kAtLeast, 20},
                             {"woman", Bound::kAtMost, 60},  // a range: allowed
                             {"woman", Bound::kAtLeast, 25},
                             {"", Bound::kAtMost, 101}});
  ASSERT_FALSE(r.has_value());
  EXPECT_TRUE(HasField(r.error(), "rules.2.category", "error.honours.rule_twice"));
  EXPECT_TRUE(HasField(r.error(), "rules.3.category", "error.honours.category"));
  EXPECT_TRUE(HasField(r.error(), "rules.3.percent", "error.honours.percent"));
  EXPECT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(BoundCode(Bound::kAtMost), "<=");
  EXPECT_EQ(ParseBound("≥"), Bound::kAtLeast);
  EXPECT_FALSE(ParseBound("=").has_value());
}

}  // namespace
}  // namespace zj::competitions
