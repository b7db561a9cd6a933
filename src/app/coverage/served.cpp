#include "app/coverage/served.h"

#include "core/orgs/org_path.h"
#include "store/served_marks.h"

namespace zj::app {

Result<void> MarkServed(store::Connection& conn, std::int64_t member_id, std::int64_t now_ms) {
  ZJ_ASSIGN_OR_RETURN(auto mark, store::FindServedMark(conn, member_id));
  if (mark && mark->served_until >= now_ms) {  // still counted: a longer year
    mark->served_until = now_ms + kServedForMs;
    return store::SaveServedMark(conn, *mark);
  }
  if (mark) {  // expired but not yet taken back by the job: take it back here
    ZJ_RETURN_IF_ERROR(store::AddServed(conn, OrgPath::FromStored(mark->counted_path).Ids(), -1));
  }
  ZJ_ASSIGN_OR_RETURN(auto place, store::MemberPlace(conn, member_id));
  if (!place) return Fail(ErrorCode::kNotFound, "error.not_found", "member");
  ZJ_RETURN_IF_ERROR(store::AddServed(conn, OrgPath::FromStored(place->first).Ids(), 1));
  return store::SaveServedMark(
      conn, store::ServedMarkRow{member_id, place->second, place->first, now_ms + kServedForMs});
}

Result<int> ExpireServed(store::Database& db, std::int64_t now_ms) {
  int expired = 0;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
    ZJ_ASSIGN_OR_RETURN(auto marks, store::ExpiredServedMarks(*lease, now_ms, 500));
    for (const auto& m : marks) {
      ZJ_RETURN_IF_ERROR(store::AddServed(*lease, OrgPath::FromStored(m.counted_path).Ids(), -1));
      ZJ_RETURN_IF_ERROR(store::DeleteServedMark(*lease, m.member_id));
    }
    ZJ_RETURN_IF_ERROR(tx.Commit());
    expired += static_cast<int>(marks.size());
    if (marks.size() < 500) return expired;
  }
}

}  // namespace zj::app
