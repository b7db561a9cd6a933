// Evidence files on both stores (issue 20): a hardship file's 证明材料 uploaded, listed without
// content, downloaded with a reason (the same bytes, audited as a reveal) and removed (audited,
// gone from the list); an .exe renamed .pdf, an empty file and one over 10 MiB refused with their
// field errors; an owner's room of 20 files (and of its bytes) kept; another district's owner
// and files not found on every operation, an operator refused; the stored bytes and name not in
// clear; a legal case's documents per stage, only for a stage the case has reached; uploads
// throttled per user; and a key rotation that re-seals them all.
#include "app/attachments/attachments.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/legal/legal_case_service.h"
#include "app/personal_data/key_rotation.h"
#include "hardship_fixture.h"
#include "store/attachments.h"
#include "test_keys.h"

namespace zj::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kMarker = "MARKER-王秀英-110101198506120011";

std::string Pdf(const std::string& text = kMarker) { return "%PDF-1.4\n" + text + "\n%%EOF\n"; }

class AttachmentsTest : public HardshipTest {
 protected:
  void SetUp() override {
    HardshipTest::SetUp();
    if (HasFatalFailure()) return;
    LoadStandard(region_a_, 2026, kDibao);
    LoadStandard(region_b_, 2026, kDibao);
    file_a_ = Open(cadre_a_, ByHand(union_a_, 601, 1, 0)).file.row.id;
    file_b_ = Open(staff_b_, ByHand(union_b_, 701, 1, 0)).file.row.id;
  }

  app::Attachments Service(attachments::AttachmentLimits limits = {}) {
    return app::Attachments(*db_, clock_, app_->audit(), app_->vault(), limits);
  }

  app::AttachmentOwner FileOf(std::int64_t id) { return {app::kHardshipFileOwner, id, ""}; }

  std::int64_t OpenCase(const app::Actor& actor, const OrgRef& org) {
    app::NewLegalCase c;
    c.org_id = org.id;
    c.type = "wage_arrears";
    c.title = "拖欠三个月工资";
    c.employer_uscc = "91110000100000000R";
    c.employer_name = "某建筑劳务有限公司";
    c.claimed_fen = 2'400'000;
    c.opened_on = "2026-11-01";
    auto opened = app_->legal_cases().Open(actor, c);
    EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
    return opened ? opened->row.id : 0;
  }

  std::optional<store::AttachmentRow> Stored(std::int64_t id) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto row = store::FindAttachment(**lease, id);
    EXPECT_TRUE(row.has_value());
    return row ? *row : std::nullopt;
  }

  int AuditCount(const std::string& action, const std::string& needle) {
    app::AuditFilter filter;
    filter.action = action;
    auto entries = app_->audit().Search(staff_root_, filter);
    EXPECT_TRUE(entries.has_value());
    int n = 0;
    for (const auto& e : entries->entries) {
      EXPECT_THAT(e.detail, Not(HasSubstr("MARKER"))) << e.action;
      EXPECT_THAT(e.detail, Not(HasSubstr("诊断书"))) << e.action;
      n += e.detail.find(needle) != std::string::npos ? 1 : 0;
    }
    return n;
  }

  std::int64_t file_a_ = 0, file_b_ = 0;
};

TEST_P(AttachmentsTest, UploadedListedDownloadedWithAReasonAndRemoved) {
  auto service = Service();
  const std::string pdf = Pdf();
  auto added = service.Add(cadre_a_, FileOf(file_a_), "C:\\scans\\诊断书.pdf", pdf);
  ASSERT_OK(added);
  EXPECT_EQ(added->file_name, "诊断书.pdf");
  EXPECT_EQ(added->media_type, "application/pdf");
  EXPECT_EQ(added->bytes, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(added->sha256.size(), 64u);
  const std::int64_t id = added->id;

  auto list = service.List(staff_a_, FileOf(file_a_));
  ASSERT_OK(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, id);
  EXPECT_EQ((*list)[0].file_name, "诊断书.pdf");
  EXPECT_EQ((*list)[0].uploaded_by, cadre_a_.user_id);
  EXPECT_EQ((*list)[0].uploaded_at, clock_.NowMs());

  // Sealed at rest: neither the bytes nor the name are in the row in clear.
  auto row = Stored(id);
  ASSERT_TRUE(row.has_value());
  const std::string content(row->content_cipher.begin(), row->content_cipher.end());
  const std::string name(row->name_cipher.begin(), row->name_cipher.end());
  EXPECT_NE(content, pdf);
  EXPECT_THAT(content, Not(HasSubstr("MARKER")));
  EXPECT_THAT(content, Not(HasSubstr("%PDF")));
  EXPECT_THAT(name, Not(HasSubstr("诊断书")));
  EXPECT_EQ(row->key_version, app_->vault().current_version());
  EXPECT_FALSE(row->org_path.empty());

  ExpectFieldError(service.Open(cadre_a_, id, ""), "reason", "error.personal_data.reason");
  auto opened = service.Open(staff_a_, id, "核对诊断证明");
  ASSERT_OK(opened);
  EXPECT_EQ(opened->bytes, pdf);
  EXPECT_EQ(opened->file_name, "诊断书.pdf");
  EXPECT_EQ(opened->media_type, "application/pdf");
  EXPECT_EQ(AuditCount("personal_data.reveal", "核对诊断证明"), 1);
  EXPECT_EQ(AuditCount("attachment.add", std::to_string(id)), 1);

  ASSERT_OK(service.Remove(cadre_a_, id));
  auto after = service.List(cadre_a_, FileOf(file_a_));
  ASSERT_OK(after);
  EXPECT_TRUE(after->empty());
  ExpectError(service.Open(cadre_a_, id, "核对诊断证明"), ErrorCode::kNotFound, "error.not_found");
  ExpectError(service.Remove(cadre_a_, id), ErrorCode::kNotFound, "error.not_found");
  EXPECT_EQ(AuditCount("attachment.remove", std::to_string(id)), 1);
  auto removed = Stored(id);
  ASSERT_TRUE(removed.has_value());
  EXPECT_EQ(removed->removed_by, cadre_a_.user_id);
}

TEST_P(AttachmentsTest, TheTypeIsTheFilesOwnAndTheSizesAreKept) {
  auto service = Service();
  // A Windows program called .pdf, sent as if it were one: its bytes say otherwise.
  const std::string exe =
      std::string("MZ\x90\x00\x03\x00\x00\x00", 8) + "This program cannot be run";
  ExpectFieldError(service.Add(cadre_a_, FileOf(file_a_), "诊断书.pdf", exe), "file",
                   "error.attachment.type");
  ExpectFieldError(service.Add(cadre_a_, FileOf(file_a_), "空.pdf", ""), "file",
                   "error.attachment.empty");
  const std::string large = Pdf(std::string(10 * 1024 * 1024, 'x'));
  ExpectFieldError(service.Add(cadre_a_, FileOf(file_a_), "大.pdf", large), "file",
                   "error.attachment.too_large");
  ExpectFieldError(service.Add(cadre_a_, FileOf(file_a_), std::string(256, 'a'), Pdf()),
                   "file_name", "error.field.too_long");
  ExpectFieldError(service.Add(cadre_a_, FileOf(file_a_), "a\nb.pdf", Pdf()), "file_name",
                   "error.attachment.name");
  // JPEG, PNG and WebP are taken, by their bytes.
  for (const auto& [bytes, type] :
       {std::pair{std::string("\xFF\xD8\xFF\xE0 jpeg", 8), "image/jpeg"},
        std::pair{std::string("\x89PNG\r\n\x1A\n png"), "image/png"},
        std::pair{std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16), "image/webp"}}) {
    auto added = service.Add(cadre_a_, FileOf(file_a_), "photo.pdf", bytes);
    ASSERT_OK(added);
    EXPECT_EQ(added->media_type, type);
  }
  auto listed = service.List(cadre_a_, FileOf(file_a_));
  ASSERT_OK(listed);
  EXPECT_EQ(listed->size(), 3u);  // nothing of the refused files was kept

  // Twenty files per owner: the 21st is refused, and room comes back when one is removed.
  for (int i = 3; i < 20; ++i) ASSERT_OK(service.Add(cadre_a_, FileOf(file_a_), "p.pdf", Pdf()));
  ExpectFieldError(service.Add(cadre_a_, FileOf(file_a_), "p.pdf", Pdf()), "file",
                   "error.attachment.owner_full");
  ASSERT_OK(service.Remove(cadre_a_, listed->front().id));
  ASSERT_OK(service.Add(cadre_a_, FileOf(file_a_), "p.pdf", Pdf()));
  // And the owner's bytes together (a smaller limit: the limits are data).
  attachments::AttachmentLimits small;
  small.owner_bytes = 2 * static_cast<std::int64_t>(Pdf().size());
  auto limited = Service(small);
  const std::int64_t other = Open(cadre_a_, ByHand(union_a_, 611, 1, 0)).file.row.id;
  ASSERT_OK(limited.Add(cadre_a_, FileOf(other), "p.pdf", Pdf()));
  ASSERT_OK(limited.Add(cadre_a_, FileOf(other), "p.pdf", Pdf()));
  ExpectFieldError(limited.Add(cadre_a_, FileOf(other), "p.pdf", Pdf()), "file",
                   "error.attachment.owner_full");
}

TEST_P(AttachmentsTest, AnotherDistrictsFilesAreNotFoundAndAnOperatorIsRefused) {
  auto service = Service();
  auto added = service.Add(cadre_a_, FileOf(file_a_), "诊断书.pdf", Pdf());
  ASSERT_OK(added);
  const std::int64_t id = added->id;
  // District B's staff: the owner and the file do not exist for them, whatever they send.
  ExpectError(service.Add(staff_b_, FileOf(file_a_), "诊断书.pdf", Pdf()), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(service.Add(staff_b_, FileOf(file_a_), "x.exe", "MZ"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(service.List(staff_b_, FileOf(file_a_)), ErrorCode::kNotFound, "error.not_found");
  ExpectError(service.Open(staff_b_, id, "核对诊断证明"), ErrorCode::kNotFound, "error.not_found");
  ExpectError(service.Remove(staff_b_, id), ErrorCode::kNotFound, "error.not_found");
  // Its own district's file is theirs.
  ASSERT_OK(service.Add(staff_b_, FileOf(file_b_), "低保证.png", "\x89PNG\r\n\x1A\n b"));
  ExpectError(service.List(cadre_a_, FileOf(file_b_)), ErrorCode::kNotFound, "error.not_found");
  // An operator of district A does not work with hardship files at all.
  ExpectError(service.Add(operator_a_, FileOf(file_a_), "诊断书.pdf", Pdf()),
              ErrorCode::kPermissionDenied, "error.hardship.forbidden");
  ExpectError(service.Open(operator_a_, id, "核对诊断证明"), ErrorCode::kPermissionDenied,
              "error.hardship.forbidden");
  // Nothing was revealed or removed by the refused calls.
  EXPECT_EQ(AuditCount("personal_data.reveal", std::to_string(id)), 0);
  auto still = service.List(cadre_a_, FileOf(file_a_));
  ASSERT_OK(still);
  EXPECT_EQ(still->size(), 1u);
  // A closed file takes no more evidence; what it holds stays readable.
  ASSERT_OK(app_->hardship().Close(cadre_a_, file_a_, "lifted", ""));
  ExpectError(service.Add(cadre_a_, FileOf(file_a_), "p.pdf", Pdf()), ErrorCode::kConflict,
              "error.hardship.closed");
  ASSERT_OK(service.Open(cadre_a_, id, "结档后核对"));
}

TEST_P(AttachmentsTest, ALegalCaseKeepsDocumentsPerStageItHasReached) {
  auto service = Service();
  const std::int64_t case_a = OpenCase(cadre_a_, union_a_);
  const std::int64_t case_b = OpenCase(staff_b_, union_b_);
  const app::AttachmentOwner consultation{app::kLegalStageOwner, case_a, "consultation"};
  const app::AttachmentOwner mediation{app::kLegalStageOwner, case_a, "mediation"};
  ASSERT_OK(service.Add(cadre_a_, consultation, "劳动合同.pdf", Pdf()));
  ExpectError(service.Add(cadre_a_, mediation, "调解协议.pdf", Pdf()), ErrorCode::kConflict,
              "error.attachment.stage");
  ASSERT_OK(app_->legal_cases().Advance(cadre_a_, case_a, "mediation", "2026-11-10", "受理"));
  auto agreement = service.Add(cadre_a_, mediation, "调解协议.pdf", Pdf("调解协议"));
  ASSERT_OK(agreement);
  auto first = service.List(staff_a_, consultation);
  auto second = service.List(staff_a_, mediation);
  ASSERT_OK(first);
  ASSERT_OK(second);
  ASSERT_EQ(first->size(), 1u);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*first)[0].file_name, "劳动合同.pdf");
  EXPECT_EQ((*second)[0].stage, "mediation");
  // A stage that is none, or "closed", names nothing.
  for (const std::string stage : {"closed", "bogus", ""}) {
    ExpectError(service.List(cadre_a_, {app::kLegalStageOwner, case_a, stage}),
                ErrorCode::kNotFound, "error.not_found");
  }
  // Another district's case and its documents are not found.
  ExpectError(
      service.Add(cadre_a_, {app::kLegalStageOwner, case_b, "consultation"}, "a.pdf", Pdf()),
      ErrorCode::kNotFound, "error.not_found");
  ExpectError(service.List(staff_b_, mediation), ErrorCode::kNotFound, "error.not_found");
  ExpectError(service.Open(staff_b_, agreement->id, "核对"), ErrorCode::kNotFound,
              "error.not_found");
  ExpectError(service.Remove(staff_b_, agreement->id), ErrorCode::kNotFound, "error.not_found");
  auto opened = service.Open(cadre_a_, agreement->id, "准备仲裁材料");
  ASSERT_OK(opened);
  EXPECT_EQ(opened->bytes, Pdf("调解协议"));
  // A closed case is final: no more documents, the old ones still read.
  ASSERT_OK(app_->legal_cases().Close(cadre_a_, case_a, "调解结案", 2'400'000, "2026-11-20"));
  ExpectError(service.Add(cadre_a_, mediation, "a.pdf", Pdf()), ErrorCode::kConflict,
              "error.legal.closed");
  ASSERT_OK(service.Open(cadre_a_, agreement->id, "归档核对"));
}

TEST_P(AttachmentsTest, UploadsAreThrottledPerUser) {
  attachments::AttachmentLimits roomy;
  roomy.owner_files = 1000;
  auto service = Service(roomy);
  for (std::int64_t i = 0; i < app::kUploadsPerHour; ++i) {
    ASSERT_OK(service.Add(cadre_a_, FileOf(file_a_), "p.pdf", Pdf("p")));
  }
  ExpectError(service.Add(cadre_a_, FileOf(file_a_), "p.pdf", Pdf("p")),
              ErrorCode::kResourceExhausted, "error.attachment.throttled");
  ASSERT_OK(service.Add(staff_a_, FileOf(file_a_), "p.pdf", Pdf("p")));  // another user
  clock_.Advance(3'600'001);
  ASSERT_OK(service.Add(cadre_a_, FileOf(file_a_), "p.pdf", Pdf("p")));
}

ZJ_INSTANTIATE_ON_BOTH_STORES(AttachmentsTest);

}  // namespace
}  // namespace zj::test
