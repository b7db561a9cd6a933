// Masked personal data: the fixed layouts for well-formed values, and never more than a
// quarter of the value at either end for anything else.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/personal_data/masking.h"
#include "core/personal_data/phone.h"

namespace zj::personal_data {
namespace {

TEST(Masking, NationalIdKeepsRegionPrefixAndLastFour) {
  EXPECT_EQ(MaskNationalId("110101199003071234"), "110101********1234");
  EXPECT_EQ(MaskNationalId("11010119900307123X"), "110101********123X");
}

TEST(Masking, PhoneKeepsNetworkPrefixAndLastFour) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
}

TEST(Masking, ShortOrOddInputRevealsAtMostAQuarterAtEachEnd) {
  EXPECT_EQ(MaskPhone(""), "");
  EXPECT_EQ(MaskPhone("1"), "*");
  EXPECT_EQ(MaskPhone("123"), "***");
  EXPECT_EQ(MaskPhone("1234"), "1**4");
  EXPECT_EQ(MaskPhone("12345678"), "12****78");
  EXPECT_EQ(MaskPhone("1381234567890"), "13*********90");
  EXPECT_EQ(MaskNationalId("110101900307123"), "11***********23");  // 15-digit legacy number
  EXPECT_EQ(MaskNationalId("12"), "**");
}

TEST(Masking, OddInputNeverShowsMoreThanHalf) {
  for (std::size_t n = 0; n < 40; ++n) {
    const std::string value(n, '7');
    for (const auto& masked : {MaskPhone(value), MaskNationalId(value)}) {
      ASSERT_EQ(masked.size(), n);
      const auto shown = static_cast<std::size_t>(std::count(masked.begin(), masked.end(), '7'));
      if (n != 11 && n != 18) {
        EXPECT_LE(shown * 2, n) << masked;
      }
    }
  }
}

TEST(Phone, TrimsSpacesAndConvertsFullWidthDigits) {
  auto phone = NormalisePhone("  １３８１２３４５６７８\xE3\x80\x80");
  ASSERT_TRUE(phone.has_value());
  EXPECT_EQ(*phone, "13812345678");
  EXPECT_EQ(NormalisePhone("13812345678").value_or(""), "13812345678");
}

TEST(Phone, RejectsWrongLengthWrongLeadingDigitAndOtherCharacters) {
  for (const char* bad : {"", "1381234567", "138123456789", "23812345678", "138-1234-5678",
                          "+8613812345678", "1381234567a"}) {
    auto phone = NormalisePhone(bad);
    ASSERT_FALSE(phone.has_value()) << bad;
    EXPECT_EQ(phone.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(phone.error().fields.size(), 1u);
    EXPECT_EQ(phone.error().fields[0].field, "phone");
    EXPECT_EQ(phone.error().fields[0].message_key, "error.phone.invalid");
  }
}

}  // namespace
}  // namespace zj::personal_data
