// The roster import on both stores: accepted, rejected, already present and transfer-candidate
// rows; re-import; all-or-nothing; resuming after an interruption with exactly the right
// members and counters; scope; the report file and the export.
#include <fstream>
#include <sstream>

#include "core/members/national_id.h"
#include "coverage_fixture.h"
#include "store/coverage.h"
#include "store/member_imports.h"

namespace zj::test {
namespace {

class MembersImportTest : public CoverageTest {
 protected:
  void SetUp() override {
    CoverageTest::SetUp();
    if (HasFatalFailure()) return;
    union_a_ = AddUnion("U-A", streets_a_[0].id);
    union_b_ = AddUnion("U-B", streets_b_[0].id);
  }

  //! A valid ID, distinct per serial (born 1990-01-01 + serial days is not needed: the order
  //! code holds the serial).
  static std::string Id(int serial) {
    std::string body = "11010119900101" + std::to_string(1000 + serial).substr(1);
    return body + members::IdCheckCharacter(body);
  }

  std::string WriteFile(const std::string& content, const std::string& ext = ".csv") {
    const std::string path = testing::TempDir() + "/zj_roster_" + std::to_string(files_++) + "_" +
                             std::string(BackendName(GetParam())) + ext;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  //! A roster of (name, id) rows.
  std::string Roster(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string csv = "姓名,身份证号,手机号\r\n";
    for (const auto& [name, id] : rows) csv += name + "," + id + ",13812345678\r\n";
    return WriteFile(csv);
  }

  Result<app::RosterImportView> Import(const app::Actor& actor, std::int64_t union_id,
                                       const std::string& path,
                                       const std::string& mode = "valid-rows",
                                       app::RosterImportHooks hooks = {}) {
    return app_->roster_imports().Run(actor, {union_id, path, "roster.csv", mode, "", {}}, hooks);
  }

  std::int64_t Count(const std::string& sql_text, std::int64_t arg) {
    const store::Sql sql{sql_text, sql_text};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(sql, Params(arg));
    EXPECT_TRUE(rows.has_value()) << (rows ? "" : Describe(rows.error()));
    return rows && !rows->empty() ? rows->front().Int(0) : -1;
  }
  std::int64_t ActiveMembersOf(std::int64_t union_id) {
    return Count("SELECT COUNT(*) FROM members WHERE union_org_id = $1 AND status = 'active'",
                 union_id);
  }
  std::int64_t RolledUpMembers(std::int64_t org_id) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rollup = store::RollupOf(**lease, org_id);
    EXPECT_TRUE(rollup.has_value());
    return rollup ? rollup->figures.members : -1;
  }

  app::OrgView union_a_;
  app::OrgView union_b_;
  int files_ = 0;
};

TEST_P(MembersImportTest, ImportAddsValidRowsCountsCoverageAndNamesEachRejectedRow) {
  std::string wrong = Id(4);
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  const auto path =
      Roster({{"张三", Id(1)}, {"李四", Id(2)}, {"王五", Id(3)}, {"赵六", wrong}, {"钱七", Id(1)}});
  auto view = Import(staff_a_, union_a_.org.id, path);
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  EXPECT_EQ(view->run.status, "done");
  EXPECT_EQ(view->run.rows_total, 5);
  EXPECT_EQ(view->run.accepted, 3);
  EXPECT_EQ(view->run.rejected, 2);
  ASSERT_EQ(view->rejections.size(), 2u);
  EXPECT_EQ(view->rejections[0].row, 5);
  EXPECT_EQ(view->rejections[0].column, "身份证号");
  EXPECT_EQ(view->rejections[0].code, "error.id_number.check");
  EXPECT_EQ(view->rejections[1].row, 6);
  EXPECT_EQ(view->rejections[1].code, "error.members.duplicate_in_file");
  EXPECT_EQ(view->rejections[1].args.at(0).second, "2");
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 3);
  EXPECT_EQ(RolledUpMembers(union_a_.org.id), 3);
  EXPECT_EQ(RolledUpMembers(district_a_.id), 3);
  EXPECT_EQ(RolledUpMembers(root_.id), 3);
  EXPECT_EQ(RolledUpMembers(district_b_.id), 0);
}

TEST_P(MembersImportTest, ReimportingTheSameFileAddsNothingAndReportsEveryRowAsPresent) {
  const auto path = Roster({{"张三", Id(1)}, {"李四", Id(2)}});
  ASSERT_TRUE(Import(staff_a_, union_a_.org.id, path).has_value());
  auto again = Import(staff_a_, union_a_.org.id, path);
  ASSERT_TRUE(again.has_value()) << Describe(again.error());
  EXPECT_FALSE(again->resumed);
  EXPECT_EQ(again->run.accepted, 0);
  EXPECT_EQ(again->run.already_present, 2);
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 2);
  EXPECT_EQ(RolledUpMembers(root_.id), 2);
}

TEST_P(MembersImportTest, AMemberActiveInAnotherUnionIsATransferCandidateNotAMove) {
  ASSERT_TRUE(Import(staff_a_, union_a_.org.id, Roster({{"张三", Id(1)}})).has_value());
  auto view = Import(staff_b_, union_b_.org.id, Roster({{"张三", Id(1)}, {"李四", Id(2)}}));
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  EXPECT_EQ(view->run.accepted, 1);
  EXPECT_EQ(view->run.transfer_candidates, 1);
  ASSERT_EQ(view->candidates.size(), 1u);
  EXPECT_EQ(view->candidates[0].row, 2);
  EXPECT_EQ(view->candidates[0].union_id, union_a_.org.id);
  EXPECT_EQ(view->candidates[0].name, "张三");
  EXPECT_EQ(view->candidates[0].id_masked, "110101********" + Id(1).substr(14));
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 1);
  EXPECT_EQ(ActiveMembersOf(union_b_.org.id), 1);
}

TEST_P(MembersImportTest, CandidatesBecomeTransferRequestsInOneStepAndOnlyOnce) {
  ASSERT_TRUE(Import(staff_a_, union_a_.org.id, Roster({{"张三", Id(1)}})).has_value());
  auto view = Import(staff_b_, union_b_.org.id, Roster({{"张三", Id(1)}}));
  ASSERT_TRUE(view.has_value());
  auto done = app_->roster_imports().RequestTransfers(staff_b_, app_->transfers(), view->run.id,
                                                      "调入本单位工会", std::nullopt);
  ASSERT_TRUE(done.has_value()) << Describe(done.error());
  EXPECT_EQ(done->created, 1);
  EXPECT_EQ(done->skipped, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_transfers WHERE import_id = $1", view->run.id), 1);
  auto again = app_->roster_imports().RequestTransfers(staff_b_, app_->transfers(), view->run.id,
                                                       "调入本单位工会", std::nullopt);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->skipped, 1);
  auto outside = app_->roster_imports().RequestTransfers(staff_a_, app_->transfers(), view->run.id,
                                                         "调入", std::nullopt);
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().code, ErrorCode::kNotFound);
}

TEST_P(MembersImportTest, AllOrNothingWritesNoMemberWhenAnyRowIsRejected) {
  const auto path = Roster({{"张三", Id(1)}, {"", Id(2)}, {"王五", Id(3)}});
  auto view = Import(staff_a_, union_a_.org.id, path, "all-or-nothing");
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  EXPECT_EQ(view->run.status, "refused");
  EXPECT_EQ(view->run.accepted, 0);
  EXPECT_EQ(view->run.rejected, 1);
  ASSERT_EQ(view->rejections.size(), 1u);
  EXPECT_EQ(view->rejections[0].column, "姓名");
  EXPECT_EQ(view->rejections[0].code, "error.field.required");
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 0);
  EXPECT_EQ(RolledUpMembers(root_.id), 0);

  auto good = Import(staff_a_, union_a_.org.id, Roster({{"张三", Id(1)}, {"王五", Id(3)}}),
                     "all-or-nothing");
  ASSERT_TRUE(good.has_value());
  EXPECT_EQ(good->run.status, "done");
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 2);
}

TEST_P(MembersImportTest, AnInterruptedImportResumesAfterItsLastCommittedBatch) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (int i = 1; i <= 7; ++i) rows.emplace_back(PersonName(i), Id(i));
  rows.emplace_back("重复", Id(2));  // a duplicate of a row committed before the interruption
  const auto path = Roster(rows);
  app::RosterImportHooks crash;
  crash.batch_rows = 2;
  crash.after_batch = [](int n) -> Result<void> {
    if (n == 2) return Fail(ErrorCode::kUnavailable, "error.db.unreachable", "simulated crash");
    return {};
  };
  auto first = Import(staff_a_, union_a_.org.id, path, "valid-rows", crash);
  ASSERT_FALSE(first.has_value());
  EXPECT_EQ(first.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 4);  // two whole batches
  EXPECT_EQ(RolledUpMembers(root_.id), 4);

  app::RosterImportHooks small;
  small.batch_rows = 2;
  auto second = Import(staff_a_, union_a_.org.id, path, "valid-rows", small);
  ASSERT_TRUE(second.has_value()) << Describe(second.error());
  EXPECT_TRUE(second->resumed);
  EXPECT_EQ(second->run.status, "done");
  EXPECT_EQ(second->run.rows_total, 8);
  EXPECT_EQ(second->run.accepted, 7);
  EXPECT_EQ(second->run.already_present, 0);
  EXPECT_EQ(second->run.rejected, 1);
  ASSERT_EQ(second->rejections.size(), 1u);
  EXPECT_EQ(second->rejections[0].code, "error.members.duplicate_in_file");
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 7);
  EXPECT_EQ(RolledUpMembers(root_.id), 7);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_imports WHERE union_org_id = $1", union_a_.org.id),
            1);
}

TEST_P(MembersImportTest, AUnionOutsideTheScopeIsNotFoundAndAFederationIsNoUnion) {
  auto outside = Import(staff_b_, union_a_.org.id, Roster({{"张三", Id(1)}}));
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().code, ErrorCode::kNotFound);
  auto street = Import(staff_a_, streets_a_[0].id, Roster({{"张三", Id(1)}}));
  ASSERT_FALSE(street.has_value());
  EXPECT_EQ(street.error().code, ErrorCode::kInvalidArgument);
  ASSERT_EQ(street.error().fields.size(), 1u);
  EXPECT_EQ(street.error().fields[0].message_key, "error.members.not_grassroots");
  EXPECT_EQ(ActiveMembersOf(union_a_.org.id), 0);
}

TEST_P(MembersImportTest, AHeaderWithoutTheIdColumnIsRefusedBeforeAnythingIsWritten) {
  auto view = Import(staff_a_, union_a_.org.id, WriteFile("姓名,电话\n张三,13812345678\n"));
  ASSERT_FALSE(view.has_value());
  EXPECT_EQ(view.error().message_key, "error.roster.missing_column");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM member_imports WHERE union_org_id = $1", union_a_.org.id),
            0);
}

TEST_P(MembersImportTest, TheReportHoldsTheOriginalRowsAndAnErrorColumn) {
  const auto path = Roster({{"张三", Id(1)}, {"", Id(2)}});
  auto view = Import(staff_a_, union_a_.org.id, path);
  ASSERT_TRUE(view.has_value());
  const std::string out = WriteFile("", "_report.csv");
  // In full, as the command line writes it (the web's is masked unless revealed: jobs_test.cpp).
  ASSERT_OK(app_->roster_imports().WriteReport(staff_a_, view->run.id, path, "", out,
                                               i18n::Locale::kZhCN, std::string("核对错误行")));
  std::ifstream in(out, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(),
            "\xEF\xBB\xBF\"姓名\",\"身份证号\",\"手机号\",\"错误说明\"\r\n"
            "\"张三\",\"" +
                Id(1) +
                "\",\"13812345678\",\"\"\r\n"
                "\"\",\"" +
                Id(2) + "\",\"13812345678\",\"姓名：必填项\"\r\n");
}

TEST_P(MembersImportTest, TheExportMasksIdsUnlessFullValuesAreAskedWithAReason) {
  ASSERT_TRUE(Import(staff_a_, union_a_.org.id, Roster({{"张三", Id(1)}})).has_value());
  const std::string out = WriteFile("", "_export.csv");
  auto masked = app_->roster_exports().Export(staff_a_, {union_a_.org.id, false, false, "", out});
  ASSERT_TRUE(masked.has_value()) << Describe(masked.error());
  EXPECT_EQ(*masked, 1);
  std::ifstream in(out, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("110101********" + Id(1).substr(14)), std::string::npos);
  EXPECT_NE(text.str().find("138****5678"), std::string::npos);
  EXPECT_EQ(text.str().find(Id(1)), std::string::npos);

  auto no_reason = app_->roster_exports().Export(staff_a_, {union_a_.org.id, false, true, "", out});
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_EQ(no_reason.error().fields.at(0).field, "reason");
  auto full =
      app_->roster_exports().Export(staff_a_, {district_a_.id, true, true, "年度会籍核对", out});
  ASSERT_TRUE(full.has_value());
  std::ifstream in2(out, std::ios::binary);
  std::stringstream text2;
  text2 << in2.rdbuf();
  EXPECT_NE(text2.str().find(Id(1)), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'members.export' AND $1 = 1", 1),
            2);
}

TEST_P(MembersImportTest, TheExportNamesTheEmployersCreditCodeAndEachMembersUnion) {
  // A roster export of a district lists members of several unions: which union holds each one,
  // and the linked enterprise's USCC (the column was always empty before).
  auto e = app_->enterprises().Create(
      app::SystemActor(), app::NewEnterprise{"甲公司", Uscc(7), "110101001", "C", "private", 120,
                                             std::nullopt, union_a_.org.id});
  ASSERT_OK(e);
  const std::string csv =
      "姓名,身份证号,统一社会信用代码\r\n张三," + Id(1) + "," + Uscc(7) + "\r\n";
  ASSERT_TRUE(Import(staff_a_, union_a_.org.id, WriteFile(csv)).has_value());
  const std::string out = WriteFile("", "_export.csv");
  ASSERT_OK(app_->roster_exports().Export(staff_a_, {district_a_.id, true, false, "", out}));
  std::ifstream in(out, std::ios::binary);
  std::string header;
  std::string row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_NE(header.find("\"统一社会信用代码\""), std::string::npos) << header;
  EXPECT_NE(header.find("\"所属工会\""), std::string::npos) << header;
  EXPECT_NE(row.find("\"" + Uscc(7) + "\""), std::string::npos) << row;
  EXPECT_NE(row.find("\"" + union_a_.org.name + "\""), std::string::npos) << row;
}

TEST_P(MembersImportTest, ARowNamedWithAFormulaIsRefusedAndTheReportEscapesEveryFormulaCell) {
  // As a hostile roster would carry them: a formula for a name, for an employer, for a phone.
  const std::string csv =
      "姓名,身份证号,手机号,工作单位\r\n"
      "\"=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\"," +
      Id(1) +
      ",13812345678,某公司\r\n"
      "张三," +
      Id(2) +
      ",\"-2+3+cmd|' /C calc'!A0\",某公司\r\n"
      "李四," +
      Id(3) +
      ",13812345678,@SUM(1+1)\r\n"
      "王五," +
      Id(4) + ",+8613812345678,某公司\r\n";
  const auto path = WriteFile(csv);
  auto view = Import(staff_a_, union_a_.org.id, path);
  ASSERT_TRUE(view.has_value()) << Describe(view.error());
  EXPECT_EQ(view->run.accepted, 1);  // 李四: an employer's name may be anything without controls
  ASSERT_EQ(view->rejections.size(), 3u);
  EXPECT_EQ(view->rejections[0].column, "姓名");
  EXPECT_EQ(view->rejections[0].code, "error.person_name.invalid");
  EXPECT_EQ(view->rejections[1].column, "手机号");

  const std::string out = WriteFile("", "_report.csv");
  // In full, as the command line writes it (the web's is masked unless revealed: jobs_test.cpp).
  ASSERT_OK(app_->roster_imports().WriteReport(staff_a_, view->run.id, path, "", out,
                                               i18n::Locale::kZhCN, std::string("核对错误行")));
  std::ifstream in(out, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string report = text.str();
  EXPECT_NE(report.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\""), std::string::npos)
      << report;
  EXPECT_NE(report.find("\"'-2+3+cmd|' /C calc'!A0\""), std::string::npos) << report;
  EXPECT_NE(report.find("\"'@SUM(1+1)\""), std::string::npos) << report;
  EXPECT_NE(report.find("\"+8613812345678\""), std::string::npos) << report;  // a number
  for (const char* bare : {"\"=", "\"-2", "\"@"}) {
    EXPECT_EQ(report.find(bare), std::string::npos) << bare << " in " << report;
  }
}

TEST_P(MembersImportTest, TheCsvExportWritesNoCellAsAFormula) {
  app::NewMember m;
  m.union_id = union_a_.org.id;
  m.name = "张三";
  m.id_number = Id(1);
  m.employer_name = "=HYPERLINK(\"http://x\",\"点\")";
  ASSERT_OK(app_->members().Create(staff_a_, m));
  const std::string out = WriteFile("", "_export.csv");
  ASSERT_OK(app_->roster_exports().Export(staff_a_, {union_a_.org.id, false, false, "", out}));
  std::ifstream in(out, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_NE(text.str().find("\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\""), std::string::npos)
      << text.str();
  EXPECT_EQ(text.str().find("\"=HYPERLINK"), std::string::npos) << text.str();
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MembersImportTest);

}  // namespace
}  // namespace zj::test
