// Evidence files over the router, on both stores: a legal case's document uploaded as the raw
// body (its type told by its bytes, whatever the request's Content-Type says), listed without
// content, downloaded with a reason as an attachment that is never sniffed, refused without a
// reason or for a program called .pdf (field errors), not found from another district on every
// route, and removed.
#include <nlohmann/json.hpp>

#include "core/attachments/attachment_check.h"
#include "http/router.h"
#include "http_app_fixture.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

constexpr const char* kPass = "Http-Attachments-2026";

class HttpAttachmentsTest : public HttpAppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    LoadDemo(kPass);
    StartRouter(kPass);
    dongcheng_ = SignIn("staff.dongcheng");
    xicheng_ = SignIn("staff.xicheng");
    const app::Actor admin = app::SystemActor();
    const std::int64_t donghuamen = *app_->orgs().IdByCode(admin, "110101001");
    auto u = app_->orgs().Create(
        admin,
        app::NewOrg{"DC-A1", "东城某物流公司工会", "grassroots", donghuamen, {}, {}, {}, {}});
    ASSERT_OK(u);
    const nlohmann::json c{{"org_id", std::to_string(u->org.id)},
                           {"type", "wage_arrears"},
                           {"title", "拖欠工资"},
                           {"employer_uscc", "91110000100000000R"},
                           {"employer_name", "某物流有限公司"},
                           {"claimed_fen", 1'200'000},
                           {"opened_on", "2026-11-02"}};
    auto res = As(dongcheng_, bh::verb::post, "/api/v1/legal/cases", c);
    ASSERT_EQ(res.result(), bh::status::created) << res.body();
    case_ = Json(res)["case"]["id"];
  }

  http::Response Upload(const SignedIn& who, const std::string& target, std::string bytes) {
    return Send(bh::verb::post, target, std::move(bytes),
                {{"Cookie", who.cookie}, {"X-CSRF-Token", who.csrf}, {"Accept-Language", "en"}});
  }

  std::string Documents() const {
    return "/api/v1/legal/cases/" + case_ + "/stages/consultation/documents";
  }

  SignedIn dongcheng_, xicheng_;
  std::string case_;
};

TEST_P(HttpAttachmentsTest, UploadedListedDownloadedWithAReasonAndRemoved) {
  const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";
  // The request says JSON; the bytes say PDF, and the bytes decide.
  auto up =
      Upload(dongcheng_, Documents() + "?file_name=%E5%8A%B3%E5%8A%A8%E5%90%88%E5%90%8C.pdf", pdf);
  ASSERT_EQ(up.result(), bh::status::created) << up.body();
  const auto added = Json(up);
  const std::string id = added["id"];
  EXPECT_EQ(added["file_name"], "劳动合同.pdf");
  EXPECT_EQ(added["media_type"], "application/pdf");
  EXPECT_EQ(added["stage"], "consultation");
  EXPECT_EQ(added["bytes"], pdf.size());

  auto list = As(dongcheng_, bh::verb::get, Documents());
  ASSERT_EQ(list.result(), bh::status::ok) << list.body();
  ASSERT_EQ(Json(list)["items"].size(), 1u);
  EXPECT_EQ(list.body().find("%PDF"), std::string::npos);  // never the content

  auto refused = As(dongcheng_, bh::verb::get, "/api/v1/attachments/" + id + "/content");
  ASSERT_EQ(refused.result(), bh::status::bad_request) << refused.body();
  EXPECT_EQ(Json(refused)["errors"][0]["field"], "reason");

  auto file =
      As(dongcheng_, bh::verb::get,
         "/api/v1/attachments/" + id + "/content?reason=%E5%87%86%E5%A4%87%E4%BB%B2%E8%A3%81");
  ASSERT_EQ(file.result(), bh::status::ok) << file.body();
  EXPECT_EQ(file.body(), pdf);
  EXPECT_EQ(file[bh::field::content_type], "application/pdf");
  EXPECT_EQ(file[bh::field::content_disposition], attachments::ContentDisposition("劳动合同.pdf"));
  EXPECT_EQ(file["X-Content-Type-Options"], "nosniff");

  // A program called .pdf: a field error on file, in the caller's language.
  auto exe = Upload(dongcheng_, Documents() + "?file_name=setup.pdf",
                    std::string("MZ\x90\x00\x03\x00\x00\x00", 8) + "program");
  ASSERT_EQ(exe.result(), bh::status::bad_request) << exe.body();
  EXPECT_EQ(Json(exe)["errors"][0]["field"], "file");
  EXPECT_EQ(Json(exe)["errors"][0]["message"],
            "Only PDF, JPEG, PNG, WebP or HEIC files can be attached");

  // Another district: every route answers as if nothing were there.
  EXPECT_EQ(Upload(xicheng_, Documents() + "?file_name=a.pdf", pdf).result(),
            bh::status::not_found);
  EXPECT_EQ(As(xicheng_, bh::verb::get, Documents()).result(), bh::status::not_found);
  EXPECT_EQ(
      As(xicheng_, bh::verb::get, "/api/v1/attachments/" + id + "/content?reason=xx").result(),
      bh::status::not_found);
  EXPECT_EQ(As(xicheng_, bh::verb::delete_, "/api/v1/attachments/" + id).result(),
            bh::status::not_found);

  ASSERT_EQ(As(dongcheng_, bh::verb::delete_, "/api/v1/attachments/" + id).result(),
            bh::status::no_content);
  EXPECT_TRUE(Json(As(dongcheng_, bh::verb::get, Documents()))["items"].empty());
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HttpAttachmentsTest);

}  // namespace
}  // namespace zj::test
