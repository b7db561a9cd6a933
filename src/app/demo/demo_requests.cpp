#include "app/demo/demo_requests.h"

#include <random>
#include <set>
#include <string>
#include <vector>

#include "store/accounts.h"
#include "store/enterprises.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

struct Topic {
  const char* title;
  const char* description;
};

// What workers ask the 12351 hotline about, one line each (the category is drawn separately).
constexpr Topic kTopics[] = {
    {"咨询年休假天数", "入职三年，想了解年休假应有几天，单位说要满五年。"},
    {"工资拖欠两个月", "公司已连续两个月未发工资，班组十几个人都没拿到。"},
    {"劳动合同到期不续签", "合同下月到期，单位口头说不续签，是否有经济补偿？"},
    {"工伤认定需要哪些材料", "上周在车间扭伤脚踝，单位不愿意报工伤。"},
    {"社保断缴", "单位从今年三月起没有给缴社保，影响孩子上学。"},
    {"加班费计算", "周末加班只给调休，不给加班费，是否合理？"},
    {"家庭困难申请帮扶", "爱人重病住院，家里只有我一人工作，想申请困难帮扶。"},
    {"希望参加技能培训", "想参加电工技能培训，考取证书后换个岗位。"},
    {"建议增加夜班休息室", "夜班同事没有休息的地方，建议工会协调设置休息室。"},
    {"女职工权益咨询", "怀孕后被调岗降薪，想咨询女职工特殊保护规定。"},
};
constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
constexpr const char* kTitles[] = {"先生", "女士", "师傅"};
constexpr const char* kChannels[] = {"hotline", "hotline", "portal", "walk_in", "cadre"};
constexpr const char* kResolutions[] = {
    "已联系用人单位核实，单位同意补发并书面确认。", "已转法律援助中心，指派律师跟进。",
    "已告知相关法律规定和办理渠道，职工表示清楚。", "已纳入困难职工帮扶，首笔救助金已发放。"};

Result<Actor> DemoActor(store::Connection& conn, const std::string& username) {
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserByUsername(conn, username));
  if (!user) return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", username);
  Actor actor{user->id, user->username, user->display_name, user->role, user->org_id, "", "", ""};
  if (user->org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, *user->org_id));
    if (org) {
      actor.org_name = org->name;
      actor.org_path = org->path;
    }
  }
  return actor;
}

}  // namespace

Result<std::int64_t> LoadDemoRequests(store::Database& db, RequestService& requests,
                                      std::int64_t count, std::uint64_t seed) {
  if (count <= 0) return std::int64_t{0};
  Actor operator_actor;
  Actor admin;
  std::vector<std::int64_t> employers;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
    ZJ_ASSIGN_OR_RETURN(operator_actor, DemoActor(*lease, "operator"));
    ZJ_ASSIGN_OR_RETURN(admin, DemoActor(*lease, "admin"));
    ZJ_ASSIGN_OR_RETURN(auto enterprises, store::AllEnterprises(*lease));  // by id
    for (const auto& e : enterprises) employers.push_back(e.id);
  }
  RequestFilter any;
  any.limit = 1;
  ZJ_ASSIGN_OR_RETURN(RequestPage existing, requests.List(admin, any));
  if (!existing.items.empty()) return std::int64_t{0};  // loaded before
  if (employers.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", "no demo enterprises");
  }
  // Categories a request can be filed under: the active leaves (a parent with sub-types is
  // filed under one of them).
  ZJ_ASSIGN_OR_RETURN(auto categories, requests.Categories());
  std::set<std::string> parents;
  for (const auto& c : categories) {
    if (c.parent_code) parents.insert(*c.parent_code);
  }
  std::vector<std::string> leaves;
  for (const auto& c : categories) {
    if (c.active && !parents.contains(c.code)) leaves.push_back(c.code);
  }

  std::mt19937_64 rng(seed + 7);
  const auto pick = [&rng](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::int64_t created = 0;
  for (std::int64_t i = 0; i < count; ++i) {
    const Topic& topic = kTopics[pick(std::size(kTopics))];
    NewRequest r;
    r.channel = kChannels[pick(std::size(kChannels))];
    r.category = leaves[pick(leaves.size())];
    r.priority = pick(20) == 0 ? "urgent" : "normal";
    r.title = topic.title;
    r.description = topic.description;
    r.contact_name =
        std::string(kSurnames[pick(std::size(kSurnames))]) + kTitles[pick(std::size(kTitles))];
    r.contact_phone = "13" + std::to_string(100000000 + pick(900000000)).substr(0, 9);
    r.employer_id = employers[pick(employers.size())];
    ZJ_ASSIGN_OR_RETURN(RequestView view, requests.Submit(operator_actor, r));
    ++created;
    const std::size_t fate = pick(100);
    if (fate < 25) continue;  // new
    const std::int64_t id = view.row.id;
    if (fate < 30) {
      ZJ_RETURN_IF_ERROR(requests.Act(admin, id, requests::Action::kReject,
                                      "不属于工会受理范围，已告知职工向劳动监察部门反映。"));
      continue;
    }
    ZJ_RETURN_IF_ERROR(requests.Act(admin, id, requests::Action::kAccept, ""));
    if (fate < 38) continue;  // accepted
    ZJ_RETURN_IF_ERROR(requests.Act(admin, id, requests::Action::kContact, ""));
    if (fate < 45) continue;  // in progress
    ZJ_RETURN_IF_ERROR(requests.Act(admin, id, requests::Action::kResolve,
                                    kResolutions[pick(std::size(kResolutions))]));
    if (fate < 60) continue;  // resolved, not rated yet
    const int rating = fate < 65 ? 2 : fate < 75 ? 4 : 5;
    ZJ_RETURN_IF_ERROR(requests.Rate(view.row.tracking_number, r.contact_phone.substr(7), rating,
                                     rating <= 2 ? "问题还没有真正解决" : "感谢工会"));
  }
  return created;
}

}  // namespace zj::app
