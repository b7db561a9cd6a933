#include "app/requests/service_dashboard.h"

#include <algorithm>
#include <map>

#include "app/orgs/org_scope.h"
#include "core/orgs/org_path.h"
#include "store/request_stats.h"

namespace zj::app {

namespace {

constexpr std::int64_t kWeekMs = 7LL * 24 * 3600 * 1000;
constexpr int kMostOverdue = 10;

//! The top-level category a code is counted in ("rights.wage_arrears" → "rights").
std::string TopLevel(const std::string& code) { return code.substr(0, code.find('.')); }

}  // namespace

Result<ServiceDashboardView> ServiceDashboard::Of(const Actor& actor,
                                                  std::optional<std::int64_t> org_id, int weeks) {
  if (actor.role == "worker") return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  if (weeks < 1 || weeks > 53) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "weeks", {}, {}};
    e.fields.push_back({"weeks", "error.field.out_of_range", {{"min", "1"}, {"max", "53"}}});
    return Fail(std::move(e));
  }
  const std::optional<std::int64_t> id = org_id ? org_id : actor.org_id;
  if (!id) {  // an administrator without an org: the first root
    return Fail(ErrorCode::kNotFound, "error.org.not_found", "no org");
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(conn, actor, *id, "org_id"));

  ServiceDashboardView v;
  v.org = org;
  v.weeks = weeks;
  const std::int64_t now = clock_.NowMs();
  v.from_week = requests::WeekOf(now - (weeks - 1) * kWeekMs);
  for (int i = weeks - 1; i >= 0; --i) {
    v.series.push_back(DashboardWeek{requests::WeekOf(now - i * kWeekMs), {}, {}});
  }

  ZJ_ASSIGN_OR_RETURN(auto categories, store::ListCategories(conn));
  std::map<std::string, std::size_t> category_index;
  for (const auto& c : categories) {
    if (c.parent_code) continue;
    category_index[c.code] = v.categories.size();
    v.categories.push_back(DashboardCategory{c.code, c.name_zh, c.name_en, {}});
  }
  std::map<std::string, std::size_t> week_index;
  for (std::size_t i = 0; i < v.series.size(); ++i) week_index[v.series[i].week] = i;

  ZJ_ASSIGN_OR_RETURN(auto rows, store::RequestStatsOf(conn, org.id, v.from_week));
  std::map<std::pair<std::string, std::string>, std::int64_t> submitted;  // (week, category)
  for (const auto& row : rows) {
    v.total += row.figures;
    const std::string top = TopLevel(row.category_code);
    if (auto c = category_index.find(top); c != category_index.end()) {
      v.categories[c->second].figures += row.figures;
    }
    if (auto w = week_index.find(row.week); w != week_index.end()) {
      v.series[w->second].figures += row.figures;
      submitted[{row.week, top}] += row.figures.submitted;
    }
  }
  for (auto& week : v.series) {
    for (const auto& c : v.categories) {
      week.submitted_by_category.emplace_back(c.code, submitted[{week.week, c.code}]);
    }
  }

  ZJ_ASSIGN_OR_RETURN(auto children, store::ChildOrgs(conn, org.id));
  for (const auto& child : children) {
    DashboardChild figures{child.org.id, child.org.name, {}};
    ZJ_ASSIGN_OR_RETURN(auto child_rows, store::RequestStatsOf(conn, child.org.id, v.from_week));
    for (const auto& row : child_rows) figures.figures += row.figures;
    v.children.push_back(std::move(figures));
  }
  std::sort(v.children.begin(), v.children.end(), [](const auto& a, const auto& b) {
    if (a.figures.escalated != b.figures.escalated)
      return a.figures.escalated > b.figures.escalated;
    return a.name < b.name;
  });

  const OrgPath path = OrgPath::FromStored(org.path);
  ZJ_ASSIGN_OR_RETURN(v.most_overdue, store::OverdueByOrg(conn, path.SubtreeLow(),
                                                          path.SubtreeHigh(), now, kMostOverdue));
  v.accepted_on_time_rate = requests::Rate(v.total.accepted_on_time, v.total.accepted);
  v.resolved_on_time_rate = requests::Rate(v.total.resolved_on_time, v.total.resolved);
  if (v.total.rated > 0) {
    v.average_rating = static_cast<double>(v.total.rating_sum) / static_cast<double>(v.total.rated);
  }
  v.median_bucket = requests::MedianBucket(v.total.resolved_within);
  return v;
}

}  // namespace zj::app
