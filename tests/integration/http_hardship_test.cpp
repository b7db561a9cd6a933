// The hardship endpoints over the router, on both stores: a file opened as JSON with its level
// and arithmetic in the caller's language and only masked personal data in the answer and the
// list; no standard for the region and year as a 422 problem that says which; bad input as
// field errors in zh-CN and en; the other district's file 404 and the 409 of a person already
// in an open file naming it there only.
#include <nlohmann/json.hpp>

#include "core/members/national_id.h"
#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

constexpr const char* kPass = "Http-Hardship-2026";

std::string IdNumber(int sequence) {
  std::string seq = std::to_string(100 + sequence).substr(1);
  const std::string body = "110101197702140" + seq;
  return body + members::IdCheckCharacter(body);
}

class HttpHardshipTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    const app::Actor admin = app::SystemActor();
    const std::int64_t donghuamen = *app_->orgs().IdByCode(admin, "110101001");
    auto a = app_->orgs().Create(
        admin, app::NewOrg{"DC-H1", "东城某公司工会", "grassroots", donghuamen, {}, {}, {}, {}});
    ASSERT_OK(a);
    union_dc_ = std::to_string(a->org.id);
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  nlohmann::json NewFile(int sequence, std::int64_t income) const {
    return {{"org_id", union_dc_},
            {"year", 2026},
            {"main_cause", "illness"},
            {"secondary_causes", {"low_wage"}},
            {"household",
             {{{"relation", "self"},
               {"name", "王秀英"},
               {"id_number", IdNumber(sequence)},
               {"income_fen", income}}}},
            {"expenses", {{{"kind", "medical"}, {"amount_fen", 120000}}}}};
  }

  std::string union_dc_;
  SignedIn dongcheng_, xicheng_;
};

TEST_P(HttpHardshipTest, NoStandardIsA422ThatSaysWhichRegionAndYear) {
  auto res = As(dongcheng_, bh::verb::post, "/api/v1/hardship/files", NewFile(1, 0));
  ASSERT_EQ(res.result(), bh::status::unprocessable_entity) << res.body();
  const auto problem = Json(res);
  EXPECT_EQ(problem["code"], "error.hardship.no_standard");
  EXPECT_EQ(problem["type"], "/api/v1/problems/unprocessable");
  EXPECT_NE(problem["detail"].get<std::string>().find("110101"), std::string::npos);
  EXPECT_NE(problem["detail"].get<std::string>().find("2026"), std::string::npos);
}

TEST_P(HttpHardshipTest, OpensAFileAndAnswersOnlyMaskedDataWithTheArithmeticInWords) {
  ASSERT_OK(app_->standards().Load(app::SystemActor(),
                                   {"110101", 2026, 145000, std::nullopt, std::nullopt, "样例"}));
  // ¥12,000 − ¥1,200 a year for one person: ¥900 a month, under the line.
  auto res = As(dongcheng_, bh::verb::post, "/api/v1/hardship/files", NewFile(1, 1'200'000));
  ASSERT_EQ(res.result(), bh::status::created) << res.body();
  EXPECT_EQ(res.body().find(IdNumber(1)), std::string::npos);
  EXPECT_EQ(res.body().find("王秀英"), std::string::npos);
  const auto file = Json(res);
  EXPECT_EQ(file["level"], "deep");
  EXPECT_EQ(file["per_head_monthly_fen"], 90000);
  EXPECT_EQ(file["household"][0]["name_masked"], "王**");
  EXPECT_EQ(file["explanation"]["key"], "hardship.level.deep.why");
  EXPECT_EQ(file["explanation"]["args"]["per_head"], "900.00");
  EXPECT_NE(file["explanation"]["text"].get<std::string>().find("深度困难"), std::string::npos);
  const std::string id = file["id"];

  auto list = As(dongcheng_, bh::verb::get, "/api/v1/hardship/files", nullptr, "en");
  ASSERT_EQ(list.result(), bh::status::ok) << list.body();
  EXPECT_EQ(list.body().find(IdNumber(1)), std::string::npos);
  const auto page = Json(list);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["head_id_masked"], "110101********" + IdNumber(1).substr(14));
  EXPECT_NE(page["items"][0]["explanation"]["text"].get<std::string>().find("deep hardship"),
            std::string::npos);

  EXPECT_EQ(As(xicheng_, bh::verb::get, "/api/v1/hardship/files/" + id).result(),
            bh::status::not_found);
  // The same person again: 409, the file named to whoever sees it.
  auto again = As(dongcheng_, bh::verb::post, "/api/v1/hardship/files", NewFile(1, 0));
  ASSERT_EQ(again.result(), bh::status::conflict) << again.body();
  EXPECT_EQ(Json(again)["hardship_file"]["id"], id);
}

TEST_P(HttpHardshipTest, BadInputNamesEachFieldInBothLanguages) {
  auto body = NewFile(1, -5);
  body["household"][0]["id_number"] = "110101197702140012";  // wrong check character
  body["main_cause"] = "gambling";
  body["secondary_causes"] = {"illness", "illness"};
  auto res = As(dongcheng_, bh::verb::post, "/api/v1/hardship/files", body);
  ASSERT_EQ(res.result(), bh::status::bad_request) << res.body();
  std::map<std::string, std::string> fields;
  const auto problem = Json(res);
  for (const auto& e : problem["errors"]) {
    fields[e["field"].get<std::string>()] = e["message"].get<std::string>();
  }
  EXPECT_TRUE(fields.contains("household[0].id_number")) << res.body();
  EXPECT_TRUE(fields.contains("household[0].income_fen")) << res.body();
  EXPECT_EQ(fields["main_cause"], "主要致困原因应为十类之一");
  EXPECT_TRUE(fields.contains("secondary_causes")) << res.body();
  auto en = As(dongcheng_, bh::verb::post, "/api/v1/hardship/files", body, "en");
  std::map<std::string, std::string> english;
  const auto english_problem = Json(en);
  for (const auto& e : english_problem["errors"]) {
    english[e["field"].get<std::string>()] = e["message"].get<std::string>();
  }
  EXPECT_EQ(english["main_cause"], "The main cause must be one of the ten");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpHardshipTest);

}  // namespace
}  // namespace zj::test
