// The org, enterprise and coverage endpoints over the router, on both stores: staff of 西城 get
// 404 problem+json for everything of 东城 (orgs, tree, coverage, founding list and its export,
// enterprises, changes) and never see 东城's enterprises in a list; bad input answers with
// field-level problem details; the export is an XLSX attachment.
#include <nlohmann/json.hpp>

#include "app_fixture.h"
#include "coverage_fixture.h"
#include "http/router.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;
using http::Request;
using http::Response;

constexpr const char* kPass = "Http-Orgs-2026";

struct SignedIn {
  std::string cookie;
  std::string csrf;
};

class HttpCoverageTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
    const app::Actor admin = app::SystemActor();
    dongcheng_ = *app_->orgs().IdByCode(admin, "110101");
    donghuamen_ = *app_->orgs().IdByCode(admin, "110101001");
    auto u = app_->orgs().Create(
        admin, app::NewOrg{"DC-U1", "东城某公司工会", "grassroots", donghuamen_, {}, {}, {}, {}});
    ASSERT_OK(u);
    union_ = u->org.id;
    auto e = app_->enterprises().Create(
        admin, app::NewEnterprise{"东城某公司", Uscc(1), "110101001", "I", "private", 80,
                                  "2026-06-30", std::nullopt});
    ASSERT_OK(e);
    enterprise_ = e->row.id;
  }

  Response Send(bh::verb method, const std::string& target, std::string body = {},
                const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    Request req{method, target, 11};
    for (auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
      req.set(bh::field::content_type, "application/json");
      req.body() = std::move(body);
    }
    req.prepare_payload();
    return router_->Handle(req, http::Peer{"192.0.2.9"}).response;
  }

  Response As(const SignedIn& who, bh::verb method, const std::string& target,
              std::string body = {}) {
    return Send(method, target, std::move(body),
                {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}});
  }

  SignedIn SignIn(const std::string& username) {
    auto res = Send(bh::verb::post, "/api/v1/session",
                    nlohmann::json{{"username", username}, {"password", kPass}}.dump());
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    const std::string set_cookie(res[bh::field::set_cookie]);
    return {set_cookie.substr(0, set_cookie.find(';')),
            nlohmann::json::parse(res.body()).value("csrf_token", "")};
  }

  static nlohmann::json Json(const Response& res) { return nlohmann::json::parse(res.body()); }

  std::unique_ptr<http::Router> router_;
  std::int64_t dongcheng_ = 0, donghuamen_ = 0, union_ = 0, enterprise_ = 0;
};

//! A problem+json answer with this status and, when given, a field error on `field`.
void ExpectProblem(const Response& res, bh::status status, const std::string& field = "") {
  EXPECT_EQ(res.result(), status) << res.body();
  EXPECT_EQ(res[bh::field::content_type], "application/problem+json");
  const auto body = nlohmann::json::parse(res.body());
  EXPECT_EQ(body.value("status", 0), static_cast<int>(status));
  EXPECT_TRUE(body.contains("type") && body.contains("title")) << res.body();
  if (!field.empty()) {
    ASSERT_TRUE(body.contains("errors")) << res.body();
    bool found = false;
    for (const auto& e : body["errors"]) {
      if (e.value("field", "") == field) found = !e.value("message", "").empty();
    }
    EXPECT_TRUE(found) << "no message for " << field << " in " << res.body();
  }
}

TEST_P(HttpCoverageTest, StaffOfAnotherDistrictGet404ForEverythingOfIt) {
  const auto xicheng = SignIn("staff.xicheng");
  const std::string org = "/api/v1/orgs/" + std::to_string(dongcheng_);
  const std::string e = "/api/v1/enterprises/" + std::to_string(enterprise_);

  ExpectProblem(As(xicheng, bh::verb::get, org), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::get, "/api/v1/org-tree?parent=" + std::to_string(dongcheng_)),
                bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::get, org + "/coverage"), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::get, org + "/founding-list"), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::get, org + "/founding-list.xlsx"), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::patch, org, R"({"name":"x"})"), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::post, "/api/v1/orgs/" + std::to_string(union_) + "/move",
                   R"({"parent_id":")" + std::to_string(dongcheng_) + "\"}"),
                bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::get, e), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::patch, e, R"({"employees":1})"), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::get, "/api/v1/enterprises?org=" + std::to_string(dongcheng_)),
                bh::status::not_found, "org");
  // Lists and searches never leak: 西城's staff see no enterprise at all here.
  auto list = As(xicheng, bh::verb::get, "/api/v1/enterprises?q=%E4%B8%9C%E5%9F%8E");
  ASSERT_EQ(list.result(), bh::status::ok) << list.body();
  EXPECT_TRUE(Json(list)["items"].empty());
  // 东城's own staff get the same enterprise.
  const auto dongcheng = SignIn("staff.dongcheng");
  EXPECT_EQ(As(dongcheng, bh::verb::get, e).result(), bh::status::ok);
}

TEST_P(HttpCoverageTest, CoverageAnswersWithFiguresRatesAndBreakdowns) {
  const auto staff = SignIn("staff.dongcheng");

  auto res = As(staff, bh::verb::get, "/api/v1/orgs/" + std::to_string(dongcheng_) + "/coverage");

  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  const auto c = Json(res);
  EXPECT_EQ(c["org"]["id"], std::to_string(dongcheng_));
  EXPECT_EQ(c["enterprises"], 1);
  EXPECT_EQ(c["employees"], 80);
  EXPECT_EQ(c["founding_gap"], 1);
  EXPECT_EQ(c["unionised_rate"], 0.0);
  EXPECT_EQ(c["membership_rate"], 0.0);
  EXPECT_TRUE(c["served_rate"].is_null());  // no members yet: no rate, not 0
  EXPECT_EQ(c["industries"].size(), 1u);
  EXPECT_EQ(c["industries"][0]["section"], "I");
  EXPECT_FALSE(c["children"].empty());
}

TEST_P(HttpCoverageTest, TheFoundingListExportsAsAnXlsxAttachment) {
  const auto staff = SignIn("staff.dongcheng");

  auto res = As(staff, bh::verb::get,
                "/api/v1/orgs/" + std::to_string(dongcheng_) + "/founding-list.xlsx?industry=I");

  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  EXPECT_EQ(res[bh::field::content_type],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(res[bh::field::content_disposition].starts_with("attachment;"));
  EXPECT_EQ(res.body().substr(0, 2), "PK");
}

TEST_P(HttpCoverageTest, BadInputAnswersWithFieldErrors) {
  const auto staff = SignIn("staff.dongcheng");
  nlohmann::json bad{{"name", "某公司"},           {"uscc", "91110101000000001X"},
                     {"region_code", "110101001"}, {"industry", "Z"},
                     {"ownership", "private"},     {"employees", 10}};
  auto res = As(staff, bh::verb::post, "/api/v1/enterprises", bad.dump());
  ExpectProblem(res, bh::status::bad_request, "uscc");
  ExpectProblem(res, bh::status::bad_request, "industry");

  ExpectProblem(As(staff, bh::verb::post, "/api/v1/orgs",
                   nlohmann::json{{"code", "DC-U1"},
                                  {"name", "重复"},
                                  {"kind", "grassroots"},
                                  {"parent_id", std::to_string(donghuamen_)}}
                       .dump()),
                bh::status::conflict, "code");

  auto group = As(staff, bh::verb::post, "/api/v1/orgs",
                  nlohmann::json{{"code", "DC-G1"},
                                 {"name", "小组"},
                                 {"kind", "group"},
                                 {"parent_id", std::to_string(union_)}}
                      .dump());
  ASSERT_EQ(group.result(), bh::status::created) << group.body();
  ExpectProblem(As(staff, bh::verb::post, "/api/v1/orgs/" + std::to_string(union_) + "/move",
                   nlohmann::json{{"parent_id", Json(group)["id"]}}.dump()),
                bh::status::bad_request, "parent_id");

  ExpectProblem(As(staff, bh::verb::patch, "/api/v1/orgs/" + std::to_string(union_),
                   R"({"region_code":"999999"})"),
                bh::status::bad_request, "region_code");
}

TEST_P(HttpCoverageTest, TheTreeStartsAtTheStaffsOwnDistrictAndLoadsChildrenLazily) {
  const auto staff = SignIn("staff.dongcheng");

  auto top = Json(As(staff, bh::verb::get, "/api/v1/org-tree"));
  ASSERT_EQ(top["items"].size(), 1u);
  EXPECT_EQ(top["items"][0]["id"], std::to_string(dongcheng_));
  EXPECT_EQ(top["items"][0]["has_children"], true);
  auto streets =
      Json(As(staff, bh::verb::get, "/api/v1/org-tree?parent=" + std::to_string(dongcheng_)));
  EXPECT_GT(streets["items"].size(), 5u);
  auto org = Json(As(staff, bh::verb::get, "/api/v1/orgs/" + std::to_string(union_)));
  EXPECT_EQ(org["parent"]["id"], std::to_string(donghuamen_));
  ASSERT_EQ(org["ancestors"].size(), 2u);  // 东城 and 东华门, not the city above the staff's scope
  EXPECT_EQ(org["ancestors"][0]["id"], std::to_string(dongcheng_));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpCoverageTest);

}  // namespace
}  // namespace zj::test
