// GET /api/v1/audit: search the audit log of the caller's subtree (staff and administrators).
// There is deliberately no route that changes or removes an entry.
#include <charconv>

#include "http/route.h"

namespace zj::http {

namespace {

using Query = std::map<std::string, std::string>;

std::optional<std::string> QueryText(const Query& query, const std::string& name) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

// An integer parameter; absent or empty → nullopt; anything else but digits → a field error.
Result<std::optional<std::int64_t>> QueryInt(const Query& query, const std::string& name) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return std::optional<std::int64_t>();
  std::int64_t value = 0;
  const std::string& s = it->second;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    Error e{
        ErrorCode::kInvalidArgument, "error.invalid_input", name + " is not an integer", {}, {}};
    e.fields.push_back({name, "error.field.not_integer", {}});
    return Fail(std::move(e));
  }
  return std::optional<std::int64_t>(value);
}

nlohmann::json EntryJson(const app::AuditEntry& e) {
  auto detail = nlohmann::json::parse(e.detail, nullptr, /*allow_exceptions=*/false);
  if (detail.is_discarded()) detail = nlohmann::json::object();
  return nlohmann::json{
      {"id", std::to_string(e.id)},
      {"at", e.at},
      {"actor",
       {{"id", e.actor_user_id ? nlohmann::json(std::to_string(*e.actor_user_id)) : nullptr},
        {"username", e.actor_username}}},
      {"remote_addr", e.remote_addr},
      {"action", e.action},
      {"target", {{"type", e.target_type}, {"id", e.target_id}}},
      {"outcome", e.outcome},
      {"detail", std::move(detail)}};
}

}  // namespace

void AddAuditRoutes(std::vector<Route>& routes) {
  routes.push_back(
      {beast_http::verb::get, "/api/v1/audit", Access::kSession, [](Call& call) -> Result<Reply> {
         const auto query = QueryParams(call.request.target());
         app::AuditFilter filter;
         filter.username = QueryText(query, "user");
         filter.action = QueryText(query, "action");
         filter.target_type = QueryText(query, "target_type");
         filter.target_id = QueryText(query, "target_id");
         filter.cursor = QueryText(query, "cursor");
         ZJ_ASSIGN_OR_RETURN(filter.from_ms, QueryInt(query, "from"));
         ZJ_ASSIGN_OR_RETURN(filter.to_ms, QueryInt(query, "to"));
         ZJ_ASSIGN_OR_RETURN(auto limit, QueryInt(query, "limit"));
         if (limit) {
           if (*limit < 1 || *limit > app::kAuditMaxLimit) {
             Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "bad limit", {}, {}};
             e.fields.push_back({"limit", "error.field.limit", {{"max", "200"}}});
             return Fail(std::move(e));
           }
           filter.limit = static_cast<int>(*limit);
         }
         ZJ_ASSIGN_OR_RETURN(app::AuditPage page, call.app.audit().Search(*call.actor, filter));
         nlohmann::json entries = nlohmann::json::array();
         for (const auto& e : page.entries) entries.push_back(EntryJson(e));
         return Reply{
             beast_http::status::ok,
             nlohmann::json{{"entries", std::move(entries)},
                            {"next_cursor", page.next_cursor ? nlohmann::json(*page.next_cursor)
                                                             : nlohmann::json(nullptr)}}};
       }});
}

}  // namespace zj::http
