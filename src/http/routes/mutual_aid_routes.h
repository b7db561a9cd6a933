// Mutual-aid plans' routes (issue 22): the staff's /api/v1/mutual-aid/… and the worker's
// /api/v1/me/mutual-aid/… (http/routes/mutual_aid.cpp), added to the router's table.
#pragma once

#include <vector>

#include "app/mutual_aid/mutual_aid_service.h"
#include "http/route.h"

namespace zj::http {

void AddMutualAidRoutes(std::vector<Route>& routes);
//! Claims' evidence, Compute, the lists due and the 12351 prompt (mutual_aid_claims.cpp).
void AddMutualAidClaimRoutes(std::vector<Route>& routes);

// The JSON of mutual_aid.cpp, shared with mutual_aid_claims.cpp.
nlohmann::json MaClaimJson(const app::MaClaimView& v);
nlohmann::json MaPlanDetailJson(const app::MaPlanDetail& d);
nlohmann::json MaPeriodJson(const store::MaPeriodRow& p);
//! A claim's body (plan_id, member_id and request_id unless `worker`, benefit_code,
//! incident_date, loss_fen, items), every member bounded; field errors into `invalid`.
app::NewMaClaim MaClaimFromBody(const nlohmann::json& body, Error& invalid, bool worker);

}  // namespace zj::http
