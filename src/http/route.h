// A route of the JSON API: method, path pattern (`/api/v1/orgs/:id`), who may call it, and a
// handler that turns a Call into a Reply or an Error. Handlers never decide authorization
// themselves beyond "signed in": the use cases in app/ do, from the Actor.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/application.h"
#include "core/i18n/messages.h"
#include "core/result.h"
#include "http/json_writer.h"
#include "http/types.h"

namespace zj::http {

struct ServerOptions;

//! Everything a handler may use about the current request.
struct Call {
  const Request& request;
  app::Application& app;
  const ServerOptions& options;
  i18n::Locale locale;
  std::string remote_addr;
  bool secure = false;                        //!< served over TLS or behind a proxy that says so
  std::map<std::string, std::string> params;  //!< from the path pattern
  std::optional<app::Actor> actor;            //!< set for Access::kSession and kWorker routes
  std::string session_token;                  //!< the staff cookie's value, when present
  std::string worker_session_token;           //!< the portal cookie's value, when present
  std::vector<std::string> set_cookies;       //!< Set-Cookie values to send
  //! An upload route's body, sealed to a file as it arrived (the server's path); null when the
  //! body is in `request` (the router called directly, as tests do).
  app::Upload* upload = nullptr;
};

struct Reply {
  beast_http::status status = beast_http::status::ok;
  std::optional<nlohmann::json> body;  //!< none → empty body (e.g. 204)
  //! A non-JSON body (a download): its bytes (or an open file streamed from its start, for
  //! downloads too large to hold), type and Content-Disposition.
  struct File {
    std::string bytes;
    std::string content_type;
    std::string disposition;
    std::shared_ptr<boost::beast::file> stream = nullptr;
  };
  std::optional<File> file = std::nullopt;
  //! A JSON body written already (JsonWriter), in place of `body`.
  std::optional<std::string> json_text = std::nullopt;
};

//! A reply whose JSON body `write(JsonWriter&, args...)` writes, e.g.
//! `JsonReply(status::ok, WriteTransfer, transfer)`.
template <typename Write, typename... Args>
Reply JsonReply(beast_http::status status, Write write, const Args&... args) {
  JsonWriter w;
  write(w, args...);
  return Reply{status, std::nullopt, std::nullopt, w.Take()};
}

//! A list's page: `{"items": [...], "next_cursor": "id" | null}`, each item written by
//! `item(JsonWriter&, const Item&, args...)`.
template <typename Item, typename WriteItem, typename... Args>
Reply PageReply(const std::vector<Item>& items, const std::optional<std::int64_t>& next_cursor,
                WriteItem item, const Args&... args) {
  return JsonReply(beast_http::status::ok, [&](JsonWriter& w) {
    w.Object().Key("items").Array();
    for (const Item& i : items) item(w, i, args...);
    w.EndArray().Key("next_cursor").OptId(next_cursor).EndObject();
  });
}

enum class Access {
  kPublic,   //!< anyone
  kSession,  //!< signed-in staff (console cookie); unsafe methods also need the CSRF token
  kWorker,   //!< a signed-in worker (portal cookie); unsafe methods also need its CSRF token
};

using Handler = std::function<Result<Reply>(Call&)>;

struct Route {
  beast_http::verb method;
  std::string pattern;
  Access access;
  Handler handler;
};

//! The JSON body of a request; kInvalidArgument when the type is not JSON or it does not parse.
Result<nlohmann::json> JsonBody(const Request& request);

//! A required string member; adds a field error to `error` when missing or not a string.
std::string RequireString(const nlohmann::json& body, const std::string& field, Error& error);

//! A 64-bit id written as decimal digits (positive), or nullopt.
std::optional<std::int64_t> ParseId(std::string_view text);
//! The :id of the path; a malformed one names nothing, so it is kNotFound like a missing one.
Result<std::int64_t> PathId(const Call& call);
//! An optional string member: absent or null → nullopt; another type → a field error.
std::optional<std::string> OptionalString(const nlohmann::json& body, const std::string& field,
                                          Error& error);
//! An optional id member (a decimal string); malformed → a field error.
std::optional<std::int64_t> OptionalId(const nlohmann::json& body, const std::string& field,
                                       Error& error);
//! An optional integer member; another type → a field error.
std::optional<std::int64_t> OptionalInteger(const nlohmann::json& body, const std::string& field,
                                            Error& error);
//! kInvalidArgument "error.invalid_input" without fields yet.
Error InvalidInput();
//! The value of a query parameter, "" when absent.
std::string QueryValue(const std::map<std::string, std::string>& query, const std::string& name);
//! limit from the query string within [1, 200]; `fallback` when absent.
int QueryLimit(const std::map<std::string, std::string>& query, int fallback, Error& error);
//! The page cursor `name` of a list (the last id the previous page showed): 0 when absent, and a
//! field error error.field.cursor on `name` (and 0) when it is not an id.
std::int64_t QueryCursor(const std::map<std::string, std::string>& query, const std::string& name,
                         Error& error);

//! An optional id parameter: nullopt when absent; a field error error.field.invalid_id on
//! `name` when it is not an id.
std::optional<std::int64_t> QueryOptionalId(const std::map<std::string, std::string>& query,
                                            const std::string& name, Error& error);
//! An integer parameter: `fallback` when absent; a field error error.field.not_integer on
//! `name` (and `fallback`) when it is not one. The use case checks its range.
int QueryInt(const std::map<std::string, std::string>& query, const std::string& name, int fallback,
             Error& error);

//! The query parameters of a request target ("/x?q=a%20b&limit=5"), percent- and '+'-decoded;
//! a repeated name keeps its first value.
std::map<std::string, std::string> QueryParams(std::string_view target);

//! The file an upload route received: the server's sealed file, or (router called directly) the
//! request's body sealed now. kInvalidArgument on field file when it is empty.
Result<app::Upload> TakeUpload(Call& call);

void AddSystemRoutes(std::vector<Route>& routes);
void AddSessionRoutes(std::vector<Route>& routes);
void AddUserRoutes(std::vector<Route>& routes);
void AddOrgRoutes(std::vector<Route>& routes);
void AddAuditRoutes(std::vector<Route>& routes);
void AddUserPhoneRoutes(std::vector<Route>& routes);
void AddOrgTreeRoutes(std::vector<Route>& routes);
void AddEnterpriseRoutes(std::vector<Route>& routes);
void AddMemberRoutes(std::vector<Route>& routes);
void AddMemberTransferRoutes(std::vector<Route>& routes);
void AddMemberImportRoutes(std::vector<Route>& routes);
void AddRequestRoutes(std::vector<Route>& routes);
void AddRequestPortalRoutes(std::vector<Route>& routes);
void AddCalendarRoutes(std::vector<Route>& routes);
void AddWorkbenchRoutes(std::vector<Route>& routes);
void AddWorkerSessionRoutes(std::vector<Route>& routes);
void AddWorkerAccountRoutes(std::vector<Route>& routes);
void AddMyRequestRoutes(std::vector<Route>& routes);
void AddWorkerBindingRoutes(std::vector<Route>& routes);
void AddMemberCorrectionRoutes(std::vector<Route>& routes);
//! A correction as the worker who asked for it sees it (My data, /me/member-corrections).
nlohmann::json MyCorrectionJson(const app::CorrectionView& v);
void AddMyDataRoutes(std::vector<Route>& routes);
void AddMyDataRightsRoutes(std::vector<Route>& routes);

//! The privacy notice accepted: {"version", "accepted_at"} (null before the first).
nlohmann::json NoticeJson(const store::NoticeAcceptance& n);
//! The optional uses' states and their history: {"uses": [...], "history": [...]}.
nlohmann::json ConsentsJson(const app::Consents& c);
void AddWorkerInboxRoutes(std::vector<Route>& routes);
void AddMyMembershipRoutes(std::vector<Route>& routes);
void AddMyHardshipRoutes(std::vector<Route>& routes);
void AddJobRoutes(std::vector<Route>& routes);
void AddHardshipRoutes(std::vector<Route>& routes);
void AddCaseDashboardRoutes(std::vector<Route>& routes);
void AddAidPaymentRoutes(std::vector<Route>& routes);
void AddHardshipBankCardRoutes(std::vector<Route>& routes);
void AddAttachmentRoutes(std::vector<Route>& routes);
void AddHardshipFlowRoutes(std::vector<Route>& routes);
void AddAidRoutes(std::vector<Route>& routes);
void AddLegalRoutes(std::vector<Route>& routes);
void AddCompetitionRoutes(std::vector<Route>& routes);
void AddCertificateRoutes(std::vector<Route>& routes);
void AddMyCompetitionRoutes(std::vector<Route>& routes);

}  // namespace zj::http
