#include "app/demo/demo_requests.h"

#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/demo/demo_topics.h"
#include "store/accounts.h"
#include "store/enterprises.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
constexpr const char* kTitles[] = {"先生", "女士", "师傅"};
constexpr const char* kChannels[] = {"hotline", "hotline", "portal", "walk_in", "cadre"};
constexpr int kCallerPages = 5;  // of 1,000 members

}  // namespace

Result<Actor> DemoActor(store::Connection& conn, const std::string& username) {
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserByUsername(conn, username));
  if (!user) return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", username);
  Actor actor{
      user->id, user->username, user->display_name, user->role, user->org_id, "", "", "", {}, {}};
  if (user->org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, *user->org_id));
    if (org) {
      actor.org_name = org->name;
      actor.org_path = org->path;
    }
  }
  return actor;
}

Result<std::int64_t> LoadDemoRequests(store::Database& db, RequestService& requests,
                                      std::int64_t count, std::uint64_t seed) {
  if (count <= 0) return std::int64_t{0};
  Actor operator_actor;
  Actor admin;
  std::vector<std::int64_t> employers;
  std::vector<store::MemberRow> callers;  // members who call, with an employer
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
    ZJ_ASSIGN_OR_RETURN(operator_actor, DemoActor(*lease, "operator"));
    ZJ_ASSIGN_OR_RETURN(admin, DemoActor(*lease, "admin"));
    ZJ_ASSIGN_OR_RETURN(auto enterprises, store::AllEnterprises(*lease));  // by id
    for (const auto& e : enterprises) employers.push_back(e.id);
    // The first few thousand members (by id) are enough callers, however large the registry.
    store::MemberQuery q;
    q.subtree_low = "/";
    q.subtree_high = "0";
    q.status = "active";
    q.limit = 1000;
    for (int page = 0; page < kCallerPages; ++page) {
      ZJ_ASSIGN_OR_RETURN(auto members, store::ListMembers(*lease, q));
      if (members.empty()) break;
      q.after_id = members.back().id;
      for (auto& m : members) {
        if (m.employer_id) callers.push_back(std::move(m));
      }
    }
  }
  RequestFilter any;
  any.limit = 1;
  ZJ_ASSIGN_OR_RETURN(RequestPage existing, requests.List(admin, any));
  if (!existing.items.empty()) return std::int64_t{0};  // loaded before
  if (employers.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", "no demo enterprises");
  }
  // Categories a request can be filed under: the active leaves (a parent with sub-types is
  // filed under one of them) that the topic table knows, so a title fits its category.
  ZJ_ASSIGN_OR_RETURN(auto categories, requests.Categories());
  std::set<std::string> parents;
  for (const auto& c : categories) {
    if (c.parent_code) parents.insert(*c.parent_code);
  }
  std::vector<std::string> leaves;
  for (const auto& c : categories) {
    if (c.active && !parents.contains(c.code) && !demo::TopicsOf(c.code).empty()) {
      leaves.push_back(c.code);
    }
  }
  if (leaves.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", "no demo categories");
  }

  std::mt19937_64 rng(seed + 7);
  const auto pick = [&rng](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::int64_t created = 0;
  for (std::int64_t i = 0; i < count; ++i) {
    NewRequest r;
    r.channel = kChannels[pick(std::size(kChannels))];
    r.category = leaves[pick(leaves.size())];
    const auto topics = demo::TopicsOf(r.category);
    const demo::Topic& topic = topics[pick(topics.size())];
    r.priority = pick(20) == 0 ? "urgent" : "normal";
    r.title = topic.title;
    r.description = topic.description;
    r.contact_name =
        std::string(kSurnames[pick(std::size(kSurnames))]) + kTitles[pick(std::size(kTitles))];
    r.contact_phone = "13" + std::to_string(100000000 + pick(900000000)).substr(0, 9);
    r.employer_id = employers[pick(employers.size())];
    // Over half are members calling about their own work (so they count as served, 有效覆盖,
    // once resolved); the hotline links the membership. The portal cannot.
    if (!callers.empty() && r.channel != "portal" && pick(100) < 70) {
      const store::MemberRow& m = callers[pick(callers.size())];
      r.member_id = m.id;
      r.contact_name = m.name;
      r.employer_id = m.employer_id;
    }
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
    const auto answers = demo::ResolutionsOf(r.category);
    ZJ_RETURN_IF_ERROR(
        requests.Act(admin, id, requests::Action::kResolve, answers[pick(answers.size())]));
    if (fate < 60) continue;  // resolved, not rated yet
    const int rating = fate < 65 ? 2 : fate < 75 ? 4 : 5;
    ZJ_RETURN_IF_ERROR(requests.Rate(view.row.tracking_number, r.contact_phone.substr(7), rating,
                                     rating <= 2 ? "问题还没有真正解决" : "感谢工会"));
  }
  return created;
}

}  // namespace zj::app
