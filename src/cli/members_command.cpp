// `zhijia members import|export|template`: the member roster from the command line, acting as
// the system administrator through the same use cases as the API. An import reports each
// rejected row as "FILE: row R, column C: message" (or everything as JSON with --json) and
// exits 1 when any row was rejected, or when the file cannot be read (import_output.h); a
// progress bar with rows/s is drawn on a terminal only.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <limits>

#include "cli/commands.h"
#include "cli/import_output.h"
#include "http/member_import_json.h"

namespace zj::cli {

namespace {

// Rows read and the rate, redrawn in place on stderr. Hand-written like keys_command.cpp's
// bar (no progress-bar library is packaged); the row total is not known before the end.
class RowCounter {
 public:
  explicit RowCounter(bool enabled)
      : on_(enabled && ::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
  void Update(std::int64_t rows) {
    if (!on_) return;
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = s > 0 ? static_cast<double>(rows) / s : 0;
    std::fprintf(stderr, "\r%lld rows, %.0f rows/s ", static_cast<long long>(rows), rate);
    std::fflush(stderr);
    drawn_ = true;
  }
  void Finish() {
    if (drawn_) std::fputc('\n', stderr);
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point start_;
  bool drawn_ = false;
};

struct ImportOptions {
  std::string union_code;
  std::string file;
  std::string mode = "valid-rows";
  std::string report;
  std::string sheet;
  bool json = false;
};

std::string BaseName(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int RunImport(const GlobalOptions& global, const ImportOptions& o) {
  const auto fail = [&o](Error e) { return ReportImportFailure(std::move(e), o.file, o.json); };
  auto runtime = OpenRuntime(global);
  if (!runtime) return fail(std::move(runtime).error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  auto union_id = application.orgs().IdByCode(system, o.union_code, "union");
  if (!union_id) return fail(std::move(union_id).error());
  const auto locale = CliLocale();

  RowCounter counter(!o.json);
  app::RosterImportHooks hooks;
  hooks.progress = [&counter](std::int64_t rows) { counter.Update(rows); };
  app::RosterImportRequest request{*union_id, o.file, BaseName(o.file), o.mode, o.sheet, {}};
  // --json lists every rejection (up to a bound that keeps memory in check); text output
  // prints the first thousand and points to --report for the rest.
  constexpr std::size_t kJsonItems = 100000;
  constexpr std::size_t kTextItems = 1000;
  auto view =
      application.roster_imports().Run(system, request, hooks, o.json ? kJsonItems : kTextItems);
  counter.Finish();
  if (!view) return fail(std::move(view).error());
  if (!o.report.empty()) {
    // The report holds the rows as the operator's own file has them, full values included (the
    // web's report is masked unless revealed with a reason).
    auto written =
        application.roster_imports().WriteReport(system, view->run.id, o.file, o.sheet, o.report,
                                                 locale, std::string("members import --report"));
    if (!written) return fail(std::move(written).error());
  }
  const auto& run = view->run;
  if (o.json) {
    nlohmann::json j = http::MemberImportJson(*view, locale);
    j["import_id"] = j["id"];
    j["rows"] = run.rows_total;
    j["resumed"] = view->resumed;
    if (!o.report.empty()) j["report"] = o.report;
    std::cout << j.dump() << "\n";
  } else {
    for (const auto& r : view->rejections) {
      std::cerr << i18n::Translate(locale, "cli.import.row_error",
                                   {{"file", o.file},
                                    {"row", std::to_string(r.row)},
                                    {"column", r.column.empty() ? "-" : r.column},
                                    {"message", i18n::Translate(locale, r.code, r.args)}})
                << "\n";
    }
    if (run.rejected > static_cast<std::int64_t>(view->rejections.size())) {
      std::cerr << i18n::Translate(
                       locale, "cli.members.more_rejections",
                       {{"count", std::to_string(run.rejected - static_cast<std::int64_t>(
                                                                    view->rejections.size()))}})
                << "\n";
    }
    if (!view->unknown_columns.empty()) {
      std::string list;
      for (const auto& c : view->unknown_columns) list += (list.empty() ? "" : ", ") + c;
      std::cerr << i18n::Translate(locale, "cli.members.unknown_columns", {{"columns", list}})
                << "\n";
    }
    std::cout << i18n::Translate(locale,
                                 run.status == "refused" ? "cli.members.import_refused"
                                                         : "cli.members.imported",
                                 {{"file", o.file},
                                  {"encoding", run.encoding.value_or("")},
                                  {"header_row", std::to_string(run.header_row)},
                                  {"rows", std::to_string(run.rows_total)},
                                  {"accepted", std::to_string(run.accepted)},
                                  {"already_present", std::to_string(run.already_present)},
                                  {"transfer_candidates", std::to_string(run.transfer_candidates)},
                                  {"rejected", std::to_string(run.rejected)},
                                  {"import_id", std::to_string(run.id)}})
              << "\n";
  }
  return run.rejected == 0 ? kExitOk : kExitFailure;
}

struct ExportOptions {
  std::string union_code;
  bool subtree = false;
  bool full = false;
  std::string reason;
  std::string out;
};

int RunExport(const GlobalOptions& global, const ExportOptions& o) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  auto org_id = application.orgs().IdByCode(system, o.union_code, "union");
  if (!org_id) return ReportWithFields(std::move(org_id).error());
  auto rows = application.roster_exports().Export(
      system, app::RosterExportRequest{*org_id, o.subtree, o.full, o.reason, o.out});
  if (!rows) return ReportWithFields(std::move(rows).error());
  std::cout << i18n::Translate(CliLocale(), "cli.members.exported",
                               {{"file", o.out}, {"rows", std::to_string(*rows)}})
            << "\n";
  return kExitOk;
}

int RunTemplate(const std::string& out) {
  auto written = app::RosterExportService::WriteTemplate(out);
  if (!written) return ReportError(written.error());
  std::cout << i18n::Translate(CliLocale(), "cli.members.template", {{"file", out}}) << "\n";
  return kExitOk;
}

}  // namespace

void AddMembersCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* members = app.add_subcommand("members", "The member roster (会员名册)");
  members->require_subcommand(1);

  auto* import = members->add_subcommand(
      "import", "Import a roster (XLSX, or CSV in UTF-8/GBK/GB18030) into a grassroots union");
  auto io = std::make_shared<ImportOptions>();
  import->add_option("--union", io->union_code, "Code of the grassroots union")->required();
  import->add_option("FILE", io->file, "The XLSX or CSV file")->required();
  import->add_option("--mode", io->mode, "valid-rows (default) or all-or-nothing")
      ->check(CLI::IsMember({"valid-rows", "all-or-nothing"}));
  import->add_option("--report", io->report,
                     "Write the rows with an error column (错误说明) to this CSV or .xlsx file");
  import->add_option("--sheet", io->sheet, "XLSX: the sheet to read (default: the first)");
  import->add_flag("--json", io->json, "Print the outcome as JSON");
  import->callback([&global, &run, io] { run = [&global, io] { return RunImport(global, *io);
};
}  // namespace zj::cli
);

auto* exp = members->add_subcommand("export", "Export a union's members to XLSX or CSV");
auto eo = std::make_shared<ExportOptions>();
exp->add_option("--union", eo->union_code, "Code of the union (or federation with --subtree)")
    ->required();
exp->add_flag("--subtree", eo->subtree, "Every union under it, not only its own members");
exp->add_flag("--full", eo->full, "Full ID numbers and phones (needs --reason; audited)");
exp->add_option("--reason", eo->reason, "Why full values are needed");
exp->add_option("OUT", eo->out, "OUT.xlsx or OUT.csv")->required();
exp->callback([&global, &run, eo] { run = [&global, eo] { return RunExport(global, *eo); }; });

auto* tmpl = members->add_subcommand("template", "Write the blank import template");
auto out = std::make_shared<std::string>();
tmpl->add_option("OUT", *out, "OUT.xlsx or OUT.csv")->required();
tmpl->callback([&run, out] { run = [out] { return RunTemplate(*out); }; });
}

}  // namespace zj::cli
