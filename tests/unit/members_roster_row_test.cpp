#include <gtest/gtest.h>

#include "core/members/roster_row.h"

namespace zj::members {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

const Date kToday{year(2026), month(11), day(26)};

//! A valid 18-character ID with the given first 17 digits.
std::string Id(const std::string& body17) { return body17 + IdCheckCharacter(body17); }

struct Roster {
  RosterHeader header;
  explicit Roster(std::vector<std::string> names) { header = ParseRosterHeader(names).header; }
  RosterRowCheck Check(std::vector<std::string> cells) const {
    return CheckRosterRow(header, cells, kToday);
  }
};

const Roster kAll({"姓名", "身份证号", "性别", "手机号码", "入会时间", "民族", "工作单位",
                   "统一社会信用代码", "是否农民工", "是否劳模"});

void ExpectProblem(const RosterRowCheck& check, RosterColumn column, const std::string& code) {
  ASSERT_FALSE(check.member.has_value());
  ASSERT_TRUE(check.problem.has_value());
  EXPECT_EQ(check.problem->column, column);
  EXPECT_EQ(check.problem->code, code);
}

TEST(CheckRosterRow, AcceptsAFullRowAndNormalisesEveryField) {
  const std::string id = Id("11010519900307123");
  auto check = kAll.Check({"　张三 ", " " + id + " ", "男", "１３８１２３４５６７８",
                           "2015年7月25日", "汉", "北京华信", "91440300708461136t", "是", "否"});
  ASSERT_TRUE(check.member.has_value()) << check.problem->code;
  const RosterMember& m = *check.member;
  EXPECT_EQ(m.name, "张三");
  EXPECT_EQ(m.id.number, id);
  EXPECT_EQ(m.phone, "13812345678");
  EXPECT_EQ(FormatDate(*m.join_date), "2015-07-25");
  EXPECT_EQ(m.ethnicity, "汉族");
  EXPECT_EQ(m.employer_name, "北京华信");
  EXPECT_EQ(m.employer_uscc, "91440300708461136T");
  EXPECT_TRUE(m.migrant_worker);
  EXPECT_FALSE(m.model_worker);
}

TEST(CheckRosterRow, NormalisesFullWidthLowerCaseXAndFifteenDigitIds) {
  const Roster r({"姓名", "身份证号"});
  auto x = r.Check({"李四", "１１０１０５１９４９１２３１００２ｘ"});
  ASSERT_TRUE(x.member.has_value());
  EXPECT_EQ(x.member->id.number, "11010519491231002X");
  auto old = r.Check({"王五", "110105491231002"});
  ASSERT_TRUE(old.member.has_value());
  EXPECT_EQ(old.member->id.number.size(), 18u);
  EXPECT_TRUE(old.member->id.converted_from_15);
}

TEST(CheckRosterRow, AcceptsEveryDateStyleAndExcelSerials) {
  const Roster r({"姓名", "身份证号", "入会日期"});
  for (const std::string d :
       {"2015-07-25", "2015/7/25", "2015.7.25", "2015年7月25日", "20150725", "42210"}) {
    auto check = r.Check({"张三", Id("11010519900307123"), d});
    ASSERT_TRUE(check.member.has_value()) << d;
    EXPECT_EQ(FormatDate(*check.member->join_date), "2015-07-25") << d;
  }
}

TEST(CheckRosterRow, RejectsAnEmptyRequiredField) {
  ExpectProblem(kAll.Check({" ", Id("11010519900307123")}), RosterColumn::kName,
                "error.field.required");
  ExpectProblem(kAll.Check({"张三", ""}), RosterColumn::kIdNumber, "error.field.required");
  ExpectProblem(kAll.Check({"张三"}), RosterColumn::kIdNumber, "error.field.required");
}

TEST(CheckRosterRow, RejectsIdWithWrongCheckCharacter) {
  std::string id = Id("11010519900307123");
  id.back() = id.back() == '0' ? '1' : '0';
  ExpectProblem(kAll.Check({"张三", id}), RosterColumn::kIdNumber, "error.id_number.check");
}

TEST(CheckRosterRow, RejectsIdWithImpossibleOrFutureBirthDate) {
  ExpectProblem(kAll.Check({"张三", Id("11010519900230123")}), RosterColumn::kIdNumber,
                "error.id_number.birth_date");
  ExpectProblem(kAll.Check({"张三", Id("11010520300101123")}), RosterColumn::kIdNumber,
                "error.id_number.future");
}

TEST(CheckRosterRow, RejectsIdMangledByExcelAskingForATextColumn) {
  ExpectProblem(kAll.Check({"张三", "1.10105E+17"}), RosterColumn::kIdNumber,
                "error.id_number.excel");
  ExpectProblem(kAll.Check({"张三", "110105199003071000"}), RosterColumn::kIdNumber,
                "error.id_number.excel");
}

TEST(CheckRosterRow, RejectsPhoneThatIsNotElevenDigitsStartingWithOne) {
  for (const std::string p : {"1381234567", "23812345678", "138123456789", "138-abc"}) {
    ExpectProblem(kAll.Check({"张三", Id("11010519900307123"), "", p}), RosterColumn::kPhone,
                  "error.phone.invalid");
  }
}

TEST(CheckRosterRow, RejectsAnImpossibleDate) {
  ExpectProblem(kAll.Check({"张三", Id("11010519900307123"), "", "", "2015-02-30"}),
                RosterColumn::kJoinDate, "error.members.join_date");
}

TEST(CheckRosterRow, RejectsAGenderContradictingTheId) {
  // The 17th digit 3 is odd: male.
  ExpectProblem(kAll.Check({"张三", Id("11010519900307123"), "女"}), RosterColumn::kGender,
                "error.members.gender_mismatch");
  ExpectProblem(kAll.Check({"张三", Id("11010519900307123"), "未知"}), RosterColumn::kGender,
                "error.gender.invalid");
}

TEST(CheckRosterRow, RejectsUnknownEthnicityUsccAndYesNo) {
  const std::string id = Id("11010519900307123");
  ExpectProblem(kAll.Check({"张三", id, "", "", "", "火星族"}), RosterColumn::kEthnicity,
                "error.ethnicity.invalid");
  ExpectProblem(kAll.Check({"张三", id, "", "", "", "", "", "91440300708461136A"}),
                RosterColumn::kEmployerUscc, "error.uscc.invalid");
  ExpectProblem(kAll.Check({"张三", id, "", "", "", "", "", "", "也许"}),
                RosterColumn::kMigrantWorker, "error.yes_no.invalid");
}

TEST(IsBlankRow, IsTrueForNoCellsOrOnlySpaces) {
  EXPECT_TRUE(IsBlankRow({}));
  EXPECT_TRUE(IsBlankRow({"", " ", "　"}));
  EXPECT_FALSE(IsBlankRow({"", "x"}));
}

TEST(RosterDuplicates, NamesTheFirstRowHoldingTheSameId) {
  RosterDuplicates seen;
  const std::uint64_t key = IdKey(Id("11010519900307123"));
  EXPECT_EQ(key, 11010519900307123u);
  EXPECT_EQ(seen.Check(key, 2), std::nullopt);
  EXPECT_EQ(seen.Check(IdKey(Id("11010519900307124")), 3), std::nullopt);
  EXPECT_EQ(seen.Check(key, 9), 2);
  const auto problem = RosterDuplicates::Problem(2);
  EXPECT_EQ(problem.code, "error.members.duplicate_in_file");
  EXPECT_EQ(problem.args.at(0).second, "2");
}

}  // namespace
}  // namespace zj::members
