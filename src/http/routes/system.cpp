// GET /healthz (the process answers), GET /readyz (the store answers, schema current),
// GET /api/v1/version, GET /api/v1/openapi.json.
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
           Error e = ready.error();
           // Readiness failures are "not ready" whatever the cause, so probes see 503.
           e.args.emplace_back("reason", i18n::Translate(call.locale, e.message_key, e.args));
           e.code = ErrorCode::kUnavailable;
           e.message_key = "error.not_ready";
           return Fail(std::move(e));
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
