#include "app/coverage/reached.h"

#include <algorithm>

#include "core/orgs/org_path.h"
#include "store/reached_marks.h"
#include "store/served_marks.h"

namespace zj::app {

Result<void> MarkReached(store::Connection& conn, std::int64_t member_id, std::int64_t now_ms) {
  ZJ_ASSIGN_OR_RETURN(auto mark, store::FindReachedMark(conn, member_id));
  if (mark && mark->reached_until >= now_ms) {  // still counted: a longer year
    mark->reached_until = std::max(mark->reached_until, now_ms + kReachedForMs);
    return store::SaveReachedMark(conn, *mark);
  }
  if (mark) {  // expired but not yet taken back by the job: take it back here
    ZJ_RETURN_IF_ERROR(store::AddReached(conn, OrgPath::FromStored(mark->counted_path).Ids(), -1));
  }
  ZJ_ASSIGN_OR_RETURN(auto place, store::MemberPlace(conn, member_id));
  if (!place) return Fail(ErrorCode::kNotFound, "error.not_found", "member");
  ZJ_RETURN_IF_ERROR(store::AddReached(conn, OrgPath::FromStored(place->first).Ids(), 1));
  return store::SaveReachedMark(
      conn, store::ReachedMarkRow{member_id, place->second, place->first, now_ms + kReachedForMs});
}

Result<int> ExpireReached(store::Database& db, std::int64_t now_ms) {
  constexpr int kBatch = 500;
  int expired = 0;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
    ZJ_ASSIGN_OR_RETURN(auto marks, store::ExpiredReachedMarks(*lease, now_ms, kBatch));
    for (const auto& m : marks) {
      ZJ_RETURN_IF_ERROR(store::AddReached(*lease, OrgPath::FromStored(m.counted_path).Ids(), -1));
      ZJ_RETURN_IF_ERROR(store::DeleteReachedMark(*lease, m.member_id));
    }
    ZJ_RETURN_IF_ERROR(tx.Commit());
    expired += static_cast<int>(marks.size());
    if (marks.size() < kBatch) return expired;
  }
}

}  // namespace zj::app
