// The built-in kinds of job: a roster import (through RosterImportService, whose batches are
// what a resume continues after), an org or enterprise table import (one row per transaction;
// the checkpoint is the last row done), and a member export (written, then sealed).
#include <nlohmann/json.hpp>

#include "app/imports/table_import.h"
#include "app/imports/table_stream.h"
#include "app/jobs/job_runner.h"
#include "core/imports/sheet_layout.h"
#include "store/member_imports.h"

namespace zj::app {

namespace {

//! At most this many of a table import's problems are kept in its report (the count is whole).
constexpr std::size_t kKeptProblems = 1000;

nlohmann::json Params(const store::JobRow& job) {
  auto params = nlohmann::json::parse(job.params, nullptr, false);
  return params.is_object() ? params : nlohmann::json::object();
}

std::int64_t IdParam(const nlohmann::json& params, const char* name) {
  const std::string text = params.value(name, "");
  try {
    return text.empty() ? 0 : std::stoll(text);
  } catch (const std::exception&) {
    return 0;
  }
}

//! The data rows of the table (rows that are not blank, a note or a total, less the header):
//! what a progress bar measures against. One quick pass; a title row makes it an estimate.
Result<std::int64_t> CountDataRows(const std::string& path, const std::string& sheet) {
  ZJ_ASSIGN_OR_RETURN(const FileFacts facts, ExamineFile(path));
  ZJ_ASSIGN_OR_RETURN(auto stream, OpenTableFile(path, facts, {sheet}));
  TableRow row;
  std::int64_t rows = 0;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const bool more, stream->Next(row));
    if (!more) break;
    if (imports::KindOfRow(row.cells) == imports::RowKind::kData) ++rows;
  }
  return std::max<std::int64_t>(rows - 1, 0);
}

//! Ends the roster run of a job that stopped for good (cancelled, failed).
void EndRun(Application& app, std::int64_t run_id, const std::string& status) {
  auto lease = app.db().Acquire();
  if (!lease) return;
  auto run = store::FindMemberImport(**lease, run_id);
  if (!run || !*run || (*run)->status != "running") return;
  (*run)->status = status;
  (*run)->updated_at = app.clock().NowMs();
  (*run)->finished_at = (*run)->updated_at;
  (void)store::UpdateMemberImport(**lease, **run);
}

nlohmann::json ReportJson(const ImportReport& report) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : report.problems) {
    if (problems.size() >= kKeptProblems) break;
    nlohmann::json args = nlohmann::json::object();
    for (const auto& [k, v] : p.args) args[k] = v;
    problems.push_back(
        {{"row", p.row}, {"column", p.column}, {"code", p.message_key}, {"args", args}});
  }
  return {{"encoding", report.encoding},       {"header_row", report.header_row},
          {"created", report.created},         {"updated", report.updated},
          {"failed_rows", report.failed_rows}, {"problems", std::move(problems)}};
}

//! The report a resumed table import carries on from (the problems kept so far).
ImportReport ReportOf(const std::optional<std::string>& json) {
  ImportReport report;
  if (!json) return report;
  const auto j = nlohmann::json::parse(*json, nullptr, false);
  if (!j.is_object()) return report;
  report.encoding = j.value("encoding", "");
  report.header_row = j.value("header_row", std::int64_t{0});
  report.created = j.value("created", 0);
  report.updated = j.value("updated", 0);
  report.failed_rows = j.value("failed_rows", 0);
  for (const auto& p : j.value("problems", nlohmann::json::array())) {
    RowProblem problem{p.value("row", 0), p.value("column", ""), p.value("code", ""), {}};
    for (const auto& [k, v] : p.value("args", nlohmann::json::object()).items()) {
      problem.args.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
    }
    report.problems.push_back(std::move(problem));
  }
  return report;
}

}  // namespace

Result<JobOutcome> RunMemberImportJob(JobContext& ctx) {
  const store::JobRow& job = ctx.job();
  const auto params = Params(job);
  const std::string sheet = params.value("sheet", "");
  ZJ_ASSIGN_OR_RETURN(PlainFile input, ctx.app().jobs().OpenInput(job));
  if (!job.rows_expected) {
    ZJ_ASSIGN_OR_RETURN(const std::int64_t rows, CountDataRows(input.path(), sheet));
    ZJ_RETURN_IF_ERROR(ctx.Expect(rows));
  }
  RosterImportHooks hooks;
  hooks.batch_rows = ctx.import_batch_rows();
  std::optional<Error> write_failed;
  hooks.committed = [&](const store::MemberImportRow& run, std::int64_t header_row) {
    JobProgress p;
    p.rows_read = run.rows_total;
    p.rows_committed = run.accepted + run.already_present + run.transfer_candidates;
    p.rows_rejected = run.rejected;
    p.header_row = header_row;
    p.checkpoint = run.rows_committed_through;
    p.result_ref = run.id;
    if (auto saved = ctx.Save(p); !saved && !write_failed) write_failed = saved.error();
  };
  // The decision to stop is taken after a batch committed, where a resume can take over.
  hooks.after_batch = [&](int) -> Result<void> {
    if (write_failed) return Fail(*write_failed);
    return ctx.CheckStop();
  };
  RosterImportRequest request;
  request.union_id = IdParam(params, "union_id");
  request.path = input.path();
  request.file_name = params.value("file_name", "roster");
  request.mode = params.value("mode", "valid-rows");
  request.sheet = sheet;
  hooks.run_id = job.id;
  auto view = ctx.app().roster_imports().Run(ctx.actor(), request, hooks, 0);
  if (!view) {
    const Error& e = view.error();
    if (e.message_key == "error.jobs.cancelled") {
      EndRun(ctx.app(), job.id, "cancelled");
    } else if (e.message_key != "error.jobs.stopping" && e.message_key != "jobs.crashed") {
      EndRun(ctx.app(), job.id, "failed");
    }
    return Fail(std::move(view).error());
  }
  const auto& run = view->run;
  JobProgress last;
  last.rows_read = run.rows_total;
  last.rows_committed = run.accepted + run.already_present + run.transfer_candidates;
  last.rows_rejected = run.rejected;
  last.header_row = run.header_row;
  last.checkpoint = run.rows_committed_through;
  last.result_ref = run.id;
  ZJ_RETURN_IF_ERROR(ctx.Save(last));  // the run is complete: a late cancellation changes nothing
  JobOutcome out;
  out.result_ref = run.id;
  out.report = nlohmann::json{{"status", run.status},
                              {"header_row", run.header_row},
                              {"accepted", run.accepted},
                              {"already_present", run.already_present},
                              {"transfer_candidates", run.transfer_candidates},
                              {"rejected", run.rejected}}
                   .dump();
  return out;
}

Result<JobOutcome> RunTableImportJob(JobContext& ctx) {
  const store::JobRow& job = ctx.job();
  const bool orgs = job.kind == kOrgImportJob;
  ZJ_ASSIGN_OR_RETURN(PlainFile input, ctx.app().jobs().OpenInput(job));
  if (!job.rows_expected) {
    ZJ_ASSIGN_OR_RETURN(const std::int64_t rows, CountDataRows(input.path(), ""));
    ZJ_RETURN_IF_ERROR(ctx.Expect(rows));
  }
  ZJ_ASSIGN_OR_RETURN(const FileFacts facts, ExamineFile(input.path()));
  ZJ_ASSIGN_OR_RETURN(auto stream, OpenTableFile(input.path(), facts, {}));
  std::optional<std::int64_t> header_row;
  TableImportOptions options;
  options.skip_through = job.checkpoint;
  options.header = [&](std::int64_t row) { header_row = row; };
  const auto progress_of = [&](std::int64_t row, const ImportReport& so_far) {
    JobProgress p;
    p.rows_committed = so_far.created + so_far.updated;
    p.rows_rejected = so_far.failed_rows;
    p.rows_read = p.rows_committed + p.rows_rejected;
    p.header_row = header_row;
    p.checkpoint = row;
    p.report = ReportJson(so_far).dump();
    return p;
  };
  // A row that creates or updates a record writes the checkpoint (and the report counting it)
  // in its own transaction: neither an org row (its code would be taken on a second try) nor
  // an enterprise row (created would be counted as updated) may be done twice, nor lost. A
  // refused row wrote nothing, so doing it again after a crash is harmless: its checkpoint is
  // written at most twice a second.
  std::int64_t committed_row = 0;
  std::int64_t last_row = job.checkpoint;
  options.in_commit = [&](store::Connection& conn, std::int64_t row,
                          const ImportReport& with_row) -> Result<void> {
    ZJ_RETURN_IF_ERROR(ctx.CommitWith(conn, progress_of(row, with_row)));
    committed_row = row;
    return {};
  };
  options.after_row = [&](std::int64_t row, const ImportReport& so_far) -> Result<void> {
    last_row = row;
    if (row == committed_row) return {};  // recorded, and the step counted, in its transaction
    return ctx.Progress(progress_of(row, so_far));
  };
  const ImportReport so_far = ReportOf(job.report);
  auto report = orgs ? ImportOrgRows(ctx.app().orgs(), ctx.actor(), *stream, so_far, options)
                     : ImportEnterpriseRows(ctx.app().orgs(), ctx.app().enterprises(), ctx.actor(),
                                            *stream, so_far, options);
  ZJ_RETURN_IF_ERROR(report);
  JobProgress last;
  last.rows_committed = report->created + report->updated;
  last.rows_rejected = report->failed_rows;
  last.rows_read = last.rows_committed + last.rows_rejected;
  last.header_row = header_row;
  last.checkpoint = last_row;
  last.report = ReportJson(*report).dump();
  ZJ_RETURN_IF_ERROR(ctx.Save(last));
  JobOutcome out;
  out.report = last.report;
  return out;
}

Result<JobOutcome> RunMemberExportJob(JobContext& ctx) {
  const store::JobRow& job = ctx.job();
  const auto params = Params(job);
  const bool xlsx = params.value("format", "xlsx") == "xlsx";
  ZJ_ASSIGN_OR_RETURN(const std::string dir, ctx.app().jobs().FilesDir());
  ZJ_ASSIGN_OR_RETURN(ScratchFile scratch,
                      ScratchFile::Create(dir, xlsx ? "members.xlsx" : "members.csv"));
  RosterExportRequest request;
  request.org_id = IdParam(params, "org_id");
  request.subtree = params.value("subtree", false);
  request.full = params.value("full", false);
  request.reason = params.value("reason", "");
  request.out = scratch.path();
  const ExportProgress progress = [&](std::int64_t written) -> Result<void> {
    JobProgress p;
    p.rows_read = written;
    p.rows_committed = written;
    return ctx.Progress(p);
  };
  // An export has nothing to resume from: a second attempt writes the file again.
  ZJ_ASSIGN_OR_RETURN(const std::int64_t written,
                      ctx.app().roster_exports().Export(ctx.actor(), request, progress));
  ZJ_ASSIGN_OR_RETURN(FileKey key, ctx.app().jobs().KeyOf(job));
  JobOutcome out;
  out.result_file = ctx.app().jobs().NewFileName("result");
  ZJ_ASSIGN_OR_RETURN(out.result_bytes,
                      SealFile(scratch.path(), ctx.app().jobs().FilePath(*out.result_file), key));
  JobProgress last;
  last.rows_read = written;
  last.rows_committed = written;
  ZJ_RETURN_IF_ERROR(ctx.Save(last));
  out.report = nlohmann::json{{"rows", written}}.dump();
  return out;
}

}  // namespace zj::app
