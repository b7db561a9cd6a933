// GET /healthz (the process answers), GET /readyz (the store answers, schema current),
// GET /api/v1/version, GET /api/v1/openapi.json.
#include <spdlog/spdlog.h>

#include "http/openapi.h"
#include "http/route.h"

namespace zj::http {

void AddSystemRoutes(std::vector<Route>& routes) {
  routes.push_back({beast_http::verb::get, "/healthz", Access::kPublic, [](Call&) -> Result<Reply> {
                      return Reply{beast_http::status::ok, nlohmann::json{{"status", "ok"}}};
                    }});
  routes.push_back(
      {beast_http::verb::get, "/readyz", Access::kPublic, [](Call& call) -> Result<Reply> {
         if (auto ready = call.app.system().Ready(); !ready) {
           // Anyone may ask, so the answer is only "not ready" (503 for probes); why (the
           // database's own words, its schema version) goes to the log for the operator.
           const Error& why = ready.error();
           spdlog::warn("not ready: {}: {}", why.message_key, why.detail);
           return Fail(ErrorCode::kUnavailable, "error.not_ready", "not ready");
         }
         return Reply{beast_http::status::ok, nlohmann::json{{"status", "ready"}}};
       }});
  routes.push_back(
      {beast_http::verb::get, "/api/v1/version", Access::kPublic, [](Call& call) -> Result<Reply> {
         const auto v = call.app.system().Version();
         return Reply{beast_http::status::ok, nlohmann::json{{"name", v.name},
                                                             {"version", v.version},
                                                             {"schema_version", v.schema_version},
                                                             {"backend", v.backend}}};
       }});
  routes.push_back(
      {beast_http::verb::get, "/api/v1/openapi.json", Access::kPublic,
       [](Call& call) -> Result<Reply> {
         return Reply{beast_http::status::ok, OpenApiDocument(call.app.system().Version().version)};
       }});
}

}  // namespace zj::http
