// The legal case endpoints over the router, on both stores: a case opened as JSON claiming the
// collective amount is collective and alerted at once, another district's staff get 404, the
// district's staff acknowledge the alert; a worker twice and a stage back are 409s; bad input
// comes back as field errors in zh-CN and en.
#include <nlohmann/json.hpp>

#include "core/members/national_id.h"
#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

constexpr const char* kPass = "Http-Legal-2026";

std::string IdNumber(int sequence) {
  std::string seq = std::to_string(100 + sequence).substr(1);
  const std::string body = "110101198204010" + seq;
  return body + members::IdCheckCharacter(body);
}

class HttpLegalTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    const app::Actor admin = app::SystemActor();
    const std::int64_t donghuamen = *app_->orgs().IdByCode(admin, "110101001");
    auto u = app_->orgs().Create(
        admin,
        app::NewOrg{"DC-L1", "东城某劳务公司工会", "grassroots", donghuamen, {}, {}, {}, {}});
    ASSERT_OK(u);
    union_ = u->org.id;
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  nlohmann::json Case(std::int64_t claimed_fen) const {
    return {{"org_id", std::to_string(union_)},
            {"type", "wage_arrears"},
            {"title", "拖欠工资"},
            {"employer_uscc", "91110000100000000R"},
            {"employer_name", "某建筑劳务有限公司"},
            {"claimed_fen", claimed_fen},
            {"opened_on", "2026-11-02"},
            {"workers", {{{"name", "孙志强"}, {"id_number", IdNumber(1)}}}}};
  }

  std::int64_t union_ = 0;
  SignedIn dongcheng_, xicheng_;
};

TEST_P(HttpLegalTest, ACaseClaimingTheAmountIsAlertedAndTheDistrictAcknowledgesIt) {
  auto res = As(dongcheng_, bh::verb::post, "/api/v1/legal/cases", Case(50'000'000));
  ASSERT_EQ(res.result(), bh::status::created) << res.body();
  const auto opened = Json(res);
  const std::string id = opened["case"]["id"];
  EXPECT_EQ(opened["case"]["stage"], "consultation");
  EXPECT_EQ(opened["case"]["collective"], true);
  EXPECT_TRUE(opened["case"]["alerted_at"].is_number());
  EXPECT_TRUE(opened["case"]["alert_acknowledged_at"].is_null());
  EXPECT_EQ(opened["workers"].size(), 1u);
  EXPECT_EQ(opened["workers"][0]["name_masked"], "孙**");
  EXPECT_EQ(opened["collective_rule"]["workers"], 10);

  EXPECT_EQ(As(xicheng_, bh::verb::get, "/api/v1/legal/cases/" + id).result(),
            bh::status::not_found);
  auto alerts = Json(As(dongcheng_, bh::verb::get, "/api/v1/legal/cases?alert=open"));
  ASSERT_EQ(alerts["items"].size(), 1u);
  auto ack =
      As(dongcheng_, bh::verb::patch, "/api/v1/legal/cases/" + id, {{"acknowledge_alert", true}});
  ASSERT_EQ(ack.result(), bh::status::ok) << ack.body();
  EXPECT_TRUE(Json(ack)["case"]["alert_acknowledged_at"].is_number());
  EXPECT_TRUE(
      Json(As(dongcheng_, bh::verb::get, "/api/v1/legal/cases?alert=open"))["items"].empty());

  // The same worker again, and a stage back: 409s.
  auto twice = As(dongcheng_, bh::verb::post, "/api/v1/legal/cases/" + id + "/workers",
                  {{"name", "孙志强"}, {"id_number", IdNumber(1)}});
  EXPECT_EQ(twice.result(), bh::status::conflict) << twice.body();
  ASSERT_EQ(As(dongcheng_, bh::verb::post, "/api/v1/legal/cases/" + id + "/stages",
               {{"stage", "arbitration"}, {"started_on", "2026-11-10"}})
                .result(),
            bh::status::ok);
  auto back = As(dongcheng_, bh::verb::post, "/api/v1/legal/cases/" + id + "/stages",
                 {{"stage", "mediation"}, {"started_on", "2026-11-11"}});
  EXPECT_EQ(back.result(), bh::status::conflict) << back.body();
  // Removing the worker.
  const std::string worker = opened["workers"][0]["id"];
  auto removed =
      As(dongcheng_, bh::verb::delete_, "/api/v1/legal/cases/" + id + "/workers/" + worker);
  ASSERT_EQ(removed.result(), bh::status::ok) << removed.body();
  EXPECT_EQ(Json(removed)["case"]["worker_count"], 0);
}

TEST_P(HttpLegalTest, BadInputNamesEachFieldInBothLanguages) {
  nlohmann::json body = Case(100);
  body["type"] = "bonus";
  body["title"] = std::string(201 * 3, 'x');  // 603 characters: too long
  body["employer_uscc"] = "91110000100000000X";
  auto field_messages = [&](const std::string& language) {
    auto res = As(dongcheng_, bh::verb::post, "/api/v1/legal/cases", body, language);
    EXPECT_EQ(res.result(), bh::status::bad_request) << res.body();
    std::map<std::string, std::string> fields;
    const auto problem = Json(res);
    for (const auto& e : problem["errors"]) {
      fields[e["field"].get<std::string>()] = e["message"].get<std::string>();
    }
    return fields;
  };
  auto zh = field_messages("zh-CN");
  EXPECT_EQ(zh["employer_uscc"], "统一社会信用代码无效（18 位，含校验位）");
  EXPECT_EQ(zh["title"], "最多 200 个字符");
  EXPECT_FALSE(zh["type"].empty());
  auto en = field_messages("en");
  EXPECT_EQ(en["employer_uscc"],
            "Not a valid unified social credit code (18 characters with its check)");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpLegalTest);

}  // namespace
}  // namespace zj::test
