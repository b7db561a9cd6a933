// Certificates (issue 21 slice 4): GET /api/v1/certificates/verify?code=… (public, throttled per
// address: title, award, place, the holder masked, the issuing org, the day, revoked or not,
// a training certificate's expiry;
// 404 for a code that is none), the worker's GET /api/v1/me/certificates and
// GET /api/v1/me/certificates/:id/pdf, and an organiser's
// GET /api/v1/competitions/:id/certificates and POST /api/v1/certificates/:id/revoke {reason}.
#include <cctype>

#include "app/training/my_training.h"
#include "http/request_json.h"
#include "http/route.h"

namespace zj::http {

namespace {

void WriteCertificate(JsonWriter& w, const app::CertificateView& v) {
  const auto& r = v.row;
  w.Object();
  w.Key("id").Id(r.id).Key("kind").Str(r.kind).Key("source_id").Id(r.source_id);
  w.Key("holder_kind").Str(r.holder_kind).Key("holder").Str(r.holder_masked);
  w.Key("title").Str(r.title).Key("award").Str(r.award);
  w.Key("place").OptInt(r.place ? std::optional<std::int64_t>(*r.place) : std::nullopt);
  w.Key("code").Str(v.display_code).Key("issuer").Str(v.issuer);
  w.Key("issued_on").Str(v.issued_on).Key("issued_at").Int(r.issued_at);
  w.Key("revoked_at").OptInt(r.revoked_at);
  w.EndObject();
}

//! The verify page's address for the PDF: this server's, as the holder's browser reached it.
std::string VerifyBase(const Call& call) {
  const std::string host(call.request[beast_http::field::host]);
  bool ok = !host.empty() && host.size() <= 255;
  for (const char c : host) {
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
                c == '[' || c == ']');
  }
  if (!ok) return "/verify";
  return std::string(call.secure ? "https://" : "http://") + host + "/verify";
}

Result<Reply> Verify(Call& call) {
  const auto query = QueryParams(call.request.target());
  const std::string code = QueryValue(query, "code").substr(0, 64);
  ZJ_ASSIGN_OR_RETURN(app::VerifiedCertificate v,
                      call.app.certificates().Verify(code, call.remote_addr));
  // A training certificate's expiry (issue 22; competitions' have none).
  ZJ_ASSIGN_OR_RETURN(const auto expires_on, app::CertificateExpiresOn(call.app.db(), code));
  return Reply{
      beast_http::status::ok,
      nlohmann::json{
          {"kind", v.kind},
          {"title", v.title},
          {"award", v.award},
          {"place", v.place ? nlohmann::json(*v.place) : nlohmann::json()},
          {"holder_kind", v.holder_kind},
          {"holder", v.holder},
          {"issuer", v.issuer},
          {"issued_on", v.issued_on},
          {"revoked", v.revoked},
          {"expires_on", expires_on ? nlohmann::json(*expires_on) : nlohmann::json()},
          {"revoked_on", v.revoked_on ? nlohmann::json(*v.revoked_on) : nlohmann::json()}}};
}

Result<Reply> Mine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto items, call.app.certificates().Mine(*call.actor));
  return PageReply(items, std::nullopt, WriteCertificate);
}

Result<Reply> Pdf(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(std::string bytes,
                      call.app.certificates().Pdf(*call.actor, id, VerifyBase(call)));
  Reply reply{beast_http::status::ok, std::nullopt};
  // RFC 6266: an ASCII name, and the Chinese one (证书) percent-encoded.
  reply.file =
      Reply::File{std::move(bytes), "application/pdf",
                  "attachment; filename=\"certificate-" + std::to_string(id) +
                      ".pdf\"; filename*=UTF-8''%E8%AF%81%E4%B9%A6-" + std::to_string(id) + ".pdf"};
  return reply;
}

Result<Reply> OfCompetition(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto items, call.app.certificates().OfCompetition(*call.actor, id));
  return PageReply(items, std::nullopt, WriteCertificate);
}

Result<Reply> Revoke(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  std::string reason = RequireString(body, "reason", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if (reason.size() > 4000) reason.resize(4001);
  ZJ_ASSIGN_OR_RETURN(auto v, call.app.certificates().Revoke(*call.actor, id, reason));
  return JsonReply(beast_http::status::ok, WriteCertificate, v);
}

}  // namespace

void AddCertificateRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/certificates/verify", Access::kPublic, Verify});
  routes.push_back({verb::post, "/api/v1/certificates/:id/revoke", Access::kSession, Revoke});
  routes.push_back(
      {verb::get, "/api/v1/competitions/:id/certificates", Access::kSession, OfCompetition});
  routes.push_back({verb::get, "/api/v1/me/certificates", Access::kWorker, Mine});
  routes.push_back({verb::get, "/api/v1/me/certificates/:id/pdf", Access::kWorker, Pdf});
}

}  // namespace zj::http
