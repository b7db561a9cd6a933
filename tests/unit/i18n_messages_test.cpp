#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core/i18n/messages.h"

namespace zj::i18n {
namespace {

TEST(Catalogue, KeysAreStrictlyAscendingInEachPartSoTheLookupCanBinarySearch) {
  const auto parts = CatalogueParts();
  ASSERT_GE(parts.size(), 2u);
  for (const auto& keys : parts) {
    ASSERT_FALSE(keys.empty());
    for (std::size_t i = 1; i < keys.size(); ++i) {
      EXPECT_LT(keys[i - 1], keys[i]) << "out of order or duplicated at " << keys[i];
    }
  }
}

TEST(Catalogue, NoKeyIsInTwoParts) {
  std::vector<std::string_view> keys = CatalogueKeys();
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end());
}

TEST(Catalogue, EveryKeyHasTextInChineseAndEnglish) {
  for (const std::string_view key : CatalogueKeys()) {
    EXPECT_TRUE(HasMessage(Locale::kZhCN, key)) << key;
    EXPECT_TRUE(HasMessage(Locale::kEn, key)) << key;
  }
}

TEST(Catalogue, HasNoMessageForAnUnknownKey) {
  EXPECT_FALSE(HasMessage(Locale::kZhCN, "error.no_such_key"));
  EXPECT_FALSE(HasMessage(Locale::kEn, "error.no_such_key"));
}

TEST(Translate, FillsNamedPlaceholdersFromArgs) {
  const std::string text = Translate(Locale::kEn, "error.body_too_large", {{"limit", "1024"}});

  EXPECT_EQ(text, "The request body is too large (limit 1024 bytes)");
}

TEST(Translate, FillsPlaceholdersInChinese) {
  const std::string text = Translate(Locale::kZhCN, "error.body_too_large", {{"limit", "1024"}});

  EXPECT_EQ(text, "请求内容过大（上限 1024 字节）");
}

TEST(Translate, FillsSeveralPlaceholdersRegardlessOfArgOrder) {
  const std::string text =
      Translate(Locale::kEn, "error.db.newer", {{"latest", "3"}, {"found", "7"}});

  EXPECT_EQ(text,
            "The database schema version (7) is newer than this program supports (3); upgrade "
            "zhijia");
}

TEST(Translate, LeavesPlaceholdersWithoutAnArgAsTheyAre) {
  const std::string text = Translate(Locale::kEn, "error.db.newer", {{"found", "7"}});

  EXPECT_EQ(text,
            "The database schema version (7) is newer than this program supports ({latest}); "
            "upgrade zhijia");
}

TEST(Translate, IgnoresArgsThatNoPlaceholderNames) {
  const std::string text = Translate(Locale::kEn, "error.not_found", {{"id", "42"}});

  EXPECT_EQ(text, "No such record");
}

TEST(Translate, ReturnsTheKeyItselfForAnUnknownKey) {
  EXPECT_EQ(Translate(Locale::kEn, "error.no_such_key"), "error.no_such_key");
  EXPECT_EQ(Translate(Locale::kZhCN, "error.no_such_key", {{"x", "1"}}), "error.no_such_key");
}

TEST(LocaleTag, NamesBothLocales) {
  EXPECT_EQ(LocaleTag(Locale::kZhCN), "zh-CN");
  EXPECT_EQ(LocaleTag(Locale::kEn), "en");
}

TEST(NegotiateLocale, DefaultsToChineseWhenTheHeaderIsEmpty) {
  EXPECT_EQ(NegotiateLocale(""), Locale::kZhCN);
}

TEST(NegotiateLocale, PicksEnglishForAnAmericanBrowser) {
  EXPECT_EQ(NegotiateLocale("en-US,en;q=0.9"), Locale::kEn);
}

TEST(NegotiateLocale, PicksChineseForZhCN) { EXPECT_EQ(NegotiateLocale("zh-CN"), Locale::kZhCN); }

TEST(NegotiateLocale, SkipsUnsupportedLanguagesAndFindsEnglishLaterInTheList) {
  EXPECT_EQ(NegotiateLocale("fr-FR, en;q=0.5"), Locale::kEn);
}

TEST(NegotiateLocale, HonoursQValuesOverListOrder) {
  EXPECT_EQ(NegotiateLocale("en;q=0.2, zh;q=0.8"), Locale::kZhCN);
}

TEST(NegotiateLocale, KeepsTheFirstOfEquallyPreferredLanguages) {
  EXPECT_EQ(NegotiateLocale("en, zh"), Locale::kEn);
}

TEST(NegotiateLocale, MatchesTagsCaseInsensitively) {
  EXPECT_EQ(NegotiateLocale("EN-GB"), Locale::kEn);
}

TEST(NegotiateLocale, FallsBackToChineseWhenNothingMatches) {
  EXPECT_EQ(NegotiateLocale("de"), Locale::kZhCN);
}

TEST(NegotiateLocale, TreatsQZeroAsNotAcceptable) {
  EXPECT_EQ(NegotiateLocale("en;q=0"), Locale::kZhCN);
}

TEST(NegotiateLocale, TreatsGarbageQValuesAsNotAcceptableWithoutThrowing) {
  EXPECT_EQ(NegotiateLocale("en;q=abc"), Locale::kZhCN);
  EXPECT_EQ(NegotiateLocale("en;q="), Locale::kZhCN);
  EXPECT_EQ(NegotiateLocale("en;q=1e99999"), Locale::kZhCN);
  EXPECT_EQ(NegotiateLocale("en;q=nan"), Locale::kZhCN);
  EXPECT_EQ(NegotiateLocale("en;q=abc, zh;q=0.1"), Locale::kZhCN);
}

TEST(NegotiateLocale, SurvivesMalformedHeaders) {
  EXPECT_EQ(NegotiateLocale(",,;;q=,"), Locale::kZhCN);
  EXPECT_EQ(NegotiateLocale(";"), Locale::kZhCN);
  EXPECT_EQ(NegotiateLocale("en,"), Locale::kEn);
}

}  // namespace
}  // namespace zj::i18n

namespace zj::i18n {
namespace {

TEST(NegotiateLocale, IgnoresQValuesAboveOne) {
  EXPECT_EQ(NegotiateLocale("zh, en;q=5"), Locale::kZhCN);
  EXPECT_EQ(NegotiateLocale("zh, en;q=inf"), Locale::kZhCN);
}

}  // namespace
}  // namespace zj::i18n
