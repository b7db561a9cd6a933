#include "app/hardship/case_figures.h"

#include <chrono>
#include <cstdio>
#include <vector>

#include "core/calendar/work_calendar.h"
#include "core/orgs/org_path.h"
#include "store/org_counters.h"

namespace zj::app {

namespace {

using store::CounterDelta;
namespace metric = store::metric;

Result<void> Add(store::Connection& conn, const std::string& org_path, std::int64_t federation_id,
                 const std::vector<CounterDelta>& deltas) {
  return store::AddCounters(conn, OrgPath::FromStored(org_path).Ids(), federation_id, deltas);
}

}  // namespace

std::string MonthInChina(std::int64_t ms) {
  const std::chrono::year_month_day day{calendar::LocalDay(ms)};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()));
  return out;
}

Result<void> CountFileOpened(store::Connection& conn, const store::HardshipFileRow& f,
                             std::int64_t at) {
  return Add(conn, f.org_path, f.federation_id,
             {{metric::kHouseholds, "", f.level_final, f.main_cause, +1},
              {metric::kFilesOpened, MonthInChina(at), f.level_computed, "", +1}});
}

Result<void> CountFileClosed(store::Connection& conn, const store::HardshipFileRow& f,
                             const std::string& reason, std::int64_t at) {
  return Add(conn, f.org_path, f.federation_id,
             {{metric::kHouseholds, "", f.level_final, f.main_cause, -1},
              {metric::kFilesClosed, MonthInChina(at), reason, "", +1}});
}

Result<void> CountLevelChanged(store::Connection& conn, const store::HardshipFileRow& f,
                               const std::string& to) {
  if (f.status != "open" || f.level_final == to) return {};
  return Add(conn, f.org_path, f.federation_id,
             {{metric::kHouseholds, "", f.level_final, f.main_cause, -1},
              {metric::kHouseholds, "", to, f.main_cause, +1}});
}

Result<void> CountAidApproved(store::Connection& conn, const store::AidGrantRow& g,
                              std::int64_t at) {
  const std::string month = MonthInChina(at);
  return Add(conn, g.org_path, g.federation_id,
             {{metric::kAidApprovedFen, month, g.kind, "", g.amount_fen},
              {metric::kAidApproved, month, g.kind, "", +1}});
}

Result<void> CountAidPaid(store::Connection& conn, const store::AidGrantRow& g,
                          std::int64_t amount_fen, std::int64_t at) {
  return Add(conn, g.org_path, g.federation_id,
             {{metric::kAidPaidFen, MonthInChina(at), g.kind, "", amount_fen}});
}

}  // namespace zj::app
