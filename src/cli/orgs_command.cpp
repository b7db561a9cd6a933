// `zhijia orgs add|tree|import` and `zhijia enterprises import`: the union tree and the
// enterprises from the command line, acting as the system administrator through the same use
// cases as the API. Imports report each bad row as "FILE: row R, column C: message" (or
// everything as JSON with --json) and keep the good rows; the exit code is 1 when any row
// failed or the file cannot be read (import_output.h).
#include <iostream>

#include "app/accounts/user_directory.h"
#include "app/imports/table_import.h"
#include "app/imports/table_stream.h"
#include "cli/commands.h"
#include "cli/import_output.h"

namespace zj::cli {

namespace {

struct AddOptions {
  std::string code;
  std::string name;
  std::string kind;
  std::string parent;
  std::string region;
  std::string founded_on;
  std::string chair;
  std::string contact;
};

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional(s);
}

int RunAdd(const GlobalOptions& global, const AddOptions& o) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  app::NewOrg org{o.code,
                  o.name,
                  o.kind,
                  std::nullopt,
                  NonEmpty(o.region),
                  NonEmpty(o.founded_on),
                  NonEmpty(o.chair),
                  NonEmpty(o.contact)};
  if (!o.parent.empty()) {
    auto parent = application.orgs().IdByCode(system, o.parent, "parent");
    if (!parent) return ReportWithFields(std::move(parent).error());
    org.parent_id = *parent;
  }
  auto created = application.orgs().Create(system, org);
  if (!created) return ReportWithFields(std::move(created).error());
  std::cout << i18n::Translate(CliLocale(), "cli.orgs.added",
                               {{"code", created->org.code}, {"name", created->org.name}})
            << "\n";
  return kExitOk;
}

void PrintTree(app::OrgService& orgs, const app::Actor& actor, const app::OrgNode& node,
               int depth) {
  std::cout << std::string(static_cast<std::size_t>(depth) * 2, ' ') << node.code << '\t'
            << node.name << '\t' << node.kind;
  if (node.status != "active") std::cout << '\t' << node.status;
  std::cout << "\n";
  if (!node.has_children) return;
  auto children = orgs.Children(actor, node.id);
  if (!children) return;
  for (const auto& child : *children) PrintTree(orgs, actor, child, depth + 1);
}

int RunTree(const GlobalOptions& global, const std::string& root) {
  auto runtime = OpenRuntime(global);
  if (!runtime) return ReportError(runtime.error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  std::vector<app::OrgNode> tops;
  if (root.empty()) {
    auto roots = application.orgs().Children(system, std::nullopt);
    if (!roots) return ReportWithFields(std::move(roots).error());
    tops = std::move(*roots);
  } else {
    auto id = application.orgs().IdByCode(system, root, "root");
    if (!id) return ReportWithFields(std::move(id).error());
    auto org = application.orgs().Get(system, *id);
    if (!org) return ReportWithFields(std::move(org).error());
    tops.push_back({org->org.id, org->org.code, org->org.name, org->org.kind, org->org.status,
                    org->child_count > 0});
  }
  for (const auto& top : tops) PrintTree(application.orgs(), system, top, 0);
  return kExitOk;
}

//! The file's rows as a stream, read in bounded memory (table_stream.h).
Result<std::unique_ptr<app::TableStream>> OpenTable(const std::string& path) {
  ZJ_ASSIGN_OR_RETURN(const app::FileFacts facts, app::ExamineFile(path));
  return app::OpenTableFile(path, facts, {});
}

int PrintReport(const std::string& file, const app::ImportReport& report, bool json) {
  const auto locale = CliLocale();
  if (json) {
    nlohmann::json problems = RowProblemsJson(report.problems, locale);
    const nlohmann::json j{{"file", file},
                           {"encoding", report.encoding},
                           {"header_row", report.header_row},
                           {"created", report.created},
                           {"updated", report.updated},
                           {"failed_rows", report.failed_rows},
                           {"problems", std::move(problems)}};
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return report.failed_rows == 0 ? kExitOk : kExitFailure;
  }
  PrintRowProblems(report.problems, file, locale);
  std::cout << i18n::Translate(locale, "cli.import.done",
                               {{"file", file},
                                {"encoding", report.encoding},
                                {"header_row", std::to_string(report.header_row)},
                                {"created", std::to_string(report.created)},
                                {"updated", std::to_string(report.updated)},
                                {"failed", std::to_string(report.failed_rows)}})
            << "\n";
  return report.failed_rows == 0 ? kExitOk : kExitFailure;
}

struct ImportCommandOptions {
  std::string file;
  bool json = false;
};

int RunImport(const GlobalOptions& global, const ImportCommandOptions& o, bool enterprises) {
  const auto fail = [&o](Error e) { return ReportImportFailure(std::move(e), o.file, o.json); };
  auto table = OpenTable(o.file);
  if (!table) return fail(std::move(table).error());
  auto runtime = OpenRuntime(global);
  if (!runtime) return fail(std::move(runtime).error());
  app::Application& application = *(*runtime)->app;
  const app::Actor system = app::SystemActor();
  auto report = enterprises
                    ? app::ImportEnterpriseRows(application.orgs(), application.enterprises(),
                                                system, **table, {}, {})
                    : app::ImportOrgRows(application.orgs(), system, **table, {}, {});
  if (!report) return fail(std::move(report).error());
  return PrintReport(o.file, *report, o.json);
}

//! The options of `orgs import` and `enterprises import`.
std::shared_ptr<ImportCommandOptions> AddTableImportOptions(CLI::App* import) {
  auto o = std::make_shared<ImportCommandOptions>();
  import->add_option("FILE", o->file, "The XLSX or CSV file")->required();
  import->add_flag("--json", o->json, "Print the outcome (or the error) as JSON");
  return o;
}

}  // namespace

void AddOrgsCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* orgs = app.add_subcommand("orgs", "The union tree (acting as the system administrator)");
  orgs->require_subcommand(1);

  auto* add = orgs->add_subcommand("add", "Add an org");
  auto o = std::make_shared<AddOptions>();
  add->add_option("--code", o->code, "Unique code, 1-32 of A-Z a-z 0-9 . _ -")->required();
  add->add_option("--name", o->name, "Name, e.g. 某某公司工会")->required();
  add->add_option("--kind", o->kind, "municipal, district, street, industry, grassroots or group")
      ->required();
  add->add_option("--parent", o->parent, "Code of the parent org (none: a new root)");
  add->add_option("--region", o->region, "GB/T 2260 region code");
  add->add_option("--founded-on", o->founded_on, "Founding date YYYY-MM-DD");
  add->add_option("--chair", o->chair, "Chair of the union");
  add->add_option("--contact", o->contact, "Contact (phone or address)");
  add->callback([&global, &run, o] { run = [&global, o] { return RunAdd(global, *o); }; });

  auto* tree = orgs->add_subcommand("tree", "Print the tree, indented, one org per line");
  auto root = std::make_shared<std::string>();
  tree->add_option("--root", *root, "Code of the org to start from (default: every root)");
  tree->callback(
      [&global, &run, root] { run = [&global, root] { return RunTree(global, *root); }; });

  auto* import = orgs->add_subcommand(
      "import",
      "Import orgs from XLSX or CSV (UTF-8 or GBK): code,name,kind,parent_code,region_code,...");
  auto options = AddTableImportOptions(import);
  import->callback([&global, &run, options] {
    run = [&global, options] { return RunImport(global, *options, false);
};
}  // namespace zj::cli
);
}

void AddEnterprisesCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* enterprises = app.add_subcommand("enterprises", "Enterprises (用人单位)");
  enterprises->require_subcommand(1);
  auto* import =
      enterprises->add_subcommand("import",
                                  "Import or update enterprises from XLSX or CSV (UTF-8 or GBK): "
                                  "name,uscc,region_code,industry,"
                                  "ownership,employees,employees_reported_on,union_code");
  auto options = AddTableImportOptions(import);
  import->callback([&global, &run, options] {
    run = [&global, options] { return RunImport(global, *options, true);
};
});
}

}  // namespace zj::cli
