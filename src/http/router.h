// The whole request → response mapping, without sockets: API routes (with session, CSRF and
// problem+json handling), health checks, static files, security headers. The server calls it
// per request; tests call it directly.
#pragma once

#include <string>
#include <vector>

#include "app/application.h"
#include "http/route.h"
#include "http/server_options.h"
#include "http/types.h"

namespace zj::http {

struct Peer {
  std::string address;  //!< the socket's remote address
};

//! Every route of the JSON API and the health checks, in the order the router tries them: the
//! router's own table, for tests that go over every route (the role × route matrix).
std::vector<Route> ApiRoutes();

struct Handled {
  Response response;
  std::string user;  //!< the signed-in username, for the access log ("" when anonymous)
  //! The client's address: the peer's, or the one a trusted proxy vouched for.
  std::string client = {};
  //! The body, when it is a file streamed to the client (the response's Content-Length is its
  //! size and its own body empty); null otherwise.
  std::shared_ptr<boost::beast::file> stream = nullptr;
};

class Router {
 public:
  Router(app::Application& app, ServerOptions options);
  //! Answers the request. An upload route's body may come as `upload` (the file sealed as it
  //! arrived: see IsUploadRoute) instead of in the request; a handler that keeps it takes it.
  Handled Handle(const Request& request, const Peer& peer, app::Upload* upload = nullptr);
  //! For an upload route, before its body is read: the answer when the request has no valid
  //! session or CSRF token (so nothing of the body is stored), else nothing.
  std::optional<Handled> RefuseUpload(const Request& header);
  const std::vector<Route>& routes() const { return routes_; }
  app::Application& app() { return app_; }

 private:
  Handled HandleApi(const Request& request, Call& call, std::string_view path);

  app::Application& app_;
  ServerOptions options_;
  std::vector<Route> routes_;
  //! Each route's pattern split into segments once, in the order of routes_ (matching runs
  //! for every API request, so patterns are not split again each time).
  std::vector<std::vector<std::string>> patterns_;
  //! The indexes of the routes by their number of path segments: a path is matched only
  //! against the patterns as long as it is.
  std::vector<std::vector<std::size_t>> by_length_;
};

//! True for the routes whose body is a file upload (a roster, a register, evidence): their bodies
//! may be as large as Limits::upload_bytes and are sealed to disk as they arrive.
bool IsUploadRoute(beast_http::verb method, std::string_view path);

//! The value of cookie `name` in a Cookie header, or "".
std::string CookieValue(std::string_view header, std::string_view name);

//! What a response is, for the security headers it needs.
enum class Answer {
  kDocument,  //!< the web app's pages, assets and anything else a browser may render
  kData,      //!< an API answer (JSON, problem+json, a roster file): never rendered as a page
};

//! Headers every response carries: CSP (for data: nothing loads, nothing frames), nosniff,
//! X-Frame-Options; documents also the referrer, permissions and opener policies.
void AddSecurityHeaders(Response& response, Answer answer);

//! The session cookie's name.
inline constexpr std::string_view kSessionCookie = "zj_session";
//! The worker portal's session cookie (a worker and a staff member may share a browser).
inline constexpr std::string_view kWorkerSessionCookie = "zj_worker";

//! A Set-Cookie value for session cookie `name`: HttpOnly, SameSite=Strict, Path=/, Secure
//! when `secure`; an empty value with max age 0 removes it.
std::string SessionCookie(std::string_view name, const std::string& value, long max_age_s,
                          bool secure);

}  // namespace zj::http
