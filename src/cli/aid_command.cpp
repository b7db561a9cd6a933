// `zhijia aid load FILE`: the rules of aid (amount rules, approval limits, budgets; issue 20)
// from one CSV (UTF-8 or GBK) or XLSX sheet with a `table` column, acting as the system
// administrator through the same loads as the API (app/aid/aid_rules_table.h). All or nothing:
// the rows share one transaction, so a file with any bad row loads nothing; every bad row is
// reported as "FILE: row R, column C: message" (exit 1). Running the fixed file again loads it
// whole; loading a file twice replaces its rows (budgets keep their counters).
#include <iostream>

#include "app/accounts/user_directory.h"
#include "app/aid/aid_rules_table.h"
#include "cli/commands.h"
#include "cli/import_output.h"

namespace zj::cli {

namespace {

constexpr const char* kLoadHelp =
    "Load the rules of aid from XLSX or CSV (UTF-8 or GBK), all or nothing (one transaction). "
    "One sheet, a header row, then one row each; the column table says which: rule, limit or "
    "budget (or 帮扶标准, 审批权限, 预算). Columns (English or Chinese header, any order): "
    "table 表, org_code 组织代码, year 年度 (rule, budget), kind 帮扶类别 "
    "(living 生活救助|medical 医疗救助|schooling 助学|festival 节日慰问 or 送温暖|emergency "
    "临时救助), "
    "level 困难类别 (rule: deep 深度困难|relative 相对困难|sudden 意外致困), "
    "rule 计算方式 (months_of_dibao 低保月数|fixed 定额|share_of_cost 费用比例), months 月数, "
    "amount_yuan 金额（元） (a "
    "rule's fixed amount, a limit's maximum, a budget's amount), share_pct 比例（%）, cap_yuan "
    "封顶（元）, per 计发单位 (household 每户|student 每名学生|person 每人), org_level 审批层级 "
    "(limit: grassroots 基层工会|street 街道|district 区|municipal 市), note 说明 (ignored); a "
    "value as its code or its Chinese name. Sample: "
    "docs/samples/aid-rules-beijing.csv";

struct LoadOptions {
  std::string file;
  bool json = false;
};

int RunLoad(const GlobalOptions& global, const LoadOptions& o) {
  const auto fail = [&o](Error e) { return ReportImportFailure(std::move(e), o.file, o.json); };
  auto table = ReadSmallTable(o.file);
  if (!table) return fail(std::move(table).error());
  auto runtime = OpenRuntime(global);
  if (!runtime) return fail(std::move(runtime).error());
  app::Application& application = *(*runtime)->app;
  auto report = app::LoadAidRulesTable(application.db(), application.clock(), application.audit(),
                                       app::SystemActor(), *table);
  if (!report) return fail(std::move(report).error());
  const auto locale = CliLocale();
  const int exit_code = report->loaded ? kExitOk : kExitFailure;
  if (o.json) {
    nlohmann::json problems = RowProblemsJson(report->problems, locale);
    const nlohmann::json j{{"file", o.file},
                           {"encoding", report->encoding},
                           {"loaded", report->loaded},
                           {"rows", report->rows},
                           {"rules", report->rules},
                           {"limits", report->limits},
                           {"budgets", report->budgets},
                           {"failed_rows", report->failed_rows},
                           {"problems", std::move(problems)}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return exit_code;
  }
  PrintRowProblems(report->problems, o.file, locale);
  if (report->loaded) {
    std::cout << i18n::Translate(locale, "cli.aid.loaded",
                                 {{"file", o.file},
                                  {"rules", std::to_string(report->rules)},
                                  {"limits", std::to_string(report->limits)},
                                  {"budgets", std::to_string(report->budgets)}})
              << "\n";
  } else {
    std::cout << i18n::Translate(
                     locale, "cli.aid.not_loaded",
                     {{"file", o.file}, {"failed", std::to_string(report->failed_rows)}})
              << "\n";
  }
  return exit_code;
}

}  // namespace

void AddAidCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* aid = app.add_subcommand(
      "aid", "The rules of aid: amounts, approval limits, budgets (acting as the administrator)");
  aid->require_subcommand(1);
  auto* load = aid->add_subcommand("load", kLoadHelp);
  auto o = std::make_shared<LoadOptions>();
  load->add_option("FILE", o->file, "The XLSX or CSV file")->required();
  load->add_flag("--json", o->json, "Print the outcome (or the error) as JSON");
  load->callback([&global, &run, o] { run = [&global, o] { return RunLoad(global, *o); }; });
}

}  // namespace zj::cli
