// The member and member-transfer endpoints over the router, on both stores: JSON shapes of the
// OpenAPI document, field errors as problem+json, 404 for everything of another district, the
// active-elsewhere conflict naming the union only, reveals, and a transfer asked by the
// receiving side and approved by the sending side.
#include <nlohmann/json.hpp>

#include "core/members/national_id.h"
#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

constexpr const char* kPass = "Http-Members-2026";

std::string IdNumber(int sequence) {
  std::string seq = std::to_string(100 + sequence).substr(1);
  const std::string body = "110101198805210" + seq;
  return body + members::IdCheckCharacter(body);
}

class HttpMembersTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    const app::Actor admin = app::SystemActor();
    const std::int64_t donghuamen = *app_->orgs().IdByCode(admin, "110101001");
    const std::int64_t xicheng = *app_->orgs().IdByCode(admin, "110102");
    auto a = app_->orgs().Create(
        admin, app::NewOrg{"DC-M1", "东城某公司工会", "grassroots", donghuamen, {}, {}, {}, {}});
    ASSERT_OK(a);
    union_dc_ = std::to_string(a->org.id);
    auto b = app_->orgs().Create(
        admin, app::NewOrg{"XC-M1", "西城某公司工会", "grassroots", xicheng, {}, {}, {}, {}});
    ASSERT_OK(b);
    union_xc_ = std::to_string(b->org.id);
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  //! Creates a member in 东城's union and returns its JSON.
  nlohmann::json CreateMember(const std::string& name, int sequence) {
    auto res = As(dongcheng_, bh::verb::post, "/api/v1/members",
                  {{"union_id", union_dc_},
                   {"name", name},
                   {"id_number", IdNumber(sequence)},
                   {"phone", "13800001234"},
                   {"employer_name", "东城某公司"},
                   {"join_date", "2020/5/1"},
                   {"migrant_worker", true}});
    EXPECT_EQ(res.result(), bh::status::created) << res.body();
    return Json(res);
  }

  std::string union_dc_, union_xc_;
  SignedIn dongcheng_, xicheng_;
};

void ExpectProblem(const Response& res, bh::status status, const std::string& field = "") {
  EXPECT_EQ(res.result(), status) << res.body();
  EXPECT_EQ(res[bh::field::content_type], "application/problem+json");
  if (field.empty()) return;
  const auto body = nlohmann::json::parse(res.body());
  bool found = false;
  for (const auto& e : body.value("errors", nlohmann::json::array())) {
    if (e.value("field", "") == field) found = !e.value("message", "").empty();
  }
  EXPECT_TRUE(found) << "no message for " << field << " in " << res.body();
}

TEST_P(HttpMembersTest, CreateAnswersAMemberSummaryAndGetAddsHistory) {
  const auto m = CreateMember("张晓林", 13);
  EXPECT_EQ(m["name"], "张晓林");
  EXPECT_EQ(m["gender"], "male");
  EXPECT_EQ(m["birth_date"], "1988-05-21");
  EXPECT_EQ(m["id_masked"], "110101********" + IdNumber(13).substr(14));
  EXPECT_EQ(m["phone_masked"], "138****1234");
  EXPECT_EQ(m["union"]["id"], union_dc_);
  EXPECT_EQ(m["employer"]["id"], nullptr);
  EXPECT_EQ(m["employer"]["name"], "东城某公司");
  EXPECT_EQ(m["join_date"], "2020-05-01");
  EXPECT_EQ(m["status"], "active");
  EXPECT_EQ(m["migrant_worker"], true);
  EXPECT_EQ(m["model_worker"], false);
  EXPECT_EQ(m["card_number"].get<std::string>().size(), 16u);

  const std::string path = "/api/v1/members/" + m["id"].get<std::string>();
  auto got = As(dongcheng_, bh::verb::get, path);
  ASSERT_EQ(got.result(), bh::status::ok) << got.body();
  const auto detail = Json(got);
  EXPECT_EQ(detail["events"].size(), 1u);
  EXPECT_EQ(detail["events"][0]["event"], "created");
  EXPECT_TRUE(detail["events"][0]["detail"].is_object());
  EXPECT_TRUE(detail["transfers"].empty());
  EXPECT_EQ(detail["import_id"], nullptr);

  auto list = As(dongcheng_, bh::verb::get, "/api/v1/members?q=zxl");
  ASSERT_EQ(list.result(), bh::status::ok) << list.body();
  ASSERT_EQ(Json(list)["items"].size(), 1u);
  EXPECT_EQ(Json(list)["next_cursor"], nullptr);

  auto patched =
      As(dongcheng_, bh::verb::patch, path, {{"phone", nullptr}, {"model_worker", true}});
  ASSERT_EQ(patched.result(), bh::status::ok) << patched.body();
  EXPECT_EQ(Json(patched)["phone_masked"], nullptr);
  EXPECT_EQ(Json(patched)["model_worker"], true);
}

TEST_P(HttpMembersTest, BadInputAnswersFieldErrors) {
  ExpectProblem(As(dongcheng_, bh::verb::post, "/api/v1/members",
                   {{"union_id", union_dc_}, {"name", "王五"}, {"id_number", "110101"}}),
                bh::status::bad_request, "id_number");
  ExpectProblem(As(dongcheng_, bh::verb::post, "/api/v1/members",
                   {{"union_id", union_dc_},
                    {"name", "王五"},
                    {"id_number", IdNumber(13)},
                    {"gender", "女"},
                    {"phone", "12"}}),
                bh::status::bad_request, "phone");
  ExpectProblem(As(dongcheng_, bh::verb::post, "/api/v1/members", {{"name", "王五"}}),
                bh::status::bad_request, "union_id");
  ExpectProblem(As(dongcheng_, bh::verb::get, "/api/v1/members?status=asleep"),
                bh::status::bad_request, "status");
  const auto m = CreateMember("张晓林", 13);
  const std::string path = "/api/v1/members/" + m["id"].get<std::string>();
  ExpectProblem(As(dongcheng_, bh::verb::patch, path, {{"status", "active"}}),
                bh::status::bad_request, "status");
  ExpectProblem(As(dongcheng_, bh::verb::post, path + "/reveal", {{"field", "id_number"}}),
                bh::status::bad_request, "reason");
  ExpectProblem(
      As(dongcheng_, bh::verb::post, path + "/reveal", {{"field", "salary"}, {"reason", "核实"}}),
      bh::status::bad_request, "field");
  ExpectProblem(As(dongcheng_, bh::verb::get, "/api/v1/member-transfers?box=spam"),
                bh::status::bad_request, "box");
}

TEST_P(HttpMembersTest, AnotherDistrictGets404AndTheConflictNamesNoUnion) {
  const auto m = CreateMember("张晓林", 13);
  const std::string path = "/api/v1/members/" + m["id"].get<std::string>();
  ExpectProblem(As(xicheng_, bh::verb::get, path), bh::status::not_found);
  ExpectProblem(As(xicheng_, bh::verb::patch, path, {{"model_worker", true}}),
                bh::status::not_found);
  ExpectProblem(
      As(xicheng_, bh::verb::post, path + "/reveal", {{"field", "phone"}, {"reason", "核实"}}),
      bh::status::not_found);
  auto list = As(xicheng_, bh::verb::get, "/api/v1/members?q=" + IdNumber(13));
  ASSERT_EQ(list.result(), bh::status::ok);
  EXPECT_TRUE(Json(list)["items"].empty());

  auto again = As(xicheng_, bh::verb::post, "/api/v1/members",
                  {{"union_id", union_xc_}, {"name", "张晓林"}, {"id_number", IdNumber(13)}});
  ExpectProblem(again, bh::status::conflict, "id_number");
  const auto problem = Json(again);
  // The union is beyond 西城's subtree: that the person is a member elsewhere is all it says.
  EXPECT_EQ(problem["code"], "error.members.active_other_union");
  EXPECT_FALSE(problem.contains("member_union"));
  EXPECT_EQ(problem.dump().find("东城某公司工会"), std::string::npos);
  EXPECT_EQ(problem.dump().find("13800001234"), std::string::npos);

  auto revealed = As(dongcheng_, bh::verb::post, path + "/reveal",
                     {{"field", "id_number"}, {"reason", "核实身份"}});
  ASSERT_EQ(revealed.result(), bh::status::ok) << revealed.body();
  EXPECT_EQ(Json(revealed)["value"], IdNumber(13));
}

TEST_P(HttpMembersTest, TheReceivingSideAsksAndTheSendingSideApproves) {
  const auto m = CreateMember("张晓林", 13);
  auto asked = As(xicheng_, bh::verb::post, "/api/v1/member-transfers",
                  {{"id_number", IdNumber(13)}, {"to_union_id", union_xc_}, {"reason", "新入职"}});
  ASSERT_EQ(asked.result(), bh::status::created) << asked.body();
  const auto t = Json(asked);
  EXPECT_EQ(t["state"], "pending");
  EXPECT_EQ(t["requested_side"], "to");
  EXPECT_EQ(t["from_union"]["name"], "东城某公司工会");
  EXPECT_EQ(t["can_cancel"], true);
  EXPECT_EQ(t["can_decide"], false);
  EXPECT_EQ(t["decided_at"], nullptr);

  auto incoming = As(dongcheng_, bh::verb::get, "/api/v1/member-transfers?box=decidable");
  ASSERT_EQ(incoming.result(), bh::status::ok) << incoming.body();
  ASSERT_EQ(Json(incoming)["items"].size(), 1u);
  EXPECT_EQ(Json(incoming)["items"][0]["can_decide"], true);

  const std::string path = "/api/v1/member-transfers/" + t["id"].get<std::string>();
  ExpectProblem(As(xicheng_, bh::verb::post, path + "/approve"), bh::status::forbidden);
  auto approved = As(dongcheng_, bh::verb::post, path + "/approve", {{"note", "同意"}});
  ASSERT_EQ(approved.result(), bh::status::ok) << approved.body();
  EXPECT_EQ(Json(approved)["state"], "approved");
  ExpectProblem(As(dongcheng_, bh::verb::post, path + "/reject", {{"note", "晚了"}}),
                bh::status::conflict);

  auto moved = As(xicheng_, bh::verb::get, "/api/v1/members/" + m["id"].get<std::string>());
  ASSERT_EQ(moved.result(), bh::status::ok) << moved.body();
  EXPECT_EQ(Json(moved)["union"]["id"], union_xc_);
  EXPECT_EQ(Json(moved)["transfers"].size(), 1u);
}

TEST_P(HttpMembersTest, TheSendingSideNamesAUnionOutsideItsScopeByCode) {
  const auto m = CreateMember("张晓林", 13);
  ExpectProblem(As(dongcheng_, bh::verb::post, "/api/v1/member-transfers",
                   {{"member_id", m["id"]}, {"to_union_code", "NO-SUCH"}, {"reason", "调动"}}),
                bh::status::bad_request, "to_union_code");
  auto asked = As(dongcheng_, bh::verb::post, "/api/v1/member-transfers",
                  {{"member_id", m["id"]}, {"to_union_code", "XC-M1"}, {"reason", "调动"}});
  ASSERT_EQ(asked.result(), bh::status::created) << asked.body();
  EXPECT_EQ(Json(asked)["to_union"]["id"], union_xc_);
  EXPECT_EQ(Json(asked)["to_union"]["name"], "西城某公司工会");
  EXPECT_EQ(Json(asked)["can_cancel"], true);
}

}  // namespace

TEST_P(HttpMembersTest, ANameThatIsNoPersonsNameIsAFieldErrorInBothLanguages) {
  for (const char* name :
       {"=HYPERLINK(\"http://x\",\"点\")", "+86王五", "@王五", "王五<b>", "-王五", "王\t五"}) {
    const auto res = As(dongcheng_, bh::verb::post, "/api/v1/members",
                        {{"union_id", union_dc_}, {"name", name}, {"id_number", IdNumber(21)}});
    ExpectProblem(res, bh::status::bad_request, "name");
    bool named = false;
    const auto body = Json(res);
    for (const auto& e : body["errors"]) {
      named = named || (e["field"] == "name" && e["code"] == "error.person_name.invalid");
    }
    EXPECT_TRUE(named) << name << ": " << res.body();
  }
  const auto en = Send(
      bh::verb::post, "/api/v1/members",
      nlohmann::json{{"union_id", union_dc_}, {"name", "=1+1"}, {"id_number", IdNumber(21)}}.dump(),
      {{"Cookie", dongcheng_.cookie},
       {"X-CSRF-Token", dongcheng_.csrf},
       {"Accept-Language", "en"}});
  EXPECT_NE(en.body().find("A name is Chinese characters or letters"), std::string::npos)
      << en.body();
  const auto long_name =
      As(dongcheng_, bh::verb::post, "/api/v1/members",
         {{"union_id", union_dc_}, {"name", std::string(61, 'a')}, {"id_number", IdNumber(21)}});
  ExpectProblem(long_name, bh::status::bad_request, "name");
  EXPECT_NE(long_name.body().find("最多 60 个字符"), std::string::npos) << long_name.body();
  // A minority name with a dot typed on a Japanese keyboard is kept with the 间隔号.
  const auto m = CreateMember("阿依古丽・买买提", 22);
  EXPECT_EQ(m["name"], "阿依古丽·买买提");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpMembersTest);

}  // namespace zj::test
