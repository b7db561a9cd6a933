#include "app/legal/legal_figures.h"

#include <tuple>

#include "app/hardship/case_figures.h"
#include "core/orgs/org_path.h"
#include "store/org_counters.h"

namespace zj::app {

namespace {

namespace metric = store::metric;
using store::CounterDelta;

constexpr std::string_view kClosed = "closed";

//! The standing figures of one row, times `sign`, keyed (metric, dim1, dim2).
void Standing(const store::LegalCaseRow& c, std::int64_t sign,
              std::map<std::tuple<std::string_view, std::string, std::string>, std::int64_t>& out) {
  out[{metric::kLegalCases, c.type, c.stage}] += sign;
  out[{metric::kLegalClaimedFen, c.type, ""}] += sign * c.claimed_fen;
  out[{metric::kLegalRecoveredFen, c.type, ""}] += sign * c.recovered_fen;
  if (c.collective) {
    out[{metric::kLegalCollective, std::string(c.stage == kClosed ? "closed" : "open"), ""}] +=
        sign;
  }
}

}  // namespace

Result<void> CountLegalCase(store::Connection& conn, const store::LegalCaseRow* before,
                            const store::LegalCaseRow& after) {
  std::map<std::tuple<std::string_view, std::string, std::string>, std::int64_t> standing;
  if (before) Standing(*before, -1, standing);
  Standing(after, +1, standing);
  std::vector<CounterDelta> deltas;
  for (const auto& [key, value] : standing) {
    if (value != 0)
      deltas.push_back({std::get<0>(key), "", std::get<1>(key), std::get<2>(key), value});
  }
  if (!before) deltas.push_back({metric::kLegalOpened, MonthInChina(after.opened_at), "", "", +1});
  const bool closes = after.stage == kClosed && (!before || before->stage != kClosed);
  if (closes && after.closed_at) {
    deltas.push_back({metric::kLegalClosed, MonthInChina(*after.closed_at), "", "", +1});
  }
  if (deltas.empty()) return {};
  return store::AddCounters(conn, OrgPath::FromStored(after.org_path).Ids(), after.federation_id,
                            deltas);
}

Result<LegalFigures> LegalFiguresOf(store::Connection& conn, std::int64_t org_id,
                                    const std::vector<std::string>& months) {
  LegalFigures f;
  std::map<std::string, std::size_t> month_index;
  for (const auto& m : months) {
    month_index[m] = f.series.size();
    f.series.push_back(LegalMonth{m, 0, 0});
  }
  const std::string from = months.empty() ? std::string("9999") : months.front();
  ZJ_ASSIGN_OR_RETURN(auto rows, store::CountersOf(conn, org_id, "legal.", from));
  for (const auto& r : rows) {
    if (r.value == 0) continue;
    if (r.metric == metric::kLegalCases) {
      f.cases += r.value;
      if (r.dim2 != kClosed) f.open += r.value;
      f.by_type_stage.push_back(LegalTypeStage{r.dim1, r.dim2, r.value});
    } else if (r.metric == metric::kLegalClaimedFen) {
      f.claimed_fen += r.value;
    } else if (r.metric == metric::kLegalRecoveredFen) {
      f.recovered_fen += r.value;
    } else if (r.metric == metric::kLegalCollective) {
      f.collective_total += r.value;
      if (r.dim1 == "open") f.collective_open += r.value;
    } else if (const auto m = month_index.find(r.period); m != month_index.end()) {
      if (r.metric == metric::kLegalOpened) f.series[m->second].opened += r.value;
      if (r.metric == metric::kLegalClosed) f.series[m->second].closed += r.value;
    }
  }
  return f;
}

Result<std::int64_t> OpenLegalCasesOf(store::Connection& conn, std::int64_t org_id) {
  // "9999" is after every month: the standing rows only.
  ZJ_ASSIGN_OR_RETURN(auto rows, store::CountersOf(conn, org_id, "legal.", "9999"));
  std::int64_t open = 0;
  for (const auto& r : rows) {
    if (r.metric == metric::kLegalCases && r.dim2 != kClosed) open += r.value;
  }
  return open;
}

}  // namespace zj::app
