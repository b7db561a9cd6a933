// Full-width forms and odd spaces as Chinese input methods and Excel produce them.
#include <gtest/gtest.h>

#include "core/text/halfwidth.h"

namespace zj::text {
namespace {

TEST(HalfWidth, FullWidthAsciiFormsBecomeAscii) {
  EXPECT_EQ(ToHalfWidth("１３８１２３４５６７８"), "13812345678");
  EXPECT_EQ(ToHalfWidth("ＡＢｃｘＸ！～"), "ABcxX!~");
  EXPECT_EQ(ToHalfWidth("张\xE3\x80\x80三"), "张 三");
}

TEST(HalfWidth, EverythingElseIsCopiedUnchanged) {
  EXPECT_EQ(ToHalfWidth("张晓林 ABC 123"), "张晓林 ABC 123");
  EXPECT_EQ(ToHalfWidth("，。"), ",。");           // U+FF0C has an ASCII twin; U+3002 has none
  EXPECT_EQ(ToHalfWidth("\xEF\xBC"), "\xEF\xBC");  // truncated UTF-8 stays as it was
  EXPECT_EQ(ToHalfWidth("\xEF\xBD\xA1"), "\xEF\xBD\xA1");  // U+FF61, half-width katakana range
}

TEST(HalfWidth, TrimRemovesAsciiNoBreakAndIdeographicSpaces) {
  EXPECT_EQ(TrimSpaces(" \t\xE3\x80\x80\xC2\xA0张三\r\n\xE3\x80\x80"), "张三");
  EXPECT_EQ(TrimSpaces("张 三"), "张 三");
  EXPECT_EQ(TrimSpaces(" \xE3\x80\x80 "), "");
}

}  // namespace
}  // namespace zj::text
