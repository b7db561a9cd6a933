#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/json_writer.h"

namespace zj::http {
namespace {

nlohmann::json Parsed(const JsonWriter& w) { return nlohmann::json::parse(w.Take()); }

TEST(JsonWriter, WritesNestedObjectsAndArraysInOrder) {
  JsonWriter w;
  w.Object().Key("a").Int(-3).Key("b").Array().Bool(true).Null().Str("x").Real(1.25).EndArray();
  w.Key("c").Object().Key("d").Int(9007199254740993).EndObject().EndObject();
  EXPECT_EQ(w.Take(), R"({"a":-3,"b":[true,null,"x",1.25],"c":{"d":9007199254740993}})");
}

TEST(JsonWriter, EscapesWhatJsonRequiresAndKeepsChineseAsUtf8) {
  JsonWriter w;
  w.Str("张晓林 \"引号\" \\ 换行\n\t\x01");
  EXPECT_EQ(w.Take(), "\"张晓林 \\\"引号\\\" \\\\ 换行\\n\\t\\u0001\"");
  EXPECT_EQ(Parsed(w).get<std::string>(), "张晓林 \"引号\" \\ 换行\n\t\x01");
}

// The writer tests eight bytes at a time and the last few in a padded word: every byte JSON
// must escape, and every kind of non-ASCII byte, is found at each position of texts from 1 to 20
// bytes long, and the result reads back as what nlohmann writes for the text. (Keys are
// literals, checked when compiled: JsonKey.)
TEST(JsonWriter, FindsWhatNeedsEscapingAtEveryPositionOfAText) {
  const std::vector<std::string> specials = {"\"",   "\\",   "\n", std::string(1, '\0'),
                                             "\x1f", "\x7f", "张", "\xff"};
  for (std::size_t length = 1; length <= 20; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const auto& special : specials) {
        std::string text(length, 'x');
        text.replace(at, 1, special);
        JsonWriter w;
        w.Array().Str(text).Str("x" + text).EndArray();
        const auto quoted = [](const std::string& t) {
          return nlohmann::json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        };
        EXPECT_EQ(Parsed(w),
                  nlohmann::json::parse("[" + quoted(text) + "," + quoted("x" + text) + "]"))
            << "length " << length << ", at " << at << ", byte " << int(special[0]);
      }
    }
  }
}

TEST(JsonWriter, ReplacesBytesThatAreNotUtf8SoTheAnswerStaysValid) {
  JsonWriter w;
  w.Array()
      .Str(
          "ab\xff"
          "cd")
      .Str("\xe5\xbc")
      .Str("ok")
      .EndArray();  // a stray byte, a cut 张
  const auto j = Parsed(w);
  EXPECT_EQ(j[0],
            "ab\xEF\xBF\xBD"
            "cd");
  EXPECT_EQ(j[1].get<std::string>().find("\xEF\xBF\xBD"), 0U);
  EXPECT_EQ(j[2], "ok");
}

TEST(JsonWriter, WritesIdsAsDecimalStringsAndAbsentValuesAsNull) {
  JsonWriter w;
  w.Object().Key("id").Id(913755553728955690).Key("none").OptId(std::nullopt);
  w.Key("n").OptInt(std::int64_t{5}).Key("m").OptInt(std::nullopt);
  w.Key("s").OptStr(std::string("v")).Key("t").OptStr(std::nullopt);
  w.Key("empty").StrOrNull("").Key("full").StrOrNull("x").EndObject();
  EXPECT_EQ(w.Take(), R"({"id":"913755553728955690","none":null,"n":5,"m":null,"s":"v",)"
                      R"("t":null,"empty":null,"full":"x"})");
}

TEST(JsonWriter, EmbedsAStoredObjectAsItIs) {
  JsonWriter w;
  w.Object().Key("detail").RawObject(R"({"fields":["phone"],"n":1})").EndObject();
  EXPECT_EQ(w.Take(), R"({"detail":{"fields":["phone"],"n":1}})");
}

TEST(JsonWriter, WritesAnEmptyObjectForStoredTextThatIsNotOneObject) {
  for (const char* bad :
       {"", "not json", "[1,2]", "\"s\"", "{\"a\":1} {}", "{\"a\":", "{\"\xff\":1}"}) {
    JsonWriter w;
    w.Array().RawObject(bad).EndArray();
    EXPECT_EQ(w.Take(), "[{}]") << bad;
  }
}

}  // namespace
}  // namespace zj::http
