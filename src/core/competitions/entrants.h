// Who may enter and who may judge an entry (issue 21): the eligibility rules a group of a
// competition loads as data (the national guide: 优秀建设者 ≥ 1 year on the site; skills
// contests by age or trade — shared/context/service-rules.md), checked against a worker's
// facts on a given day; and the conflict-of-interest rule: a judge from the entrant's own
// enterprise, or a judge who is (or is in the team of) the entrant, does not score it. Pure
// functions; today is passed in.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::competitions {

using Date = std::chrono::year_month_day;

enum class Criterion {
  kMinYearsOnSite,  //!< at least `value` full years since the worker came on the site
  kMinAge,          //!< at least `value` full years old
  kMaxAge,          //!< at most `value` full years old (still `value` the day before turning
                    //!< value + 1)
  kTrade,           //!< the worker's trade is one of `trades`
};
std::string_view CriterionCode(Criterion c);  //!< "min_years_on_site", "min_age", …
std::optional<Criterion> ParseCriterion(std::string_view code);

struct EligibilityRule {
  Criterion criterion = Criterion::kMinYearsOnSite;
  int value = 0;                    //!< years; 0..100
  std::vector<std::string> trades;  //!< kTrade: codes, at least one
};

//! Field errors of rules as loaded ("eligibility.<i>.value" / ".trades").
std::vector<FieldError> CheckEligibilityRules(const std::vector<EligibilityRule>& rules);

struct WorkerFacts {
  std::optional<Date> birth_date;     //!< from the ID number
  std::optional<Date> on_site_since;  //!< the first day on the project or park
  std::string trade;                  //!< "" when unknown
};

//! Full years from `from` to `to`: a birthday or anniversary counts on its day; one on 29
//! February counts on 1 March in other years. 0 when `to` is before `from`.
int FullYears(Date from, Date to);

//! Every rule the worker fails on `today`, as field errors the page shows: field
//! "on_site_since" / "birth_date" / "trade", keys "error.competition.on_site_too_short" (arg
//! years), "error.competition.too_young" / "too_old" (arg age), "error.competition.trade", and
//! "error.competition.fact_unknown" when the fact a rule needs is not known (never a guess).
//! Empty: eligible.
std::vector<FieldError> CheckEligibility(const std::vector<EligibilityRule>& rules,
                                         const WorkerFacts& worker, Date today);

enum class EntrantKind { kEnterprise, kTeam, kIndividual };
std::string_view EntrantKindCode(EntrantKind kind);  //!< "enterprise", "team", "individual"
std::optional<EntrantKind> ParseEntrantKind(std::string_view code);

//! An entrant as far as conflicts go: its enterprise (the entrant itself, a team's enterprise,
//! an individual's employer when known) and its people (a team's members, the individual).
struct EntrantTies {
  EntrantKind kind = EntrantKind::kEnterprise;
  std::optional<std::int64_t> enterprise_id;
  std::vector<std::int64_t> member_ids;
};

struct JudgeTies {
  std::optional<std::int64_t> enterprise_id;  //!< the judge's employer
  std::optional<std::int64_t> member_id;      //!< the judge's own member record, if any
};

enum class Conflict {
  kNone,
  kSameEnterprise,  //!< "error.competition.conflict_enterprise"
  kIsEntrant,       //!< the judge is the individual or in the team: "…conflict_entrant"
};

//! Whether the judge may score the entrant. An unknown enterprise on either side is no
//! conflict by enterprise (the organiser sees the judge's employer when assigning).
Conflict ConflictOf(const JudgeTies& judge, const EntrantTies& entrant);
//! The message key of a conflict ("" for kNone).
std::string_view ConflictKey(Conflict conflict);

}  // namespace zj::competitions
