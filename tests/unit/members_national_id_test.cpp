// Citizen identity numbers: the examples of GB 11643-1999 itself, normalisation of what people
// and Excel make of them, and every reason a number is refused.
#include <gtest/gtest.h>

#include "core/members/national_id.h"

namespace zj::members {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year{2026}, month{11}, day{26}};

IdProblem ProblemOf(std::string_view input) {
  const IdParse parsed = ParseNationalId(input, kToday);
  EXPECT_FALSE(parsed.id.has_value()) << input;
  return parsed.problem.value_or(IdProblem::kEmpty);
}

TEST(NationalId, TheStandardsOwnExamplesAreValid) {
  // GB 11643-1999's examples: 北京市朝阳区, 1949-12-31, female, check X; 广东省汕头市, 1880.
  const IdParse a = ParseNationalId("11010519491231002X", kToday);
  ASSERT_TRUE(a.id.has_value());
  EXPECT_EQ(a.id->number, "11010519491231002X");
  EXPECT_EQ(a.id->birth_date, (Date{year{1949}, month{12}, day{31}}));
  EXPECT_EQ(a.id->gender, Gender::kFemale);
  const IdParse b = ParseNationalId("440524188001010014", kToday);
  ASSERT_TRUE(b.id.has_value());
  EXPECT_EQ(b.id->gender, Gender::kMale);
  EXPECT_EQ(IdCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(IdCheckCharacter("44052418800101001"), '4');
}

TEST(NationalId, SpacesFullWidthAndALowerCaseXAreNormalised) {
  for (const std::string_view input :
       {" 11010519491231002x ", "１１０１０５１９４９１２３１００２Ｘ",
        "\xE3\x80\x80"
        "11010519491231002X\t"}) {
    const IdParse parsed = ParseNationalId(input, kToday);
    ASSERT_TRUE(parsed.id.has_value()) << input;
    EXPECT_EQ(parsed.id->number, "11010519491231002X");
  }
}

TEST(NationalId, FifteenDigitNumbersBecomeEighteenWithTheirCheckCharacter) {
  const IdParse parsed = ParseNationalId("110101900307123", kToday);
  ASSERT_TRUE(parsed.id.has_value());
  EXPECT_EQ(parsed.id->number, "110101199003071233");
  EXPECT_TRUE(parsed.id->converted_from_15);
  EXPECT_EQ(parsed.id->birth_date, (Date{year{1990}, month{3}, day{7}}));
  EXPECT_EQ(parsed.id->gender, Gender::kMale);
}

TEST(NationalId, EachProblemIsNamed) {
  EXPECT_EQ(ProblemOf("  "), IdProblem::kEmpty);
  EXPECT_EQ(ProblemOf("1101051949123100"), IdProblem::kLength);
  EXPECT_EQ(ProblemOf("11010519491231002Y"), IdProblem::kCharacters);
  EXPECT_EQ(ProblemOf("1101051949123X002X"), IdProblem::kCharacters);
  EXPECT_EQ(ProblemOf("99010519491231002X"), IdProblem::kRegion);
  EXPECT_EQ(ProblemOf("110105194902300020"), IdProblem::kBirthDate);  // 1949-02-30
  EXPECT_EQ(ProblemOf("110105203001010028"), IdProblem::kFuture);
  EXPECT_EQ(ProblemOf("110105194912310021"), IdProblem::kCheck);
}

TEST(NationalId, NumbersMangledByExcelAreRecognisedAsSuch) {
  EXPECT_EQ(ProblemOf("1.10105E+17"), IdProblem::kExcelNumber);
  EXPECT_EQ(ProblemOf("1.10105194912310E+17"), IdProblem::kExcelNumber);
  EXPECT_EQ(ProblemOf("110,105,194,912,310,000"), IdProblem::kExcelNumber);
  EXPECT_EQ(ProblemOf("110105194912310000.0"), IdProblem::kExcelNumber);
  // Rounded to 15 significant digits: the tail is zeros and the check fails.
  EXPECT_EQ(ProblemOf("110105194912310000"), IdProblem::kExcelNumber);
}

TEST(NationalId, ProblemsHaveMessageKeys) {
  EXPECT_EQ(IdProblemKey(IdProblem::kCheck), "error.id_number.check");
  EXPECT_EQ(IdProblemKey(IdProblem::kExcelNumber), "error.id_number.excel");
  EXPECT_EQ(IdProblemKey(IdProblem::kEmpty), "error.field.required");
}

}  // namespace
}  // namespace zj::members
