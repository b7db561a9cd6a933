// Mutual-aid claims, slice 3 (issue 22): a claim's photos and files — POST/GET
// /api/v1/mutual-aid/claims/:id/evidence (cadres and staff of the member's subtree) and
// POST/GET /api/v1/me/mutual-aid/claims/:id/evidence (the worker's own claim), uploaded as the
// raw body with ?file_name= like every evidence file (router.h IsUploadRoute; downloads by
// staff through /api/v1/attachments/:id/content); the form's Compute — POST
// /api/v1/mutual-aid/claims/compute and /api/v1/me/mutual-aid/claims/compute, the claim's body,
// nothing stored; GET /api/v1/mutual-aid/lists-due (the lists the caller's union owes); GET
// /api/v1/requests/:id/mutual-aid-prompt (the 12351 prompt, `{"prompt": null}` when none).
// Rules in app/mutual_aid and app/attachments; here only JSON, every input bounded.
#include "app/attachments/attachments.h"
#include "http/routes/attachment_upload.h"
#include "http/routes/mutual_aid_routes.h"

namespace zj::http {

namespace {

app::MutualAidService Service(Call& call) {
  static app::SecureRandom random;
  return app::MutualAidService(call.app.db(), call.app.clock(), random, call.app.audit());
}

app::Attachments Evidence(Call& call) {
  return app::Attachments(call.app.db(), call.app.clock(), call.app.audit(), call.app.vault());
}

Result<Reply> AddEvidence(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  const auto query = QueryParams(call.request.target());
  const std::string file_name = QueryValue(query, "file_name").substr(0, 2048);
  ZJ_ASSIGN_OR_RETURN(app::Upload upload, TakeUpload(call));
  UploadFileGuard guard{call, upload.name};
  ZJ_ASSIGN_OR_RETURN(Uploaded file, ReadUpload(call, upload));
  ZJ_ASSIGN_OR_RETURN(app::AttachmentView added,
                      Evidence(call).Add(*call.actor, {app::kMaClaimOwner, id, ""}, file_name,
                                         file.bytes, file.size));
  return Reply{beast_http::status::created, AttachmentJson(added)};
}

Result<Reply> ListEvidence(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto list, Evidence(call).List(*call.actor, {app::kMaClaimOwner, id, ""}));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : list) items.push_back(AttachmentJson(a));
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)}}};
}

Reply Computed(const app::MaClaimView& c) {
  return Reply{beast_http::status::ok, nlohmann::json{{"plan_id", std::to_string(c.row.plan_id)},
                                                      {"benefit_code", c.row.benefit_code},
                                                      {"incident_date", c.row.incident_date},
                                                      {"amount_fen", c.row.amount_fen},
                                                      {"capped", c.row.capped}}};
}

Result<Reply> Compute(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto in = MaClaimFromBody(body, invalid, false);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto c, Service(call).ComputeClaim(*call.actor, in));
  return Computed(c);
}

Result<Reply> ComputeMine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto in = MaClaimFromBody(body, invalid, true);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto c, Service(call).ComputeMyClaim(*call.actor, in));
  return Computed(c);
}

Result<Reply> ListsDue(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto due, Service(call).ListsDue(*call.actor));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : due) {
    items.push_back({{"plan_id", std::to_string(d.plan.id)},
                     {"plan_title", d.plan.title},
                     {"period", MaPeriodJson(d.period)},
                     {"org_id", std::to_string(d.org_id)},
                     {"due_on", d.due_on}});
  }
  return Reply{beast_http::status::ok, nlohmann::json{{"items", std::move(items)}}};
}

Result<Reply> Prompt(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto prompt, Service(call).PromptOf(*call.actor, id));
  if (!prompt) return Reply{beast_http::status::ok, nlohmann::json{{"prompt", nullptr}}};
  nlohmann::json plans = nlohmann::json::array();
  for (const auto& p : prompt->plans) plans.push_back(MaPlanDetailJson(p));
  return Reply{beast_http::status::ok,
               nlohmann::json{{"prompt",
                               {{"request_id", std::to_string(prompt->request_id)},
                                {"member_id", std::to_string(prompt->member_id)},
                                {"incident_date", prompt->incident_date},
                                {"words", prompt->words},
                                {"plans", std::move(plans)}}}}};
}

}  // namespace

void AddMutualAidClaimRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back(
      {verb::post, "/api/v1/mutual-aid/claims/:id/evidence", Access::kSession, AddEvidence});
  routes.push_back(
      {verb::get, "/api/v1/mutual-aid/claims/:id/evidence", Access::kSession, ListEvidence});
  routes.push_back(
      {verb::post, "/api/v1/me/mutual-aid/claims/:id/evidence", Access::kWorker, AddEvidence});
  routes.push_back(
      {verb::get, "/api/v1/me/mutual-aid/claims/:id/evidence", Access::kWorker, ListEvidence});
  routes.push_back({verb::post, "/api/v1/mutual-aid/claims/compute", Access::kSession, Compute});
  routes.push_back(
      {verb::post, "/api/v1/me/mutual-aid/claims/compute", Access::kWorker, ComputeMine});
  routes.push_back({verb::get, "/api/v1/mutual-aid/lists-due", Access::kSession, ListsDue});
  routes.push_back({verb::get, "/api/v1/requests/:id/mutual-aid-prompt", Access::kSession, Prompt});
}

}  // namespace zj::http
