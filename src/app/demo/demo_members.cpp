// Demo members: `per_union` people in each of the first five grassroots unions of 东华门街道
// (so the demo cadre there sees a roster) and of the first three of 西城's first street, with
// names, birth dates, phones and employers drawn from a seeded generator, so the same seed gives
// the same people. Recorded through the member registry (validation, sealing, card numbers and
// coverage counts as for any member), then one pending transfer from 西城 to 东华门 asked by
// 西城's demo staff, so the transfer boxes show something. Nothing is added to a registry that
// has members already.
#include <cstdio>
#include <random>
#include <set>

#include "app/accounts/user_directory.h"
#include "app/demo/demo_service.h"
#include "core/members/national_id.h"
#include "store/accounts.h"
#include "store/enterprises.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
constexpr const char* kGiven[] = {"伟",   "芳",   "娜",   "敏",   "静",   "丽",   "强",
                                  "磊",   "军",   "洋",   "勇",   "艳",   "杰",   "娟",
                                  "涛",   "明",   "超",   "秀英", "霞",   "平",   "刚",
                                  "桂英", "晓林", "建华", "海燕", "志强", "玉兰", "文"};
constexpr const char* kEthnicities[] = {"汉族", "汉族", "汉族", "汉族",   "汉族",
                                        "汉族", "回族", "满族", "蒙古族", "朝鲜族"};

//! Grassroots unions directly under the org with this code, by code, at most `n`.
Result<std::vector<store::OrgRow>> UnionsUnder(store::Connection& c, const std::string& code,
                                               std::size_t n) {
  std::vector<store::OrgRow> out;
  ZJ_ASSIGN_OR_RETURN(auto parent, store::FindOrgByCode(c, code));
  if (!parent) return out;
  ZJ_ASSIGN_OR_RETURN(auto children, store::ChildOrgs(c, parent->id));
  for (const auto& child : children) {
    if (child.org.kind == "grassroots" && child.org.status == "active") out.push_back(child.org);
    if (out.size() == n) break;
  }
  return out;
}

}  // namespace

Result<int> DemoService::LoadMembers(int per_union, std::uint64_t seed) {
  std::vector<store::OrgRow> unions;
  std::optional<Actor> xicheng_staff;
  std::optional<std::int64_t> first_donghuamen;
  std::optional<MemberView> first_xicheng;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(std::int64_t existing, store::CountMembers(*lease));
    if (existing > 0) return 0;  // loaded before
    ZJ_ASSIGN_OR_RETURN(unions, UnionsUnder(*lease, "110101001", 5));
    if (!unions.empty()) first_donghuamen = unions.front().id;
    ZJ_ASSIGN_OR_RETURN(auto xicheng, store::FindOrgByCode(*lease, "110102"));
    if (xicheng) {
      ZJ_ASSIGN_OR_RETURN(auto streets, store::ChildOrgs(*lease, xicheng->id));
      if (!streets.empty()) {
        ZJ_ASSIGN_OR_RETURN(auto more, UnionsUnder(*lease, streets.front().org.code, 3));
        unions.insert(unions.end(), more.begin(), more.end());
      }
    }
    ZJ_ASSIGN_OR_RETURN(auto staff, store::FindUserByUsername(*lease, "staff.xicheng"));
    if (staff && xicheng) {
      xicheng_staff = Actor{staff->id,
                            staff->username,
                            staff->display_name,
                            staff->role,
                            xicheng->id,
                            xicheng->name,
                            xicheng->path,
                            "",
                            {},
                            {}};
    }
  }
  std::mt19937_64 rng(seed + 6);
  const auto pick = [&rng](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  const Actor system = SystemActor();
  std::set<std::string> ids;
  int created = 0;
  for (const store::OrgRow& u : unions) {
    std::optional<std::int64_t> employer;
    {
      ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
      ZJ_ASSIGN_OR_RETURN(auto enterprises, store::EnterprisesOfOrg(*lease, u.id));
      if (!enterprises.empty()) employer = enterprises.front().id;
    }
    const std::string region = u.region_code ? u.region_code->substr(0, 6) : "110101";
    for (int i = 0; i < per_union; ++i) {
      NewMember m;
      m.union_id = u.id;
      // The first demo member is 张晓林, the example of the pinyin search ("zxl").
      m.name = created == 0 ? std::string("张晓林")
                            : std::string(kSurnames[pick(std::size(kSurnames))]) +
                                  kGiven[pick(std::size(kGiven))] +
                                  (pick(3) == 0 ? kGiven[pick(std::size(kGiven))] : "");
      std::string number;
      do {
        const int year = 1966 + static_cast<int>(pick(38));
        const int month = 1 + static_cast<int>(pick(12));
        const int day = 1 + static_cast<int>(pick(28));
        char body[64];
        std::snprintf(body, sizeof body, "%s%04d%02d%02d%03d", region.c_str(), year, month, day,
                      static_cast<int>(pick(1000)));
        number = std::string(body, 17);
        number += members::IdCheckCharacter(number);
      } while (!ids.insert(number).second);
      m.id_number = number;
      if (pick(5) != 0) {
        m.phone = "13" + std::to_string(100000000 + pick(900000000)).substr(0, 9);
      }
      m.ethnicity = kEthnicities[pick(std::size(kEthnicities))];
      char joined[48];
      std::snprintf(joined, sizeof joined, "%04d-%02d-%02d", 2005 + static_cast<int>(pick(20)),
                    1 + static_cast<int>(pick(12)), 1 + static_cast<int>(pick(28)));
      m.join_date = joined;
      if (employer) m.employer_id = employer;
      m.migrant_worker = pick(4) == 0;
      m.model_worker = pick(20) == 0;
      auto member = members_.Create(system, m);
      if (!member) return Fail(std::move(member).error());
      ++created;
      if (xicheng_staff && u.path.starts_with(xicheng_staff->org_path) && !first_xicheng) {
        first_xicheng = *member;
      }
    }
  }
  if (xicheng_staff && first_xicheng && first_donghuamen) {
    auto transfer = transfers_.RequestFromSender(*xicheng_staff, first_xicheng->row.id,
                                                 *first_donghuamen, "工作调动（演示）");
    if (!transfer) return Fail(std::move(transfer).error());
  }
  return created;
}

}  // namespace zj::app
