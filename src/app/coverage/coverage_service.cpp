#include "app/coverage/coverage_service.h"

#include <charconv>
#include <map>

#include "app/coverage/founding_xlsx.h"
#include "app/orgs/org_scope.h"
#include "core/enterprises/industry.h"
#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/members.h"
#include "store/reached_marks.h"
#include "store/served_marks.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;
constexpr std::int64_t kMaxExportRows = 100000;

Error Invalid() { return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}}; }

std::optional<std::int64_t> ParseInt(std::string_view text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

//! The cursor "<employees>.<id>" of the last row of a page.
std::optional<std::pair<std::int64_t, std::int64_t>> ParseCursor(const std::string& cursor) {
  const std::size_t dot = cursor.find('.');
  if (dot == std::string::npos) return std::nullopt;
  auto employees = ParseInt(std::string_view(cursor).substr(0, dot));
  auto id = ParseInt(std::string_view(cursor).substr(dot + 1));
  if (!employees || !id) return std::nullopt;
  return std::pair{*employees, *id};
}

Result<void> CheckFilter(const RegionTable& regions, const FoundingFilter& f, bool paged) {
  Error invalid = Invalid();
  if (paged && (f.limit < 1 || f.limit > kMaxLimit)) {
    invalid.fields.push_back(
        {"limit", "error.field.out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxLimit)}}});
  }
  if (!f.street.empty()) {
    const Region* r = regions.Find(f.street);
    if (r == nullptr || r->level != RegionLevel::kStreet) {
      invalid.fields.push_back({"street", "error.region.not_street", {}});
    }
  }
  if (!f.industry.empty() && enterprises::FindIndustry(f.industry) == nullptr) {
    invalid.fields.push_back({"industry", "error.industry.invalid", {}});
  }
  if (paged && !f.cursor.empty() && !ParseCursor(f.cursor)) {
    invalid.fields.push_back({"cursor", "error.field.cursor", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return {};
}

store::FoundingQuery QueryFor(const store::OrgRow& org, const FoundingFilter& f) {
  const OrgPath path = OrgPath::FromStored(org.path);
  store::FoundingQuery q;
  q.subtree_low = path.SubtreeLow();
  q.subtree_high = path.SubtreeHigh();
  q.street = f.street;
  q.industry = f.industry;
  q.min_employees = coverage::kFoundingThreshold;
  if (!f.cursor.empty()) q.after = ParseCursor(f.cursor);
  return q;
}

void Compare(VerifyReport& report, const store::OrgRow& org, const std::string& prefix,
             const coverage::Figures& stored, const coverage::Figures& counted) {
  const auto one = [&](const char* name, std::int64_t s, std::int64_t c) {
    if (s != c) report.differences.push_back({org.id, org.code, prefix + name, s, c});
  };
  one("enterprises", stored.enterprises, counted.enterprises);
  one("unionised_enterprises", stored.unionised_enterprises, counted.unionised_enterprises);
  one("employees", stored.employees, counted.employees);
  one("members", stored.members, counted.members);
  one("founding_gap", stored.founding_gap, counted.founding_gap);
}

}  // namespace

Result<OrgCoverage> CoverageService::Of(const Actor& actor, std::int64_t org_id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(*lease, actor, org_id));
  OrgCoverage out;
  out.org = org;
  ZJ_ASSIGN_OR_RETURN(store::RollupRow totals, store::RollupOf(*lease, org_id));
  out.figures = totals.figures;
  out.served_12m = totals.served_12m;
  out.members_online = totals.members_online;
  ZJ_ASSIGN_OR_RETURN(auto children, store::ChildOrgs(*lease, org_id));
  for (const auto& child : children) {
    if (child.org.status != "active") continue;
    ZJ_ASSIGN_OR_RETURN(store::RollupRow r, store::RollupOf(*lease, child.org.id));
    out.children.push_back({child.org, r.figures, r.members_online});
  }
  ZJ_ASSIGN_OR_RETURN(auto industries, store::IndustryRollupsOf(*lease, org_id));
  for (const auto& i : industries) out.industries.push_back({i.industry, i.figures});
  return out;
}

Result<FoundingPage> CoverageService::FoundingList(const Actor& actor, std::int64_t org_id,
                                                   const FoundingFilter& filter) {
  ZJ_RETURN_IF_ERROR(CheckFilter(regions_, filter, true));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(*lease, actor, org_id));
  store::FoundingQuery q = QueryFor(org, filter);
  q.limit = filter.limit + 1;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::FoundingList(*lease, q));
  FoundingPage page;
  if (static_cast<int>(rows.size()) > filter.limit) {
    rows.resize(static_cast<std::size_t>(filter.limit));
    const auto& last = rows.back();
    page.next_cursor = std::to_string(last.employees) + "." + std::to_string(last.id);
  }
  ZJ_ASSIGN_OR_RETURN(page.items, Describe(*lease, std::move(rows)));
  return page;
}

Result<std::vector<FoundingItem>> CoverageService::Describe(
    store::Connection& conn, std::vector<store::EnterpriseRow> rows) const {
  std::map<std::int64_t, store::OrgRow> orgs;  // a page names a handful of streets
  std::vector<FoundingItem> out;
  out.reserve(rows.size());
  for (auto& row : rows) {
    FoundingItem item;
    if (const Region* r = regions_.Find(row.region_code)) item.enterprise.region_name = r->name;
    // GB/T 2260: the first six digits of a street's code are its district's.
    if (const Region* d = regions_.Find(row.region_code.substr(0, 6))) item.district_name = d->name;
    auto known = orgs.find(row.org_id);
    if (known == orgs.end()) {
      ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
      if (org) known = orgs.emplace(row.org_id, std::move(*org)).first;
    }
    if (known != orgs.end()) {
      item.org_id = known->second.id;
      item.org_name = known->second.name;
      item.org_contact = known->second.contact.value_or("");
    }
    item.enterprise.row = std::move(row);
    out.push_back(std::move(item));
  }
  return out;
}

Result<std::string> CoverageService::ExportFoundingList(const Actor& actor, std::int64_t org_id,
                                                        const FoundingFilter& filter) {
  FoundingFilter all = filter;
  all.cursor.clear();
  ZJ_RETURN_IF_ERROR(CheckFilter(regions_, all, false));
  std::vector<FoundingItem> rows;
  store::OrgRow org;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(org, LoadOrgInScope(*lease, actor, org_id));
    store::FoundingQuery q = QueryFor(org, all);
    q.limit = kMaxExportRows;
    ZJ_ASSIGN_OR_RETURN(auto found, store::FoundingList(*lease, q));
    ZJ_ASSIGN_OR_RETURN(rows, Describe(*lease, std::move(found)));
  }
  // An export of personal-adjacent lists is only allowed once it is on record.
  ZJ_RETURN_IF_ERROR(
      audit_.Record(AuditActor::From(actor), AuditEvent{"founding_list.export",
                                                        "founding_list",
                                                        std::to_string(org_id),
                                                        "ok",
                                                        actor.remote_addr,
                                                        {{"org", org.code},
                                                         {"street", filter.street},
                                                         {"industry", filter.industry},
                                                         {"rows", std::to_string(rows.size())}}}));
  return FoundingListWorkbook(rows);
}

Result<VerifyReport> CoverageService::Verify() {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  // One snapshot for every read, so figures and enterprises are compared at the same moment:
  // SQLite's write transaction has it; PostgreSQL needs REPEATABLE READ for it.
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  if (lease->backend() == store::Backend::kPostgres) {
    ZJ_RETURN_IF_ERROR(lease->ExecScript("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
  }
  ZJ_ASSIGN_OR_RETURN(auto orgs, store::AllOrgs(*lease));
  ZJ_ASSIGN_OR_RETURN(auto enterprises, store::AllEnterprises(*lease));
  ZJ_ASSIGN_OR_RETURN(auto rollups, store::AllRollups(*lease));
  ZJ_ASSIGN_OR_RETURN(auto industry_rollups, store::AllIndustryRollups(*lease));
  ZJ_ASSIGN_OR_RETURN(auto members_per_union, store::ActiveMembersPerUnion(*lease));
  ZJ_ASSIGN_OR_RETURN(auto members_off_path, store::MembersOffTheirUnionsPath(*lease));
  ZJ_ASSIGN_OR_RETURN(auto served_per_path, store::ServedMarksPerPath(*lease));
  ZJ_ASSIGN_OR_RETURN(auto online_per_path, store::MembersReachedOnlinePerPath(*lease));
  ZJ_ASSIGN_OR_RETURN(auto reached_per_path, store::ReachedMarksPerPath(*lease));
  ZJ_ASSIGN_OR_RETURN(auto reached_stored, store::AllReached(*lease));
  VerifyReport report;
  report.orgs = static_cast<std::int64_t>(orgs.size());
  report.enterprises = static_cast<std::int64_t>(enterprises.size());

  std::map<std::int64_t, const store::OrgRow*> by_id;
  for (const auto& o : orgs) by_id[o.id] = &o;
  std::map<std::int64_t, coverage::Figures> totals;
  std::map<std::pair<std::int64_t, std::string>, coverage::Figures> by_industry;
  for (const auto& o : orgs) {
    totals[o.id];
    // The stored path must be the parent's path plus the org's id.
    const std::string expected =
        o.parent_id && by_id.contains(*o.parent_id)
            ? OrgPath::FromStored(by_id[*o.parent_id]->path).Child(o.id).str()
            : OrgPath::Root(o.id).str();
    if (o.path != expected) report.differences.push_back({o.id, o.code, "path", 0, 0});
  }
  for (const auto& e : enterprises) {
    auto home = by_id.find(e.org_id);
    if (home == by_id.end() || home->second->path != e.org_path) {
      report.differences.push_back({e.org_id, "enterprise " + e.uscc, "org_path", 0, 0});
    }
    const coverage::Figures c = coverage::Contribution(e.employees, e.union_org_id.has_value());
    for (std::int64_t id : OrgPath::FromStored(e.org_path).Ids()) {
      totals[id] += c;
      by_industry[{id, e.industry}] += c;
    }
  }
  // Active members count toward every org on their union's path.
  for (const auto& [union_id, active] : members_per_union) {
    auto home = by_id.find(union_id);
    if (home == by_id.end()) continue;
    for (std::int64_t id : OrgPath::FromStored(home->second->path).Ids()) {
      totals[id].members += active;
    }
  }
  for (const auto& [union_id, off_path] : members_off_path) {
    auto home = by_id.find(union_id);
    report.differences.push_back(
        {union_id, home == by_id.end() ? "" : home->second->code, "members org_path", 0, off_path});
  }
  // 有效覆盖: each mark counts at every org on the path it is counted along.
  std::map<std::int64_t, std::int64_t> served;
  for (const auto& [path, marks] : served_per_path) {
    for (std::int64_t id : OrgPath::FromStored(path).Ids()) served[id] += marks;
  }
  for (const auto& r : rollups) {
    auto org = by_id.find(r.org_id);
    const std::int64_t counted = served.contains(r.org_id) ? served[r.org_id] : 0;
    if (org != by_id.end() && r.served_12m != counted) {
      report.differences.push_back(
          {r.org_id, org->second->code, "served_12m", r.served_12m, counted});
    }
  }
  // Reach of activities (issue 22): as 有效覆盖, each mark along the path it is counted along.
  std::map<std::int64_t, std::int64_t> reached;
  for (const auto& [path, marks] : reached_per_path) {
    for (std::int64_t id : OrgPath::FromStored(path).Ids()) reached[id] += marks;
  }
  for (const auto& [org_id, stored] : reached_stored) {
    auto org = by_id.find(org_id);
    const std::int64_t counted = reached.contains(org_id) ? reached[org_id] : 0;
    if (org != by_id.end() && stored != counted) {
      report.differences.push_back({org_id, org->second->code, "reached_12m", stored, counted});
    }
  }
  // Members reached online: each active bound member counts at every org on its path.
  std::map<std::int64_t, std::int64_t> online;
  for (const auto& [path, bound] : online_per_path) {
    for (std::int64_t id : OrgPath::FromStored(path).Ids()) online[id] += bound;
  }
  for (const auto& r : rollups) {
    auto org = by_id.find(r.org_id);
    const std::int64_t counted = online.contains(r.org_id) ? online[r.org_id] : 0;
    if (org != by_id.end() && r.members_online != counted) {
      report.differences.push_back(
          {r.org_id, org->second->code, "members_online", r.members_online, counted});
    }
  }
  std::map<std::int64_t, coverage::Figures> stored;
  for (const auto& r : rollups) stored[r.org_id] = r.figures;
  for (const auto& o : orgs) {
    auto it = stored.find(o.id);
    if (it == stored.end()) {
      report.differences.push_back({o.id, o.code, "rollup row", 0, 1});
      continue;
    }
    Compare(report, o, "", it->second, totals[o.id]);
  }
  std::map<std::pair<std::int64_t, std::string>, coverage::Figures> stored_industry;
  for (const auto& r : industry_rollups) stored_industry[{r.org_id, r.industry}] = r.figures;
  for (const auto& [key, counted] : by_industry) stored_industry.try_emplace(key);
  for (const auto& [key, figures] : stored_industry) {
    auto org = by_id.find(key.first);
    if (org == by_id.end()) continue;
    auto counted = by_industry.find(key);
    Compare(report, *org->second, "industry " + key.second + " ", figures,
            counted == by_industry.end() ? coverage::Figures{} : counted->second);
  }
  return report;
}

}  // namespace zj::app
