// The arithmetic of aid grants (帮扶, issue 20 slice 3): what a kind of aid amounts to for a
// hardship file under a rule loaded as data (shared/context/service-rules.md "Aid": 深度 living
// allowance 10 months of 低保, 相对 medical 80 % capped at ¥16,000, schooling per student, …),
// and which org level must approve an amount under the approval limits (grassroots ≤ X,
// street ≤ Y, the level above the highest one listed any amount). Money is integer fen; pure
// functions, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace zj::aid {

enum class Kind { kLiving, kMedical, kSchooling, kFestival, kEmergency };
std::string_view KindCode(Kind kind);
std::optional<Kind> ParseKind(std::string_view code);
inline constexpr std::string_view kKinds[] = {"living", "medical", "schooling", "festival",
                                              "emergency"};

//! The period a grant of the kind covers: "YYYY" for every kind but emergency aid, which is
//! "YYYY-MM" (temporary aid may come once a month; the others "in principle once a year").
//! False for a malformed period or a year outside 2000..2100.
bool IsPeriodOf(Kind kind, std::string_view period);
//! The year of a well-formed period.
int PeriodYear(std::string_view period);

enum class RuleKind { kMonthsOfDibao, kFixed, kShareOfCost };
std::string_view RuleKindCode(RuleKind rule);
std::optional<RuleKind> ParseRuleKind(std::string_view code);

enum class Per { kHousehold, kStudent, kPerson };
std::string_view PerCode(Per per);
std::optional<Per> ParsePer(std::string_view code);

struct Rule {
  RuleKind rule = RuleKind::kFixed;
  int months = 0;                       //!< months_of_dibao
  std::int64_t amount_fen = 0;          //!< fixed
  int share_pct = 0;                    //!< share_of_cost, 1..100
  std::optional<std::int64_t> cap_fen;  //!< of the whole grant (after the per-unit count)
  Per per = Per::kHousehold;
};

//! The facts a grant is computed from.
struct GrantFacts {
  std::int64_t dibao_monthly_fen = 0;  //!< the file's 低保 line
  int household_size = 1;
  int students = 0;           //!< for a rule per student
  std::int64_t cost_fen = 0;  //!< for share_of_cost: the cost after other payers
};

struct Amount {
  std::int64_t fen = 0;  //!< the most the rule allows (capped)
  bool capped = false;   //!< the cap cut it
  //! The rule in words: its message key ("aid.rule.months_of_dibao", …) and parameters
  //! (amounts in yuan with two decimals).
  std::string rule_key;
  std::vector<std::pair<std::string, std::string>> rule_args;
};

//! The rule's amount: per unit (months × 低保, the fixed amount, or ⌊cost × share ÷ 100⌋)
//! times the units (1 per household, the students, the household's people), then the cap.
Amount Compute(const Rule& rule, const GrantFacts& facts);

//! Field errors of a rule as loaded: months 1..24 for months_of_dibao, amount ¥0.01..¥1,000,000
//! for fixed, share 1..100 for share_of_cost, a cap ¥0.01..¥1,000,000 when set.
std::vector<FieldError> CheckRule(const Rule& rule);

//! The org levels that approve aid, lowest first.
enum class OrgLevel { kGrassroots, kStreet, kDistrict, kMunicipal };
std::string_view OrgLevelCode(OrgLevel level);
std::optional<OrgLevel> ParseOrgLevel(std::string_view code);
//! The approving level of an org kind: a union group and a grassroots union approve as
//! grassroots, a street and an industry union as street, a district and a municipal federation
//! as themselves.
std::optional<OrgLevel> LevelOfOrgKind(std::string_view org_kind);

struct Limit {
  OrgLevel level = OrgLevel::kGrassroots;
  std::int64_t max_fen = 0;
};

//! The lowest level that may approve `amount_fen`: the first listed level whose limit covers it;
//! above every listed limit, the level above the highest listed one (the municipal federation
//! when that is the highest listed: it has no level above and approves any amount). A level not
//! listed below a listed one approves nothing of its own. nullopt when `limits` is empty (no
//! chain loaded: the caller says so rather than guess).
std::optional<OrgLevel> ApproverLevel(const std::vector<Limit>& limits, std::int64_t amount_fen);

}  // namespace zj::aid
