// Rosters and registers as unions keep them (issue 17), on both stores: a title row above the
// header, in an XLSX written by LibreOffice and in a GBK CSV, blank rows, a note row under the
// header, a 序号 column and a 合计 row at the end. The run names the row it took as the header,
// the rows reported are the spreadsheet's own, and the enterprise and org registers find their
// header the same way.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/imports/table_file.h"
#include "app/imports/table_import.h"
#include "core/members/national_id.h"
#include "coverage_fixture.h"
#include "store/coverage.h"

namespace zj::test {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class MembersImportLayoutTest : public CoverageTest {
 protected:
  void SetUp() override {
    CoverageTest::SetUp();
    if (HasFatalFailure()) return;
    union_a_ = AddUnion("U-LAYOUT", streets_a_[0].id);
    dir_ = testing::TempDir() + "/zj_layout_" + std::to_string(::getpid()) + "_" +
           std::string(BackendName(GetParam()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
    CoverageTest::TearDown();
  }

  static std::string Id(int serial) {
    std::string body = "11010119900101" + std::to_string(1000 + serial).substr(1);
    return body + members::IdCheckCharacter(body);
  }
  static std::string WrongCheck(std::string id) {
    id.back() = id.back() == '0' ? '1' : '0';
    return id;
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  //! The text in GBK, as Excel on a Chinese Windows saves "CSV" (glibc's iconv converts).
  std::string Gbk(const std::string& name, const std::string& utf8) {
    const std::string in = Write(name + ".utf8", utf8);
    const std::string out = dir_ + "/" + name;
    EXPECT_EQ(std::system(("iconv -f UTF-8 -t GBK '" + in + "' > '" + out + "'").c_str()), 0);
    return out;
  }

  //! An XLSX workbook that LibreOffice Calc made from the CSV text (every column read as text,
  //! as a roster's ID column is formatted), so the file is a real Office one.
  std::string XlsxByLibreOffice(const std::string& name, const std::string& csv) {
    const std::string source = Write(name + ".csv", csv);
    const std::string command = "soffice -env:UserInstallation=file://" + dir_ +
                                "/lo-profile --headless --convert-to 'xlsx:Calc MS Excel 2007 XML'"
                                " --infilter='CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2' --outdir '" +
                                dir_ + "' '" + source + "' > /dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << "is libreoffice-calc-nogui installed?";
    const std::string xlsx = dir_ + "/" + name + ".xlsx";
    EXPECT_TRUE(Slurp(xlsx).starts_with("PK")) << "LibreOffice wrote no workbook";
    return xlsx;
  }

  //! An XLSX workbook that LibreOffice Calc made from an HTML table, whose colspan cells become
  //! merged cells (a title merged across the sheet, as templates have it); cells marked text
  //! (sdnum "@") stay text, as a roster's ID column is formatted.
  std::string XlsxByLibreOfficeFromHtml(const std::string& name, const std::string& rows) {
    const std::string source =
        Write(name + ".html", "<html><head><meta charset=\"utf-8\"></head><body><table>" + rows +
                                  "</table></body></html>");
    const std::string command = "soffice -env:UserInstallation=file://" + dir_ +
                                "/lo-profile --headless --infilter=calc_HTML_WebQuery"
                                " --convert-to xlsx --outdir '" +
                                dir_ + "' '" + source + "' > /dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << "is libreoffice-calc-nogui installed?";
    const std::string xlsx = dir_ + "/" + name + ".xlsx";
    EXPECT_TRUE(Slurp(xlsx).starts_with("PK")) << "LibreOffice wrote no workbook";
    return xlsx;
  }

  Result<app::RosterImportView> Import(const std::string& path, app::RosterImportHooks hooks = {}) {
    return app_->roster_imports().Run(staff_a_,
                                      {union_a_.org.id, path, "名册", "valid-rows", "", {}}, hooks);
  }

  std::int64_t ActiveMembers() {
    static constexpr store::Sql kCount{
        "test.layout.members",
        "SELECT COUNT(*) FROM members WHERE union_org_id = $1 AND status = 'active'"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kCount, Params(union_a_.org.id));
    EXPECT_TRUE(rows.has_value());
    return rows && !rows->empty() ? rows->front().Int(0) : -1;
  }

  std::int64_t RolledUpMembersOf(std::int64_t org_id) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rollup = store::RollupOf(**lease, org_id);
    EXPECT_TRUE(rollup.has_value());
    return rollup ? rollup->figures.members : -1;
  }

  //! The GBK roster: title (row 1), blank (2), header with 序号 (3), note (4), 张三 (5),
  //! blank (6), a row without a name (7), 王五 (8), 合计 (9).
  std::string TitledGbkRoster() {
    return Gbk("titled.csv",
               "XX有限公司工会会员花名册,,,\r\n"
               "\r\n"
               "序号,姓名,身份证号,手机号\r\n"
               "注：身份证号填18位，手机号填11位,,,\r\n"
               "1,张三," +
                   Id(1) +
                   ",13812345678\r\n"
                   "\r\n"
                   "2,," +
                   Id(2) +
                   ",13812345679\r\n"
                   "3,王五," +
                   Id(3) +
                   ",\r\n"
                   "合计,3人,,\r\n");
  }

  app::OrgView union_a_;
  std::string dir_;
};

TEST_P(MembersImportLayoutTest, ATitleRowXlsxWrittenByLibreOfficeImportsWithTheRightCounts) {
  const std::string xlsx = XlsxByLibreOffice("titled",
                                             "XX有限公司工会会员花名册\n"
                                             "序号,姓名,身份证号,手机号\n"
                                             "填表说明：身份证号填18位\n"
                                             "1,张三," +
                                                 Id(1) +
                                                 ",13812345678\n"
                                                 "2,李四," +
                                                 WrongCheck(Id(2)) +
                                                 ",13812345679\n"
                                                 "3,王五," +
                                                 Id(3) +
                                                 ",13812345670\n"
                                                 "合计,3人\n");
  auto view = Import(xlsx);
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  EXPECT_EQ(view->run.encoding, "XLSX");
  EXPECT_EQ(view->run.header_row, 2);
  EXPECT_EQ(view->run.rows_total, 3);  // the note and the total are no rows of members
  EXPECT_EQ(view->run.accepted, 2);
  EXPECT_EQ(view->run.rejected, 1);
  EXPECT_TRUE(view->unknown_columns.empty());  // 序号 is ignored
  ASSERT_EQ(view->rejections.size(), 1u);
  EXPECT_EQ(view->rejections[0].row, 5);
  EXPECT_EQ(view->rejections[0].column, "身份证号");
  EXPECT_EQ(view->rejections[0].code, "error.id_number.check");
  EXPECT_EQ(ActiveMembers(), 2);
  EXPECT_EQ(RolledUpMembersOf(union_a_.org.id), 2);
}

TEST_P(MembersImportLayoutTest, AMergedTitleRowXlsxWrittenByLibreOfficeImportsWithTheRightCounts) {
  const auto text = [](const std::string& v) { return "<td sdnum=\"2052;0;@\">" + v + "</td>"; };
  const std::string xlsx = XlsxByLibreOfficeFromHtml(
      "merged",
      "<tr><td colspan=\"4\">XX有限公司工会会员花名册</td></tr>"
      "<tr><td>序号</td><td>姓名</td><td>身份证号</td><td>手机号</td></tr>"
      "<tr><td colspan=\"4\">填表说明：身份证号填18位</td></tr>"
      "<tr><td>1</td><td>张三</td>" +
          text(Id(1)) + text("13812345678") +
          "</tr>"
          "<tr><td>2</td><td>李四</td>" +
          text(WrongCheck(Id(2))) + text("13812345679") +
          "</tr>"
          "<tr><td>3</td><td>王五</td>" +
          text(Id(3)) + text("13812345670") +
          "</tr>"
          "<tr><td>合计</td><td>3人</td><td></td><td></td></tr>");
  // The title really is merged across the sheet (and so is the note).
  EXPECT_EQ(std::system(("unzip -p '" + xlsx +
                         "' xl/worksheets/sheet1.xml | grep -q '<mergeCell ref=\"A1:D1\"'")
                            .c_str()),
            0);
  auto view = Import(xlsx);
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  EXPECT_EQ(view->run.header_row, 2);
  EXPECT_EQ(view->run.rows_total, 3);
  EXPECT_EQ(view->run.accepted, 2);
  EXPECT_EQ(view->run.rejected, 1);
  EXPECT_TRUE(view->unknown_columns.empty());  // 序号 is ignored
  ASSERT_EQ(view->rejections.size(), 1u);
  EXPECT_EQ(view->rejections[0].row, 5);
  EXPECT_EQ(view->rejections[0].code, "error.id_number.check");
  EXPECT_EQ(ActiveMembers(), 2);
}

TEST_P(MembersImportLayoutTest, AGbkCsvWithATitleLineImportsAndNamesTheSpreadsheetsOwnRows) {
  auto view = Import(TitledGbkRoster());
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  EXPECT_EQ(view->run.encoding, "GB18030");
  EXPECT_EQ(view->run.header_row, 3);
  EXPECT_EQ(view->run.rows_total, 3);
  EXPECT_EQ(view->run.accepted, 2);
  ASSERT_EQ(view->rejections.size(), 1u);
  EXPECT_EQ(view->rejections[0].row, 7);  // blank rows counted, as the spreadsheet shows
  EXPECT_EQ(view->rejections[0].column, "姓名");
  EXPECT_EQ(view->rejections[0].code, "error.field.required");

  // Read back: the run keeps the header row.
  auto again = app_->roster_imports().Get(staff_a_, view->run.id);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->run.header_row, 3);
}

TEST_P(MembersImportLayoutTest, TheReportKeepsTheTitleAboveTheHeaderAndItsErrorColumn) {
  const std::string path = TitledGbkRoster();
  auto view = Import(path);
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  const std::string out = dir_ + "/report.csv";
  ASSERT_OK(app_->roster_imports().WriteReport(staff_a_, view->run.id, path, "", out,
                                               i18n::Locale::kZhCN,
                                               std::string("核对导入报告的完整内容")));
  std::istringstream lines(Slurp(out).substr(3));  // after the BOM
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line, '\n');) got.push_back(line);
  ASSERT_EQ(got.size(), 7u);  // title, header, note, three people, total (blank rows dropped)
  EXPECT_EQ(got[0], "\"XX有限公司工会会员花名册\",\"\",\"\",\"\"\r");
  EXPECT_EQ(got[1], "\"序号\",\"姓名\",\"身份证号\",\"手机号\",\"错误说明\"\r");
  EXPECT_EQ(got[4], "\"2\",\"\",\"" + Id(2) + "\",\"13812345679\",\"姓名：必填项\"\r");
  EXPECT_TRUE(got[6].starts_with("\"合计\",\"3人\"")) << got[6];
}

TEST_P(MembersImportLayoutTest, AnInterruptedTitledImportResumesAfterItsLastWholeBatch) {
  const std::string path = TitledGbkRoster();
  app::RosterImportHooks crash;
  crash.batch_rows = 1;
  crash.after_batch = [](int n) -> Result<void> {
    if (n == 1) return Fail(ErrorCode::kUnavailable, "error.db.unreachable", "simulated crash");
    return {};
  };
  ASSERT_FALSE(Import(path, crash).has_value());
  EXPECT_EQ(ActiveMembers(), 1);
  auto resumed = Import(path);
  ASSERT_TRUE(resumed.has_value()) << Describe(resumed.error());
  EXPECT_TRUE(resumed->resumed);
  EXPECT_EQ(resumed->run.header_row, 3);
  EXPECT_EQ(resumed->run.rows_total, 3);
  EXPECT_EQ(resumed->run.accepted, 2);
  EXPECT_EQ(resumed->run.rejected, 1);
  EXPECT_EQ(ActiveMembers(), 2);
  EXPECT_EQ(RolledUpMembersOf(union_a_.org.id), 2);
}

TEST_P(MembersImportLayoutTest, AHeaderUnderATitleStillNamesTheMissingColumn) {
  auto view = Import(Write("no_id.csv", "会员花名册\n序号,姓名,手机号\n1,张三,13812345678\n"));
  ASSERT_FALSE(view.has_value());
  EXPECT_EQ(view.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(view.error().message_key, "error.roster.missing_column");
}

TEST_P(MembersImportLayoutTest, TheEnterpriseAndOrgRegistersFindTheirHeaderUnderATitleToo) {
  const std::string street = streets_a_[0].code;
  const std::string enterprises =
      Slurp(Gbk("enterprises.csv",
                "2026年东华门街道用人单位名录,,,,,\r\n"
                "序号,单位名称,统一社会信用代码,所在街道代码,行业门类,经济类型,"
                "职工人数\r\n"
                "填表说明：行业门类填GB/T 4754字母,,,,,,\r\n"
                "1,甲公司," +
                    Uscc(1) + "," + street +
                    ",C,private,120\r\n"
                    "\r\n"
                    "2,乙公司," +
                    Uscc(2) + "," + street +
                    ",I,private,x\r\n"
                    "合计,,,,,,120\r\n"));
  auto table = app::ParseTable(enterprises);
  ASSERT_TRUE(table.has_value()) << Describe(table.error());
  auto report =
      app::ImportEnterpriseTable(app_->orgs(), app_->enterprises(), app::SystemActor(), *table);
  ASSERT_TRUE(report.has_value()) << Describe(report.error());
  EXPECT_EQ(report->header_row, 2);
  EXPECT_EQ(report->created, 1);
  EXPECT_EQ(report->failed_rows, 1);
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].row, 6);
  EXPECT_EQ(report->problems[0].column, "职工人数");

  auto orgs = app::ParseTable(
      "工会组织名册\n\n组织代码,组织名称,组织类型,上级组织代码\n"
      "U-T1,某公司工会,grassroots," +
      street + "\n合计,1,,\n");
  ASSERT_TRUE(orgs.has_value());
  auto org_report = app::ImportOrgTable(app_->orgs(), app::SystemActor(), *orgs);
  ASSERT_TRUE(org_report.has_value()) << Describe(org_report.error());
  EXPECT_EQ(org_report->header_row, 3);
  EXPECT_EQ(org_report->created, 1);
  EXPECT_EQ(org_report->failed_rows, 0);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MembersImportLayoutTest);

}  // namespace
}  // namespace zj::test
