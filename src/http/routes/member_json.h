// The JSON forms of members and transfers that the member routes share (MemberSummary,
// MemberDetail and Transfer of the OpenAPI document). Ids are decimal strings, times Unix ms.
#pragma once

#include <nlohmann/json.hpp>

#include "app/members/member_service.h"
#include "app/members/transfer_service.h"
#include "http/route.h"

namespace zj::http {

nlohmann::json MemberSummaryJson(const app::MemberView& m);
nlohmann::json MemberDetailJson(const app::MemberDetail& m);
nlohmann::json TransferJson(const app::TransferView& t);

}  // namespace zj::http
