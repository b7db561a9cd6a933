#include <gtest/gtest.h>

#include "http/router.h"

namespace zj::http {
namespace {

TEST(CookieValue, FindsTheOnlyCookie) {
  EXPECT_EQ(CookieValue("zj_session=abc", "zj_session"), "abc");
}

TEST(CookieValue, FindsTheCookieAmongSeveral) {
  EXPECT_EQ(CookieValue("theme=dark; zj_session=abc; lang=en", "zj_session"), "abc");
  EXPECT_EQ(CookieValue("theme=dark; lang=en; zj_session=abc", "zj_session"), "abc");
}

TEST(CookieValue, HandlesMissingAndExtraSpacesBetweenCookies) {
  EXPECT_EQ(CookieValue("theme=dark;zj_session=abc", "zj_session"), "abc");
  EXPECT_EQ(CookieValue("  theme=dark;   zj_session=abc", "zj_session"), "abc");
}

TEST(CookieValue, ReturnsEmptyWhenTheCookieIsAbsent) {
  EXPECT_EQ(CookieValue("theme=dark; lang=en", "zj_session"), "");
  EXPECT_EQ(CookieValue("", "zj_session"), "");
}

TEST(CookieValue, DoesNotMatchACookieWhoseNameMerelyEndsWithTheName) {
  EXPECT_EQ(CookieValue("xzj_session=evil", "zj_session"), "");
  EXPECT_EQ(CookieValue("xzj_session=evil; zj_session=good", "zj_session"), "good");
}

TEST(CookieValue, DoesNotMatchACookieWhoseNameMerelyStartsWithTheName) {
  EXPECT_EQ(CookieValue("zj_session_old=stale", "zj_session"), "");
}

TEST(CookieValue, KeepsEqualsSignsInsideTheValue) {
  EXPECT_EQ(CookieValue("zj_session=YWJj==; theme=dark", "zj_session"), "YWJj==");
}

TEST(CookieValue, IgnoresAPairWithoutEqualsSign) {
  EXPECT_EQ(CookieValue("zj_session; theme=dark", "zj_session"), "");
}

TEST(CookieValue, ReadsTheSessionCookieName) {
  EXPECT_EQ(CookieValue("zj_session=tok", kSessionCookie), "tok");
}

}  // namespace
}  // namespace zj::http
