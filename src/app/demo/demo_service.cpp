#include "app/demo/demo_service.h"

#include <functional>

#include "core/orgs/org_path.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr const char* kBeijingProvince = "11";
constexpr const char* kBeijingCity = "1101";  // 市辖区: the city level holding the 16 districts
constexpr const char* kAdminUsername = "admin";

// 东城区 → 北京市东城区总工会; 东华门街道 → 东华门街道总工会 (how federations name themselves).
std::string FederationName(const Region& r, const std::string& prefix) {
  return prefix + r.name + "总工会";
}

}  // namespace

Result<int> DemoService::LoadBeijingTree() {
  const Region* province = regions_.Find(kBeijingProvince);
  if (province == nullptr) {
    return Fail(ErrorCode::kFailedPrecondition, "error.regions.malformed", "Beijing (11) missing");
  }
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<int> {
    int created = 0;
    // Each org is looked up by code first, so a second run (or one after a partial load) only
    // adds what is missing.
    auto ensure = [&](const std::string& code, const std::string& name, const std::string& kind,
                      const std::string& region,
                      const store::OrgRow* parent) -> Result<store::OrgRow> {
      ZJ_ASSIGN_OR_RETURN(auto existing, store::FindOrgByCode(c, code));
      if (existing) return *existing;
      store::OrgRow row;
      row.id = NewId(clock_, random_);
      row.federation_id = parent ? parent->federation_id : row.id;
      if (parent) row.parent_id = parent->id;
      row.path = parent ? OrgPath::FromStored(parent->path).Child(row.id).str()
                        : OrgPath::Root(row.id).str();
      row.code = code;
      row.name = name;
      row.kind = kind;
      row.region_code = region;
      // An office line to call (the founding list names it): 010 and eight digits made from the
      // region code, the same on every load.
      if (kind == "district" || kind == "street") {
        const auto digits = std::to_string(6000'0000 + std::hash<std::string>{}(code) % 3000'0000);
        row.contact = "010-" + digits;
      }
      row.created_at = clock_.NowMs();
      ZJ_RETURN_IF_ERROR(store::InsertOrg(c, row));
      ++created;
      return row;
    };
    ZJ_ASSIGN_OR_RETURN(store::OrgRow city, ensure("110000", province->name + "总工会", "municipal",
                                                   kBeijingProvince, nullptr));
    for (const Region* district : regions_.Children(kBeijingCity)) {
      ZJ_ASSIGN_OR_RETURN(store::OrgRow d,
                          ensure(district->code, FederationName(*district, "北京市"), "district",
                                 district->code, &city));
      for (const Region* street : regions_.Children(district->code)) {
        ZJ_RETURN_IF_ERROR(
            ensure(street->code, FederationName(*street, ""), "street", street->code, &d));
      }
    }
    return created;
  });
}

Result<void> DemoService::EnsureAccount(const NewUser& user) {
  auto created = accounts_.CreateUser(user);
  if (!created && created.error().code == ErrorCode::kAlreadyExists) {
    return accounts_.SetPassword(user.username, user.password);
  }
  if (!created) return Fail(std::move(created).error());
  return {};
}

Result<DemoReport> DemoService::Load(const DemoOptions& options) {
  DemoReport report;
  ZJ_ASSIGN_OR_RETURN(report.orgs_created, LoadBeijingTree());
  if (options.enterprises_per_street > 0) {
    ZJ_ASSIGN_OR_RETURN(report.enterprises_created,
                        LoadEnterprises(options.enterprises_per_street, options.seed));
  }
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(std::int64_t total, store::CountOrgs(*lease));
    report.orgs_total = static_cast<int>(total);
  }
  struct Wanted {
    const char* username;
    const char* display_name;
    const char* role;
    const char* org_code;  // nullptr: no org
  };
  static constexpr Wanted kAccounts[] = {
      {kAdminUsername, "系统管理员", "admin", "110000"},
      {"staff.dongcheng", "东城区总工会工作人员", "staff", "110101"},
      {"staff.xicheng", "西城区总工会工作人员", "staff", "110102"},
      {"operator", "12351 热线接线员", "operator", "110000"},
      {"cadre.donghuamen", "东华门街道工会干部", "cadre", "110101001"},
      {"judge.dongcheng", "“东城杯”劳动竞赛评委", "cadre", "110101001"},
  };
  for (const Wanted& w : kAccounts) {
    std::optional<store::OrgRow> org;
    if (w.org_code != nullptr) {
      ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
      ZJ_ASSIGN_OR_RETURN(org, store::FindOrgByCode(*lease, w.org_code));
    }
    DemoAccount account{w.username, w.role, org ? org->name : std::string(),
                        options.admin_password ? *options.admin_password : random_.Token(12)};
    ZJ_RETURN_IF_ERROR(EnsureAccount(NewUser{w.username, w.display_name, account.password, w.role,
                                             org ? std::optional(org->id) : std::nullopt}));
    report.accounts.push_back(std::move(account));
  }
  // After the accounts: the demo transfer is asked by one of them.
  if (options.bulk_members) {
    ZJ_ASSIGN_OR_RETURN(report.members_created,
                        LoadBulkMembers(*options.bulk_members, options.seed, options));
  } else if (options.enterprises_per_street > 0 && options.members_per_union > 0) {
    ZJ_ASSIGN_OR_RETURN(report.members_created,
                        LoadMembers(options.members_per_union, options.seed));
  }
  ZJ_ASSIGN_OR_RETURN(report.worker, LoadDemoWorker());
  // The demo worker's member record is one of the demo's members (and of the city's rollups).
  if (report.worker->member_created) ++report.members_created;
  report.admin_username = report.accounts.front().username;
  report.admin_password = report.accounts.front().password;
  return report;
}

}  // namespace zj::app
