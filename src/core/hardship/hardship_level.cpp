#include "core/hardship/hardship_level.h"

#include <algorithm>
#include <set>

namespace zj::hardship {

namespace {

//! Floor division (C++ truncates towards zero; a negative net must round down too).
std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

//! cost > pct % of income, in integers (no rounding): cost × 100 > pct × income. With no
//! income, any cost is above every share of it.
bool AboveShare(std::int64_t cost, std::int64_t income, int pct) {
  if (cost <= 0) return false;
  if (income <= 0) return true;
  return cost * 100 > static_cast<std::int64_t>(pct) * income;
}

}  // namespace

std::string_view LevelCode(Level level) {
  switch (level) {
    case Level::kDeep:
      return "deep";
    case Level::kRelative:
      return "relative";
    case Level::kSudden:
      return "sudden";
    case Level::kNone:
      return "none";
    case Level::kExcluded:
      return "excluded";
  }
  return "none";
}

std::optional<Level> ParseLevel(std::string_view code) {
  for (Level l : {Level::kDeep, Level::kRelative, Level::kSudden, Level::kNone, Level::kExcluded}) {
    if (LevelCode(l) == code) return l;
  }
  return std::nullopt;
}

std::int64_t PerHeadMonthly(std::int64_t annual_income_fen, std::int64_t rigid_expenses_fen,
                            int household_size) {
  const int size = std::max(household_size, 1);
  return FloorDiv(annual_income_fen - rigid_expenses_fen, 12 * static_cast<std::int64_t>(size));
}

std::string Yuan(std::int64_t fen) {
  const bool negative = fen < 0;
  // Magnitude without overflow for the most negative value: unsigned arithmetic.
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(fen) : fen;
  std::string whole = std::to_string(abs / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
    whole.insert(static_cast<std::size_t>(i), ",");
  }
  const std::uint64_t cents = abs % 100;
  return (negative ? "-" : "") + whole + "." + (cents < 10 ? "0" : "") + std::to_string(cents);
}

LevelResult ComputeLevel(const LevelFacts& f) {
  LevelResult r;
  r.per_head_monthly_fen =
      PerHeadMonthly(f.annual_income_fen, f.rigid_expenses_fen, f.household_size);
  r.explanation_args = {{"income", Yuan(f.annual_income_fen)},
                        {"expenses", Yuan(f.rigid_expenses_fen)},
                        {"size", std::to_string(std::max(f.household_size, 1))},
                        {"per_head", Yuan(r.per_head_monthly_fen)},
                        {"dibao", Yuan(f.dibao_monthly_fen)},
                        {"twice_dibao", Yuan(2 * f.dibao_monthly_fen)}};
  if (!f.exclusions.empty()) {
    r.level = Level::kExcluded;
    r.explanation_key = "hardship.level.excluded.why";
    r.explanation_args.emplace_back("exclusions", JoinCodes(f.exclusions));
    return r;
  }
  if (r.per_head_monthly_fen <= f.dibao_monthly_fen) {
    r.level = Level::kDeep;
  } else if (r.per_head_monthly_fen <= 2 * f.dibao_monthly_fen) {
    r.level = Level::kRelative;
  } else if (AboveShare(f.sudden_cost_fen, f.annual_income_fen, f.thresholds.cost_pct) ||
             AboveShare(f.sudden_medical_fen, f.annual_income_fen, f.thresholds.medical_pct)) {
    r.level = Level::kSudden;
    r.explanation_args.emplace_back("sudden_cost", Yuan(f.sudden_cost_fen));
    r.explanation_args.emplace_back("sudden_medical", Yuan(f.sudden_medical_fen));
    r.explanation_args.emplace_back("cost_pct", std::to_string(f.thresholds.cost_pct));
    r.explanation_args.emplace_back("medical_pct", std::to_string(f.thresholds.medical_pct));
  } else {
    r.level = Level::kNone;
  }
  r.explanation_key = "hardship.level." + std::string(LevelCode(r.level)) + ".why";
  return r;
}

bool IsCause(std::string_view code) {
  return std::find(std::begin(kCauses), std::end(kCauses), code) != std::end(kCauses);
}

bool IsExclusion(std::string_view code) {
  return std::find(std::begin(kExclusions), std::end(kExclusions), code) != std::end(kExclusions);
}

std::vector<FieldError> CheckCauses(std::string_view main,
                                    const std::vector<std::string>& secondary) {
  std::vector<FieldError> out;
  if (!IsCause(main)) out.push_back({"main_cause", "error.hardship.cause", {}});
  std::set<std::string> seen;
  bool bad = secondary.size() > kMaxSecondaryCauses;
  for (const auto& s : secondary) {
    if (!IsCause(s) || s == main || !seen.insert(s).second) bad = true;
  }
  if (bad) {
    out.push_back({"secondary_causes",
                   "error.hardship.secondary_causes",
                   {{"max", std::to_string(kMaxSecondaryCauses)}}});
  }
  return out;
}

std::vector<FieldError> CheckExclusions(const std::vector<std::string>& exclusions) {
  std::set<std::string> seen;
  for (const auto& e : exclusions) {
    if (!IsExclusion(e) || !seen.insert(e).second) {
      return {{"exclusions", "error.hardship.exclusion", {}}};
    }
  }
  return {};
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

std::vector<std::string> SplitCodes(std::string_view joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t comma = joined.find(',', start);
    if (comma == std::string_view::npos) comma = joined.size();
    if (comma > start) out.emplace_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace zj::hardship
