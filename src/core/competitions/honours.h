// The arithmetic of an honours round's nomination lists (五一劳动奖章/奖状, 工人先锋号; issue 21
// slice 1): composition rules as data — a category's share of the list bounded below or above
// in per cent (2022's national round: 产业工人 ≥ 35 %, 一线/专业技术 ≥ 20 %, 农民工 ≥ 10 %,
// 非公 ≥ 35 %; a city's: 单位负责人 ≤ 15 %, women ≥ 20 % — shared/context/service-rules.md;
// each round loads its own) — evaluated against a list of nominations, each counting for the
// set of categories it has; and quotas per org and category. All integer arithmetic, exact at
// the boundaries: 35 % of 20 is 7 exactly and 7 pass; of 21 it is 7.35, so 8 are needed.
// Pure functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::competitions {

inline constexpr std::size_t kMaxRules = 50;

enum class Bound { kAtLeast, kAtMost };
std::string_view BoundCode(Bound bound);  //!< ">=", "<="
//! ">=" or "≥", "<=" or "≤".
std::optional<Bound> ParseBound(std::string_view text);

//! A category's share of a list: at least (or at most) `percent` of the nominations.
struct CompositionRule {
  std::string category;  //!< [a-z0-9_], ≤ 40 chars: industrial_worker, woman, unit_head, …
  Bound bound = Bound::kAtLeast;
  int percent = 0;  //!< 0..100
};

//! kInvalidArgument "error.honours.rules", field errors named "rules.<i>.<column>": a category
//! malformed, a percent outside 0..100, the same category and bound twice, more than kMaxRules.
Result<void> CheckRules(const std::vector<CompositionRule>& rules);

//! Rules from a small CSV text, one rule a line: `category,bound,percent` (e.g.
//! "industrial_worker,>=,35"; "35%" is read as 35; "≥"/"≤" as ">="/"<="). Blank lines, lines
//! starting with '#' and a first line naming the columns ("category,bound,percent") are
//! skipped. kInvalidArgument "error.honours.rules" with a field error per bad cell, named
//! "rules.<line>.<column>" and with args row (the 1-based line) and column: a line without
//! exactly three columns ("error.honours.columns"), a bad category, bound or percent, a rule
//! repeated; and CheckRules' limits.
Result<std::vector<CompositionRule>> ParseRules(std::string_view text);

//! A nomination on a list: its nominating org and the categories it counts for (a woman
//! migrant worker on a production line counts for woman, migrant_worker, frontline, …). A
//! category listed twice for one nomination counts once.
struct Nomination {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::vector<std::string> categories;
};

//! One rule against one list.
struct RuleOutcome {
  CompositionRule rule;
  int count = 0;      //!< nominations of the category
  int total = 0;      //!< nominations on the list
  int share_bp = 0;   //!< count ÷ total in hundredths of a per cent, half up; 0 for an empty list
  bool pass = false;  //!< count × 100 ≥ (≤) percent × total, exactly; an empty list passes
  //! ≥: the fewest of the category the list needs at its size, ⌈percent × total ÷ 100⌉;
  //! ≤: the most it may have, ⌊percent × total ÷ 100⌋.
  int limit = 0;
  //! Failing, at the list's size: ≥ how many more of the category are needed (others swapped
  //! for them), ≤ how many fewer; 0 when passing.
  int needed = 0;
  //! Failing, when the list may change size instead: ≥ how many of the category to add,
  //! ⌈(percent × total − 100 × count) ÷ (100 − percent)⌉; ≤ how many of them to take off,
  //! ⌈(100 × count − percent × total) ÷ (100 − percent)⌉ (for ≤ 0 %: all of them). nullopt
  //! when adding cannot pass: ≥ 100 % with others on the list.
  std::optional<int> needed_changing_size;
};

struct Composition {
  int total = 0;
  std::vector<RuleOutcome> rules;  //!< in the rules' order
  bool pass = true;                //!< every rule passes
};

//! Each rule against the list. The rules are assumed checked.
Composition Evaluate(const std::vector<CompositionRule>& rules,
                     const std::vector<Nomination>& nominations);

//! The most nominations an org may put forward, of a category or ("" ) of all.
struct Quota {
  std::int64_t org_id = 0;
  std::string category;  //!< "" for the org's whole list
  int max = 0;           //!< ≥ 0
};

struct QuotaOutcome {
  Quota quota;
  int count = 0;
  bool over = false;  //!< count > max
  int over_by = 0;    //!< count − max when over
};

//! Each quota against the nominations of its org, in the quotas' order.
std::vector<QuotaOutcome> CheckQuotas(const std::vector<Quota>& quotas,
                                      const std::vector<Nomination>& nominations);

}  // namespace zj::competitions
