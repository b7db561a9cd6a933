// The check-in and reach endpoints over the router, on both stores (issue 22): a batch's bounds
// (at most 500 scans; each scan id's form, token length and scanned_at) come back as problem+json
// field errors in zh-CN and en; a well-formed scan of a card that is no card is answered 200 with
// its outcome `refused` and reason `bad_token`; another district's staff get 404; the reach of
// 东城 lists its streets.
#include <map>
#include <nlohmann/json.hpp>

#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

constexpr const char* kPass = "Http-Check-2026";
constexpr std::int64_t kMinute = 60'000;

class HttpActivityCheckInsTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
    const std::int64_t now = clock_.NowMs();
    auto made = As(dongcheng_, bh::verb::post, "/api/v1/activities",
                   {{"kind", "outing"},
                    {"title", "职工健步走"},
                    {"place", "龙潭公园"},
                    {"opens_at", now - 60 * kMinute},
                    {"closes_at", now + 10 * kMinute},
                    {"starts_at", now + 30 * kMinute},
                    {"ends_at", now + 180 * kMinute},
                    {"capacity", 10}});
    ASSERT_EQ(made.result(), bh::status::created) << made.body();
    id_ = Json(made)["activity"]["id"];
    ASSERT_EQ(As(dongcheng_, bh::verb::post, "/api/v1/activities/" + id_ + "/open", {}).result(),
              bh::status::ok);
  }

  std::string CheckIns() const { return "/api/v1/activities/" + id_ + "/check-ins"; }

  std::map<std::string, std::string> FieldMessages(const nlohmann::json& body,
                                                   const std::string& language) {
    auto res = As(dongcheng_, bh::verb::post, CheckIns(), body, language);
    EXPECT_EQ(res.result(), bh::status::bad_request) << res.body();
    std::map<std::string, std::string> fields;
    const auto problem = Json(res);
    for (const auto& e : problem["errors"]) {
      fields[e["field"].get<std::string>()] = e["message"].get<std::string>();
    }
    return fields;
  }

  std::string id_;
  SignedIn dongcheng_, xicheng_;
};

TEST_P(HttpActivityCheckInsTest, ABatchIsBoundedAndEachScanAnswered) {
  nlohmann::json many = nlohmann::json::array();
  for (int i = 0; i < 501; ++i) {
    many.push_back({{"scan_id", "scan-" + std::to_string(10000 + i)},
                    {"token", "x"},
                    {"scanned_at", clock_.NowMs()}});
  }
  EXPECT_EQ(FieldMessages({{"scans", many}}, "zh-CN")["scans"], "一次最多上传 500 条扫码记录");
  EXPECT_EQ(FieldMessages({{"scans", many}}, "en")["scans"], "A batch holds at most 500 scans");

  const nlohmann::json bad{{"scans", {{{"scan_id", "bad id!"}, {"token", std::string(257, 'A')}}}}};
  auto fields = FieldMessages(bad, "zh-CN");
  EXPECT_EQ(fields["scans.0.scan_id"], "扫码记录编号无效");
  EXPECT_EQ(fields["scans.0.token"], "最多 256 个字符");
  EXPECT_EQ(fields["scans.0.scanned_at"], "应为整数");
  EXPECT_EQ(FieldMessages({{"nothing", 1}}, "en").count("scans"), 1u);

  // Well-formed, but no card of this federation: answered, refused with the reason.
  const nlohmann::json forged{{"scans",
                               {{{"scan_id", "0b6d3c1e-6f0a-4f43-9d2e-5a1f7e0c9b11"},
                                 {"token", std::string(108, 'A')},
                                 {"scanned_at", clock_.NowMs()}}}}};
  auto res = As(dongcheng_, bh::verb::post, CheckIns(), forged);
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  const auto answers = Json(res)["items"];
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0]["scan_id"], "0b6d3c1e-6f0a-4f43-9d2e-5a1f7e0c9b11");
  EXPECT_EQ(answers[0]["outcome"], "refused");
  EXPECT_EQ(answers[0]["reason"], "bad_token");
  EXPECT_EQ(answers[0]["message_key"], "error.card.token_invalid");
  EXPECT_TRUE(answers[0]["member_name"].is_null());
  EXPECT_TRUE(Json(As(dongcheng_, bh::verb::get, CheckIns()))["items"].empty());
  EXPECT_EQ(
      Json(As(dongcheng_, bh::verb::get, "/api/v1/activities/" + id_))["activity"]["checked_in"],
      0);

  // Another district: no such activity.
  EXPECT_EQ(As(xicheng_, bh::verb::post, CheckIns(), forged).result(), bh::status::not_found);
  EXPECT_EQ(As(xicheng_, bh::verb::get, CheckIns()).result(), bh::status::not_found);
}

TEST_P(HttpActivityCheckInsTest, TheReachOfADistrictListsItsStreets) {
  auto res = As(dongcheng_, bh::verb::get, "/api/v1/activities/reach");
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  const auto reach = Json(res);
  EXPECT_EQ(reach["org"]["kind"], "district");
  EXPECT_EQ(reach["not_reached"].get<std::int64_t>(),
            reach["members"].get<std::int64_t>() - reach["reached_12m"].get<std::int64_t>());
  ASSERT_FALSE(reach["streets"].empty());
  for (const auto& s : reach["streets"]) EXPECT_EQ(s["kind"], "street");
  const std::string dongcheng_id = reach["org"]["org_id"];
  EXPECT_EQ(As(xicheng_, bh::verb::get, "/api/v1/activities/reach?org_id=" + dongcheng_id).result(),
            bh::status::not_found);
  EXPECT_EQ(As(dongcheng_, bh::verb::get, "/api/v1/activities/reach?org_id=abc").result(),
            bh::status::bad_request);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpActivityCheckInsTest);

}  // namespace
}  // namespace zj::test
