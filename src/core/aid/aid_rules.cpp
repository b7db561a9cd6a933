#include "core/aid/aid_rules.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/hardship/hardship_level.h"

namespace zj::aid {

namespace {

constexpr std::int64_t kMaxRuleFen = 100'000'000;  // ¥1,000,000: no single rule is more

template <typename E, std::size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& codes, std::string_view code) {
  for (std::size_t i = 0; i < N; ++i) {
    if (codes[i] == code) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 5> kKindCodes{"living", "medical", "schooling", "festival",
                                                     "emergency"};
constexpr std::array<std::string_view, 3> kRuleCodes{"months_of_dibao", "fixed", "share_of_cost"};
constexpr std::array<std::string_view, 3> kPerCodes{"household", "student", "person"};
constexpr std::array<std::string_view, 4> kLevelCodes{"grassroots", "street", "district",
                                                      "municipal"};

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view KindCode(Kind kind) { return kKindCodes[static_cast<std::size_t>(kind)]; }
std::optional<Kind> ParseKind(std::string_view code) { return Parse<Kind>(kKindCodes, code); }
std::string_view RuleKindCode(RuleKind r) { return kRuleCodes[static_cast<std::size_t>(r)]; }
std::optional<RuleKind> ParseRuleKind(std::string_view code) {
  return Parse<RuleKind>(kRuleCodes, code);
}
std::string_view PerCode(Per per) { return kPerCodes[static_cast<std::size_t>(per)]; }
std::optional<Per> ParsePer(std::string_view code) { return Parse<Per>(kPerCodes, code); }
std::string_view OrgLevelCode(OrgLevel l) { return kLevelCodes[static_cast<std::size_t>(l)]; }
std::optional<OrgLevel> ParseOrgLevel(std::string_view code) {
  return Parse<OrgLevel>(kLevelCodes, code);
}

std::optional<OrgLevel> LevelOfOrgKind(std::string_view kind) {
  if (kind == "group" || kind == "grassroots") return OrgLevel::kGrassroots;
  if (kind == "street" || kind == "industry") return OrgLevel::kStreet;
  if (kind == "district") return OrgLevel::kDistrict;
  if (kind == "municipal") return OrgLevel::kMunicipal;
  return std::nullopt;
}

bool IsPeriodOf(Kind kind, std::string_view period) {
  const bool monthly = kind == Kind::kEmergency;
  if (period.size() != (monthly ? 7u : 4u) || !Digits(period.substr(0, 4))) return false;
  const int year = PeriodYear(period);
  if (year < 2000 || year > 2100) return false;
  if (!monthly) return true;
  if (period[4] != '-' || !Digits(period.substr(5))) return false;
  const int month = (period[5] - '0') * 10 + (period[6] - '0');
  return month >= 1 && month <= 12;
}

int PeriodYear(std::string_view period) {
  int year = 0;
  for (char c : period.substr(0, 4)) year = year * 10 + (c - '0');
  return year;
}

Amount Compute(const Rule& rule, const GrantFacts& f) {
  Amount a;
  std::int64_t per_unit = 0;
  switch (rule.rule) {
    case RuleKind::kMonthsOfDibao:
      per_unit = rule.months * f.dibao_monthly_fen;
      a.rule_key = "aid.rule.months_of_dibao";
      a.rule_args = {{"months", std::to_string(rule.months)},
                     {"dibao", hardship::Yuan(f.dibao_monthly_fen)}};
      break;
    case RuleKind::kFixed:
      per_unit = rule.amount_fen;
      a.rule_key = "aid.rule.fixed";
      a.rule_args = {{"amount", hardship::Yuan(rule.amount_fen)}};
      break;
    case RuleKind::kShareOfCost:
      // Rounded down: the grant never pays a fraction of a fen above the share.
      per_unit = std::max<std::int64_t>(f.cost_fen, 0) * rule.share_pct / 100;
      a.rule_key = "aid.rule.share_of_cost";
      a.rule_args = {{"share", std::to_string(rule.share_pct)},
                     {"cost", hardship::Yuan(f.cost_fen)}};
      break;
  }
  std::int64_t units = 1;
  if (rule.per == Per::kStudent) units = std::max(f.students, 0);
  if (rule.per == Per::kPerson) units = std::max(f.household_size, 0);
  a.fen = per_unit * units;
  a.rule_args.emplace_back("per", std::string(PerCode(rule.per)));
  a.rule_args.emplace_back("units", std::to_string(units));
  if (rule.cap_fen && a.fen > *rule.cap_fen) {
    a.fen = *rule.cap_fen;
    a.capped = true;
  }
  a.rule_args.emplace_back("cap", rule.cap_fen ? hardship::Yuan(*rule.cap_fen) : "");
  return a;
}

std::vector<FieldError> CheckRule(const Rule& r) {
  std::vector<FieldError> errors;
  if (r.rule == RuleKind::kMonthsOfDibao && (r.months < 1 || r.months > 24)) {
    errors.push_back({"months", "error.aid.months", {}});
  }
  if (r.rule == RuleKind::kFixed && (r.amount_fen < 1 || r.amount_fen > kMaxRuleFen)) {
    errors.push_back({"amount_fen", "error.aid.rule_amount", {}});
  }
  if (r.rule == RuleKind::kShareOfCost && (r.share_pct < 1 || r.share_pct > 100)) {
    errors.push_back({"share_pct", "error.aid.share", {}});
  }
  if (r.cap_fen && (*r.cap_fen < 1 || *r.cap_fen > kMaxRuleFen)) {
    errors.push_back({"cap_fen", "error.aid.rule_amount", {}});
  }
  return errors;
}

std::optional<OrgLevel> ApproverLevel(const std::vector<Limit>& limits, std::int64_t amount_fen) {
  if (limits.empty()) return std::nullopt;
  std::optional<OrgLevel> highest;
  std::optional<OrgLevel> lowest_covering;
  for (const auto& l : limits) {
    if (!highest || l.level > *highest) highest = l.level;
    if (amount_fen <= l.max_fen && (!lowest_covering || l.level < *lowest_covering)) {
      lowest_covering = l.level;
    }
  }
  if (lowest_covering) return lowest_covering;
  if (*highest == OrgLevel::kMunicipal) return OrgLevel::kMunicipal;
  return static_cast<OrgLevel>(static_cast<int>(*highest) + 1);
}

}  // namespace zj::aid
