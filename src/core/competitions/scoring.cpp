#include "core/competitions/scoring.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace zj::competitions {

namespace {

constexpr std::array<std::string_view, 3> kMethodCodes{"mean", "trimmed_mean", "z_score"};
constexpr std::array<std::string_view, 2> kTieCodes{"share", "indicators_in_order"};
constexpr std::size_t kMaxCodeLength = 40;
constexpr std::size_t kMaxNameBytes = 200;  // 60-odd Chinese characters

template <typename E, std::size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& codes, std::string_view code) {
  for (std::size_t i = 0; i < N; ++i) {
    if (codes[i] == code) return static_cast<E>(i);
  }
  return std::nullopt;
}

bool IsCode(std::string_view s) {
  return !s.empty() && s.size() <= kMaxCodeLength && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

//! A mark in points for a message: "35" or "32.50".
std::string Points(std::int64_t centi) {
  std::string s = std::to_string(centi / kCenti);
  const std::int64_t rest = centi % kCenti;
  if (rest != 0) s += (rest < 10 ? ".0" : ".") + std::to_string(rest);
  return s;
}

FieldError Field(std::string field, std::string key,
                 std::vector<std::pair<std::string, std::string>> args = {}) {
  return FieldError{std::move(field), std::move(key), std::move(args)};
}

std::unexpected<Error> Invalid(std::string key, std::vector<FieldError> fields) {
  Error e{ErrorCode::kInvalidArgument, std::move(key), {}, std::move(fields), {}};
  e.detail = e.fields.front().field + ": " + e.fields.front().message_key;
  return Fail(std::move(e));
}

//! A judge's marks in sheet order and their weighted total.
struct Scored {
  std::int64_t total_e4 = 0;
  std::vector<std::int64_t> marks_centi;
};

//! The marks' field errors under `prefix` ("marks." or "scores.3.marks."), or the scored marks.
std::vector<FieldError> Score(const Sheet& sheet, const std::vector<Mark>& marks,
                              const std::string& prefix, Scored& out) {
  std::vector<FieldError> errors;
  const std::size_t n = sheet.indicators.size();
  std::vector<bool> seen(n, false);
  out.marks_centi.assign(n, 0);
  for (const Mark& m : marks) {
    const std::string field = prefix + m.indicator;
    const auto it = std::find_if(sheet.indicators.begin(), sheet.indicators.end(),
                                 [&](const Indicator& i) { return i.code == m.indicator; });
    if (it == sheet.indicators.end()) {
      errors.push_back(Field(field, "error.competition.mark_unknown"));
      continue;
    }
    const auto i = static_cast<std::size_t>(it - sheet.indicators.begin());
    if (seen[i]) {
      errors.push_back(Field(field, "error.competition.mark_twice"));
      continue;
    }
    seen[i] = true;
    if (m.centi < 0) {
      errors.push_back(Field(field, "error.competition.mark_negative"));
    } else if (m.centi > it->max_centi) {
      errors.push_back(
          Field(field, "error.competition.mark_above_max", {{"max", Points(it->max_centi)}}));
    }
    out.marks_centi[i] = m.centi;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!seen[i]) {
      errors.push_back(Field(prefix + sheet.indicators[i].code, "error.competition.mark_missing"));
    }
  }
  out.total_e4 = 0;
  for (std::size_t i = 0; i < n && errors.empty(); ++i) {
    const Indicator& ind = sheet.indicators[i];
    // weight × mark ÷ max in e4, rounded half up (every term is ≥ 0).
    const std::int64_t num = ind.weight * out.marks_centi[i] * kE4;
    out.total_e4 += (2 * num + ind.max_centi) / (2 * ind.max_centi);
  }
  return errors;
}

//! Per judge: mean and population standard deviation of its totals, or nothing when they do
//! not vary. Doubles, summed in entry-id order; see the header on determinism.
struct JudgeSpread {
  double mean = 0;
  double sd = 0;
  bool informative = false;
};

//! Orders results best first under the tie-break; `Same` says whether two share a rank.
struct Order {
  TieBreak tie;
  bool Better(const EntryResult& a, const EntryResult& b) const {
    if (a.result_e4 != b.result_e4) return a.result_e4 > b.result_e4;
    if (tie == TieBreak::kIndicatorsInOrder && a.indicator_means_e4 != b.indicator_means_e4) {
      return a.indicator_means_e4 > b.indicator_means_e4;  // lexicographic, first-listed first
    }
    return false;
  }
  bool Same(const EntryResult& a, const EntryResult& b) const {
    return !Better(a, b) && !Better(b, a);
  }
};

//! Ranks under `order`; entries sharing a rank are listed by entry id (ids are unique, so the
//! sort's order is total and a plain sort is deterministic).
std::vector<Ranked> RankOf(std::vector<const EntryResult*> rs, const Order& order) {
  std::sort(rs.begin(), rs.end(), [&](const EntryResult* a, const EntryResult* b) {
    if (order.Better(*a, *b)) return true;
    if (order.Better(*b, *a)) return false;
    return a->entry_id < b->entry_id;
  });
  std::vector<Ranked> out;
  out.reserve(rs.size());
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const bool shared = i > 0 && order.Same(*rs[i - 1], *rs[i]);
    out.push_back({rs[i]->entry_id, shared ? out.back().rank : static_cast<int>(i) + 1});
  }
  return out;
}

}  // namespace

std::string_view MethodCode(Method m) { return kMethodCodes[static_cast<std::size_t>(m)]; }
std::optional<Method> ParseMethod(std::string_view code) {
  return Parse<Method>(kMethodCodes, code);
}
std::string_view TieBreakCode(TieBreak t) { return kTieCodes[static_cast<std::size_t>(t)]; }
std::optional<TieBreak> ParseTieBreak(std::string_view code) {
  return Parse<TieBreak>(kTieCodes, code);
}

std::int64_t DivRound(std::int64_t n, std::int64_t d) {
  return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
}

Result<void> CheckSheet(const Sheet& sheet) {
  std::vector<FieldError> errors;
  const auto& inds = sheet.indicators;
  if (inds.empty()) errors.push_back(Field("indicators", "error.competition.no_indicators"));
  if (inds.size() > kMaxIndicators) {
    errors.push_back(Field("indicators", "error.competition.too_many_indicators",
                           {{"max", std::to_string(kMaxIndicators)}}));
  }
  int weights = 0;
  for (std::size_t i = 0; i < inds.size(); ++i) {
    const Indicator& ind = inds[i];
    const std::string at = "indicators." + std::to_string(i) + ".";
    const auto before = inds.begin() + static_cast<std::ptrdiff_t>(i);
    if (!IsCode(ind.code)) {
      errors.push_back(Field(at + "code", "error.competition.indicator_code"));
    } else if (std::any_of(inds.begin(), before,
                           [&](const Indicator& o) { return o.code == ind.code; })) {
      errors.push_back(Field(at + "code", "error.competition.indicator_twice"));
    }
    if (ind.name.empty() || ind.name.size() > kMaxNameBytes) {
      errors.push_back(Field(at + "name", "error.competition.indicator_name"));
    } else if (std::any_of(inds.begin(), before,
                           [&](const Indicator& o) { return o.name == ind.name; })) {
      errors.push_back(Field(at + "name", "error.competition.indicator_twice"));
    }
    if (ind.max_centi < 1 || ind.max_centi > kMaxIndicatorCenti) {
      errors.push_back(Field(at + "max", "error.competition.indicator_max",
                             {{"max", Points(kMaxIndicatorCenti)}}));
    }
    if (ind.weight < 1 || ind.weight > kWeightTotal) {
      errors.push_back(Field(at + "weight", "error.competition.indicator_weight"));
    } else {
      weights += ind.weight;
    }
  }
  if (!inds.empty() && errors.empty() && weights != kWeightTotal) {
    errors.push_back(
        Field("indicators", "error.competition.weight_sum",
              {{"sum", std::to_string(weights)}, {"total", std::to_string(kWeightTotal)}}));
  }
  if (!errors.empty()) return Invalid("error.competition.sheet", std::move(errors));
  return {};
}

Result<std::int64_t> WeightedTotal(const Sheet& sheet, const std::vector<Mark>& marks) {
  ZJ_RETURN_IF_ERROR(CheckSheet(sheet));  // a max of 0 would divide by zero
  Scored s;
  auto errors = Score(sheet, marks, "marks.", s);
  if (!errors.empty()) return Invalid("error.competition.score", std::move(errors));
  return s.total_e4;
}

Result<Ranking> Rank(const Sheet& sheet, const std::vector<Entry>& entries,
                     const std::vector<JudgeScore>& scores, const Options& options) {
  ZJ_RETURN_IF_ERROR(CheckSheet(sheet));
  std::vector<FieldError> errors;
  std::map<std::int64_t, const Entry*> listed;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!listed.emplace(entries[i].id, &entries[i]).second) {
      errors.push_back(
          Field("entries." + std::to_string(i) + ".id", "error.competition.entry_twice"));
    }
  }
  // entry id → (judge id → scored marks); ordered maps give the fixed order of the arithmetic.
  std::map<std::int64_t, std::map<std::int64_t, Scored>> by_entry;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const JudgeScore& js = scores[i];
    const std::string at = "scores." + std::to_string(i) + ".";
    if (!listed.contains(js.entry_id)) {
      errors.push_back(Field(at + "entry_id", "error.competition.entry_not_listed"));
      continue;
    }
    Scored s;
    auto mark_errors = Score(sheet, js.marks, at + "marks.", s);
    errors.insert(errors.end(), mark_errors.begin(), mark_errors.end());
    if (!by_entry[js.entry_id].emplace(js.judge_id, std::move(s)).second) {
      errors.push_back(Field(at + "judge_id", "error.competition.score_twice"));
    }
  }
  if (!errors.empty()) return Invalid("error.competition.score", std::move(errors));

  Ranking out;
  for (const auto& [id, entry] : listed) {
    if (entry->veto) {
      out.vetoed.push_back({id, entry->group, *entry->veto});
      by_entry.erase(id);
    } else if (!by_entry.contains(id)) {
      out.unscored.push_back(id);
      by_entry.erase(id);
    }
  }

  std::map<std::int64_t, JudgeSpread> spread;
  if (options.method == Method::kZScore) {
    std::map<std::int64_t, std::vector<std::int64_t>> by_judge;  // totals in entry-id order
    for (const auto& [entry_id, judged] : by_entry) {
      for (const auto& [judge_id, s] : judged) by_judge[judge_id].push_back(s.total_e4);
    }
    for (const auto& [judge_id, totals] : by_judge) {
      JudgeSpread& sp = spread[judge_id];
      const auto [lo, hi] = std::minmax_element(totals.begin(), totals.end());
      sp.informative = *lo != *hi;  // integers: no variance is exact, never "nearly 0"
      if (!sp.informative) continue;
      double sum = 0;
      for (const std::int64_t t : totals) sum += static_cast<double>(t);
      sp.mean = sum / static_cast<double>(totals.size());
      double squares = 0;
      for (const std::int64_t t : totals) {
        squares += (static_cast<double>(t) - sp.mean) * (static_cast<double>(t) - sp.mean);
      }
      sp.sd = std::sqrt(squares / static_cast<double>(totals.size()));
    }
  }

  const std::size_t n_ind = sheet.indicators.size();
  for (const auto& [entry_id, judged] : by_entry) {
    EntryResult r;
    r.entry_id = entry_id;
    r.group = listed[entry_id]->group;
    r.judges = static_cast<int>(judged.size());
    std::vector<std::int64_t> mark_sums(n_ind, 0);
    std::int64_t sum = 0;
    for (const auto& [judge_id, s] : judged) {
      r.totals_e4.push_back(s.total_e4);
      sum += s.total_e4;
      for (std::size_t i = 0; i < n_ind; ++i) mark_sums[i] += s.marks_centi[i];
    }
    for (const std::int64_t m : mark_sums) {
      r.indicator_means_e4.push_back(DivRound(m * (kE4 / kCenti), r.judges));
    }
    r.raw_mean_e4 = DivRound(sum, r.judges);
    r.result_e4 = r.raw_mean_e4;
    if (options.method == Method::kTrimmedMean && r.judges >= 3) {
      const auto [lo, hi] = std::minmax_element(r.totals_e4.begin(), r.totals_e4.end());
      r.result_e4 = DivRound(sum - *lo - *hi, r.judges - 2);
      r.trimmed = true;
    }
    if (options.method == Method::kZScore) {
      std::int64_t z_sum = 0;
      int informative = 0;
      for (const auto& [judge_id, s] : judged) {
        const JudgeSpread& sp = spread[judge_id];
        if (!sp.informative) continue;
        const double z = (static_cast<double>(s.total_e4) - sp.mean) / sp.sd;
        z_sum += static_cast<std::int64_t>(std::llround(z * static_cast<double>(kE4)));
        ++informative;
      }
      r.no_informative_judge = informative == 0;
      r.result_e4 = informative == 0 ? 0 : DivRound(z_sum, informative);
    }
    out.results.push_back(std::move(r));
  }

  const Order order{options.tie_break};
  std::vector<const EntryResult*> all;
  std::map<std::string, std::vector<const EntryResult*>> grouped;
  for (const EntryResult& r : out.results) {
    all.push_back(&r);
    grouped[r.group].push_back(&r);
  }
  out.overall = RankOf(all, order);
  for (auto& [group, rs] : grouped) out.groups.push_back({group, RankOf(std::move(rs), order)});
  return out;
}

}  // namespace zj::competitions
