// Demo enterprises: for every street federation of the demo tree, a long-tail spread of
// enterprises (most with a handful of employees, a few with thousands), industries weighted
// like a capital city's economy, about 70% of those with 25+ employees unionised (each in its
// own grassroots union) and some small ones in the street's joint union (联合工会). Written in
// one transaction, rollups summed in memory with the same contributions the use cases apply
// (coverage verify checks them), so hundreds of thousands load in seconds.
#include <cmath>
#include <map>
#include <random>

#include "app/demo/demo_service.h"
#include "core/coverage/coverage_figures.h"
#include "core/enterprises/uscc.h"
#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

struct Section {
  char letter;
  int weight;        // per mille, roughly Beijing's enterprise counts by section
  const char* word;  // goes into the enterprise's name
};

constexpr Section kSections[] = {
    {'F', 220, "商贸"},    {'L', 150, "商务服务"}, {'I', 130, "科技"},    {'M', 100, "技术"},
    {'H', 70, "餐饮"},     {'C', 60, "制造"},      {'E', 50, "建设"},     {'K', 40, "置业"},
    {'O', 45, "家政服务"}, {'G', 35, "物流"},      {'R', 30, "文化传媒"}, {'J', 25, "投资"},
    {'P', 12, "教育咨询"}, {'Q', 10, "医疗"},      {'N', 8, "环境工程"},  {'A', 5, "农业"},
    {'D', 4, "能源"},      {'B', 2, "矿业"},       {'S', 3, "服务中心"},  {'T', 1, "代表处"},
};

constexpr const char* kBrands[] = {"华信", "恒通", "京港", "瑞丰", "博远", "中科", "金桥", "新元",
                                   "安达", "宏图", "泰和", "永安", "嘉禾", "天成", "联创", "汇智",
                                   "鼎盛", "启明", "长青", "万方", "正阳", "广德", "智行", "云帆"};

constexpr std::pair<const char*, int> kOwnership[] = {
    {"private", 80}, {"state", 6}, {"collective", 2}, {"foreign", 5}, {"hmt", 4}, {"other", 3}};

//! A long tail: P(employees >= x) falls like (3/x)^(1/0.9), so about one in ten reaches 25.
std::int64_t Employees(std::mt19937_64& rng) {
  const double u = std::uniform_real_distribution<double>(1e-6, 1.0)(rng);
  return std::min<std::int64_t>(20000, static_cast<std::int64_t>(3.0 / std::pow(u, 0.9)));
}

}  // namespace

Result<int> DemoService::LoadEnterprises(int per_street, std::uint64_t seed) {
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<int> {
    ZJ_ASSIGN_OR_RETURN(std::int64_t existing, store::CountEnterprises(c));
    if (existing > 0) return 0;  // loaded before: a second run adds nothing
    std::mt19937_64 rng(seed);
    std::vector<int> weights;
    for (const auto& s : kSections) weights.push_back(s.weight);
    std::discrete_distribution<std::size_t> section(weights.begin(), weights.end());
    std::vector<int> ownership_weights;
    for (const auto& o : kOwnership) ownership_weights.push_back(o.second);
    std::discrete_distribution<std::size_t> ownership(ownership_weights.begin(),
                                                      ownership_weights.end());
    std::bernoulli_distribution big_unionised(0.7);
    std::bernoulli_distribution small_in_joint_union(0.15);
    std::uniform_int_distribution<std::size_t> brand(0, std::size(kBrands) - 1);

    std::map<std::int64_t, coverage::Figures> totals;
    std::map<std::pair<std::int64_t, std::string>, coverage::Figures> industries;
    std::map<std::int64_t, std::int64_t> federation_of;
    const std::int64_t now = clock_.NowMs();
    int serial = 0;
    int created = 0;
    auto add_union = [&](const store::OrgRow& street, const std::string& code,
                         const std::string& name) -> Result<store::OrgRow> {
      store::OrgRow u;
      u.id = NewId(clock_, random_);
      u.federation_id = street.federation_id;
      u.parent_id = street.id;
      u.path = OrgPath::FromStored(street.path).Child(u.id).str();
      u.code = code;
      u.name = name;
      u.kind = "grassroots";
      u.region_code = street.region_code;
      u.created_at = now;
      ZJ_RETURN_IF_ERROR(store::InsertOrg(c, u));
      return u;
    };
    ZJ_ASSIGN_OR_RETURN(auto orgs, store::AllOrgs(c));
    for (const store::OrgRow& street : orgs) {
      if (street.kind != "street" || !street.region_code) continue;
      const Region* region = regions_.Find(*street.region_code);
      const std::string place = region != nullptr ? region->name : street.name;
      std::optional<store::OrgRow> joint;
      for (int i = 0; i < per_street; ++i) {
        ++serial;
        const Section& s = kSections[section(rng)];
        store::EnterpriseRow e;
        e.id = NewId(clock_, random_);
        e.name = std::string("北京") + kBrands[brand(rng)] + s.word + "有限公司（" + place + "）" +
                 std::to_string(i + 1) + "号";
        // 91 (enterprise, industry and commerce) + district + a serial as the org code part.
        const std::string first17 =
            "91" + street.region_code->substr(0, 6) + std::to_string(1000000000 + serial).substr(1);
        e.uscc = first17 + *enterprises::UsccCheckCharacter(first17);
        e.region_code = *street.region_code;
        e.industry = std::string(1, s.letter);
        e.ownership = kOwnership[ownership(rng)].first;
        e.employees = Employees(rng);
        e.employees_reported_on = "2026-06-30";
        const bool big = e.employees >= coverage::kFoundingThreshold;
        store::OrgRow home = street;
        if (big && big_unionised(rng)) {
          ZJ_ASSIGN_OR_RETURN(home, add_union(street, "U" + std::to_string(serial),
                                              e.name.substr(0, e.name.find("（")) + "工会"));
          e.union_org_id = home.id;
        } else if (!big && small_in_joint_union(rng)) {
          if (!joint) {
            ZJ_ASSIGN_OR_RETURN(
                joint, add_union(street, street.code + "-J", place + "小微企业联合工会委员会"));
          }
          home = *joint;
          e.union_org_id = home.id;
        }
        e.org_id = home.id;
        e.org_path = home.path;
        e.federation_id = home.federation_id;
        e.created_at = now;
        e.updated_at = now;
        ZJ_RETURN_IF_ERROR(store::InsertEnterprise(c, e));
        const coverage::Figures f = coverage::Contribution(e.employees, e.union_org_id.has_value());
        for (std::int64_t id : OrgPath::FromStored(home.path).Ids()) {
          totals[id] += f;
          industries[{id, e.industry}] += f;
          federation_of[id] = home.federation_id;
        }
        ++created;
      }
    }
    for (const auto& [id, f] : totals) ZJ_RETURN_IF_ERROR(store::AddToTotals(c, {id}, f));
    for (const auto& [key, f] : industries) {
      ZJ_RETURN_IF_ERROR(
          store::AddToIndustry(c, {key.first}, key.second, federation_of[key.first], f));
    }
    return created;
  });
}

}  // namespace zj::app
