// Evidence files: the type proven by the first bytes only (an .exe or a text file called .pdf is
// refused, whatever the client says), empty and oversized files refused with their field
// errors, the owner's room counted in files and bytes, names cut to their last path part and
// refused with control characters, and a download's Content-Disposition that carries any name
// safely.
#include <gtest/gtest.h>

#include <string>

#include "core/attachments/attachment_check.h"

namespace zj::attachments {
namespace {

using namespace std::string_literals;

void ExpectFileError(const Result<std::string>& r, const std::string& key) {
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "file");
  EXPECT_EQ(r.error().fields[0].message_key, key);
}

TEST(AttachmentCheck, TellsTheTypeByTheFirstBytes) {
  EXPECT_EQ(MediaTypeOf("%PDF-1.7\n%\xE2\xE3"), "application/pdf");
  EXPECT_EQ(MediaTypeOf("\xFF\xD8\xFF\xE0\x00\x10JFIF"s), "image/jpeg");
  EXPECT_EQ(MediaTypeOf("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR"s), "image/png");
  EXPECT_EQ(MediaTypeOf("RIFF\x24\x00\x00\x00WEBPVP8 "s), "image/webp");
  EXPECT_EQ(MediaTypeOf("\x00\x00\x00\x18"
                        "ftypheic\x00\x00\x00\x00"s),
            "image/heic");
  EXPECT_EQ(MediaTypeOf("\x00\x00\x00\x18"
                        "ftypmif1\x00\x00\x00\x00"s),
            "image/heif");
}

TEST(AttachmentCheck, RefusesWhatIsNotOneOfTheTypes) {
  EXPECT_EQ(MediaTypeOf("MZ\x90\x00\x03\x00\x00\x00"s), std::nullopt);  // a Windows .exe
  EXPECT_EQ(MediaTypeOf("\x7F"
                        "ELF\x02\x01\x01"s),
            std::nullopt);
  EXPECT_EQ(MediaTypeOf("PK\x03\x04"s), std::nullopt);  // a zip, a .docx
  EXPECT_EQ(MediaTypeOf("<html><body>%PDF-</body></html>"), std::nullopt);
  EXPECT_EQ(MediaTypeOf(" %PDF-1.4"), std::nullopt);  // not at the start
  EXPECT_EQ(MediaTypeOf("%PDF"), std::nullopt);       // cut short
  EXPECT_EQ(MediaTypeOf("\x89PNG\r\n"), std::nullopt);
  EXPECT_EQ(MediaTypeOf("RIFF\x24\x00\x00\x00WAVEfmt "s), std::nullopt);  // audio
  EXPECT_EQ(MediaTypeOf("\x00\x00\x00\x18"
                        "ftypisom\x00\x00\x00\x00"s),
            std::nullopt);  // MP4
  EXPECT_EQ(MediaTypeOf(""), std::nullopt);
}

TEST(AttachmentCheck, RefusesEmptyOversizedAndUnknownFiles) {
  const AttachmentLimits limits;
  EXPECT_EQ(limits.file_bytes, 10 * 1024 * 1024);
  ExpectFileError(CheckFile("", 0, limits), "error.attachment.empty");
  ExpectFileError(CheckFile("MZ\x90\x00"s, 4, limits), "error.attachment.type");
  auto large = CheckFile("%PDF-1.4", limits.file_bytes + 1, limits);
  ExpectFileError(large, "error.attachment.too_large");
  ASSERT_FALSE(large.has_value());
  ASSERT_EQ(large.error().fields[0].args.size(), 1u);
  EXPECT_EQ(large.error().fields[0].args[0].second, "10");
  auto at_limit = CheckFile("%PDF-1.4", limits.file_bytes, limits);
  ASSERT_TRUE(at_limit.has_value());
  EXPECT_EQ(*at_limit, "application/pdf");
  // The limit is data: a smaller one refuses what the default takes.
  AttachmentLimits small;
  small.file_bytes = 100;
  ExpectFileError(CheckFile("%PDF-1.4", 101, small), "error.attachment.too_large");
}

TEST(AttachmentCheck, CountsTheOwnersRoomInFilesAndBytes) {
  const AttachmentLimits limits;
  EXPECT_TRUE(CheckRoom(19, 0, 1, limits).has_value());
  EXPECT_TRUE(CheckRoom(0, limits.owner_bytes - 10, 10, limits).has_value());
  for (const auto& refused :
       {CheckRoom(20, 0, 1, limits), CheckRoom(1, limits.owner_bytes - 10, 11, limits)}) {
    ASSERT_FALSE(refused.has_value());
    ASSERT_EQ(refused.error().fields.size(), 1u);
    EXPECT_EQ(refused.error().fields[0].field, "file");
    EXPECT_EQ(refused.error().fields[0].message_key, "error.attachment.owner_full");
  }
}

TEST(AttachmentCheck, KeepsTheLastPartOfANameAndRefusesControlCharacters) {
  EXPECT_EQ(CleanFileName("C:\\scans\\诊断书.pdf").value_or(""), "诊断书.pdf");
  EXPECT_EQ(CleanFileName("../../etc/passwd").value_or(""), "passwd");
  EXPECT_EQ(CleanFileName("  低保证.jpg ").value_or(""), "低保证.jpg");
  const auto field_key = [](const Result<std::string>& r) {
    return r ? std::string("ok") : r.error().fields.at(0).message_key;
  };
  EXPECT_EQ(field_key(CleanFileName("")), "error.field.required");
  EXPECT_EQ(field_key(CleanFileName("scans/")), "error.field.required");
  EXPECT_EQ(field_key(CleanFileName("a\r\nSet-Cookie: x.pdf")), "error.attachment.name");
  EXPECT_EQ(field_key(CleanFileName("a\x00.pdf"s)), "error.attachment.name");
  EXPECT_EQ(field_key(CleanFileName("\xC3\x28.pdf")), "error.attachment.name");  // bad UTF-8
  EXPECT_EQ(field_key(CleanFileName(std::string(255, 'a'))), "ok");
  EXPECT_EQ(field_key(CleanFileName(std::string(256, 'a'))), "error.field.too_long");
}

TEST(AttachmentCheck, ADownloadsNameIsCarriedSafely) {
  EXPECT_EQ(ContentDisposition("receipt-1.pdf"),
            "attachment; filename=\"receipt-1.pdf\"; filename*=UTF-8''receipt-1.pdf");
  EXPECT_EQ(ContentDisposition("诊断.pdf"),
            "attachment; filename=\"file.pdf\"; filename*=UTF-8''%E8%AF%8A%E6%96%AD.pdf");
  EXPECT_EQ(ContentDisposition("a\"b\\c.png"),
            "attachment; filename=\"a_b_c.png\"; filename*=UTF-8''a%22b%5Cc.png");
}

}  // namespace
}  // namespace zj::attachments
