#include "http/router.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "http/problem.h"
#include "http/routes/honour_json.h"
#include "http/routes/mutual_aid_routes.h"
#include "http/routes/talent_routes.h"
#include "http/static_files.h"

namespace zj::http {

// Activities for organisers and in My account (issue 22; routes/activities.cpp). Declared here
// rather than in route.h, which nearly every file of http/ includes.
void AddActivityRoutes(std::vector<Route>& routes);
// Training: courses, classes, sessions, assessments, My training (routes/training.cpp).
void AddTrainingRoutes(std::vector<Route>& routes);

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < path.size()) {
    if (path[pos] == '/') {
      ++pos;
      continue;
    }
    const std::size_t end = std::min(path.find('/', pos), path.size());
    out.push_back(path.substr(pos, end - pos));
    pos = end;
  }
  return out;
}

bool Match(const std::vector<std::string>& want, const std::vector<std::string_view>& got,
           std::map<std::string, std::string>& params) {
  if (want.size() != got.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (!want[i].starts_with(':') && want[i] != got[i]) return false;
  }
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].starts_with(':')) found.emplace(want[i].substr(1), std::string(got[i]));
  }
  params = std::move(found);
  return true;
}

bool Unsafe(beast_http::verb v) {
  return v != beast_http::verb::get && v != beast_http::verb::head &&
         v != beast_http::verb::options;
}

bool SameToken(const std::string& a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Response JsonResponse(Reply& reply, unsigned version, bool keep_alive) {
  Response res{reply.status, version};
  res.keep_alive(keep_alive);
  if (reply.file) {
    res.set(beast_http::field::content_type, reply.file->content_type);
    res.set(beast_http::field::content_disposition, reply.file->disposition);
    if (reply.file->stream) {
      boost::beast::error_code ec;
      res.content_length(reply.file->stream->size(ec));
      return res;  // the server writes the file after this header (Handled::stream)
    }
    res.body() = reply.file->bytes;
  } else if (reply.json_text) {
    res.set(beast_http::field::content_type, "application/json");
    res.body() = std::move(*reply.json_text);
  } else if (reply.body) {
    res.set(beast_http::field::content_type, "application/json");
    res.body() = reply.body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  res.prepare_payload();
  return res;
}

}  // namespace

std::string CookieValue(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == ';')) ++pos;
    const std::size_t end = std::min(header.find(';', pos), header.size());
    const std::string_view pair = header.substr(pos, end - pos);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
    pos = end;
  }
  return {};
}

std::string SessionCookie(std::string_view name, const std::string& value, long max_age_s,
                          bool secure) {
  std::string cookie = std::string(name) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age_s);
  if (secure) cookie += "; Secure";
  return cookie;
}

void AddSecurityHeaders(Response& res, Answer answer) {
  if (answer == Answer::kData) {
    // JSON is never rendered as a page: nothing may load from it and nothing may frame it
    // (OWASP REST Security Cheat Sheet). The document-only policies (referrer, permissions,
    // opener) would be dead bytes on every API answer, and at 64 connections those bytes
    // cost 13 % of a member's GET (server CPU per request, 52.9 → 45.9 µs).
    res.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  } else {
    // Element Plus sets inline styles, hence 'unsafe-inline' for styles only; scripts stay
    // 'self'. The check-in scanner (issue 22) reads the member card's QR with the camera, on
    // this origin only; its decoder (npm qr-scanner) runs in a worker made from a blob of its
    // own bundled code where the browser has no BarcodeDetector, hence worker-src blob:.
    res.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'");
    res.set("Referrer-Policy", "same-origin");
    res.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
    res.set("Cross-Origin-Opener-Policy", "same-origin");
  }
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
}

std::vector<Route> ApiRoutes() {
  std::vector<Route> routes;
  AddSystemRoutes(routes);
  AddSessionRoutes(routes);
  AddUserRoutes(routes);
  AddOrgRoutes(routes);
  AddAuditRoutes(routes);
  AddUserPhoneRoutes(routes);
  AddOrgTreeRoutes(routes);
  AddEnterpriseRoutes(routes);
  AddMemberRoutes(routes);
  AddHardshipRoutes(routes);
  AddCaseDashboardRoutes(routes);
  AddAidPaymentRoutes(routes);
  AddHardshipBankCardRoutes(routes);
  AddAttachmentRoutes(routes);
  AddHardshipFlowRoutes(routes);
  AddAidRoutes(routes);
  AddLegalRoutes(routes);
  AddCompetitionRoutes(routes);
  AddCertificateRoutes(routes);
  AddMyCompetitionRoutes(routes);
  AddActivityRoutes(routes);
  AddHonourRoutes(routes);
  AddMutualAidRoutes(routes);
  AddTrainingRoutes(routes);
  AddTalentRoutes(routes);
  AddMutualAidClaimRoutes(routes);
  AddMemberTransferRoutes(routes);
  AddMemberImportRoutes(routes);
  AddRequestRoutes(routes);
  AddRequestPortalRoutes(routes);
  AddCalendarRoutes(routes);
  AddWorkbenchRoutes(routes);
  AddWorkerSessionRoutes(routes);
  AddWorkerAccountRoutes(routes);
  AddMyRequestRoutes(routes);
  AddMyDataRoutes(routes);
  AddMyDataRightsRoutes(routes);
  AddWorkerInboxRoutes(routes);
  AddMyMembershipRoutes(routes);
  AddMyHardshipRoutes(routes);
  AddWorkerBindingRoutes(routes);
  AddMemberCorrectionRoutes(routes);
  AddJobRoutes(routes);
  return routes;
}

Router::Router(app::Application& app, ServerOptions options)
    : app_(app), options_(std::move(options)), routes_(ApiRoutes()) {
  for (const Route& r : routes_) {
    std::vector<std::string> segments;
    for (std::string_view segment : Segments(r.pattern)) segments.emplace_back(segment);
    if (segments.size() >= by_length_.size()) by_length_.resize(segments.size() + 1);
    by_length_[segments.size()].push_back(patterns_.size());
    patterns_.push_back(std::move(segments));
  }
}

bool IsUploadRoute(beast_http::verb method, std::string_view path) {
  if (method != beast_http::verb::post) return false;
  if (path == "/api/v1/members/imports" || path == "/api/v1/enterprises/imports" ||
      path == "/api/v1/orgs/imports") {
    return true;
  }
  // Evidence files (routes/attachments.cpp): /api/v1/hardship/files/:id/attachments and
  // /api/v1/legal/cases/:id/stages/:stage/documents; a mutual-aid claim's
  // (routes/mutual_aid_claims.cpp): /api/v1/[me/]mutual-aid/claims/:id/evidence.
  const auto s = Segments(path);
  const auto is = [&](std::size_t i, std::string_view word) {
    return i < s.size() && s[i] == word;
  };
  if (!is(0, "api") || !is(1, "v1")) return false;
  return (s.size() == 6 && is(2, "hardship") && is(3, "files") && is(5, "attachments")) ||
         (s.size() == 8 && is(2, "legal") && is(3, "cases") && is(5, "stages") &&
          is(7, "documents")) ||
         (s.size() == 6 && is(2, "mutual-aid") && is(3, "claims") && is(5, "evidence")) ||
         (s.size() == 7 && is(2, "me") && is(3, "mutual-aid") && is(4, "claims") &&
          is(6, "evidence"));
}

std::optional<Handled> Router::RefuseUpload(const Request& header) {
  const std::string_view target = header.target();
  const std::string_view path = target.substr(0, target.find('?'));
  const auto locale = i18n::NegotiateLocale(header[beast_http::field::accept_language]);
  auto refuse = [&](const Error& e) {
    Handled out{ProblemResponse(e, locale, path, header.version(), false), {}};
    out.response.set(beast_http::field::cache_control, "no-store");
    AddSecurityHeaders(out.response, Answer::kData);
    return out;
  };
  // The worker's own uploads (/api/v1/me/…) take the portal's cookie, the rest the console's.
  const bool worker = path.starts_with("/api/v1/me/");
  const std::string_view cookies = header[beast_http::field::cookie];
  auto session = worker ? app_.sign_in().Authenticate(CookieValue(cookies, kWorkerSessionCookie))
                        : app_.accounts().Authenticate(CookieValue(cookies, kSessionCookie));
  if (!session) return refuse(session.error());
  if (!SameToken(session->csrf_token, header["X-CSRF-Token"])) {
    Handled out = refuse(
        Error{ErrorCode::kPermissionDenied, "error.auth.csrf", "CSRF token mismatch", {}, {}});
    out.user = session->actor.username;
    return out;
  }
  return std::nullopt;
}

Handled Router::Handle(const Request& request, const Peer& peer, app::Upload* upload) {
  const std::string_view target = request.target();
  const std::string_view path = target.substr(0, target.find('?'));
  Call call{request,      app_,
            options_,     i18n::NegotiateLocale(request[beast_http::field::accept_language]),
            peer.address, options_.secure_cookies,
            {},           std::nullopt,
            {},           {},
            {},           upload};
  // Only a trusted proxy's word is taken, and only for the hops it can vouch for.
  if (!options_.trusted_proxies.empty() && options_.trusted_proxies.Contains(peer.address)) {
    std::vector<std::string_view> forwarded;
    for (auto [it, end] = request.equal_range("X-Forwarded-For"); it != end; ++it) {
      forwarded.push_back(it->value());
    }
    call.remote_addr = options_.trusted_proxies.ClientAddress(peer.address, forwarded);
    if (request["X-Forwarded-Proto"] == "https") call.secure = true;
  }

  Handled out{Response{}, {}};
  const bool api = path == "/healthz" || path == "/readyz" || path.starts_with("/api/");
  if (api) {
    out = HandleApi(request, call, path);
    out.response.set(beast_http::field::cache_control, "no-store");
  } else if (request.method() == beast_http::verb::get ||
             request.method() == beast_http::verb::head) {
    auto file = ServeStatic(request, options_.web_root);
    if (file) {
      out.response = std::move(*file);
    } else {
      out.response = Response{beast_http::status::not_found, request.version()};
      out.response.set(beast_http::field::content_type, "text/plain; charset=utf-8");
      out.response.body() = "404 Not Found\n";
      out.response.keep_alive(request.keep_alive());
      out.response.prepare_payload();
    }
  } else {
    out.response = ProblemResponse(Error{ErrorCode::kInvalidArgument,
                                         "error.method_not_allowed",
                                         "",
                                         {},
                                         {{"method", std::string(request.method_string())}}},
                                   call.locale, path, request.version(), request.keep_alive(),
                                   beast_http::status::method_not_allowed);
  }
  AddSecurityHeaders(out.response, api ? Answer::kData : Answer::kDocument);
  out.client = std::move(call.remote_addr);
  if (!out.response.has_content_length() && !out.response.chunked()) out.response.prepare_payload();
  return out;
}

Handled Router::HandleApi(const Request& request, Call& call, std::string_view path) {
  const unsigned version = request.version();
  const bool keep_alive = request.keep_alive();
  auto problem = [&](const Error& e, std::optional<beast_http::status> status = std::nullopt) {
    if (e.code == ErrorCode::kInternal)
      spdlog::error("{} {:?}: {:?}", request.method_string(), path.substr(0, 512), e.detail);
    Response res = ProblemResponse(e, call.locale, path, version, keep_alive, status);
    // A throttled use case says when to come back (RFC 9110 §10.2.3).
    for (const auto& [name, value] : e.args) {
      if (name == "retry_after") res.set(beast_http::field::retry_after, value);
    }
    return res;
  };

  // Of the routes that match, the one with the fewest parameters wins, so a literal path
  // (/members/imports) is never taken for a parameter (/members/:id) whatever the order.
  const Route* route = nullptr;
  bool path_known = false;
  std::size_t route_params = 0;
  const auto segments = Segments(path);
  static const std::vector<std::size_t> kNone;
  const auto& candidates =
      segments.size() < by_length_.size() ? by_length_[segments.size()] : kNone;
  for (const std::size_t i : candidates) {
    const Route& r = routes_[i];
    std::map<std::string, std::string> params;
    if (!Match(patterns_[i], segments, params)) continue;
    path_known = true;
    const bool head_as_get =
        request.method() == beast_http::verb::head && r.method == beast_http::verb::get;
    if ((r.method == request.method() || head_as_get) &&
        (route == nullptr || params.size() < route_params)) {
      route = &r;
      route_params = params.size();
      call.params = std::move(params);
    }
  }
  if (route == nullptr) {
    if (path_known) {
      return {problem(Error{ErrorCode::kInvalidArgument,
                            "error.method_not_allowed",
                            "",
                            {},
                            {{"method", std::string(request.method_string())}}},
                      beast_http::status::method_not_allowed),
              {}};
    }
    return {
        problem(Error{
            ErrorCode::kNotFound, "error.route_not_found", "", {}, {{"path", std::string(path)}}}),
        {}};
  }

  const std::string_view cookies = request[beast_http::field::cookie];
  call.session_token = CookieValue(cookies, kSessionCookie);
  call.worker_session_token = CookieValue(cookies, kWorkerSessionCookie);
  if (route->access != Access::kPublic) {
    // Staff routes take only the console's cookie and worker routes only the portal's.
    auto session = route->access == Access::kSession
                       ? app_.accounts().Authenticate(call.session_token)
                       : app_.sign_in().Authenticate(call.worker_session_token);
    if (!session) return {problem(session.error()), {}};
    if (Unsafe(request.method()) && !SameToken(session->csrf_token, request["X-CSRF-Token"])) {
      return {problem(Error{
                  ErrorCode::kPermissionDenied, "error.auth.csrf", "CSRF token mismatch", {}, {}}),
              session->actor.username};
    }
    call.actor = std::move(session->actor);
    call.actor->remote_addr = call.remote_addr;
  }

  Result<Reply> reply = [&]() -> Result<Reply> {
    try {
      return route->handler(call);
    } catch (const std::exception& e) {
      // A bug: log it, answer 500, keep serving.
      return Fail(ErrorCode::kInternal, "error.internal",
                  std::string("unhandled exception: ") + e.what());
    }
  }();
  const std::string user = call.actor ? call.actor->username : std::string();
  if (!reply) return {problem(reply.error()), user};
  Response res = JsonResponse(*reply, version, keep_alive);
  for (const auto& cookie : call.set_cookies) res.insert(beast_http::field::set_cookie, cookie);
  std::shared_ptr<boost::beast::file> stream;
  if (reply->file && reply->file->stream && request.method() != beast_http::verb::head) {
    stream = std::move(reply->file->stream);
  }
  if (request.method() == beast_http::verb::head && !(reply->file && reply->file->stream)) {
    const auto length = res.body().size();
    res.body().clear();
    res.content_length(length);
  }
  return {std::move(res), user, {}, std::move(stream)};
}

}  // namespace zj::http
