// The demo worker (worker.demo): a portal account for a fixed phone, bound to a member of the
// first grassroots union of 东华门街道 with that phone (so the demo cadre there sees them), whose
// card shows at once. Signing in takes a code, which the default `log` SMS sender writes to the
// server log. Without unions (a demo without enterprises) the account stays unbound. Rerunning
// finds what is there already.
#include <string>

#include "app/accounts/user_directory.h"
#include "app/coverage/online.h"
#include "app/demo/demo_requests.h"
#include "app/demo/demo_service.h"
#include "core/members/national_id.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr const char* kDemoWorkerPhone = "13600001019";
constexpr const char* kDemoWorkerName = "李明华";

//! A valid ID number for the demo member: 东城区, born 1990-03-07, its check character computed.
std::string DemoWorkerIdNumber() {
  const std::string body = "11010119900307102";
  return body + members::IdCheckCharacter(body);
}

//! The demo member when recorded already (active), else nothing.
Result<std::optional<store::MemberRow>> FindDemoMember(store::Connection& conn,
                                                       const Vault& vault) {
  ZJ_ASSIGN_OR_RETURN(auto found,
                      store::FindMembersByIdIndexes(
                          conn, vault.BlindIndexes(kMemberIdField, DemoWorkerIdNumber())));
  for (auto& m : found) {
    if (m.status == "active") return std::optional<store::MemberRow>(std::move(m));
  }
  return std::optional<store::MemberRow>();
}

//! The first active grassroots union of 东华门街道, if the demo has unions.
Result<std::optional<std::int64_t>> DemoWorkerUnion(store::Connection& conn) {
  ZJ_ASSIGN_OR_RETURN(auto street, store::FindOrgByCode(conn, "110101001"));
  if (!street) return std::optional<std::int64_t>();
  ZJ_ASSIGN_OR_RETURN(auto children, store::ChildOrgs(conn, street->id));
  for (const auto& child : children) {
    if (child.org.kind == "grassroots" && child.org.status == "active") {
      return std::optional<std::int64_t>(child.org.id);
    }
  }
  return std::optional<std::int64_t>();
}

}  // namespace

std::string DemoWorkerPhone() { return kDemoWorkerPhone; }

Result<Actor> DemoWorkerActor(store::Connection& conn, const Vault& vault) {
  ZJ_ASSIGN_OR_RETURN(std::string index, vault.BlindIndex(kWorkerPhoneField, kDemoWorkerPhone));
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccountByPhoneIndex(conn, index));
  if (!account) return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", "worker.demo");
  Actor actor{0,  "worker.demo", kDemoWorkerName,   "worker", std::nullopt, "", "",
              "", account->id,   account->member_id};
  return actor;
}

Result<DemoWorker> DemoService::LoadDemoWorker() {
  DemoWorker out{kDemoWorkerPhone, std::nullopt, false};
  ZJ_ASSIGN_OR_RETURN(store::WorkerAccountRow account, sign_in_.EnsureAccount(kDemoWorkerPhone));
  std::optional<store::MemberRow> member;
  std::optional<std::int64_t> union_id;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(member, FindDemoMember(*lease, vault_));
    if (!member) {
      ZJ_ASSIGN_OR_RETURN(union_id, DemoWorkerUnion(*lease));
    }
  }
  if (!member && !union_id) return out;  // no unions in this demo: the worker is no member
  if (!member) {
    NewMember m;
    m.union_id = *union_id;
    m.name = kDemoWorkerName;
    m.id_number = DemoWorkerIdNumber();
    m.phone = kDemoWorkerPhone;
    m.ethnicity = "汉族";
    m.join_date = "2018-05-01";
    ZJ_ASSIGN_OR_RETURN(MemberView created, members_.Create(SystemActor(), m));
    member = std::move(created.row);
    out.member_created = true;
  }
  out.member_name = member->name;
  if (account.member_id == member->id) return out;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto holder, store::FindWorkerAccountByMember(*lease, member->id));
  if (holder) return out;  // bound to another account (a rerun after someone changed it)
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_RETURN_IF_ERROR(store::BindWorkerAccount(*lease, account.id, member->id, member->federation_id,
                                              clock_.NowMs()));
  ZJ_RETURN_IF_ERROR(CountBoundMember(*lease, *member));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  sign_in_.ForgetWorker(account.id);
  return out;
}

}  // namespace zj::app
