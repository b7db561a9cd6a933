// The aid endpoints over the router, on both stores: a grant proposed as JSON with its rule in
// the caller's language, approved and paid by the district; bad input as field errors in zh-CN
// and en; the other district's grant 404; a second grant for the household in the period a 409
// naming the period (and the grant, to whoever sees it); a budget exceeded a 409 naming what
// remains.
#include <nlohmann/json.hpp>

#include "core/members/national_id.h"
#include "core/orgs/org_path.h"
#include "hardship_active.h"
#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

constexpr const char* kPass = "Http-Aid-2026";
constexpr std::int64_t kDibao = 145000;

std::string IdNumber(int sequence) {
  std::string seq = std::to_string(100 + sequence).substr(1);
  const std::string body = "110101197803150" + seq;
  return body + members::IdCheckCharacter(body);
}

class HttpAidTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    const app::Actor admin = app::SystemActor();
    const std::int64_t donghuamen = *app_->orgs().IdByCode(admin, "110101001");
    auto u = app_->orgs().Create(
        admin, app::NewOrg{"DC-A1", "东城某公司工会", "grassroots", donghuamen, {}, {}, {}, {}});
    ASSERT_OK(u);
    union_ = u->org.id;
    const auto ids = OrgPath::FromStored(u->org.path).Ids();
    ASSERT_GE(ids.size(), 3u);
    district_ = ids[1];
    ASSERT_OK(app_->standards().Load(admin,
                                     {"110101", 2026, kDibao, std::nullopt, std::nullopt, "样例"}));
    ASSERT_OK(app_->aid_rules().LoadRule(admin, {ids[0], 2026, "living", "deep", "months_of_dibao",
                                                 10, 0, 0, std::nullopt, "household"}));
    ASSERT_OK(app_->aid_rules().LoadLimit(admin, {ids[0], "living", "street", 1'000'000}));
    ASSERT_OK(app_->aid_rules().LoadBudget(admin, {district_, 2026, "living", 2'000'000}));
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
  }

  //! An open 深度 file of one person without income in the union.
  std::string NewFile(int sequence) {
    app::NewHardshipFile f;
    f.org_id = union_;
    f.year = 2026;
    f.main_cause = "illness";
    f.household.push_back({"self", "王秀英", IdNumber(sequence), 0, std::nullopt});
    auto opened = app_->hardship().Open(app::SystemActor(), f);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    if (opened) ActivateHardshipFile(*db_, opened->file.row.id);
    return opened ? std::to_string(opened->file.row.id) : "";
  }

  nlohmann::json Grant(const std::string& file) const {
    return {{"file_id", file}, {"kind", "living"}, {"period", "2026"}};
  }

  std::int64_t union_ = 0, district_ = 0;
  SignedIn dongcheng_, xicheng_;
};

TEST_P(HttpAidTest, ProposedApprovedAndPaidWithTheRuleInWords) {
  auto res = As(dongcheng_, bh::verb::post, "/api/v1/aid/grants", Grant(NewFile(1)));
  ASSERT_EQ(res.result(), bh::status::created) << res.body();
  const auto grant = Json(res);
  EXPECT_EQ(grant["amount_fen"], 10 * kDibao);
  EXPECT_EQ(grant["status"], "proposed");
  EXPECT_EQ(grant["approver_level"], "district");
  EXPECT_EQ(grant["rule"]["key"], "aid.rule.months_of_dibao");
  EXPECT_NE(grant["rule"]["text"].get<std::string>().find("10 个月低保"), std::string::npos)
      << grant["rule"]["text"];
  const std::string id = grant["id"];
  auto en = As(dongcheng_, bh::verb::get, "/api/v1/aid/grants/" + id, nullptr, "en");
  ASSERT_EQ(en.result(), bh::status::ok) << en.body();
  EXPECT_NE(Json(en)["rule"]["text"].get<std::string>().find("10 months of the"),
            std::string::npos);

  auto queue = As(dongcheng_, bh::verb::get, "/api/v1/aid/grants?to_decide=me");
  ASSERT_EQ(queue.result(), bh::status::ok) << queue.body();
  ASSERT_EQ(Json(queue)["items"].size(), 1u);
  EXPECT_EQ(Json(queue)["items"][0]["id"], id);
  EXPECT_EQ(As(xicheng_, bh::verb::get, "/api/v1/aid/grants/" + id).result(),
            bh::status::not_found);
  EXPECT_EQ(As(xicheng_, bh::verb::post, "/api/v1/aid/grants/" + id + "/approve").result(),
            bh::status::not_found);

  auto approved = As(dongcheng_, bh::verb::post, "/api/v1/aid/grants/" + id + "/approve");
  ASSERT_EQ(approved.result(), bh::status::ok) << approved.body();
  EXPECT_EQ(Json(approved)["status"], "approved");
  auto paid = As(dongcheng_, bh::verb::post, "/api/v1/aid/grants/" + id + "/pay",
                 {{"paid_on", "2026-11-20"}, {"method", "bank_transfer"}, {"batch_id", "B-11"}});
  ASSERT_EQ(paid.result(), bh::status::ok) << paid.body();
  EXPECT_EQ(Json(paid)["status"], "paid");
  EXPECT_EQ(Json(paid)["payments"][0]["amount_fen"], 10 * kDibao);

  auto budgets = As(dongcheng_, bh::verb::get, "/api/v1/aid/budgets");
  ASSERT_EQ(budgets.result(), bh::status::ok) << budgets.body();
  ASSERT_EQ(Json(budgets)["items"].size(), 1u);
  EXPECT_EQ(Json(budgets)["items"][0]["paid_fen"], 10 * kDibao);
  EXPECT_EQ(Json(budgets)["items"][0]["remaining_fen"], 2'000'000 - 10 * kDibao);
}

TEST_P(HttpAidTest, DoubleAidAndBudgetAre409sThatSayWhy) {
  const std::string file = NewFile(2);
  auto first = As(dongcheng_, bh::verb::post, "/api/v1/aid/grants", Grant(file));
  ASSERT_EQ(first.result(), bh::status::created) << first.body();
  auto again = As(dongcheng_, bh::verb::post, "/api/v1/aid/grants", Grant(file));
  ASSERT_EQ(again.result(), bh::status::conflict) << again.body();
  const auto problem = Json(again);
  EXPECT_EQ(problem["code"], "error.aid.already_granted");
  EXPECT_EQ(problem["detail"], "该户已有成员在 2026 期间获得同类帮扶");
  EXPECT_EQ(problem["aid_grant"]["id"], Json(first)["id"]);

  auto second = As(dongcheng_, bh::verb::post, "/api/v1/aid/grants", Grant(NewFile(3)));
  ASSERT_EQ(second.result(), bh::status::created) << second.body();
  ASSERT_EQ(As(dongcheng_, bh::verb::post,
               "/api/v1/aid/grants/" + Json(first)["id"].get<std::string>() + "/approve")
                .result(),
            bh::status::ok);
  auto over =
      As(dongcheng_, bh::verb::post,
         "/api/v1/aid/grants/" + Json(second)["id"].get<std::string>() + "/approve", nullptr, "en");
  ASSERT_EQ(over.result(), bh::status::conflict) << over.body();
  EXPECT_EQ(Json(over)["detail"], "Over budget: 5,500.00 yuan remain");
}

TEST_P(HttpAidTest, BadInputNamesEachFieldInBothLanguages) {
  const nlohmann::json body{
      {"file_id", NewFile(4)}, {"kind", "bonus"}, {"period", "2026"}, {"students", 50}};
  auto field_messages = [&](const std::string& language) {
    auto res = As(dongcheng_, bh::verb::post, "/api/v1/aid/grants", body, language);
    EXPECT_EQ(res.result(), bh::status::bad_request) << res.body();
    std::map<std::string, std::string> fields;
    const auto problem = Json(res);
    for (const auto& e : problem["errors"]) {
      fields[e["field"].get<std::string>()] = e["message"].get<std::string>();
    }
    return fields;
  };
  auto zh = field_messages("zh-CN");
  EXPECT_EQ(zh["students"], "在学人数应为 0 到 20");
  EXPECT_EQ(zh["kind"], "帮扶类别应为生活、医疗、助学、节日慰问或临时救助之一");
  auto en = field_messages("en");
  EXPECT_EQ(en["kind"], "The kind is living, medical, schooling, festival or emergency");
  // The rules are an administrator's.
  auto rule = As(dongcheng_, bh::verb::post, "/api/v1/aid/budgets",
                 {{"org_id", std::to_string(district_)},
                  {"year", 2026},
                  {"kind", "living"},
                  {"amount_fen", 1}});
  EXPECT_EQ(rule.result(), bh::status::forbidden) << rule.body();
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpAidTest);

}  // namespace
}  // namespace zj::test
