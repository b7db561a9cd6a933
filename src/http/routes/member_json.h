// The JSON forms of members and transfers that the member routes share (MemberSummary,
// MemberDetail and Transfer of the OpenAPI document). Ids are decimal strings, times Unix ms.
// Written straight out with JsonWriter: a member's detail is one of the answers read most.
#pragma once

#include "app/members/member_service.h"
#include "app/members/transfer_service.h"
#include "http/json_writer.h"
#include "http/route.h"

namespace zj::http {

void WriteMemberSummary(JsonWriter& w, const app::MemberView& m);
void WriteMemberDetail(JsonWriter& w, const app::MemberDetail& m);
void WriteTransfer(JsonWriter& w, const app::TransferView& t);

}  // namespace zj::http
