#include "app/requests/request_moves.h"

#include <algorithm>

#include "core/orgs/org_path.h"
#include "core/requests/request_flow.h"
#include "store/service_requests.h"

namespace zj::app {

Result<int> HandOverRequestsAfterMove(store::Connection& conn, const Clock& clock, Random& random,
                                      const store::OrgRow& moved, const store::OrgRow& new_parent) {
  const OrgPath subtree = OrgPath::FromStored(moved.path);
  const std::vector<std::int64_t> above = OrgPath::FromStored(new_parent.path).Ids();
  ZJ_ASSIGN_OR_RETURN(
      auto rows, store::RequestsHandledOutside(conn, subtree.SubtreeLow(), subtree.SubtreeHigh()));
  int handed = 0;
  for (store::RequestRow& row : rows) {
    const auto status = requests::ParseStatus(row.status);
    const bool awaits_rating = status == requests::Status::kResolved;
    if (!status || !(requests::IsOpen(*status) || awaits_rating)) continue;
    // An ancestor the subtree keeps (the municipal federation above both districts) still sees
    // the request and keeps it.
    if (std::find(above.begin(), above.end(), row.org_id) != above.end()) continue;
    const std::int64_t now = clock.NowMs();
    row.org_id = new_parent.id;
    row.updated_at = now;
    ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
    store::RequestEventRow event;
    event.id = NewId(clock, random);
    event.federation_id = row.federation_id;
    event.request_id = row.id;
    event.at = now;
    event.kind = "reassigned";
    event.org_id = new_parent.id;
    event.internal = true;
    ZJ_RETURN_IF_ERROR(store::InsertRequestEvent(conn, event));
    ++handed;
  }
  return handed;
}

}  // namespace zj::app
