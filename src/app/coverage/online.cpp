#include "app/coverage/online.h"

#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/worker_accounts.h"

namespace zj::app {

Result<bool> MemberHasAccount(store::Connection& conn, std::int64_t member_id) {
  ZJ_ASSIGN_OR_RETURN(auto holder, store::FindWorkerAccountByMember(conn, member_id));
  return holder.has_value();
}

Result<void> AddReachedOnline(store::Connection& conn, const std::string& union_path,
                              std::int64_t delta) {
  return store::AddOnline(conn, OrgPath::FromStored(union_path).Ids(), delta);
}

Result<void> CountBoundMember(store::Connection& conn, const store::MemberRow& member) {
  if (member.status != "active") return {};
  return AddReachedOnline(conn, member.org_path, +1);
}

Result<void> MoveBoundMember(store::Connection& conn, const store::MemberRow& member,
                             const std::string& from_path, const std::string& to_path) {
  if (member.status != "active" || from_path == to_path) return {};
  ZJ_ASSIGN_OR_RETURN(bool bound, MemberHasAccount(conn, member.id));
  if (!bound) return {};
  ZJ_RETURN_IF_ERROR(AddReachedOnline(conn, from_path, -1));
  if (to_path.empty()) return {};
  return AddReachedOnline(conn, to_path, +1);
}

}  // namespace zj::app
