// The honour-round endpoints over the router, on both stores: a round created as JSON comes back
// with its parsed rules; its rules' errors name the line and column in zh-CN and en; the empty
// list's composition table passes every rule; another district's staff get 404 on the round,
// its composition and its nominations, and an unknown nomination is 404.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

constexpr const char* kPass = "Http-Hon-2026";

class HttpHonoursTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  static nlohmann::json Round(const std::string& rules) {
    return {{"title", "2026年五一劳动奖章评选"},
            {"year", 2026},
            {"rules", rules},
            {"opens_on", "2026-11-01"},
            {"closes_on", "2026-12-31"}};
  }

  SignedIn dongcheng_, xicheng_;
};

TEST_P(HttpHonoursTest, ARoundIsCreatedAndEvaluatedAndHiddenFromOtherDistricts) {
  auto res = As(dongcheng_, bh::verb::post, "/api/v1/honour-rounds",
                Round("category,bound,percent\nwoman,≥,30\nfrontline,>=,50%\n"));
  ASSERT_EQ(res.result(), bh::status::created) << res.body();
  const auto made = Json(res);
  const std::string id = made["round"]["id"];
  ASSERT_EQ(made["rules"].size(), 2u);
  EXPECT_EQ(made["rules"][0]["bound"], ">=");
  EXPECT_EQ(made["rules"][1]["percent"], 50);

  auto table = As(dongcheng_, bh::verb::get, "/api/v1/honour-rounds/" + id + "/composition");
  ASSERT_EQ(table.result(), bh::status::ok) << table.body();
  const auto c = Json(table);
  EXPECT_FALSE(c.contains("items"));
  EXPECT_EQ(c["composition"]["total"], 0);
  EXPECT_EQ(c["composition"]["rules"][0]["pass"], true);
  EXPECT_EQ(c["can_decide"], true);
  EXPECT_EQ(c["can_forward"], false);
  auto list = Json(As(dongcheng_, bh::verb::get, "/api/v1/honour-rounds/" + id + "/nominations"));
  EXPECT_TRUE(list["items"].empty());
  auto rounds = Json(As(dongcheng_, bh::verb::get, "/api/v1/honour-rounds?limit=10"));
  ASSERT_EQ(rounds["items"].size(), 1u);
  EXPECT_EQ(rounds["items"][0]["id"], id);

  for (const std::string target : {"", "/composition", "/nominations"}) {
    EXPECT_EQ(As(xicheng_, bh::verb::get, "/api/v1/honour-rounds/" + id + target).result(),
              bh::status::not_found)
        << target;
  }
  EXPECT_TRUE(Json(As(xicheng_, bh::verb::get, "/api/v1/honour-rounds"))["items"].empty());
  EXPECT_EQ(As(xicheng_, bh::verb::post, "/api/v1/honour-rounds/" + id + "/forward",
               nlohmann::json{{"reason", "理由充分"}})
                .result(),
            bh::status::not_found);
  EXPECT_EQ(As(dongcheng_, bh::verb::post, "/api/v1/nominations/123/award", {}).result(),
            bh::status::not_found);
  EXPECT_EQ(As(dongcheng_, bh::verb::delete_, "/api/v1/nominations/123").result(),
            bh::status::not_found);
}

TEST_P(HttpHonoursTest, BadRulesNameTheLineInBothLanguages) {
  auto body = Round("woman,>=,30\nfrontline,=>,50\nunit_head,<=\n");
  auto field_messages = [&](const std::string& language) {
    auto res = As(dongcheng_, bh::verb::post, "/api/v1/honour-rounds", body, language);
    EXPECT_EQ(res.result(), bh::status::bad_request) << res.body();
    std::map<std::string, std::string> fields;
    const auto problem = Json(res);
    for (const auto& e : problem["errors"]) {
      fields[e["field"].get<std::string>()] = e["message"].get<std::string>();
    }
    return fields;
  };
  auto zh = field_messages("zh-CN");
  EXPECT_EQ(zh["rules.2.bound"], "第 2 行：比较应为 >= 或 <=");
  EXPECT_EQ(zh["rules.3.line"], "第 3 行：应为“类别,比较,百分比”三列");
  auto en = field_messages("en");
  EXPECT_EQ(en["rules.2.bound"], "Row 2: the bound is >= or <=");
  // Nominating nobody, or ticking what the registry knows, are field errors too.
  auto made = Json(As(dongcheng_, bh::verb::post, "/api/v1/honour-rounds", Round("")));
  const std::string id = made["round"]["id"];
  auto bad = As(dongcheng_, bh::verb::post, "/api/v1/honour-rounds/" + id + "/nominations",
                nlohmann::json{{"ticked", {"woman"}}});
  EXPECT_EQ(bad.result(), bh::status::bad_request) << bad.body();
  std::set<std::string> fields;
  const auto problem = Json(bad);
  for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"member_id", "ticked.0"}));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpHonoursTest);

}  // namespace
}  // namespace zj::test
