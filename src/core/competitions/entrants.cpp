#include "core/competitions/entrants.h"

#include <algorithm>
#include <array>

namespace zj::competitions {

namespace {

constexpr std::array<std::string_view, 4> kCriterionCodes{"min_years_on_site", "min_age", "max_age",
                                                          "trade"};
constexpr std::array<std::string_view, 3> kEntrantCodes{"enterprise", "team", "individual"};
constexpr int kMaxYears = 100;
constexpr std::size_t kMaxTrades = 50;

template <typename E, std::size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& codes, std::string_view code) {
  for (std::size_t i = 0; i < N; ++i) {
    if (codes[i] == code) return static_cast<E>(i);
  }
  return std::nullopt;
}

FieldError Refusal(std::string field, std::string key, std::string arg_name = {},
                   std::string arg = {}) {
  FieldError e{std::move(field), std::move(key), {}};
  if (!arg_name.empty()) e.args.emplace_back(std::move(arg_name), std::move(arg));
  return e;
}

}  // namespace

std::string_view CriterionCode(Criterion c) { return kCriterionCodes[static_cast<std::size_t>(c)]; }
std::optional<Criterion> ParseCriterion(std::string_view code) {
  return Parse<Criterion>(kCriterionCodes, code);
}
std::string_view EntrantKindCode(EntrantKind k) {
  return kEntrantCodes[static_cast<std::size_t>(k)];
}
std::optional<EntrantKind> ParseEntrantKind(std::string_view code) {
  return Parse<EntrantKind>(kEntrantCodes, code);
}

std::vector<FieldError> CheckEligibilityRules(const std::vector<EligibilityRule>& rules) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const EligibilityRule& r = rules[i];
    const std::string at = "eligibility." + std::to_string(i) + ".";
    if (r.criterion == Criterion::kTrade) {
      if (r.trades.empty() || r.trades.size() > kMaxTrades ||
          std::any_of(r.trades.begin(), r.trades.end(),
                      [](const std::string& t) { return t.empty() || t.size() > 40; })) {
        errors.push_back(Refusal(at + "trades", "error.competition.eligibility_trades"));
      }
    } else if (r.value < 0 || r.value > kMaxYears) {
      errors.push_back(Refusal(at + "value", "error.competition.eligibility_years"));
    }
  }
  return errors;
}

int FullYears(Date from, Date to) {
  if (to < from) return 0;
  int years = static_cast<int>(to.year()) - static_cast<int>(from.year());
  // Before this year's anniversary (29 February's falls on 1 March in other years).
  const auto md = [](Date d) {
    return static_cast<unsigned>(d.month()) * 100 + static_cast<unsigned>(d.day());
  };
  unsigned anniversary = md(from);
  if (anniversary == 229 && !to.year().is_leap()) anniversary = 301;
  if (md(to) < anniversary) --years;
  return years;
}

std::vector<FieldError> CheckEligibility(const std::vector<EligibilityRule>& rules,
                                         const WorkerFacts& w, Date today) {
  std::vector<FieldError> refusals;
  for (const EligibilityRule& r : rules) {
    const std::string value = std::to_string(r.value);
    switch (r.criterion) {
      case Criterion::kMinYearsOnSite:
        if (!w.on_site_since) {
          refusals.push_back(Refusal("on_site_since", "error.competition.fact_unknown"));
        } else if (FullYears(*w.on_site_since, today) < r.value) {
          refusals.push_back(
              Refusal("on_site_since", "error.competition.on_site_too_short", "years", value));
        }
        break;
      case Criterion::kMinAge:
      case Criterion::kMaxAge: {
        if (!w.birth_date) {
          refusals.push_back(Refusal("birth_date", "error.competition.fact_unknown"));
          break;
        }
        const int age = FullYears(*w.birth_date, today);
        if (r.criterion == Criterion::kMinAge && age < r.value) {
          refusals.push_back(Refusal("birth_date", "error.competition.too_young", "age", value));
        }
        if (r.criterion == Criterion::kMaxAge && age > r.value) {
          refusals.push_back(Refusal("birth_date", "error.competition.too_old", "age", value));
        }
        break;
      }
      case Criterion::kTrade:
        if (w.trade.empty()) {
          refusals.push_back(Refusal("trade", "error.competition.fact_unknown"));
        } else if (std::find(r.trades.begin(), r.trades.end(), w.trade) == r.trades.end()) {
          refusals.push_back(Refusal("trade", "error.competition.trade"));
        }
        break;
    }
  }
  return refusals;
}

Conflict ConflictOf(const JudgeTies& judge, const EntrantTies& entrant) {
  if (judge.member_id && std::find(entrant.member_ids.begin(), entrant.member_ids.end(),
                                   *judge.member_id) != entrant.member_ids.end()) {
    return Conflict::kIsEntrant;
  }
  if (judge.enterprise_id && entrant.enterprise_id &&
      *judge.enterprise_id == *entrant.enterprise_id) {
    return Conflict::kSameEnterprise;
  }
  return Conflict::kNone;
}

std::string_view ConflictKey(Conflict c) {
  switch (c) {
    case Conflict::kSameEnterprise:
      return "error.competition.conflict_enterprise";
    case Conflict::kIsEntrant:
      return "error.competition.conflict_entrant";
    case Conflict::kNone:
      break;
  }
  return "";
}

}  // namespace zj::competitions
