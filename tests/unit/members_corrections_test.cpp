// What a worker may correct of their own member record, and the value as the registry stores it:
// the rules of a staff edit, never the ID number.
#include <gtest/gtest.h>

#include "core/members/member_corrections.h"

namespace zj::members {
namespace {

std::string KeyOf(std::string_view field, std::string_view value) {
  auto r = NormaliseCorrection(field, value);
  return r ? "" : r.error().message_key;
}

TEST(MemberCorrections, TheIdNumberIsNeverCorrectableOnline) {
  EXPECT_FALSE(IsCorrectable("id_number"));
  EXPECT_EQ(KeyOf("id_number", "110101199003070011"), "error.corrections.id_number");
  EXPECT_EQ(KeyOf("birth_date", "1990-03-07"), "error.corrections.field");
}

TEST(MemberCorrections, ValuesAreNormalisedAsAStaffEditStoresThem) {
  EXPECT_EQ(NormaliseCorrection("name", " 张小林 ").value(), "张小林");
  EXPECT_EQ(NormaliseCorrection("gender", "女").value(), "female");
  EXPECT_EQ(NormaliseCorrection("phone", " 13700001111 ").value(), "13700001111");
  EXPECT_EQ(NormaliseCorrection("employer", " 丙科技有限公司 ").value(), "丙科技有限公司");
}

TEST(MemberCorrections, ValuesTheRulesRefuseAreFieldErrorsOnTheirField) {
  EXPECT_EQ(KeyOf("name", std::string(61, 'a')), "error.field.too_long");
  EXPECT_EQ(KeyOf("gender", "未知"), "error.gender.invalid");
  EXPECT_EQ(KeyOf("ethnicity", "火星族"), "error.ethnicity.invalid");
  EXPECT_EQ(KeyOf("phone", "12345"), "error.phone.invalid");
  EXPECT_EQ(KeyOf("name", "  "), "error.field.required");
  EXPECT_EQ(NormaliseCorrection("phone", "12345").error().field, "phone");
}

}  // namespace
}  // namespace zj::members
