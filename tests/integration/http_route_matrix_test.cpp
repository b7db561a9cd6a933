// The role × route matrix, on both stores: every route of the router's own table (http::ApiRoutes)
// called by each role — worker, cadre, staff, operator, admin, and nobody (anonymous) — once on an
// object of the caller's own district A ("in") and once on one of district B ("out"), each answer
// checked against the one table below. A route without a row, or a row without a route, fails.
//
// Reading a row: method, the router's pattern, the target called and the body sent (both with
// {placeholders}, route_matrix_world.h), what an out-of-subtree list must not show (for "hid"),
// then one cell per role, "in/out":
//   2xx  any success: the action was allowed (bodies are minimal valid ones, so a refusal is
//        never a 400 in disguise)
//   hid  2xx, and the answer does not contain the row's hidden value on that side (lists leave
//        another district's objects out rather than refusing)
//   401  no session of the kind the route needs; 403 the role may never do this; 404 outside the
//        subtree, exactly as if it did not exist.
// Every caller is a new account of its role in district A, signed in, with its CSRF token on every
// call: staff on the console, a worker on the portal by phone and code (issue 19; a worker has no
// org, and the console's routes answer its portal session 401). For a worker's own routes (/me),
// "in" is the worker's own object and "out" someone else's of district B. Fresh objects
// ({new_...}) are made per case (a name used twice in one case is one object), so each case
// starts from the same world whatever the cases before it changed.
//
// Adding a route: add its row here, in the block of its capability. Write the target with the
// placeholders of the objects it acts on ({union}, {member}, ... on the case's side; {new_...} for
// one that the call changes or uses up), a minimal valid body, and the answer each role should
// get by the use case's rules (read app/, do not copy what the server answers today). When the
// route acts on a kind of object the world does not have yet, add it to Place and a placeholder
// in route_matrix_world.cpp (DefinePlaceholders), made by the district's builder through the use
// cases. Run: zhijia_integration_tests --gtest_filter='*RouteMatrix*'.
#include <array>
#include <chrono>
#include <set>

#include "route_matrix_world.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

struct Row {
  const char* method;
  const char* pattern;  //!< as the router has it
  const char* target;   //!< what is called; "" for the pattern itself
  const char* body;     //!< "" for none; '{' starts JSON, anything else is sent as text
  const char* hidden;   //!< for "hid": what the answer must not contain
  std::array<const char*, 6> answers;  //!< worker, cadre, staff, operator, admin, anonymous
};

constexpr std::array<const char*, 6> kRoles{"worker",   "cadre", "staff",
                                            "operator", "admin", "anonymous"};

// clang-format off
const Row kRows[] = {
// ---- system: public
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/healthz", "", "", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/readyz", "", "", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/api/v1/version", "", "", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/api/v1/openapi.json", "", "", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},

// ---- session: signing in is public, the rest needs the session. A worker's console account is
// of the retired role `worker` (told to use the portal: 403); a worker's portal session is no
// console session, so every console route is 401 to a worker
//  worker     cadre      staff      operator   admin      anonymous
{"POST",   "/api/v1/session", "", R"({"username":"{me}","password":"{my_password}"})", "",
  {"403/403", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/api/v1/session", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},
{"DELETE", "/api/v1/session", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},
{"DELETE", "/api/v1/sessions", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},
{"PUT",    "/api/v1/session/password", "",
  R"({"current_password":"{my_password}","new_password":"Matrix-New-{serial}-Pass"})", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},

// ---- accounts: administrators everywhere, staff in their subtree (core/accounts/roles.h)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/users", "/api/v1/users?org_id={district}", "", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/users", "",
  R"({"username":"mx.new{serial}","display_name":"新账号","role":"cadre",)"
  R"("password":"Matrix-Account-Pass-2026","org_id":"{street}"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/users/:id", "/api/v1/users/{user}", "", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"PATCH",  "/api/v1/users/:id", "/api/v1/users/{new_user}", R"({"display_name":"改名干部"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/users/:id/password", "/api/v1/users/{new_user}/password",
  R"({"password":"Matrix-Reset-Pass-2026"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// The org picker searches the caller's subtree.
{"GET",    "/api/v1/orgs", "/api/v1/orgs?q={district_name}", "", "{district}",
  {"401/401", "2xx/hid", "2xx/hid", "2xx/hid", "2xx/2xx", "401/401"}},
// Another user's phone: whoever manages that account (and staff a worker's); anyone else is
// told the account does not exist for them (app/accounts/contact_service.h).
{"PUT",    "/api/v1/users/:id/phone", "/api/v1/users/{new_user}/phone",
  R"({"phone":"{new_phone}"})", "",
  {"401/401", "404/404", "2xx/404", "404/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/users/:id/phone/reveal", "/api/v1/users/{user}/phone/reveal",
  R"({"reason":"核实联系方式"})", "",
  {"401/401", "404/404", "2xx/404", "404/404", "2xx/2xx", "401/401"}},

// ---- audit log: staff and administrators, their subtree's entries
//  worker     cadre      staff      operator   admin      anonymous
// (A new account: no one of district A has acted on it, so B's entry about it is B's alone.)
{"GET",    "/api/v1/audit", "/api/v1/audit?target_type=user&target_id={new_user}", "",
  "{new_user}",
  {"401/401", "403/403", "2xx/hid", "403/403", "2xx/hid", "401/401"}},

// ---- the union tree and coverage: read in the subtree, changed by staff and administrators
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/org-tree", "/api/v1/org-tree?parent={district}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/orgs", "",
  R"({"code":"MX-N{serial}","name":"新建工会","kind":"grassroots","parent_id":"{street}"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/orgs/:id", "/api/v1/orgs/{street}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"PATCH",  "/api/v1/orgs/:id", "/api/v1/orgs/{new_union}", R"({"chair":"刘主席"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/orgs/:id/move", "/api/v1/orgs/{new_union}/move",
  R"({"parent_id":"{street2}"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/orgs/:id/coverage", "/api/v1/orgs/{street}/coverage", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/orgs/:id/founding-list", "/api/v1/orgs/{street}/founding-list", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/orgs/:id/founding-list.xlsx", "/api/v1/orgs/{street}/founding-list.xlsx",
  "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},

// ---- enterprises: read in the subtree, recorded by cadres, staff and administrators
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/enterprises", "/api/v1/enterprises?org={district}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/enterprises", "",
  R"({"name":"新登记企业{serial}","uscc":"{new_uscc}","region_code":"{street_code}",)"
  R"("industry":"C","ownership":"private","employees":30})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/enterprises/:id", "/api/v1/enterprises/{enterprise}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"PATCH",  "/api/v1/enterprises/:id", "/api/v1/enterprises/{new_enterprise}",
  R"({"employees":45})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// ---- members: operators read (to find a caller), cadres, staff and administrators change
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/members", "/api/v1/members?org_id={union}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/members", "",
  R"({"union_id":"{union}","name":"陈静","id_number":"{new_id_number}"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/members/:id", "/api/v1/members/{member}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"PATCH",  "/api/v1/members/:id", "/api/v1/members/{new_member}",
  R"({"join_date":"2021-03-01"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/members/:id/reveal", "/api/v1/members/{member}/reveal",
  R"({"field":"id_number","reason":"核实身份"})", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},

// ---- hardship files (issue 20): cadres, staff and administrators, in their subtree; the
// 低保 standards are read by all staff and loaded by administrators
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/hardship/files", "/api/v1/hardship/files?limit=200", "", "{hardship_file}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/hardship/files", "",
  R"({"org_id":"{union}","year":2026,"main_cause":"illness","household":)"
  R"([{"relation":"self","name":"王秀英","id_number":"{new_id_number}","income_fen":0}]})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/hardship/files/:id", "/api/v1/hardship/files/{hardship_file}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/hardship/files/:id/override",
  "/api/v1/hardship/files/{hardship_file}/override",
  R"({"level":"relative","reason":"入户核查后调整"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/hardship/files/:id/reveal", "/api/v1/hardship/files/{hardship_file}/reveal",
  R"({"person_id":"{hardship_person}","field":"name","reason":"电话联系"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/hardship/files/:id/flow", "/api/v1/hardship/files/{hardship_file}/flow", "",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/hardship/files/:id/steps", "/api/v1/hardship/files/{new_hardship_file}/steps",
  R"({"step":"first_review","note":"材料齐全"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/hardship/files/:id/bank-card",
  "/api/v1/hardship/files/{hardship_file}/bank-card", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"PUT",    "/api/v1/hardship/files/:id/bank-card",
  "/api/v1/hardship/files/{new_hardship_file}/bank-card",
  R"({"bank_name":"中国工商银行","card_number":"6222020200112233"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/hardship/files/:id/bank-card/reveal",
  "/api/v1/hardship/files/{new_carded_file}/bank-card/reveal", R"({"reason":"核对发放账户"})",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// Evidence files (issue 20): whoever works with the owner uploads, lists, downloads (with a
// reason) and removes them; the body is the file itself (a PDF's first bytes suffice)
{"POST",   "/api/v1/hardship/files/:id/attachments",
  "/api/v1/hardship/files/{new_hardship_file}/attachments?file_name=%E8%AF%8A%E6%96%AD.pdf",
  "%PDF-1.4 matrix", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/hardship/files/:id/attachments",
  "/api/v1/hardship/files/{hardship_file}/attachments", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/attachments/:id/content",
  "/api/v1/attachments/{new_attachment}/content?reason=%E6%A0%B8%E5%AF%B9%E6%9D%90%E6%96%99", "",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"DELETE", "/api/v1/attachments/:id", "/api/v1/attachments/{new_attachment}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/hardship/rules", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"PUT",    "/api/v1/hardship/rules", "",
  R"({"publicity_working_days":5,"review_months":12,"reminder_days":30,"retention_years":10,)"
  R"("spot_check_pct":30})", "",
  {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/hardship/files/:id/close", "/api/v1/hardship/files/{new_hardship_file}/close",
  R"({"reason":"lifted","note":"再就业"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/hardship/dashboard", "/api/v1/hardship/dashboard?org_id={street}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/standards", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/standards", "",
  R"({"region_code":"{street_code}","year":2027,"dibao_monthly_fen":150000,"source":"样例"})", "",
  {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},

// ---- aid grants (issue 20): cadres, staff and administrators propose and see grants in their
// subtree; a caller of the district decides them and pays from the district's budget; the
// rules, limits and budgets are read by them and loaded by administrators
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/aid/grants", "/api/v1/aid/grants?limit=200", "", "{aid_grant}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/grants", "",
  R"({"file_id":"{new_active_file}","kind":"festival","period":"2026"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/aid/grants/:id", "/api/v1/aid/grants/{aid_grant}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/grants/:id/approve", "/api/v1/aid/grants/{new_aid_grant}/approve", "{}",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/grants/:id/refuse", "/api/v1/aid/grants/{new_aid_grant}/refuse",
  R"({"reason":"材料不全"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/grants/:id/pay", "/api/v1/aid/grants/{new_approved_aid_grant}/pay",
  R"({"paid_on":"2026-11-20","method":"bank_transfer"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// The finance office's list is of the caller's subtree (aid_payments_test checks whose rows);
// a batch answers 200 with each grant's outcome, another district's grant "not found" in it.
{"POST",   "/api/v1/aid/payment-list", "", R"({"reason":"本月发放"})", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/payments", "",
  R"({"grant_ids":["{new_approved_aid_grant}"],"paid_on":"2026-11-20","method":"cash"})", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/aid/rules", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/rules", "",
  R"({"scope_org_id":"{union}","year":2026,"kind":"living","level":"deep",)"
  R"("rule":"months_of_dibao","months":10})", "",
  {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/aid/limits", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/limits", "",
  R"({"scope_org_id":"{union}","kind":"living","org_level":"grassroots","max_fen":200000})", "",
  {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/aid/budgets", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/aid/budgets", "",
  R"({"org_id":"{union}","year":2026,"kind":"living","amount_fen":1000000})", "",
  {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},

// ---- legal cases (issue 20): cadres, staff and administrators open and work cases in their
// subtree; the lawyers' directory likewise; the collective rule is read by them and set by
// administrators
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/legal/cases", "/api/v1/legal/cases?limit=200", "", "{legal_case}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/legal/cases", "",
  R"({"org_id":"{union}","type":"wage_arrears","title":"拖欠工资","employer_uscc":)"
  R"("91110000100000000R","employer_name":"某建筑劳务公司","claimed_fen":100000})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/legal/cases/:id", "/api/v1/legal/cases/{legal_case}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"PATCH",  "/api/v1/legal/cases/:id", "/api/v1/legal/cases/{new_legal_case}",
  R"({"title":"拖欠四个月工资","claimed_fen":3200000})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/legal/cases/:id/workers", "/api/v1/legal/cases/{new_legal_case}/workers",
  R"({"name":"李建国","id_number":"{new_id_number}"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"DELETE", "/api/v1/legal/cases/:id/workers/:wid",
  "/api/v1/legal/cases/{new_case_with_worker}/workers/{its_worker}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/legal/cases/:id/stages", "/api/v1/legal/cases/{new_legal_case}/stages",
  R"({"stage":"mediation","started_on":"2026-11-20","note":"劳动争议调解委员会受理"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/legal/cases/:id/stages/:stage/documents",
  "/api/v1/legal/cases/{new_legal_case}/stages/consultation/documents?file_name=a.png",
  "\x89PNG\r\n\x1A\n matrix", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/legal/cases/:id/stages/:stage/documents",
  "/api/v1/legal/cases/{legal_case}/stages/consultation/documents", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/legal/cases/:id/close", "/api/v1/legal/cases/{new_legal_case}/close",
  R"({"outcome":"调解结案，补发工资","recovered_fen":2400000})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/legal/lawyers", "/api/v1/legal/lawyers?limit=200", "", "{lawyer}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/legal/lawyers", "",
  R"({"org_id":"{union}","kind":"lawyer","name":"王律师","firm":"北京某律师事务所"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"PATCH",  "/api/v1/legal/lawyers/:id", "/api/v1/legal/lawyers/{lawyer}",
  R"({"firm":"北京市某律师事务所"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/legal/rules", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"PUT",    "/api/v1/legal/rules", "",
  R"({"federation_id":"{federation}","collective_workers":10,"collective_amount_fen":50000000})",
  "", {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},

// ---- mutual aid (issue 22): cadres, staff and administrators run the plans of their subtree
// and see those above their org; staff and administrators create plans, open periods, apply
// the unions' lists and decide and pay claims (cadres 403); operators have no part (403)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/mutual-aid/plans", "", "", "{ma_plan}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/plans", "",
  R"({"org_id":"{district}","code":"m{serial}","title":"职工互助保障","payers":[{"payer":)"
  R"("municipal","share_bp":10000}],"benefits":[{"code":"fire","kind":"share_of_loss",)"
  R"("share_bp":1000,"cap_fen":2000000}]})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/mutual-aid/plans/:id", "/api/v1/mutual-aid/plans/{ma_plan}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/mutual-aid/plans/:id/periods", "/api/v1/mutual-aid/plans/{ma_plan}/periods",
  "", "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/plans/:id/periods", "/api/v1/mutual-aid/plans/{ma_plan}/periods",
  "{}", "", {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/periods/:id/enrol", "/api/v1/mutual-aid/periods/{ma_period}/enrol",
  R"({"org_id":"{union}"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/mutual-aid/periods/:id/lists", "/api/v1/mutual-aid/periods/{ma_period}/lists",
  "", "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/periods/:id/lists", "/api/v1/mutual-aid/periods/{ma_period}/lists",
  R"({"org_id":"{union}"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/lists/:id/send", "/api/v1/mutual-aid/lists/{new_ma_list}/send",
  "{}", "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/lists/:id/apply",
  "/api/v1/mutual-aid/lists/{new_sent_ma_list}/apply", "{}", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/mutual-aid/claims", "/api/v1/mutual-aid/claims?limit=200", "",
  "{new_ma_claim}", {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/claims", "",
  R"({"plan_id":"{ma_covered_plan}","member_id":"{its_ma_member}","benefit_code":"fire",)"
  R"("incident_date":"{ma_today}","loss_fen":100000})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/claims/:id/approve",
  "/api/v1/mutual-aid/claims/{new_ma_claim}/approve", "{}", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/claims/:id/refuse",
  "/api/v1/mutual-aid/claims/{new_ma_claim}/refuse", R"({"reason":"证明材料不全"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/claims/:id/pay",
  "/api/v1/mutual-aid/claims/{new_approved_ma_claim}/pay", R"({"reference":"BANK-1"})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// A claim's photos and files: whoever works with the claim's member (slice 3); the form's
// Compute stores nothing; the lists the caller's union owes; the 12351 request's prompt
{"POST",   "/api/v1/mutual-aid/claims/:id/evidence",
  "/api/v1/mutual-aid/claims/{new_ma_claim}/evidence?file_name=%E7%8E%B0%E5%9C%BA.pdf",
  "%PDF-1.4 matrix", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/mutual-aid/claims/:id/evidence",
  "/api/v1/mutual-aid/claims/{new_ma_claim}/evidence", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/mutual-aid/claims/compute", "",
  R"({"plan_id":"{ma_covered_plan}","member_id":"{its_ma_member}","benefit_code":"fire",)"
  R"("incident_date":"{ma_today}","loss_fen":100000})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/mutual-aid/lists-due", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/requests/:id/mutual-aid-prompt", "/api/v1/requests/{request}/mutual-aid-prompt",
  "", "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// ---- talent pool and studios (issue 22): cadres, staff and administrators keep the talent of
// their subtree's members and its studios; staff and administrators record a studio's funding
// (cadres 403); operators have no part (403)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/talent", "/api/v1/talent?trade=matrix&limit=200", "", "{talent_member}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/talent/:member_id", "/api/v1/talent/{talent_member}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"PUT",    "/api/v1/talent/:member_id", "/api/v1/talent/{member}",
  R"({"trade":"matrix","level":3})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/talent/:member_id/titles", "/api/v1/talent/{member}/titles",
  R"({"kind":"craftsman","title":"北京大工匠","year":{this_year}})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/studios", "/api/v1/studios?limit=200", "", "{studio}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/studios", "",
  R"({"org_id":"{district}","name":"创新工作室","lead_member_id":"{member}","trade":"matrix",)"
  R"("founded_year":{this_year}})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/studios/:id/funding", "/api/v1/studios/{studio}/funding",
  R"({"year":{this_year}})", "",
  {"401/401", "403/403", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// ---- competitions (issue 21): cadres, staff and administrators organise the competitions of
// their subtree; anyone signed in to the console reads their own judging cards, and marks only
// entries they judge (no caller here judges one: 404)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/competitions", "/api/v1/competitions?limit=200", "", "{competition}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/competitions", "",
  R"({"org_id":"{union}","title":"劳动竞赛","groups":[{"code":"g","name":"企业组",)"
  R"("entrant_kind":"enterprise","sheet":[{"code":"a","name":"效果","max_centi":10000,)"
  R"("weight":100}]}]})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/competitions/:id", "/api/v1/competitions/{competition}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/competitions/:id/freeze", "/api/v1/competitions/{new_competition}/freeze",
  "{}", "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/competitions/:id/publish",
  "/api/v1/competitions/{new_frozen_competition}/publish", "{}", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/competitions/:id/entries", "/api/v1/competitions/{competition}/entries", "",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/competitions/:id/entries", "/api/v1/competitions/{new_competition}/entries",
  R"({"group":"enterprises","enterprise_id":"{enterprise}"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/competitions/:id/entries/:eid/veto",
  "/api/v1/competitions/{new_comp_with_entry}/entries/{its_entry}/veto",
  R"({"code":"wage_arrears","note":"拖欠工资两个月"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/competitions/:id/judges", "/api/v1/competitions/{competition}/judges", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/competitions/:id/judges", "/api/v1/competitions/{new_competition}/judges",
  R"({"user_id":"{user}","groups":["enterprises"]})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/competitions/:id/ranking", "/api/v1/competitions/{competition}/ranking", "",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// Certificates (slice 4): anyone verifies a code (public); organisers list a competition's
// and revoke one in their subtree (operators organise nothing: 403)
{"GET",    "/api/v1/certificates/verify", "/api/v1/certificates/verify?code={new_certificate_code}",
  "", "", {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/api/v1/competitions/:id/certificates",
  "/api/v1/competitions/{competition}/certificates", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/certificates/:id/revoke", "/api/v1/certificates/{new_certificate}/revoke",
  R"({"reason":"成绩作假，经核实撤销"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/judging", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},
{"PUT",    "/api/v1/judging/:id", "/api/v1/judging/{comp_entry}", R"({"marks":{"effect":5000}})",
  "", {"401/401", "404/404", "404/404", "404/404", "404/404", "401/401"}},

// ---- activities (issue 22): cadres, staff and administrators organise the activities of their
// subtree (operators organise nothing: 403); a staff member cancels a member's registration
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/activities", "/api/v1/activities?limit=200", "", "{activity}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/activities", "",
  R"({"org_id":"{union}","kind":"sport","title":"职工足球杯","place":"体育中心",)"
  R"("opens_at":1795500000000,"closes_at":1796000000000,"starts_at":1796100000000,)"
  R"("ends_at":1796110000000,"capacity":20})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/activities/:id", "/api/v1/activities/{new_open_activity}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"PATCH",  "/api/v1/activities/:id", "/api/v1/activities/{new_activity}",
  R"({"title":"职工篮球赛","capacity":30})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/activities/:id/open", "/api/v1/activities/{new_activity}/open", "{}", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/activities/:id/close", "/api/v1/activities/{new_open_activity}/close", "{}",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/activities/:id/cancel", "/api/v1/activities/{new_open_activity}/cancel",
  "{}", "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/activities/:id/registrations",
  "/api/v1/activities/{new_activity_with_reg}/registrations", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/activities/:id/registrations/:rid/cancel",
  "/api/v1/activities/{new_activity_with_reg}/registrations/{its_registration}/cancel",
  R"({"reason":"本人因伤退赛"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// Check-in by the member card's QR (a batch; each scan's outcome in a 200) and the check-ins;
// reach of an org's subtree
{"POST",   "/api/v1/activities/:id/check-ins", "/api/v1/activities/{activity}/check-ins",
  R"({"scans":[{"scan_id":"matrix-scan-{serial}","token":"{card_token}","scanned_at":1}]})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/activities/:id/check-ins", "/api/v1/activities/{activity}/check-ins", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/activities/reach", "/api/v1/activities/reach?org_id={street}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// ---- training (issue 22): organisers as activities — courses, classes, sessions, check-ins at a
// session, assessments of a class's seated members (route_matrix_training.cpp)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/courses", "/api/v1/courses?limit=200", "", "{course}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/courses", "",
  R"({"org_id":"{union}","kind":"skills","title":"电工技能提升班","certificate_valid_months":24})",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/courses/:id/classes", "/api/v1/courses/{course}/classes", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/courses/:id/classes", "/api/v1/courses/{course}/classes",
  R"({"title":"第一期","place":"职工服务中心",{class_times},"capacity":30})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/classes/:id", "/api/v1/classes/{training_class}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/classes/:id/sessions", "/api/v1/classes/{training_class}/sessions", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/classes/:id/sessions", "/api/v1/classes/{training_class}/sessions",
  R"({{session_times},"place":"301 教室"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/sessions/:id/check-ins", "/api/v1/sessions/{class_session}/check-ins",
  R"({"scans":[{"scan_id":"matrix-scan-{serial}","token":"{card_token}","scanned_at":1}]})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/classes/:id/assessments", "/api/v1/classes/{training_class}/assessments", "",
  "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/classes/:id/assessments",
  "/api/v1/classes/{new_class_with_member}/assessments",
  R"({"member_id":"{member}","result":"absent"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// Honour rounds (slice 5): organisers run the rounds of their subtree and nominate for the orgs
// in it; a round is also seen from inside it. Lists are forwarded whole (the round's route); the
// round's org awards and refuses what reached it
{"GET",    "/api/v1/honour-rounds", "/api/v1/honour-rounds?limit=200", "", "{honour_round}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/honour-rounds", "",
  R"({"org_id":"{union}","title":"工人先锋号评选","year":2026,"rules":"woman,>=,30",)"
  R"("opens_on":"2026-11-01","closes_on":"2026-12-31"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/honour-rounds/:id", "/api/v1/honour-rounds/{honour_round}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/honour-rounds/:id/composition",
  "/api/v1/honour-rounds/{honour_round}/composition", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/honour-rounds/:id/nominations",
  "/api/v1/honour-rounds/{honour_round}/nominations?org_id={street}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/honour-rounds/:id/nominations",
  "/api/v1/honour-rounds/{new_honour_round}/nominations",
  R"({"org_id":"{street}","member_id":"{member}","ticked":["frontline"]})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/honour-rounds/:id/forward",
  "/api/v1/honour-rounds/{new_round_with_nomination}/forward",
  R"({"org_id":"{street}","reason":"女职工比例暂不满足，先行上报"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"DELETE", "/api/v1/nominations/:id", "/api/v1/nominations/{new_nomination}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/nominations/:id/award", "/api/v1/nominations/{new_forwarded_nomination}/award",
  "{}", "", {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/nominations/:id/refuse",
  "/api/v1/nominations/{new_forwarded_nomination}/refuse", R"({"note":"材料不全，不予评定"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// ---- member transfers: the other side decides, the asking side cancels; an administrator is
// above both and decides only overdue ones (app/members/transfer_service.h)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/member-transfers", "/api/v1/member-transfers?box=incoming", "", "{transfer}",
  {"401/401", "2xx/hid", "2xx/hid", "2xx/hid", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/member-transfers", "",
  R"({"member_id":"{new_member}","to_union_id":"{union2}","reason":"调动工作"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/member-transfers/:id", "/api/v1/member-transfers/{transfer}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/member-transfers/:id/approve",
  "/api/v1/member-transfers/{new_incoming_transfer}/approve", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "403/403", "401/401"}},
{"POST",   "/api/v1/member-transfers/:id/reject",
  "/api/v1/member-transfers/{new_incoming_transfer}/reject", R"({"note":"不符合条件"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "403/403", "401/401"}},
{"POST",   "/api/v1/member-transfers/:id/cancel",
  "/api/v1/member-transfers/{new_outgoing_transfer}/cancel", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// ---- roster imports and exports: those who change members
//  worker     cadre      staff      operator   admin      anonymous
{"POST",   "/api/v1/members/imports",
  "/api/v1/members/imports?union_id={union}&file_name=roster.csv", "{new_roster}", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/members/imports", "/api/v1/members/imports?union_id={union}", "", "{import}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/members/imports/:id", "/api/v1/members/imports/{import}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/members/imports/:id/report",
  "/api/v1/members/imports/{import}/report?format=csv", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/members/imports/:id/report", "/api/v1/members/imports/{import}/report",
  R"({"reason":"核对花名册","format":"csv"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/members/imports/:id/cancel", "/api/v1/members/imports/{new_queued_import}/cancel",
  "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"DELETE", "/api/v1/members/imports/:id", "/api/v1/members/imports/{new_queued_import}", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/members/imports/:id/transfers",
  "/api/v1/members/imports/{new_candidate_import}/transfers", R"({"reason":"调入本单位"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// An empty template holds no one's data.
{"GET",    "/api/v1/members/template", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/members/export", "", R"({"org_id":"{union}","format":"csv"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},

// ---- background jobs: each role sees the kinds it may run (imports and exports of members for
// those who change members, enterprise and org table imports for those who manage them), in its
// subtree; a job of a kind it may not run is as if it did not exist (404)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/jobs", "", "", "{job}",
  {"401/401", "2xx/hid", "2xx/hid", "2xx/hid", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/jobs/:id", "/api/v1/jobs/{job}", "", "",
  {"401/401", "2xx/404", "2xx/404", "404/404", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/jobs/:id/file", "/api/v1/jobs/{job}/file", "", "",
  {"401/401", "2xx/404", "2xx/404", "404/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/jobs/:id/cancel", "/api/v1/jobs/{new_queued_import}/cancel", "", "",
  {"401/401", "2xx/404", "2xx/404", "404/404", "2xx/2xx", "401/401"}},
{"DELETE", "/api/v1/jobs/:id", "/api/v1/jobs/{new_queued_import}", "", "",
  {"401/401", "2xx/404", "2xx/404", "404/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/orgs/imports", "/api/v1/orgs/imports?file_name=orgs.csv",
  "code,name,kind,parent_code\nMX-I{serial},导入工会,grassroots,{street_code}\n", "",
  {"401/401", "403/403", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/enterprises/imports", "/api/v1/enterprises/imports?file_name=e.csv",
  "name,uscc,region_code,industry,ownership,employees\n导入企业{serial},{new_uscc},{street_code},C,private,5\n",
  "", {"401/401", "2xx/2xx", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},

// ---- service requests: operators register and read, cadres, staff and administrators handle;
// a request is seen from the org it is routed to and above; anyone may call it in for anywhere
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/request-categories", "", "", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"PATCH",  "/api/v1/request-categories/:code", "/api/v1/request-categories/rights.wage_arrears",
  R"({"name_en":"Wage arrears"})", "",
  {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/requests", "/api/v1/requests?org_id={district}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/requests", "",
  R"({"channel":"hotline","category":"rights.wage_arrears","title":"工资拖欠",)"
  R"("description":"两个月未发工资","contact_name":"李师傅","contact_phone":"13911112222",)"
  R"("region_code":"{street_code}"})", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/requests/:id", "/api/v1/requests/{request}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/requests/:id/actions", "/api/v1/requests/{new_request}/actions",
  R"({"action":"accept"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/requests/:id/messages", "/api/v1/requests/{new_request}/messages",
  R"({"body":"已电话联系","internal":true})", "",
  {"401/401", "2xx/404", "2xx/404", "403/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/requests/:id/transfer", "/api/v1/requests/{new_request}/transfer",
  R"({"to_org_id":"{street2}","reason":"用人单位在邻街"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/404", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/requests/follow-ups", "/api/v1/requests/follow-ups?org_id={district}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/requests/counts", "/api/v1/requests/counts?org_id={district}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/requests/:id/phone/reveal", "/api/v1/requests/{request}/phone/reveal",
  R"({"reason":"回电联系职工"})", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/members/:id/requests", "/api/v1/members/{member}/requests", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"GET",    "/api/v1/requests/dashboard", "/api/v1/requests/dashboard?org_id={district}", "", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/requests/:id/follow-up", "/api/v1/requests/{new_follow_up_request}/follow-up",
  R"({"note":"电话回访，职工认可"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/404", "2xx/2xx", "401/401"}},

// ---- the worker portal: public, by tracking number and the phone's last four digits
//  worker     cadre      staff      operator   admin      anonymous
{"POST",   "/api/v1/portal/requests", "",
  R"({"category":"rights.wage_arrears","title":"工资拖欠","description":"老板跑路",)"
  R"("contact_name":"周师傅","contact_phone":"13933334444","region_code":"{street_code}"})", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"POST",   "/api/v1/portal/requests/track", "",
  R"({"tracking_number":"{new_tracking_number}","phone_last4":"{phone_last4}"})", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"POST",   "/api/v1/portal/requests/rate", "",
  R"({"tracking_number":"{new_resolved_tracking_number}","phone_last4":"{phone_last4}",)"
  R"("rating":4})", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"POST",   "/api/v1/portal/requests/reopen", "",
  R"({"tracking_number":"{new_resolved_tracking_number}","phone_last4":"{phone_last4}",)"
  R"("reason":"工资仍未到账"})", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"POST",   "/api/v1/portal/requests/withdraw", "",
  R"({"tracking_number":"{new_tracking_number}","phone_last4":"{phone_last4}"})", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/api/v1/portal/employers", "/api/v1/portal/employers?q={enterprise_name}", "", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/api/v1/portal/streets", "/api/v1/portal/streets?q={street_name}", "", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},

// ---- working-day calendars: staff and administrators read, administrators load
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/calendars", "", "", "",
  {"401/401", "403/403", "2xx/2xx", "403/403", "2xx/2xx", "401/401"}},
{"PUT",    "/api/v1/calendars/:year", "/api/v1/calendars/2026", "{calendar_2026}", "",
  {"401/401", "403/403", "403/403", "403/403", "2xx/2xx", "401/401"}},

// ---- the workbench: every signed-in staff account, counted in its own scope (a worker has the
// portal)
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/workbench", "", "", "",
  {"401/401", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "401/401"}},

// ---- workers' own accounts (issue 19): signing in by phone and code is public; the rest is the
// signed-in worker's own (a binding is to the worker's own record wherever it lies)
//  worker     cadre      staff      operator   admin      anonymous
{"POST",   "/api/v1/portal/sign-in/code", "", R"({"phone":"{new_phone}"})", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"POST",   "/api/v1/portal/session", "", "{{new_sign_in}}", "",
  {"2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx", "2xx/2xx"}},
{"GET",    "/api/v1/portal/session", "", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"DELETE", "/api/v1/portal/session", "", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"DELETE", "/api/v1/portal/sessions", "", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me", "", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/binding", "", R"({"name":"张晓林","id_number":"{own_id_number}"})", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/card", "/api/v1/me/card{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// My data shows the worker's own and no one else's request.
{"GET",    "/api/v1/me/data", "/api/v1/me/data{as_member}", "", "{request_tracking}",
  {"hid/hid", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// My data's rights: the worker's own clear numbers for a fresh code, consents, the notice.
{"POST",   "/api/v1/me/data/reveal-code", "/api/v1/me/data/reveal-code{a_minute_later}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/data/reveal", "", R"({"code":"{my_reveal_code}"})", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/consents", "", R"({"use":"surveys","granted":true})", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/privacy-notice", "", R"({"version":1})", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/requests", "", "", "{request_tracking}",
  {"hid/hid", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/requests/:id", "/api/v1/me/requests/{my_request}", "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/requests/:id/rate", "/api/v1/me/requests/{my_resolved_request}/rate",
  R"({"rating":4})", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/requests/:id/reopen", "/api/v1/me/requests/{my_resolved_request}/reopen",
  R"({"reason":"工资仍未到账"})", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/requests/:id/withdraw", "/api/v1/me/requests/{my_request}/withdraw", "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// The inbox: the worker's own entries; another worker's is 404.
{"GET",    "/api/v1/me/notifications", "", "", "{request_tracking}",
  {"hid/hid", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/notifications/unread", "", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/notifications/read-all", "", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/notifications/:id/read", "/api/v1/me/notifications/{my_notification}/read",
  "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// My membership: the worker's own member; the union search lists active unions anywhere; a
// transfer the worker asks is for their own member, another worker's is 404.
{"GET",    "/api/v1/me/membership", "/api/v1/me/membership{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/unions", "/api/v1/me/unions?q=%E5%B7%A5%E4%BC%9A", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/transfers", "/api/v1/me/transfers{as_member}",
  R"({"to_union_id":"{union2}","reason":"换工作了","new_employer":"乙公司"})", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// My help: the hardship files of the worker's own household and their aid; the worker applies
// for their own household (at their member's union; the standard of its district is loaded).
{"GET",    "/api/v1/me/hardship", "/api/v1/me/hardship{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/hardship/applications", "/api/v1/me/hardship/applications{as_member}",
  R"({"main_cause":"illness","member_income_fen":0})", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// Competitions in My account: the worker's own; enrolment in an individual group of a
// competition of the worker's district (the worker bound in district A: B's is 404); the
// worker's own certificate as a PDF (someone else's is 404).
{"GET",    "/api/v1/me/competitions", "/api/v1/me/competitions{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/competitions/:id/enrol",
  "/api/v1/me/competitions/{new_open_competition}/enrol", R"({"group":"workers"})", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/certificates", "/api/v1/me/certificates{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/certificates/:id/pdf", "/api/v1/me/certificates/{my_certificate}/pdf", "",
  "", {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// Activities in My account: the worker's own list; register for, cancel and confirm an offer of
// an activity of the worker's district (the worker bound in district A: B's is 404).
{"GET",    "/api/v1/me/activities", "/api/v1/me/activities{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/activities/:id/registration",
  "/api/v1/me/activities/{new_open_activity}/registration", "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"DELETE", "/api/v1/me/activities/:id/registration",
  "/api/v1/me/activities/{my_registered_activity}/registration", "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/activities/:id/confirm",
  "/api/v1/me/activities/{my_offered_activity}/confirm", "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// Training in My account: the worker's own classes and certificates; enrolment in a class of
// the worker's district (the worker bound in district A: B's is 404).
{"GET",    "/api/v1/me/training", "/api/v1/me/training{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/classes/:id/registration",
  "/api/v1/me/classes/{new_open_class}/registration", "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// Mutual aid in My account: the plans I am in and my claims; a claim on a plan covering me
// (the worker bound in district A: B's plan is 404).
{"GET",    "/api/v1/me/mutual-aid/plans", "/api/v1/me/mutual-aid/plans{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/mutual-aid/claims", "/api/v1/me/mutual-aid/claims{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/mutual-aid/claims", "",
  R"({"plan_id":"{my_ma_plan}","benefit_code":"fire","incident_date":"{ma_today}",)"
  R"("loss_fen":100000})", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// The talent pool in My account: my level, titles and studio (the member I am bound to).
{"GET",    "/api/v1/me/talent", "/api/v1/me/talent{as_member}", "", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/mutual-aid/claims/compute", "",
  R"({"plan_id":"{my_ma_plan}","benefit_code":"fire","incident_date":"{ma_today}",)"
  R"("loss_fen":100000})", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// A photo of my own claim (B's claim: 404)
{"POST",   "/api/v1/me/mutual-aid/claims/:id/evidence",
  "/api/v1/me/mutual-aid/claims/{my_ma_claim}/evidence?file_name=%E7%8E%B0%E5%9C%BA.pdf",
  "%PDF-1.4 matrix", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/mutual-aid/claims/:id/evidence",
  "/api/v1/me/mutual-aid/claims/{my_ma_claim}/evidence", "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},
// Corrections of the worker's own member record: proposed for the member the worker is bound to
// (on either side: the worker's own), listed as the worker's own.
{"POST",   "/api/v1/me/member-corrections", "/api/v1/me/member-corrections{as_member}",
  R"({"changes":[{"field":"name","value":"张小林"}],"note":"名字写错了"})", "",
  {"2xx/2xx", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"GET",    "/api/v1/me/member-corrections", "", "", "{new_correction}",
  {"hid/hid", "401/401", "401/401", "401/401", "401/401", "401/401"}},
{"POST",   "/api/v1/me/transfers/:id/withdraw", "/api/v1/me/transfers/{my_transfer}/withdraw",
  "", "",
  {"2xx/404", "401/401", "401/401", "401/401", "401/401", "401/401"}},

// ---- workers' accounts on the staff side: those who manage members decide bindings in their
// subtree; anyone who checks people in verifies a card of the subtree
//  worker     cadre      staff      operator   admin      anonymous
{"GET",    "/api/v1/worker-bindings", "", "", "{binding}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/worker-bindings/:id/approve", "/api/v1/worker-bindings/{new_binding}/approve",
  "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/worker-bindings/:id/reject", "/api/v1/worker-bindings/{new_binding}/reject",
  R"({"note":"手机号与名册不符"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
// Corrections of members' records that their workers asked for: decided like bindings.
{"GET",    "/api/v1/member-corrections", "", "", "{new_correction}",
  {"401/401", "2xx/hid", "2xx/hid", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/member-corrections/:id/approve",
  "/api/v1/member-corrections/{new_correction}/approve", "", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/member-corrections/:id/reject",
  "/api/v1/member-corrections/{new_correction}/reject", R"({"reason":"请携带证件到工会办理"})", "",
  {"401/401", "2xx/404", "2xx/404", "403/403", "2xx/2xx", "401/401"}},
{"POST",   "/api/v1/cards/verify", "", R"({"token":"{card_token}"})", "",
  {"401/401", "2xx/404", "2xx/404", "2xx/404", "2xx/2xx", "401/401"}},
};
// clang-format on

std::string MethodOf(bh::verb v) { return std::string(bh::to_string(v)); }

//! Whether `status` is the answer a cell's half says (2xx, hid or a status code).
bool Matches(std::string_view want, unsigned status) {
  if (want == "2xx" || want == "hid") return status >= 200 && status < 300;
  return want == std::to_string(status);
}

//! The row of a route of the router, or nullptr.
const Row* RowOf(const http::Route& route) {
  for (const Row& row : kRows) {
    if (row.method == MethodOf(route.method) && row.pattern == route.pattern) return &row;
  }
  return nullptr;
}

TEST_P(RouteMatrixTest, EveryRowIsARouteOfTheRouterWithACellPerRole) {
  std::set<std::pair<std::string, std::string>> routes, rows;
  for (const http::Route& r : http::ApiRoutes()) routes.emplace(MethodOf(r.method), r.pattern);
  for (const Row& row : kRows) {
    const std::string name = std::string(row.method) + " " + row.pattern;
    EXPECT_TRUE(rows.emplace(row.method, row.pattern).second) << "two rows for " << name;
    EXPECT_TRUE(routes.contains({row.method, row.pattern}))
        << "the matrix has a row for " << name << ", which the router no longer serves";
    for (const std::string_view cell : row.answers) {
      const auto slash = cell.find('/');
      EXPECT_TRUE(slash != std::string_view::npos && cell.find('/', slash + 1) == std::string::npos)
          << name << ": a cell is \"in/out\", not \"" << cell << "\"";
      if (cell.find("hid") != std::string_view::npos) {
        EXPECT_STRNE(row.hidden, "") << name << ": \"hid\" needs what must stay hidden";
      }
    }
  }
}

// Goes over the router's own table: a route without a row fails here, by name.
TEST_P(RouteMatrixTest, EveryRoleGetsTheAnswerOfTheTableInAndOutOfItsSubtree) {
  BuildWorld();
  ASSERT_FALSE(HasFailure()) << "the world could not be built";
  const auto started = std::chrono::steady_clock::now();
  int cases = 0;
  for (const http::Route& route : http::ApiRoutes()) {
    const Row* row = RowOf(route);
    if (row == nullptr) {
      ADD_FAILURE() << "the route " << MethodOf(route.method) << " " << route.pattern
                    << " has no row in the role x route matrix: add one (see the top of "
                    << "tests/integration/http_route_matrix_test.cpp)";
      continue;
    }
    const std::string target_text = *row->target != '\0' ? row->target : row->pattern;
    for (std::size_t r = 0; r < kRoles.size(); ++r) {
      const std::string_view cell(row->answers[r]);
      for (const Side side : {Side::kIn, Side::kOut}) {
        const std::string_view want =
            side == Side::kIn ? cell.substr(0, cell.find('/')) : cell.substr(cell.find('/') + 1);
        Case c{side, NewCaller(kRoles[r]), {}};
        const std::string target = Fill(target_text, c, true);
        const std::string body = Fill(row->body, c, false);
        const auto res = Send(c.caller, route.method, target, body);
        ++cases;
        const unsigned got = res.result_int();
        const std::string where = std::string(row->method) + " " + row->pattern + " as " +
                                  kRoles[r] + (side == Side::kIn ? ", in" : ", out of") +
                                  " its subtree (" + target + ")";
        EXPECT_TRUE(Matches(want, got)) << where << ": expected " << want << ", got " << got << " "
                                        << res.body().substr(0, 300);
        if (want == "hid" && got >= 200 && got < 300) {
          const std::string hidden = Fill(row->hidden, c, false);
          EXPECT_EQ(res.body().find(hidden), std::string::npos)
              << where << ": the answer shows " << hidden << ", which it must not";
        }
      }
    }
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  std::cout << "[ matrix   ] " << cases << " calls in " << ms << " ms\n";
}

ZJ_INSTANTIATE_ON_BOTH_STORES(RouteMatrixTest);

}  // namespace
}  // namespace zj::test
