// The competition endpoints over the router, on both stores: a competition created as JSON
// comes back with its groups and sheets; another district's staff get 404; freezing and
// publishing an empty list give an empty published ranking, and a second publication is 409;
// a bad sheet comes back as field errors in zh-CN and en.
#include <nlohmann/json.hpp>

#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

constexpr const char* kPass = "Http-Comp-2026";

class HttpCompetitionsTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    donghuamen_ = *app_->orgs().IdByCode(app::SystemActor(), "110101001");
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  nlohmann::json Competition() const {
    nlohmann::json sheet = nlohmann::json::array(
        {{{"code", "awareness"}, {"name", "认知度"}, {"max_centi", 3500}, {"weight", 35}},
         {{"code", "participation"}, {"name", "参与度"}, {"max_centi", 3500}, {"weight", 35}},
         {{"code", "effect"}, {"name", "实际效果"}, {"max_centi", 3000}, {"weight", 30}}});
    return {{"org_id", std::to_string(donghuamen_)},
            {"title", "街道劳动竞赛"},
            {"method", "trimmed_mean"},
            {"groups",
             {{{"code", "teams"}, {"name", "班组"}, {"entrant_kind", "team"}, {"sheet", sheet}}}},
            {"veto_items", {{{"code", "safety_accident"}, {"name", "安全事故"}}}}};
  }

  std::int64_t donghuamen_ = 0;
  SignedIn dongcheng_, xicheng_;
};

TEST_P(HttpCompetitionsTest, ACompetitionIsCreatedFrozenAndPublished) {
  auto res = As(dongcheng_, bh::verb::post, "/api/v1/competitions", Competition());
  ASSERT_EQ(res.result(), bh::status::created) << res.body();
  const auto made = Json(res);
  const std::string id = made["competition"]["id"];
  EXPECT_EQ(made["competition"]["status"], "enrolment");
  EXPECT_EQ(made["competition"]["method"], "trimmed_mean");
  ASSERT_EQ(made["groups"].size(), 1u);
  EXPECT_EQ(made["groups"][0]["sheet"].size(), 3u);
  EXPECT_EQ(made["groups"][0]["sheet"][2]["max_centi"], 3000);
  EXPECT_EQ(made["veto_items"][0]["code"], "safety_accident");

  EXPECT_EQ(As(xicheng_, bh::verb::get, "/api/v1/competitions/" + id).result(),
            bh::status::not_found);
  EXPECT_EQ(As(xicheng_, bh::verb::post, "/api/v1/competitions/" + id + "/freeze", {}).result(),
            bh::status::not_found);
  auto listed = Json(As(dongcheng_, bh::verb::get, "/api/v1/competitions?limit=10"));
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["id"], id);

  auto publish_early =
      As(dongcheng_, bh::verb::post, "/api/v1/competitions/" + id + "/publish", {});
  EXPECT_EQ(publish_early.result(), bh::status::conflict) << publish_early.body();
  auto frozen = As(dongcheng_, bh::verb::post, "/api/v1/competitions/" + id + "/freeze", {});
  ASSERT_EQ(frozen.result(), bh::status::ok) << frozen.body();
  EXPECT_EQ(Json(frozen)["competition"]["status"], "listed");
  auto published = As(dongcheng_, bh::verb::post, "/api/v1/competitions/" + id + "/publish", {});
  ASSERT_EQ(published.result(), bh::status::ok) << published.body();
  EXPECT_EQ(Json(published)["published"], true);
  auto ranking = Json(As(dongcheng_, bh::verb::get, "/api/v1/competitions/" + id + "/ranking"));
  EXPECT_EQ(ranking["published"], true);
  EXPECT_TRUE(ranking["lines"].empty());
  EXPECT_EQ(As(dongcheng_, bh::verb::post, "/api/v1/competitions/" + id + "/publish", {}).result(),
            bh::status::conflict);
  // Nobody here judges anything.
  EXPECT_TRUE(Json(As(dongcheng_, bh::verb::get, "/api/v1/judging"))["items"].empty());
}

TEST_P(HttpCompetitionsTest, BadInputNamesEachFieldInBothLanguages) {
  nlohmann::json body = Competition();
  body["groups"][0]["sheet"][0]["weight"] = 30;  // weights add up to 95
  body["title"] = std::string(201 * 3, 'x');     // 603 characters: too long
  body["method"] = "median";
  auto field_messages = [&](const std::string& language) {
    auto res = As(dongcheng_, bh::verb::post, "/api/v1/competitions", body, language);
    EXPECT_EQ(res.result(), bh::status::bad_request) << res.body();
    std::map<std::string, std::string> fields;
    const auto problem = Json(res);
    for (const auto& e : problem["errors"]) {
      fields[e["field"].get<std::string>()] = e["message"].get<std::string>();
    }
    return fields;
  };
  auto zh = field_messages("zh-CN");
  EXPECT_EQ(zh["title"], "最多 200 个字符");
  EXPECT_EQ(zh["method"], "计分方法应为平均分、去掉最高最低分或标准分");
  EXPECT_EQ(zh["groups.0.sheet.indicators"], "各指标权重之和为 95，应为 100");
  auto en = field_messages("en");
  EXPECT_EQ(en["method"], "The method is mean, trimmed mean or z-score");
  // Marks that are not integers.
  auto marks = As(dongcheng_, bh::verb::put, "/api/v1/judging/123",
                  nlohmann::json{{"marks", {{"effect", "many"}}}});
  EXPECT_EQ(marks.result(), bh::status::bad_request) << marks.body();
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpCompetitionsTest);

}  // namespace
}  // namespace zj::test
