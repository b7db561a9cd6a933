#include "core/competitions/honours.h"

#include <algorithm>
#include <utility>

namespace zj::competitions {

namespace {

constexpr std::size_t kMaxCategoryLength = 40;
constexpr std::string_view kFullWidthComma = "\xEF\xBC\x8C";  // ，

bool IsCategory(std::string_view s) {
  return !s.empty() && s.size() <= kMaxCategoryLength &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

//! 0..100 from "35" or "35%"; nullopt otherwise (no sign, no decimals: rounds use whole per
//! cents).
std::optional<int> Percent(std::string_view s) {
  if (!s.empty() && s.back() == '%') s.remove_suffix(1);
  s = Trim(s);
  if (s.empty() || s.size() > 3) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v > 100) return std::nullopt;
  return v;
}

FieldError Cell(std::size_t row, std::string_view column, std::string key) {
  return FieldError{"rules." + std::to_string(row) + "." + std::string(column),
                    std::move(key),
                    {{"row", std::to_string(row)}, {"column", std::string(column)}}};
}

std::unexpected<Error> Invalid(std::vector<FieldError> fields) {
  Error e{ErrorCode::kInvalidArgument, "error.honours.rules", {}, std::move(fields), {}};
  e.detail = e.fields.front().field + ": " + e.fields.front().message_key;
  return Fail(std::move(e));
}

//! ⌈a ÷ b⌉ for a ≥ 0, b > 0.
int CeilDiv(int a, int b) { return (a + b - 1) / b; }

bool Has(const Nomination& n, const std::string& category) {
  return std::find(n.categories.begin(), n.categories.end(), category) != n.categories.end();
}

}  // namespace

std::string_view BoundCode(Bound bound) { return bound == Bound::kAtLeast ? ">=" : "<="; }

std::optional<Bound> ParseBound(std::string_view t) {
  if (t == ">=" || t == "≥") return Bound::kAtLeast;
  if (t == "<=" || t == "≤") return Bound::kAtMost;
  return std::nullopt;
}

Result<void> CheckRules(const std::vector<CompositionRule>& rules) {
  std::vector<FieldError> errors;
  if (rules.size() > kMaxRules) {
    errors.push_back(
        FieldError{"rules", "error.honours.too_many_rules", {{"max", std::to_string(kMaxRules)}}});
  }
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const CompositionRule& r = rules[i];
    const std::string at = "rules." + std::to_string(i) + ".";
    if (!IsCategory(r.category)) {
      errors.push_back(FieldError{at + "category", "error.honours.category", {}});
    } else if (std::any_of(rules.begin(), rules.begin() + static_cast<std::ptrdiff_t>(i),
                           [&](const CompositionRule& o) {
                             return o.category == r.category && o.bound == r.bound;
                           })) {
      errors.push_back(FieldError{at + "category", "error.honours.rule_twice", {}});
    }
    if (r.percent < 0 || r.percent > 100) {
      errors.push_back(FieldError{at + "percent", "error.honours.percent", {}});
    }
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  return {};
}

Result<std::vector<CompositionRule>> ParseRules(std::string_view text) {
  std::vector<CompositionRule> rules;
  std::vector<FieldError> errors;
  bool first = true;
  std::size_t row = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string line(Trim(text.substr(0, nl)));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++row;
    if (line.empty() || line.front() == '#') continue;
    for (std::size_t at = line.find(kFullWidthComma); at != std::string::npos;
         at = line.find(kFullWidthComma)) {
      line.replace(at, kFullWidthComma.size(), ",");
    }
    std::vector<std::string_view> cells;
    std::string_view rest = line;
    for (std::size_t comma = rest.find(',');; comma = rest.find(',')) {
      cells.push_back(Trim(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    const bool header = first && cells.front() == "category";
    first = false;
    if (header) continue;
    if (cells.size() != 3) {
      errors.push_back(Cell(row, "line", "error.honours.columns"));
      continue;
    }
    CompositionRule r;
    const auto bound = ParseBound(cells[1]);
    const auto percent = Percent(cells[2]);
    if (!IsCategory(cells[0])) errors.push_back(Cell(row, "category", "error.honours.category"));
    if (!bound) errors.push_back(Cell(row, "bound", "error.honours.bound"));
    if (!percent) errors.push_back(Cell(row, "percent", "error.honours.percent"));
    if (!IsCategory(cells[0]) || !bound || !percent) continue;
    r.category = std::string(cells[0]);
    r.bound = *bound;
    r.percent = *percent;
    if (std::any_of(rules.begin(), rules.end(), [&](const CompositionRule& o) {
          return o.category == r.category && o.bound == r.bound;
        })) {
      errors.push_back(Cell(row, "category", "error.honours.rule_twice"));
      continue;
    }
    rules.push_back(std::move(r));
  }
  if (errors.empty() && rules.size() > kMaxRules) {
    errors.push_back(
        FieldError{"rules", "error.honours.too_many_rules", {{"max", std::to_string(kMaxRules)}}});
  }
  if (!errors.empty()) return Invalid(std::move(errors));
  return rules;
}

Composition Evaluate(const std::vector<CompositionRule>& rules,
                     const std::vector<Nomination>& nominations) {
  Composition c;
  c.total = static_cast<int>(nominations.size());
  const int n = c.total;
  for (const CompositionRule& rule : rules) {
    RuleOutcome o;
    o.rule = rule;
    o.total = n;
    o.count =
        static_cast<int>(std::count_if(nominations.begin(), nominations.end(),
                                       [&](const Nomination& x) { return Has(x, rule.category); }));
    const int p = rule.percent;
    const int c100 = o.count * 100;
    const int pn = p * n;
    if (n > 0) o.share_bp = (2 * o.count * 10'000 + n) / (2 * n);
    if (rule.bound == Bound::kAtLeast) {
      o.limit = CeilDiv(pn, 100);
      o.pass = c100 >= pn;
      if (!o.pass) {
        o.needed = o.limit - o.count;
        if (p < 100) o.needed_changing_size = CeilDiv(pn - c100, 100 - p);
      }
    } else {
      o.limit = pn / 100;
      o.pass = c100 <= pn;
      if (!o.pass) {
        o.needed = o.count - o.limit;
        // p < 100 here: at 100 % nothing fails.
        o.needed_changing_size = CeilDiv(c100 - pn, 100 - p);
      }
    }
    c.pass = c.pass && o.pass;
    c.rules.push_back(std::move(o));
  }
  return c;
}

std::vector<QuotaOutcome> CheckQuotas(const std::vector<Quota>& quotas,
                                      const std::vector<Nomination>& nominations) {
  std::vector<QuotaOutcome> out;
  out.reserve(quotas.size());
  for (const Quota& q : quotas) {
    QuotaOutcome o;
    o.quota = q;
    o.count = static_cast<int>(
        std::count_if(nominations.begin(), nominations.end(), [&](const Nomination& x) {
          return x.org_id == q.org_id && (q.category.empty() || Has(x, q.category));
        }));
    o.over = o.count > q.max;
    o.over_by = o.over ? o.count - q.max : 0;
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace zj::competitions
