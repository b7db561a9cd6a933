// Person names (core/text/person_name.h) and the input length limits (core/text/field_limits.h):
// what a Chinese or Latin name may hold, how it is normalised, and what is refused.
#include <gtest/gtest.h>

#include "core/text/field_limits.h"
#include "core/text/person_name.h"

namespace zj::text {
namespace {

std::string Name(std::string_view typed) {
  auto name = NormalisePersonName("name", typed);
  EXPECT_TRUE(name.has_value()) << typed << ": " << name.error().message_key;
  return name.value_or("");
}

std::string Refusal(std::string_view typed) {
  auto name = NormalisePersonName("name", typed);
  EXPECT_FALSE(name.has_value()) << typed << " was accepted as " << name.value_or("");
  if (name) return "";
  EXPECT_EQ(name.error().field, "name");
  return name.error().message_key;
}

TEST(PersonName, ChineseNamesAreKeptAsTyped) {
  EXPECT_EQ(Name("张晓林"), "张晓林");
  EXPECT_EQ(Name("欧阳娜娜"), "欧阳娜娜");
  EXPECT_EQ(Name("李〇"), "李〇");  // 〇, a letter number of the Han script
  EXPECT_EQ(Name(" 王五\xE3\x80\x80"), "王五");
}

TEST(PersonName, MinorityAndForeignNamesKeepTheirMiddleDotWhicheverVariantWasTyped) {
  EXPECT_EQ(Name("阿依古丽·买买提"), "阿依古丽·买买提");
  for (const char* dot : {"\xE2\x80\xA2", "\xE3\x83\xBB", "\xE2\x80\xA7", "\xEF\xBD\xA5"}) {
    EXPECT_EQ(Name(std::string("阿依古丽") + dot + "买买提"), "阿依古丽·买买提") << dot;
  }
  EXPECT_EQ(Name("阿依古丽.买买提"), "阿依古丽·买买提");    // a period typed for the dot
  EXPECT_EQ(Name("阿依古丽 · 买买提"), "阿依古丽·买买提");  // spaces around it dropped
  EXPECT_EQ(Name("爱新觉罗·溥仪"), "爱新觉罗·溥仪");
}

TEST(PersonName, PaddingBetweenChineseCharactersIsDropped) {
  EXPECT_EQ(Name("王\xE3\x80\x80五"), "王五");  // 王　五, aligned in a roster
  EXPECT_EQ(Name("王  五"), "王五");
}

TEST(PersonName, LatinNamesOfForeignersKeepLettersAccentsAndTheirPunctuation) {
  EXPECT_EQ(Name("John Smith"), "John Smith");
  EXPECT_EQ(Name("Jean-Luc  O'Neill"), "Jean-Luc O'Neill");
  EXPECT_EQ(Name("Martin Luther King Jr."), "Martin Luther King Jr.");
  EXPECT_EQ(Name("J. R. R. Tolkien"), "J. R. R. Tolkien");
  EXPECT_EQ(Name("Zoë Ångström"), "Zoë Ångström");
  EXPECT_EQ(Name("Zoe\xCC\x88"), "Zo\xC3\xAB");  // e + combining diaeresis → ë (NFC)
  EXPECT_EQ(Name("O\xE2\x80\x99"
                 "Brien"),
            "O'Brien");                 // ’ typed by a word processor
  EXPECT_EQ(Name("ＪＯＨＮ"), "JOHN");  // full-width letters
}

TEST(PersonName, FormulasMarkupDigitsAndSymbolsAreRefused) {
  for (const char* typed :
       {"=HYPERLINK(\"http://x\",\"点\")", "+张三", "-张三", "@张三", "张三=1", "<b>张三</b>",
        "张\"三", "张三1", "张三!", "张三#", "张三;", "张三/李四", "张三,李四", "☺", "张三😀",
        "⺮三" /* a radical, a symbol of the Han script */, "Иван" /* Cyrillic */}) {
    EXPECT_EQ(Refusal(typed), "error.person_name.invalid") << typed;
  }
}

TEST(PersonName, ControlCharactersAndBrokenTextAreRefused) {
  EXPECT_EQ(Refusal("张\t三"), "error.person_name.invalid");
  EXPECT_EQ(Refusal("张\n三"), "error.person_name.invalid");
  EXPECT_EQ(Refusal(std::string("张\0三", 5)), "error.person_name.invalid");
  EXPECT_EQ(Refusal("张\x7f"), "error.person_name.invalid");
  EXPECT_EQ(Refusal("\xE5\xBC"), "error.person_name.invalid");  // truncated UTF-8
  EXPECT_EQ(Refusal("\xE2\x80\xAE"
                    "张三"),
            "error.person_name.invalid");  // right-to-left override
}

TEST(PersonName, SeparatorsMustSitBetweenLetters) {
  for (const char* typed : {"·阿依古丽", "阿依古丽·", "阿依古丽··买买提", "-John", "John-",
                            "John--Smith", "O''Brien", "'John", ".John", "\xCC\x88John"}) {
    EXPECT_EQ(Refusal(typed), "error.person_name.invalid") << typed;
  }
}

TEST(PersonName, BlankIsRequiredAndMoreThanSixtyCharactersIsTooLong) {
  EXPECT_EQ(Refusal(""), "error.field.required");
  EXPECT_EQ(Refusal(" \xE3\x80\x80 "), "error.field.required");
  std::string sixty;
  for (int i = 0; i < 60; ++i) sixty += "张";
  EXPECT_EQ(Name(sixty), sixty);
  EXPECT_EQ(Refusal(sixty + "张"), "error.field.too_long");
  auto e = NormalisePersonName("contact_name", std::string(1 << 20, 'a'));
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().field, "contact_name");
  EXPECT_EQ(e.error().message_key, "error.field.too_long");
  EXPECT_EQ(e.error().args, (std::vector<std::pair<std::string, std::string>>{{"max", "60"}}));
}

TEST(FieldLimits, LengthsAreCountedInCharactersNotBytes) {
  EXPECT_FALSE(CheckLength("title", std::string(100, 'a'), TextKind::kTitle));
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "诉";
  EXPECT_FALSE(CheckLength("title", hundred, TextKind::kTitle));
  auto e = CheckLength("title", hundred + "求", TextKind::kTitle);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "title");
  EXPECT_EQ(e->message_key, "error.field.too_long");
  EXPECT_EQ(e->args, (std::vector<std::pair<std::string, std::string>>{{"max", "100"}}));
}

TEST(FieldLimits, HugeOrBrokenValuesAreTooLongWithoutReadingThemThrough) {
  EXPECT_TRUE(TooLong(std::string(1 << 20, 'u'), TextKind::kUsername));
  // Continuation bytes alone count as no characters; their size still bounds them.
  EXPECT_TRUE(TooLong(std::string(4 * 32 + 1, '\x80'), TextKind::kUsername));
  EXPECT_EQ(MaxLength(TextKind::kPassword), 128u);
  EXPECT_EQ(MaxLength(TextKind::kPersonName), 60u);
}

}  // namespace
}  // namespace zj::text
