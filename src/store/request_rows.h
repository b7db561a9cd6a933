// The columns of a service request as every statement reads them, the handling org's name
// joined last, and the row they make: shared by the statements of service_requests.cpp and
// request_queue.cpp, so a column added is read the same everywhere. Internal to store/.
#pragma once

#include "store/database.h"
#include "store/service_requests.h"

#define ZJ_REQUEST_COLUMNS                                                                  \
  "r.id, r.federation_id, r.tracking_number, r.channel, r.category_code, r.priority, "      \
  "r.status, r.title, r.description, r.member_id, r.requester_user_id, r.contact_name, "    \
  "r.contact_phone_cipher, r.contact_phone_index, r.contact_phone_last4, r.key_version, "   \
  "r.employer_id, r.employer_name, r.region_code, r.routed_org_id, r.org_id, r.home_path, " \
  "r.assigned_at, r.accept_by, r.contact_by, r.resolve_by, r.next_due, r.accepted_at, "     \
  "r.contacted_at, r.resolved_at, r.closed_at, r.escalations, r.handler_user_id, "          \
  "r.resolution, r.rating, r.rating_comment, r.rated_at, r.created_at, r.updated_at, "      \
  "r.accept_met, r.contact_met, r.resolve_met"
#define ZJ_REQUEST_FROM " FROM service_requests r JOIN orgs o ON o.id = r.org_id"

namespace zj::store {

//! A row read with ZJ_REQUEST_COLUMNS, then o.name, then optionally whether a follow-up exists.
RequestRow RequestFromRow(const RowView& row);

}  // namespace zj::store
