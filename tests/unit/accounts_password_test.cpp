#include <gtest/gtest.h>

#include "app/accounts/password.h"

namespace zj::app {
namespace {

TEST(HashPassword, ProducesAnArgon2idEncodedHash) {
  auto hash = HashPassword("correct horse battery staple", PasswordCost::Minimum());

  ASSERT_TRUE(hash) << hash.error().detail;
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
}

TEST(HashPassword, SaltsSoTwoHashesOfTheSamePasswordDiffer) {
  auto first = HashPassword("correct horse battery staple", PasswordCost::Minimum());
  auto second = HashPassword("correct horse battery staple", PasswordCost::Minimum());

  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", *first));
  EXPECT_TRUE(VerifyPassword("correct horse battery staple", *second));
}

TEST(VerifyPassword, AcceptsTheRightPassword) {
  auto hash = HashPassword("工会2024!", PasswordCost::Minimum());
  ASSERT_TRUE(hash);

  EXPECT_TRUE(VerifyPassword("工会2024!", *hash));
}

TEST(VerifyPassword, RejectsAWrongPassword) {
  auto hash = HashPassword("correct horse battery staple", PasswordCost::Minimum());
  ASSERT_TRUE(hash);

  EXPECT_FALSE(VerifyPassword("correct horse battery stapler", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
}

TEST(VerifyPassword, RejectsAStringThatIsNotAHash) {
  EXPECT_FALSE(VerifyPassword("secret", "secret"));
  EXPECT_FALSE(VerifyPassword("", ""));
}

}  // namespace
}  // namespace zj::app
