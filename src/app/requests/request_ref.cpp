#include "app/requests/request_ref.h"

#include "app/orgs/org_scope.h"
#include "store/case_links.h"
#include "store/service_requests.h"

namespace zj::app {

Result<std::optional<RequestRef>> RequestBehind(store::Connection& conn, const Actor& actor,
                                                std::string_view kind, std::int64_t target_id) {
  ZJ_ASSIGN_OR_RETURN(auto link, store::CaseLinkOfTarget(conn, kind, target_id));
  if (!link) return std::optional<RequestRef>();
  ZJ_ASSIGN_OR_RETURN(auto request, store::FindRequestById(conn, link->request_id));
  if (!request || !PathInScope(actor, request->home_path)) return std::optional<RequestRef>();
  return std::optional(RequestRef{request->id, request->tracking_number});
}

}  // namespace zj::app
