#include "app/hardship/case_dashboard.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "app/hardship/case_figures.h"
#include "app/hardship/hardship_rules.h"
#include "app/orgs/org_scope.h"
#include "core/aid/aid_rules.h"
#include "core/calendar/work_calendar.h"
#include "store/org_counters.h"

namespace zj::app {

namespace {

namespace metric = store::metric;

//! "YYYY-MM" of the month `back` months before the one of `ms` in China.
std::string MonthsBack(std::int64_t ms, int back) {
  const std::chrono::year_month_day day{calendar::LocalDay(ms)};
  const std::chrono::year_month first =
      std::chrono::year_month(day.year(), day.month()) - std::chrono::months(back);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u", static_cast<int>(first.year()),
                static_cast<unsigned>(first.month()));
  return out;
}

std::size_t KindIndex(const std::string& kind) {
  const auto* end = std::end(aid::kKinds);
  return static_cast<std::size_t>(std::find(std::begin(aid::kKinds), end, kind) -
                                  std::begin(aid::kKinds));
}

std::vector<AidKindFigures> EmptyKinds() {
  std::vector<AidKindFigures> out;
  for (const auto k : aid::kKinds) out.push_back(AidKindFigures{std::string(k), 0, 0, 0});
  return out;
}

void AddAid(std::vector<AidKindFigures>& kinds, const store::CounterRow& r) {
  const std::size_t i = KindIndex(r.dim1);
  if (i >= kinds.size()) return;  // a kind this build does not know: left out
  if (r.metric == metric::kAidApproved) kinds[i].approved += r.value;
  if (r.metric == metric::kAidApprovedFen) kinds[i].approved_fen += r.value;
  if (r.metric == metric::kAidPaidFen) kinds[i].paid_fen += r.value;
}

}  // namespace

Result<CaseDashboardView> CaseDashboard::Of(const Actor& actor, std::optional<std::int64_t> org_id,
                                            int months) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  if (months < 1 || months > 24) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "months", {}, {}};
    e.fields.push_back({"months", "error.field.out_of_range", {{"min", "1"}, {"max", "24"}}});
    return Fail(std::move(e));
  }
  const std::optional<std::int64_t> id = org_id ? org_id : actor.org_id;
  if (!id) return Fail(ErrorCode::kNotFound, "error.org.not_found", "no org");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(conn, actor, *id, "org_id"));

  CaseDashboardView v;
  v.org = org;
  v.months = months;
  const std::int64_t now = clock_.NowMs();
  v.from_month = MonthsBack(now, months - 1);
  std::map<std::string, std::size_t> month_index;
  for (int i = months - 1; i >= 0; --i) {
    month_index[MonthsBack(now, i)] = v.series.size();
    v.series.push_back(CaseMonth{MonthsBack(now, i), 0, 0, EmptyKinds()});
  }
  v.aid = EmptyKinds();
  std::map<std::string, std::int64_t> closed_by_reason;

  for (const std::string prefix : {"hardship.", "aid."}) {
    ZJ_ASSIGN_OR_RETURN(auto rows, store::CountersOf(conn, org.id, prefix, v.from_month));
    for (const auto& r : rows) {
      if (r.metric == metric::kFlowStages) {
        if (r.value != 0) v.by_stage.emplace_back(r.dim1, r.value);
        continue;
      }
      if (r.metric == metric::kHouseholds) {
        if (r.value == 0) continue;
        v.households += r.value;
        v.by_level_cause.push_back(HouseholdFigure{r.dim1, r.dim2, r.value});
        continue;
      }
      const auto m = month_index.find(r.period);
      if (m == month_index.end()) continue;
      CaseMonth& month = v.series[m->second];
      if (r.metric == metric::kFilesOpened) month.opened += r.value;
      if (r.metric == metric::kFilesClosed) {
        month.closed += r.value;
        closed_by_reason[r.dim1] += r.value;
      }
      AddAid(month.aid, r);
      AddAid(v.aid, r);
    }
  }
  for (const auto& [reason, n] : closed_by_reason) {
    if (n != 0) v.closed_by_reason.emplace_back(reason, n);
  }

  std::vector<std::string> window;
  window.reserve(v.series.size());
  for (const auto& m : v.series) window.push_back(m.month);
  ZJ_ASSIGN_OR_RETURN(v.legal, LegalFiguresOf(conn, org.id, window));

  const std::chrono::year_month_day today{calendar::LocalDay(now)};
  for (const auto kind : aid::kKinds) {
    ZJ_ASSIGN_OR_RETURN(auto budget, store::FindBudget(conn, org.id, static_cast<int>(today.year()),
                                                       std::string(kind)));
    if (budget) v.budgets.push_back(*budget);
  }

  ZJ_ASSIGN_OR_RETURN(auto children, store::ChildOrgs(conn, org.id));
  for (const auto& child : children) {
    CaseChild c{child.org.id, child.org.name, 0, 0, 0};
    ZJ_ASSIGN_OR_RETURN(c.legal_open, OpenLegalCasesOf(conn, child.org.id));
    // "9999" is after every month: the standing rows only.
    ZJ_ASSIGN_OR_RETURN(auto rows, store::CountersOf(conn, child.org.id, "hardship.", "9999"));
    for (const auto& r : rows) {
      if (r.metric == metric::kHouseholds) c.households += r.value;
    }
    ZJ_ASSIGN_OR_RETURN(auto aid_rows, store::CountersOf(conn, child.org.id, "aid.", v.from_month));
    for (const auto& r : aid_rows) {
      if (r.metric == metric::kAidApprovedFen) c.aid_approved_fen += r.value;
    }
    v.children.push_back(std::move(c));
  }
  std::sort(v.children.begin(), v.children.end(), [](const auto& a, const auto& b) {
    if (a.households != b.households) return a.households > b.households;
    return a.name < b.name;
  });
  return v;
}

}  // namespace zj::app
