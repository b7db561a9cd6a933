// The request page's API over the router, on both stores: the moves offered per state in the
// detail JSON, a note or reply that must say whether the worker sees it (and an internal note
// that never reaches the portal's tracking JSON), the audited phone reveal, the queue's search
// by tracking number and by phone, the tab counts, a member's requests, and the access log that
// never keeps what was searched for.
#include <nlohmann/json.hpp>

#include "core/members/national_id.h"
#include "core/text/field_limits.h"
#include "http/access_log.h"
#include "http_requests_fixture.h"

namespace zj::test {
namespace {

class HttpRequestHandlingTest : public HttpRequestsTest {
 protected:
  //! The request's staff path after submitting on the portal, as seen by `who`.
  std::string PathOf(const SignedIn& who, const std::string& tracking) {
    return "/api/v1/requests/" + IdOf(who, tracking);
  }

  static std::vector<std::string> Numbers(const Response& res) {
    std::vector<std::string> out;
    const auto page = nlohmann::json::parse(res.body());
    for (const auto& item : page["items"]) out.push_back(item["tracking_number"]);
    return out;
  }
};

TEST_P(HttpRequestHandlingTest, TheDetailOffersTheMovesOfItsStateNextStepFirst) {
  const std::string tracking = SubmitOnPortal();
  const auto cadre = SignIn("cadre.donghuamen");
  const std::string path = PathOf(cadre, tracking);
  auto detail = Json(As(cadre, bh::verb::get, path));
  EXPECT_EQ(detail["allowed_actions"], nlohmann::json::array({"accept", "transfer", "reject"}));
  EXPECT_EQ(detail["next_milestone"], "accept");
  ASSERT_EQ(detail["milestones"].size(), 3u);
  EXPECT_EQ(detail["milestones"][0]["milestone"], "accept");
  EXPECT_EQ(detail["milestones"][0]["state"], "pending");
  EXPECT_EQ(detail["milestones"][0]["due"], detail["deadlines"]["accept_by"]);

  auto accepted = Json(As(cadre, bh::verb::post, path + "/actions", R"({"action":"accept"})"));
  EXPECT_EQ(accepted["allowed_actions"], nlohmann::json::array({"contact", "resolve", "transfer"}));
  EXPECT_EQ(accepted["next_milestone"], "contact") << "the countdown names its new milestone";
  EXPECT_EQ(accepted["milestones"][0]["state"], "met");
  auto contacted = Json(As(cadre, bh::verb::post, path + "/actions", R"({"action":"contact"})"));
  EXPECT_EQ(contacted["allowed_actions"], nlohmann::json::array({"resolve", "transfer"}));

  // An operator reads the request but is offered nothing to do with it.
  const auto op = SignIn("operator");
  EXPECT_EQ(Json(As(op, bh::verb::get, path))["allowed_actions"], nlohmann::json::array());
  // The queue's rows name the milestone of their countdown too.
  auto queue = Json(As(cadre, bh::verb::get, "/api/v1/requests?box=mine"));
  ASSERT_FALSE(queue["items"].empty());
  EXPECT_EQ(queue["items"][0]["next_milestone"], "resolve");
}

TEST_P(HttpRequestHandlingTest, AnInternalNoteNeverReachesTheWorkersTrackingPage) {
  const std::string tracking = SubmitOnPortal();
  const auto cadre = SignIn("cadre.donghuamen");
  const std::string path = PathOf(cadre, tracking);
  // Whether the worker reads it must be said: without "internal" nothing is sent.
  ExpectProblem(As(cadre, bh::verb::post, path + "/messages", R"({"body":"企业法人电话 138"})"),
                bh::status::bad_request, "internal");
  ExpectProblem(As(cadre, bh::verb::post, path + "/messages", R"({"body":"x","internal":"yes"})"),
                bh::status::bad_request, "internal");
  ASSERT_EQ(As(cadre, bh::verb::post, path + "/messages",
               R"({"body":"内部：法人电话13600001234，态度强硬","internal":true})")
                .result(),
            bh::status::ok);
  ASSERT_EQ(As(cadre, bh::verb::post, path + "/messages",
               R"({"body":"您好，我们已联系企业","internal":false})")
                .result(),
            bh::status::ok);
  ASSERT_EQ(As(cadre, bh::verb::post, path + "/phone/reveal", R"({"reason":"回电"})").result(),
            bh::status::ok);

  auto tracked = Track(tracking, "5678");
  ASSERT_EQ(tracked.result(), bh::status::ok) << tracked.body();
  EXPECT_EQ(tracked.body().find("法人电话"), std::string::npos) << tracked.body();
  EXPECT_EQ(tracked.body().find("13600001234"), std::string::npos);
  EXPECT_EQ(tracked.body().find("phone_revealed"), std::string::npos);
  EXPECT_EQ(tracked.body().find("\"internal\""), std::string::npos) << "no internal flag at all";
  EXPECT_NE(tracked.body().find("您好，我们已联系企业"), std::string::npos) << "the reply is there";
  // Staff see both, each marked.
  auto detail = Json(As(cadre, bh::verb::get, path));
  int internal = 0, shown = 0;
  for (const auto& e : detail["events"]) {
    if (e["kind"] == "note") internal += e["internal"].get<bool>() ? 1 : 0;
    if (e["kind"] == "reply") shown += e["internal"].get<bool>() ? 0 : 1;
  }
  EXPECT_EQ(internal, 1);
  EXPECT_EQ(shown, 1);
}

TEST_P(HttpRequestHandlingTest, ThePhoneRevealNeedsAReasonAndLandsInTheAuditLog) {
  const std::string tracking = SubmitOnPortal();
  const auto cadre = SignIn("cadre.donghuamen");
  const std::string path = PathOf(cadre, tracking);
  EXPECT_EQ(Json(As(cadre, bh::verb::get, path))["phone_masked"], "139****5678");
  ExpectProblem(As(cadre, bh::verb::post, path + "/phone/reveal", R"({})"), bh::status::bad_request,
                "reason");
  ExpectProblem(As(cadre, bh::verb::post, path + "/phone/reveal", R"({"reason":"x"})"),
                bh::status::bad_request, "reason");
  auto revealed = As(cadre, bh::verb::post, path + "/phone/reveal", R"({"reason":"回电核实"})");
  ASSERT_EQ(revealed.result(), bh::status::ok) << revealed.body();
  EXPECT_EQ(Json(revealed)["value"], "13912345678");
  const auto xicheng = SignIn("staff.xicheng");
  ExpectProblem(As(xicheng, bh::verb::post, path + "/phone/reveal", R"({"reason":"想看看"})"),
                bh::status::not_found);

  const auto admin = SignIn("admin");
  auto audit = As(admin, bh::verb::get,
                  "/api/v1/audit?action=personal_data.reveal&target_type=service_request");
  ASSERT_EQ(audit.result(), bh::status::ok) << audit.body();
  const auto entries = Json(audit)["entries"];
  ASSERT_EQ(entries.size(), 2u) << audit.body();
  EXPECT_EQ(entries[0]["outcome"], "denied") << "newest first: the other district's try";
  EXPECT_EQ(entries[1]["outcome"], "ok");
  EXPECT_EQ(entries[1]["actor"]["username"], "cadre.donghuamen");
  EXPECT_EQ(entries[1]["target"]["id"], path.substr(path.rfind('/') + 1));
  EXPECT_EQ(entries[1]["detail"]["reason"], "回电核实");
  EXPECT_EQ(audit.body().find("13912345678"), std::string::npos);
}

TEST_P(HttpRequestHandlingTest, TheQueueFindsByTrackingNumberAndByPhoneAndCountsItsTabs) {
  const std::string first = SubmitOnPortal();
  auto other = Send(bh::verb::post, "/api/v1/portal/requests",
                    nlohmann::json{{"category", "rights.wage_arrears"},
                                   {"title", "加班费"},
                                   {"description", "周末加班无加班费"},
                                   {"contact_name", "李女士"},
                                   {"contact_phone", "13800001111"},
                                   {"employer_id", std::to_string(enterprise_)}}
                        .dump());
  ASSERT_EQ(other.result(), bh::status::created) << other.body();
  const std::string second = Json(other)["tracking_number"];
  const auto op = SignIn("operator");

  using V = std::vector<std::string>;
  auto found = As(op, bh::verb::get, "/api/v1/requests?q=" + first);
  ASSERT_EQ(found.result(), bh::status::ok) << found.body();
  EXPECT_EQ(Numbers(found), V{first});
  found = As(op, bh::verb::get, "/api/v1/requests?q=138%200000%201111");
  EXPECT_EQ(Numbers(found), V{second}) << "a phone with spaces, by its blind index";
  found = As(op, bh::verb::get, "/api/v1/requests?q=%E6%9D%8E%E5%A5%B3%E5%A3%AB");  // 李女士
  EXPECT_EQ(Numbers(found), V{second});
  ExpectProblem(
      As(op, bh::verb::get,
         "/api/v1/requests?q=" + std::string(text::MaxLength(text::TextKind::kSearch) + 1, '1')),
      bh::status::bad_request, "q");
  const auto xicheng = SignIn("staff.xicheng");
  EXPECT_TRUE(Numbers(As(xicheng, bh::verb::get, "/api/v1/requests?q=13800001111")).empty());

  const auto cadre = SignIn("cadre.donghuamen");
  auto counts = As(cadre, bh::verb::get, "/api/v1/requests/counts");
  ASSERT_EQ(counts.result(), bh::status::ok) << counts.body();
  EXPECT_EQ(Json(counts)["new"], 2);
  EXPECT_EQ(Json(counts)["mine"], 2);
  EXPECT_EQ(Json(counts)["overdue"], 0);
  EXPECT_EQ(Json(counts)["follow_up"], 0);
  EXPECT_EQ(Json(counts)["cap"], 1000);
  EXPECT_EQ(Json(As(xicheng, bh::verb::get, "/api/v1/requests/counts"))["new"], 0);
  ExpectProblem(As(cadre, bh::verb::get, "/api/v1/requests/counts?org_id=x"),
                bh::status::bad_request, "org_id");
}

TEST_P(HttpRequestHandlingTest, TheAccessLogKeepsNoSearchedValue) {
  // The queue's search holds a phone number or a name: the access log names q, never its value.
  EXPECT_EQ(http::LoggedQuery("/api/v1/requests?box=all&q=13912345678&limit=5"),
            "box=all&q=*&limit=5");
  EXPECT_EQ(http::LoggedQuery("/api/v1/requests?q=%E7%8E%8B"), "q=*");
}

TEST_P(HttpRequestHandlingTest, AMembersRequestsAreListedForThoseWhoSeeTheMember) {
  // A member of a union in 东华门街道, linked by the operator who took the call.
  const app::Actor system = app::SystemActor();
  const std::int64_t donghuamen = *app_->orgs().IdByCode(system, "110101001");
  auto union_org = app_->orgs().Create(
      system, app::NewOrg{"DC-R1", "东城某公司工会", "grassroots", donghuamen, {}, {}, {}, {}});
  ASSERT_OK(union_org);
  const std::string body = "11010119880521001";
  const auto staff = SignIn("staff.dongcheng");
  auto member = As(staff, bh::verb::post, "/api/v1/members",
                   nlohmann::json{{"union_id", std::to_string(union_org->org.id)},
                                  {"name", "张晓林"},
                                  {"id_number", body + members::IdCheckCharacter(body)},
                                  {"join_date", "2020/5/1"}}
                       .dump());
  ASSERT_EQ(member.result(), bh::status::created) << member.body();
  const std::string member_id = Json(member)["id"];
  const auto op = SignIn("operator");
  auto created = As(op, bh::verb::post, "/api/v1/requests",
                    nlohmann::json{{"channel", "hotline"},
                                   {"category", "consultation"},
                                   {"title", "咨询入会"},
                                   {"description", "来电咨询"},
                                   {"contact_name", "会员本人"},
                                   {"contact_phone", "13700002222"},
                                   {"employer_id", std::to_string(enterprise_)},
                                   {"member_id", member_id}}
                        .dump());
  ASSERT_EQ(created.result(), bh::status::created) << created.body();
  auto page = As(op, bh::verb::get, "/api/v1/members/" + member_id + "/requests");
  ASSERT_EQ(page.result(), bh::status::ok) << page.body();
  EXPECT_EQ(Numbers(page), std::vector<std::string>{Json(created)["tracking_number"]});
  ExpectProblem(As(op, bh::verb::get, "/api/v1/members/" + member_id + "/requests?cursor=x"),
                bh::status::bad_request, "cursor");
  ExpectProblem(As(op, bh::verb::get, "/api/v1/members/12345/requests"), bh::status::not_found);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpRequestHandlingTest);

}  // namespace
}  // namespace zj::test
