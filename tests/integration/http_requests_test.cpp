// Service requests over the router, on both stores: the worker's portal without an account
// (categories, employer look-up, submit, track, rate), the handler's queue and moves, the 404
// rule for staff of another district, the tracking throttle (429 with Retry-After), field
// errors for bad intake, the administrator's category settings, and the escalated queue after
// a sweep. A description holding HTML comes back as the same text.
#include <map>
#include <nlohmann/json.hpp>

#include "core/requests/tracking_number.h"
#include "http_requests_fixture.h"
#include "store/service_requests.h"

namespace zj::test {
namespace {

TEST_P(HttpRequestsTest, AWorkerWithoutAccountSubmitsTracksAndRatesTheAnswer) {
  auto categories =
      Send(bh::verb::get, "/api/v1/request-categories", {}, {{"Accept-Language", "en"}});
  ASSERT_EQ(categories.result(), bh::status::ok) << categories.body();
  bool wage = false;
  for (const auto& c : Json(categories)) {
    if (c["code"] == "rights.wage_arrears") {
      wage = c["parent_code"] == "rights" && c["name"] == "Wage arrears" && c["resolve_days"] == 15;
    }
  }
  EXPECT_TRUE(wage) << categories.body();

  ExpectProblem(Send(bh::verb::get, "/api/v1/portal/employers?q=%E4%B8%9C"),
                bh::status::bad_request, "q");
  auto employers = Send(bh::verb::get, "/api/v1/portal/employers?q=%E4%B8%9C%E5%9F%8E%E7%A4%BA");
  ASSERT_EQ(employers.result(), bh::status::ok) << employers.body();
  ASSERT_EQ(Json(employers).size(), 1u) << employers.body();
  EXPECT_EQ(Json(employers)[0]["id"], std::to_string(enterprise_));
  EXPECT_EQ(Json(employers)[0]["region_name"], "东华门街道");
  EXPECT_EQ(Json(employers)[0].size(), 3u) << "nothing beyond id, name and where";

  auto streets = Send(bh::verb::get, "/api/v1/portal/streets?q=%E4%B8%9C%E5%8D%8E%E9%97%A8");
  ASSERT_EQ(streets.result(), bh::status::ok) << streets.body();
  ASSERT_EQ(Json(streets).size(), 1u) << streets.body();
  EXPECT_EQ(
      Json(streets)[0],
      nlohmann::json({{"code", "110101001"}, {"name", "东华门街道"}, {"district_name", "东城区"}}));

  const std::string html = "<img src=x onerror=alert(1)>车间 12 人";
  const std::string tracking = SubmitOnPortal(html);
  ASSERT_EQ(tracking.size(), 15u);

  auto tracked = Track(tracking, "5678");
  ASSERT_EQ(tracked.result(), bh::status::ok) << tracked.body();
  EXPECT_EQ(Json(tracked)["status"], "submitted");
  EXPECT_EQ(Json(tracked)["org_name"], "东华门街道总工会");
  EXPECT_TRUE(Json(tracked)["may_withdraw"].get<bool>());

  // The street's cadre finds it among the new ones and handles it.
  const auto cadre = SignIn("cadre.donghuamen");
  auto queue = As(cadre, bh::verb::get, "/api/v1/requests?box=new");
  ASSERT_EQ(queue.result(), bh::status::ok) << queue.body();
  ASSERT_EQ(Json(queue)["items"].size(), 1u) << queue.body();
  const auto item = Json(queue)["items"][0];
  EXPECT_EQ(item["phone_masked"], "139****5678");
  EXPECT_TRUE(item["next_due"].is_number());
  const std::string path = "/api/v1/requests/" + item["id"].get<std::string>();
  auto detail = As(cadre, bh::verb::get, path);
  ASSERT_EQ(detail.result(), bh::status::ok) << detail.body();
  EXPECT_EQ(Json(detail)["description"], html) << "stored and returned as typed: text";
  EXPECT_EQ(Json(detail)["allowed_actions"],
            nlohmann::json::array({"accept", "transfer", "reject"}))
      << "the next step first, and only what fits a request waiting to be accepted";

  ASSERT_EQ(As(cadre, bh::verb::post, path + "/actions", R"({"action":"accept"})").result(),
            bh::status::ok);
  ASSERT_EQ(As(cadre, bh::verb::post, path + "/messages",
               R"({"body":"内部：企业负责人电话已核实","internal":true})")
                .result(),
            bh::status::ok);
  ASSERT_EQ(As(cadre, bh::verb::post, path + "/messages",
               R"({"body":"已受理，正在联系企业","internal":false})")
                .result(),
            bh::status::ok);
  ExpectProblem(As(cadre, bh::verb::post, path + "/actions", R"({"action":"resolve","body":" "})"),
                bh::status::bad_request, "body");
  ExpectProblem(As(cadre, bh::verb::post, path + "/actions", R"({"action":"reopen"})"),
                bh::status::bad_request, "action");
  auto resolved =
      As(cadre, bh::verb::post, path + "/actions", R"({"action":"resolve","body":"企业已补发"})");
  ASSERT_EQ(resolved.result(), bh::status::ok) << resolved.body();
  EXPECT_EQ(Json(resolved)["status"], "resolved");
  EXPECT_EQ(Json(resolved)["allowed_actions"], nlohmann::json::array({"close"}));
  int notes = 0;
  const auto after = Json(resolved);
  for (const auto& e : after["events"]) notes += e["internal"].get<bool>() ? 1 : 0;
  EXPECT_EQ(notes, 1) << "staff see the internal note, marked";
  ExpectProblem(As(cadre, bh::verb::post, path + "/actions", R"({"action":"accept"})"),
                bh::status::conflict);

  tracked = Track(tracking, "5678");
  ASSERT_EQ(tracked.result(), bh::status::ok);
  EXPECT_TRUE(Json(tracked)["may_rate"].get<bool>());
  EXPECT_EQ(Json(tracked)["resolution"], "企业已补发");
  EXPECT_EQ(tracked.body().find("内部"), std::string::npos) << "no internal note for the worker";
  EXPECT_NE(tracked.body().find("已受理，正在联系企业"), std::string::npos);
  EXPECT_EQ(tracked.body().find("cadre"), std::string::npos) << "no handler names";

  auto rated = Send(bh::verb::post, "/api/v1/portal/requests/rate",
                    nlohmann::json{{"tracking_number", tracking},
                                   {"phone_last4", "5678"},
                                   {"rating", 5},
                                   {"comment", "谢谢"}}
                        .dump());
  ASSERT_EQ(rated.result(), bh::status::ok) << rated.body();
  EXPECT_EQ(Json(rated)["status"], "closed");
  EXPECT_EQ(Json(rated)["rating"], 5);
  EXPECT_FALSE(Json(rated)["may_rate"].get<bool>());
}

TEST_P(HttpRequestsTest, WrongDigitsAndUnknownNumbersAreTheSame404) {
  const std::string tracking = SubmitOnPortal();
  // A well-formed number (valid check digit) that nobody has.
  std::string other =
      requests::MakeTrackingNumber(calendar::Date{calendar::LocalDay(clock_.NowMs())}, 12345678);
  if (other == tracking)
    other =
        requests::MakeTrackingNumber(calendar::Date{calendar::LocalDay(clock_.NowMs())}, 87654321);

  auto wrong_digits = Track(tracking, "0000", "198.51.100.1");
  auto wrong_number = Track(other, "5678", "198.51.100.2");
  auto malformed = Track("123", "5678", "198.51.100.3");

  ExpectProblem(wrong_digits, bh::status::not_found);
  for (const auto* res : {&wrong_number, &malformed}) {
    ExpectProblem(*res, bh::status::not_found);
    EXPECT_EQ(Json(*res)["title"], Json(wrong_digits)["title"]);
    EXPECT_EQ(Json(*res)["type"], Json(wrong_digits)["type"]);
    EXPECT_EQ(Json(*res).value("detail", ""), Json(wrong_digits).value("detail", ""));
  }
}

TEST_P(HttpRequestsTest, TrackingIsThrottledAfterFiveWrongTriesWithRetryAfter) {
  const std::string tracking = SubmitOnPortal();
  for (int i = 0; i < 5; ++i) {
    ExpectProblem(Track(tracking, "000" + std::to_string(i), "198.51.100." + std::to_string(i)),
                  bh::status::not_found);
  }

  auto throttled = Track(tracking, "5678", "203.0.113.7");

  ExpectProblem(throttled, bh::status::too_many_requests);
  const std::string retry(throttled[bh::field::retry_after]);
  ASSERT_FALSE(retry.empty());
  EXPECT_GT(std::stoi(retry), 0);
  EXPECT_LE(std::stoi(retry), 15 * 60);
  // Rating and withdrawing are the same look-up, throttled alike.
  ExpectProblem(Send(bh::verb::post, "/api/v1/portal/requests/withdraw",
                     nlohmann::json{{"tracking_number", tracking}, {"phone_last4", "5678"}}.dump()),
                bh::status::too_many_requests);
  // Another request's worker is not held up by it.
  const std::string mine = SubmitOnPortal();
  EXPECT_EQ(Track(mine, "5678", "203.0.113.8").result(), bh::status::ok);
  // Once the window has passed, the right digits work again.
  clock_.Advance(16 * 60 * 1000);
  EXPECT_EQ(Track(tracking, "5678", "203.0.113.7").result(), bh::status::ok);
}

TEST_P(HttpRequestsTest, StaffOfAnotherDistrictGet404ForEverythingOfARequest) {
  const std::string tracking = SubmitOnPortal();
  const auto dongcheng = SignIn("staff.dongcheng");
  const std::string id = IdOf(dongcheng, tracking);
  ASSERT_FALSE(id.empty()) << "the district above the street sees it";
  const auto xicheng = SignIn("staff.xicheng");
  const std::string path = "/api/v1/requests/" + id;

  ExpectProblem(As(xicheng, bh::verb::get, path), bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::post, path + "/actions", R"({"action":"accept"})"),
                bh::status::not_found);
  ExpectProblem(As(xicheng, bh::verb::post, path + "/messages", R"({"body":"x","internal":true})"),
                bh::status::not_found);
  EXPECT_EQ(IdOf(xicheng, tracking), "") << "never in another district's queues";
  ExpectProblem(As(xicheng, bh::verb::get, "/api/v1/requests/12345"), bh::status::not_found);
}

TEST_P(HttpRequestsTest, OperatorIntakeNamesEveryBadField) {
  const auto op = SignIn("operator");

  auto bad = As(op, bh::verb::post, "/api/v1/requests",
                nlohmann::json{{"channel", "hotline"},
                               {"category", "no.such"},
                               {"title", "x"},
                               {"description", "y"},
                               {"contact_phone", "12345"},
                               {"region_code", "110101001"}}
                    .dump());

  ExpectProblem(bad, bh::status::bad_request, "category");
  ExpectProblem(bad, bh::status::bad_request, "contact_name");
  ExpectProblem(bad, bh::status::bad_request, "contact_phone");

  auto ok = As(op, bh::verb::post, "/api/v1/requests",
               nlohmann::json{{"channel", "hotline"},
                              {"category", "consultation"},
                              {"title", "咨询年休假"},
                              {"description", "来电咨询年休假天数"},
                              {"contact_name", "李女士"},
                              {"contact_phone", "13800138000"},
                              {"region_code", "110101001"}}
                   .dump());
  ASSERT_EQ(ok.result(), bh::status::created) << ok.body();
  EXPECT_EQ(Json(ok)["channel"], "hotline");
  EXPECT_EQ(Json(ok)["org"]["name"], "东华门街道总工会");
  EXPECT_EQ(Json(ok)["tracking_number"].get<std::string>().size(), 15u);
  // Staff intake needs a session.
  ExpectProblem(Send(bh::verb::post, "/api/v1/requests", ok.body()), bh::status::unauthorized);
}

TEST_P(HttpRequestsTest, OnlyAdministratorsChangeCategorySettings) {
  const auto staff = SignIn("staff.dongcheng");
  const auto admin = SignIn("admin");

  ExpectProblem(As(staff, bh::verb::patch, "/api/v1/request-categories/consultation",
                   R"({"resolve_days":5})"),
                bh::status::forbidden);
  ExpectProblem(
      As(admin, bh::verb::patch, "/api/v1/request-categories/consultation", R"({"accept_days":0})"),
      bh::status::bad_request, "accept_days");
  ExpectProblem(
      As(admin, bh::verb::patch, "/api/v1/request-categories/nope", R"({"active":false})"),
      bh::status::not_found);
  auto changed = As(admin, bh::verb::patch, "/api/v1/request-categories/consultation",
                    R"({"resolve_days":5,"name_en":"Questions","active":false})");

  ASSERT_EQ(changed.result(), bh::status::ok) << changed.body();
  EXPECT_EQ(Json(changed)["resolve_days"], 5);
  EXPECT_EQ(Json(changed)["active"], false);
  auto audit = As(admin, bh::verb::get, "/api/v1/audit?action=request_category.update");
  ASSERT_EQ(audit.result(), bh::status::ok) << audit.body();
  EXPECT_NE(audit.body().find("consultation"), std::string::npos) << audit.body();
  // An inactive category takes no new requests.
  auto refused = Send(bh::verb::post, "/api/v1/portal/requests",
                      nlohmann::json{{"category", "consultation"},
                                     {"title", "t"},
                                     {"description", "d"},
                                     {"contact_name", "n"},
                                     {"contact_phone", "13800138000"},
                                     {"region_code", "110101001"}}
                          .dump());
  ExpectProblem(refused, bh::status::bad_request, "category");
}

TEST_P(HttpRequestsTest, ALapsedRequestShowsInTheParentsEscalatedQueue) {
  const std::string tracking = SubmitOnPortal();
  clock_.Advance(4 * kDay);  // past the accept deadline (1 working day), whatever the weekday
  auto swept = app_->requests().Sweep();
  ASSERT_OK(swept);
  EXPECT_EQ(swept->escalated, 1);

  const auto dongcheng = SignIn("staff.dongcheng");
  auto escalated = As(dongcheng, bh::verb::get, "/api/v1/requests?box=escalated");

  ASSERT_EQ(escalated.result(), bh::status::ok) << escalated.body();
  ASSERT_EQ(Json(escalated)["items"].size(), 1u) << escalated.body();
  EXPECT_EQ(Json(escalated)["items"][0]["tracking_number"], tracking);
  EXPECT_EQ(Json(escalated)["items"][0]["escalations"], 1);
  EXPECT_NE(Json(escalated)["items"][0]["org"]["name"].get<std::string>().find("东城区总工会"),
            std::string::npos);
  const auto cadre = SignIn("cadre.donghuamen");
  auto mine = As(cadre, bh::verb::get, "/api/v1/requests?box=mine");
  EXPECT_TRUE(Json(mine)["items"].empty()) << "no longer the street's";
  ExpectProblem(As(dongcheng, bh::verb::get, "/api/v1/requests?box=nope"), bh::status::bad_request,
                "box");
}

TEST_P(HttpRequestsTest, ASignedInWorkersRequestIsLinkedOnlyWithTheCsrfToken) {
  const SignedIn worker = SignInWorker("13600001019");  // the demo worker
  const std::string body =
      nlohmann::json{{"category", "consultation"},     {"title", "咨询"},
                     {"description", "年休假"},        {"contact_name", "演示职工"},
                     {"contact_phone", "13800138000"}, {"region_code", "110101001"}}
          .dump();

  auto linked = As(worker, bh::verb::post, "/api/v1/portal/requests", body);
  auto cookie_only =
      Send(bh::verb::post, "/api/v1/portal/requests", body, {{"Cookie", worker.cookie}});

  ASSERT_EQ(linked.result(), bh::status::created) << linked.body();
  ASSERT_EQ(cookie_only.result(), bh::status::created) << cookie_only.body();
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto with = store::FindRequestByTracking(**lease, Json(linked)["tracking_number"]);
  auto without = store::FindRequestByTracking(**lease, Json(cookie_only)["tracking_number"]);
  ASSERT_OK(with);
  ASSERT_OK(without);
  ASSERT_TRUE(with->has_value() && without->has_value());
  EXPECT_FALSE((*with)->requester_user_id.has_value()) << "workers are no console users";
  static constexpr store::Sql kRequester{
      "test.requests.requester_worker",
      "SELECT requester_worker_id FROM service_requests WHERE tracking_number = $1"};
  auto requester = [&](const std::string& tracking) {
    auto rows = (**lease).Query(kRequester, Params(tracking));
    EXPECT_TRUE(rows.has_value() && rows->size() == 1);
    return rows && rows->size() == 1 ? rows->front().OptInt(0) : std::nullopt;
  };
  EXPECT_TRUE(requester((*with)->tracking_number).has_value()) << "linked to the worker's account";
  EXPECT_FALSE(requester((*without)->tracking_number).has_value())
      << "a cookie sent by another site's form is not the worker's say-so";
}

// The staff intake registers calls and walk-ins: a worker's own request goes through the
// portal, so a worker's (portal) session is refused here whatever the body: it is no console
// session (the console's role `worker` is retired).
TEST_P(HttpRequestsTest, AWorkerIsRefusedTheStaffIntake) {
  const auto worker = SignInWorker("13600001019");
  for (const char* channel : {"hotline", "portal"}) {
    const std::string body = nlohmann::json{{"channel", channel},
                                            {"category", "consultation"},
                                            {"title", "咨询"},
                                            {"description", "年休假"},
                                            {"contact_name", "演示职工"},
                                            {"contact_phone", "13800138000"},
                                            {"region_code", "110101001"}}
                                 .dump();
    ExpectProblem(As(worker, bh::verb::post, "/api/v1/requests", body), bh::status::unauthorized);
    const auto operator_ = SignIn("operator");
    EXPECT_EQ(As(operator_, bh::verb::post, "/api/v1/requests", body).result(),
              bh::status::created);
  }
}

TEST_P(HttpRequestsTest, OneAddressSubmitsAtMostTenRequestsAnHourWithoutAnAccount) {
  for (int i = 0; i < 10; ++i) ASSERT_FALSE(SubmitOnPortal().empty()) << "request " << i;

  auto eleventh = Send(bh::verb::post, "/api/v1/portal/requests",
                       nlohmann::json{{"category", "consultation"},
                                      {"title", "t"},
                                      {"description", "d"},
                                      {"contact_name", "n"},
                                      {"contact_phone", "13800138000"},
                                      {"region_code", "110101001"}}
                           .dump());

  ExpectProblem(eleventh, bh::status::too_many_requests);
  EXPECT_FALSE(std::string(eleventh[bh::field::retry_after]).empty());
  clock_.Advance(3600LL * 1000 + 1);
  EXPECT_FALSE(SubmitOnPortal().empty()) << "an hour later it is accepted again";
}

TEST_P(HttpRequestsTest, ATransferredRequestLeavesTheStreetForTheOrgNamed) {
  const std::string tracking = SubmitOnPortal();
  const auto cadre = SignIn("cadre.donghuamen");
  const std::string path = "/api/v1/requests/" + IdOf(cadre, tracking);
  const auto jingshan = app_->orgs().IdByCode(app::SystemActor(), "110101002");
  ASSERT_OK(jingshan);
  const std::string to = std::to_string(*jingshan);

  ExpectProblem(As(cadre, bh::verb::post, path + "/transfer",
                   R"({"to_org_id":")" + to + R"(","reason":" "})"),
                bh::status::bad_request, "reason");
  ExpectProblem(As(cadre, bh::verb::post, path + "/transfer", R"({"reason":"x"})"),
                bh::status::bad_request, "to_org_id");
  auto moved = As(cadre, bh::verb::post, path + "/transfer",
                  R"({"to_org_id":")" + to + R"(","reason":"单位实际在景山街道"})");

  ASSERT_EQ(moved.result(), bh::status::ok) << moved.body();
  EXPECT_EQ(Json(moved)["org"]["id"], to);
  // The street it left no longer sees it.
  ExpectProblem(As(cadre, bh::verb::get, path), bh::status::not_found);
  EXPECT_EQ(Track(tracking, "5678").result(), bh::status::ok);
}

}  // namespace

TEST_P(HttpRequestsTest, ALowRatingWaitsInTheFollowUpQueueUntilTheVisitIsRecorded) {
  const std::string tracking = SubmitOnPortal();
  const auto cadre = SignIn("cadre.donghuamen");
  const std::string id = IdOf(cadre, tracking);
  ASSERT_FALSE(id.empty());
  const std::string path = "/api/v1/requests/" + id;
  ASSERT_EQ(As(cadre, bh::verb::post, path + "/actions", R"({"action":"resolve","body":"已补发"})")
                .result(),
            bh::status::ok);
  auto rated = Send(bh::verb::post, "/api/v1/portal/requests/rate",
                    nlohmann::json{{"tracking_number", tracking},
                                   {"phone_last4", "5678"},
                                   {"rating", 1},
                                   {"comment", "没人联系我"}}
                        .dump());
  ASSERT_EQ(rated.result(), bh::status::ok) << rated.body();

  auto queue = As(cadre, bh::verb::get, "/api/v1/requests/follow-ups");
  ASSERT_EQ(queue.result(), bh::status::ok) << queue.body();
  ASSERT_EQ(Json(queue)["items"].size(), 1u) << queue.body();
  const auto item = Json(queue)["items"][0];
  EXPECT_EQ(item["request_id"], id);
  EXPECT_EQ(item["tracking_number"], tracking);
  EXPECT_EQ(item["reason"], "low_rating");
  EXPECT_EQ(item["rating"], 1);
  EXPECT_EQ(item["rating_comment"], "没人联系我");
  EXPECT_EQ(item["category"]["name"], "欠薪");
  EXPECT_EQ(item["org"]["name"], "东华门街道总工会");
  EXPECT_TRUE(item["done_at"].is_null());
  EXPECT_TRUE(Json(queue)["next_cursor"].is_null());
  auto detail = As(cadre, bh::verb::get, path);
  EXPECT_EQ(Json(detail)["follow_up"]["reason"], "low_rating") << detail.body();

  const auto xicheng = SignIn("staff.xicheng");
  auto theirs = As(xicheng, bh::verb::get, "/api/v1/requests/follow-ups");
  ASSERT_EQ(theirs.result(), bh::status::ok);
  EXPECT_TRUE(Json(theirs)["items"].empty());
  ExpectProblem(As(xicheng, bh::verb::post, path + "/follow-up", R"({"note":"已回访"})"),
                bh::status::not_found);
  ExpectProblem(As(cadre, bh::verb::get, "/api/v1/requests/follow-ups?state=later"),
                bh::status::bad_request, "state");
  ExpectProblem(As(cadre, bh::verb::get, "/api/v1/requests/follow-ups?after=x"),
                bh::status::bad_request, "after");
  ExpectProblem(As(cadre, bh::verb::post, path + "/follow-up", R"({"note":"  "})"),
                bh::status::bad_request, "note");

  auto done = As(cadre, bh::verb::post, path + "/follow-up", R"({"note":"电话回访，职工认可"})");
  ASSERT_EQ(done.result(), bh::status::ok) << done.body();
  EXPECT_TRUE(Json(done)["follow_up"]["done_at"].is_number());
  EXPECT_EQ(Json(done)["follow_up"]["note"], "电话回访，职工认可");
  EXPECT_FALSE(Json(done)["follow_up"]["done_by_name"].is_null());
  EXPECT_EQ(Json(done)["events"].back()["kind"], "follow_up");
  EXPECT_TRUE(Json(done)["events"].back()["internal"].get<bool>());
  ExpectProblem(As(cadre, bh::verb::post, path + "/follow-up", R"({"note":"再来一次"})"),
                bh::status::conflict);
  EXPECT_TRUE(Json(As(cadre, bh::verb::get, "/api/v1/requests/follow-ups"))["items"].empty());
  auto finished = As(cadre, bh::verb::get, "/api/v1/requests/follow-ups?state=done");
  ASSERT_EQ(Json(finished)["items"].size(), 1u) << finished.body();
  EXPECT_EQ(Json(finished)["items"][0]["note"], "电话回访，职工认可");
}

TEST_P(HttpRequestsTest, TheServiceDashboardShowsASubtreesFiguresAndHidesOtherDistricts) {
  const std::string handled = SubmitOnPortal();
  SubmitOnPortal();  // left waiting: overdue once the clock passes its accept deadline
  const auto cadre = SignIn("cadre.donghuamen");
  const std::string id = IdOf(cadre, handled);
  ASSERT_EQ(As(cadre, bh::verb::post, "/api/v1/requests/" + id + "/actions",
               R"({"action":"resolve","body":"已补发"})")
                .result(),
            bh::status::ok);
  ASSERT_EQ(
      Send(bh::verb::post, "/api/v1/portal/requests/rate",
           nlohmann::json{{"tracking_number", handled}, {"phone_last4", "5678"}, {"rating", 4}}
               .dump())
          .result(),
      bh::status::ok);
  clock_.Advance(4 * kDay);  // no sweep: the waiting one is overdue at the street

  const auto dongcheng = SignIn("staff.dongcheng");
  auto res = As(dongcheng, bh::verb::get, "/api/v1/requests/dashboard");
  ASSERT_EQ(res.result(), bh::status::ok) << res.body();
  const auto d = Json(res);
  EXPECT_EQ(d["org"]["name"], "北京市东城区总工会");
  EXPECT_EQ(d["weeks"], 12);
  EXPECT_EQ(d["series"].size(), 12u);
  EXPECT_EQ(d["total"]["submitted"], 2);
  EXPECT_EQ(d["total"]["accepted"], 1);
  EXPECT_EQ(d["total"]["resolved"], 1);
  EXPECT_EQ(d["accepted_on_time_rate"], 1.0);
  EXPECT_EQ(d["resolved_on_time_rate"], 1.0);
  EXPECT_EQ(d["average_rating"], 4.0);
  EXPECT_EQ(d["median_resolve_days"], nlohmann::json({{"min", 0}, {"max", 1}}));
  EXPECT_EQ(d["resolve_bucket_days"], nlohmann::json::array({1, 3, 7, 15, 30}));
  std::int64_t rights = -1;
  for (const auto& c : d["categories"]) {
    if (c["code"] == "rights") rights = c["submitted"].get<std::int64_t>();
  }
  EXPECT_EQ(rights, 2) << "wage arrears count in their top-level category";
  std::int64_t in_weeks = 0;
  for (const auto& w : d["series"])
    in_weeks += w["submitted_by_category"]["rights"].get<std::int64_t>();
  EXPECT_EQ(in_weeks, 2);
  bool street = false;
  for (const auto& c : d["children"])
    street = street || (c["name"] == "东华门街道总工会" && c["submitted"] == 2);
  EXPECT_TRUE(street) << d["children"].dump();
  ASSERT_EQ(d["most_overdue"].size(), 1u);
  EXPECT_EQ(d["most_overdue"][0]["org"]["name"], "东华门街道总工会");
  EXPECT_EQ(d["most_overdue"][0]["overdue"], 1);

  auto four = As(dongcheng, bh::verb::get, "/api/v1/requests/dashboard?weeks=4");
  ASSERT_EQ(four.result(), bh::status::ok) << four.body();
  EXPECT_EQ(Json(four)["series"].size(), 4u);
  const std::string of_dongcheng =
      "/api/v1/requests/dashboard?org_id=" + d["org"]["id"].get<std::string>();
  EXPECT_EQ(As(dongcheng, bh::verb::get, of_dongcheng).result(), bh::status::ok);
  const auto xicheng = SignIn("staff.xicheng");
  ExpectProblem(As(xicheng, bh::verb::get, of_dongcheng), bh::status::not_found);
  ExpectProblem(As(dongcheng, bh::verb::get, "/api/v1/requests/dashboard?weeks=0"),
                bh::status::bad_request, "weeks");
  ExpectProblem(As(dongcheng, bh::verb::get, "/api/v1/requests/dashboard?weeks=54"),
                bh::status::bad_request, "weeks");
  ExpectProblem(As(dongcheng, bh::verb::get, "/api/v1/requests/dashboard?weeks=abc"),
                bh::status::bad_request, "weeks");
  const auto operator_ = SignIn("operator");
  ASSERT_EQ(As(operator_, bh::verb::get, "/api/v1/requests/dashboard").result(), bh::status::ok);
}

TEST_P(HttpRequestsTest, CalendarsAreReadByStaffAndLoadedByAdministratorsOnly) {
  const auto staff = SignIn("staff.dongcheng");
  auto listed = As(staff, bh::verb::get, "/api/v1/calendars");
  ASSERT_EQ(listed.result(), bh::status::ok) << listed.body();
  std::map<int, nlohmann::json> years;
  for (const auto& y : Json(listed)) years[y["year"].get<int>()] = y;
  ASSERT_TRUE(years.contains(2025) && years.contains(2026)) << listed.body();
  EXPECT_EQ(years[2026]["source"], "shipped");
  const auto& y2026 = years[2026];
  EXPECT_GT(y2026["holidays"].get<int>(), 10);
  EXPECT_GT(y2026["worked_weekends"].get<int>(), 3);
  // 365 days, 104 of them Saturdays and Sundays (2026 starts on a Thursday).
  EXPECT_EQ(y2026["working_days"].get<int>(),
            365 - 104 - y2026["holidays"].get<int>() + y2026["worked_weekends"].get<int>());
  EXPECT_TRUE(years[2026]["loaded_at"].is_null());
  ExpectProblem(As(SignIn("cadre.donghuamen"), bh::verb::get, "/api/v1/calendars"),
                bh::status::forbidden);

  const std::string text = "year 2027\noff 2027-01-01 元旦\nwork 2027-01-02 元旦调休\n";
  ExpectProblem(As(staff, bh::verb::put, "/api/v1/calendars/2027", text), bh::status::forbidden);
  const auto admin = SignIn("admin");
  auto loaded = As(admin, bh::verb::put, "/api/v1/calendars/2027", text);
  ASSERT_EQ(loaded.result(), bh::status::ok) << loaded.body();
  EXPECT_EQ(Json(loaded)["source"], "loaded");
  EXPECT_EQ(Json(loaded)["holidays"], 1);
  EXPECT_EQ(Json(loaded)["worked_weekends"], 1);
  EXPECT_TRUE(Json(loaded)["loaded_at"].is_number());
  EXPECT_NE(As(staff, bh::verb::get, "/api/v1/calendars").body().find("\"year\":2027"),
            std::string::npos);

  // A bad line is named in the field error; a text for another year than the path is refused.
  auto bad = As(admin, bh::verb::put, "/api/v1/calendars/2027", "year 2027\noff 2027-13-01\n");
  ExpectProblem(bad, bh::status::bad_request, "text");
  EXPECT_NE(bad.body().find("第 2 行"), std::string::npos) << bad.body();
  ExpectProblem(As(admin, bh::verb::put, "/api/v1/calendars/2028", text), bh::status::bad_request,
                "text");
  ExpectProblem(As(admin, bh::verb::put, "/api/v1/calendars/20x7", text), bh::status::not_found);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpRequestsTest);

}  // namespace zj::test
