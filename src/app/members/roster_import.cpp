#include "app/members/roster_import.h"

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "app/imports/header_search.h"
#include "app/imports/table_stream.h"
#include "app/imports/table_writer.h"
#include "app/members/card_numbers.h"
#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/members/roster_batch_writer.h"
#include "app/members/roster_batches.h"
#include "app/orgs/org_scope.h"
#include "app/system/bounded_queue.h"
#include "core/calendar/work_calendar.h"
#include "core/coverage/coverage_figures.h"
#include "core/members/member_fields.h"
#include "core/members/roster_row.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/member_cards.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr std::string_view kIdField = kMemberIdField;

//! The page cache of the connection writing an import's batches (SQLite), in MiB: a batch of
//! 20,000 rows dirties up to ~80 MiB of index pages in a 100,000-member table; with SQLite's
//! default 2 MiB they spill to the WAL mid-transaction and are read back, and the import wrote
//! 3 GB for 100,000 rows. Measured (bench/README.md): 64 MiB ~ 0.85 of 256 MiB's rate, 128 MiB
//! ~ 0.9, within the import's RSS limit of 300 MiB.
constexpr int kImportCacheMib = 128;

using BatchQueue = BoundedQueue<RosterBatch>;

std::vector<std::pair<std::string, std::string>> ArgsOf(const std::optional<std::string>& json) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!json) return out;
  const auto j = nlohmann::json::parse(*json, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items())
    out.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

std::vector<std::string> UnknownOf(const std::optional<std::string>& json) {
  std::vector<std::string> out;
  if (!json) return out;
  const auto j = nlohmann::json::parse(*json, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& v : j) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

//! The columns of a report whose cells are masked: ID numbers and phones, found by the header.
struct ReportMask {
  std::optional<std::size_t> id;
  std::optional<std::size_t> phone;

  static ReportMask Of(const std::vector<std::string>& header) {
    const auto parsed = members::ParseRosterHeader(header);
    return {parsed.header.Of(members::RosterColumn::kIdNumber),
            parsed.header.Of(members::RosterColumn::kPhone)};
  }
  //! Masks as the API does; a cell that is not plain digits once made half-width (a typo, a
  //! number Excel mangled) is starred whole rather than risk showing more.
  void Apply(std::vector<std::string>& cells) const {
    auto masked = [](std::string& cell, bool id) {
      const std::string plain = text::ToHalfWidth(text::TrimSpaces(cell));
      const bool ascii = std::all_of(plain.begin(), plain.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
      if (plain.empty()) return;
      if (!ascii) {
        cell = "****";
      } else {
        cell = id ? personal_data::MaskNationalId(plain) : personal_data::MaskPhone(plain);
      }
    };
    if (id && *id < cells.size()) masked(cells[*id], true);
    if (phone && *phone < cells.size()) masked(cells[*phone], false);
  }
};

//! The run `id` with the first `max_items` rejections and candidates (no scope check).
Result<RosterImportView> ViewOf(store::Connection& conn, const Vault& vault, std::int64_t id,
                                std::size_t max_items) {
  ZJ_ASSIGN_OR_RETURN(auto run, store::FindMemberImport(conn, id));
  if (!run) return Fail(ErrorCode::kNotFound, "error.not_found", "import " + std::to_string(id));
  RosterImportView view;
  view.run = std::move(*run);
  view.unknown_columns = UnknownOf(view.run.unknown_columns);
  const auto limit = static_cast<std::int64_t>(max_items);
  ZJ_ASSIGN_OR_RETURN(auto rejected, store::MemberImportOutcomes(conn, id, "rejected", 0, limit));
  for (const auto& o : rejected) {
    view.rejections.push_back(
        {o.row_number, o.column_name.value_or(""), o.code.value_or(""), ArgsOf(o.args)});
  }
  ZJ_ASSIGN_OR_RETURN(auto candidates,
                      store::MemberImportOutcomes(conn, id, "candidate", 0, limit));
  for (const auto& o : candidates) {
    RosterCandidate c;
    c.row = o.row_number;
    c.member_id = o.member_id.value_or(0);
    if (o.member_id) {
      ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(conn, *o.member_id));
      if (m) {
        c.name = m->name;
        auto id_number = vault.Open(kIdField, m->id_cipher);
        c.id_masked = id_number ? personal_data::MaskNationalId(*id_number)
                                : personal_data::MaskNationalId("**************" + m->id_last4);
        c.union_id = m->union_org_id;
        c.union_name = m->union_name;
      }
    }
    view.candidates.push_back(std::move(c));
  }
  return view;
}

}  // namespace

Result<RosterImportView> RosterImportService::Run(const Actor& actor,
                                                  const RosterImportRequest& request,
                                                  const RosterImportHooks& hooks,
                                                  std::size_t max_items) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  if (request.mode != "valid-rows" && request.mode != "all-or-nothing") {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "mode " + request.mode, {}, {}};
    e.fields.push_back({"mode", "error.import.mode", {}});
    return Fail(std::move(e));
  }
  {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "too long", {}, {}};
    if (auto f = text::CheckLength("file_name", request.file_name, text::TextKind::kFileName)) {
      e.fields.push_back(std::move(*f));
    }
    if (auto f = text::CheckLength("sheet", request.sheet, text::TextKind::kSearch)) {
      e.fields.push_back(std::move(*f));
    }
    if (!e.fields.empty()) return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  ZJ_ASSIGN_OR_RETURN(const store::OrgRow union_org,
                      LoadOrgInScope(conn, actor, request.union_id, "union_id"));
  if (union_org.kind != "grassroots" || union_org.status != "active") {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "not a grassroots union", {}, {}};
    e.fields.push_back({"union_id", "error.members.not_grassroots", {}});
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(const std::string region6, members::CardRegionOf(conn, union_org));
  ZJ_ASSIGN_OR_RETURN(const FileFacts facts, ExamineFile(request.path));
  ZJ_ASSIGN_OR_RETURN(OpenedRoster opened, OpenRoster(request.path, facts, request.sheet));

  // The run: an unfinished one of the same file for this union is resumed.
  ZJ_ASSIGN_OR_RETURN(auto running,
                      store::FindRunningMemberImport(conn, union_org.id, facts.sha256));
  if (running && hooks.run_id && running->id != *hooks.run_id) running.reset();
  const bool resumed = running.has_value();
  store::MemberImportRow run;
  if (running) {
    run = std::move(*running);
  } else {
    const std::int64_t now = clock_.NowMs();
    run.id = hooks.run_id ? *hooks.run_id : NewId(clock_, random_);
    run.federation_id = union_org.federation_id;
    run.union_org_id = union_org.id;
    run.org_path = union_org.path;
    if (actor.user_id != 0) run.actor_id = actor.user_id;
    run.file_name = request.file_name;
    run.file_sha256 = facts.sha256;
    run.mode = request.mode;
    run.status = "running";
    run.encoding = opened.rows->encoding();
    run.unknown_columns = nlohmann::json(opened.header.columns.unknown).dump();
    run.header_row = opened.header.row;
    run.stored_file = request.stored_file;
    run.started_at = now;
    run.updated_at = now;
    run.union_name = union_org.name;
    ZJ_RETURN_IF_ERROR(store::InsertMemberImport(conn, run));
  }
  const members::Date today = TodayInChina(clock_);
  if (hooks.committed) hooks.committed(run, opened.header.row);

  if (run.mode == "all-or-nothing" && run.rows_committed_through == 0) {
    // Check every row first; the rows go to the database only when none is rejected.
    RosterRowReader checker(*opened.rows, opened.header, vault_, today, 0, 4096, false);
    std::vector<store::MemberImportOutcome> rejected;
    std::int64_t seen = 0;
    for (;;) {
      RosterBatch b = checker.Next();
      if (b.error) return Fail(std::move(*b.error));
      seen = b.rows_seen;
      for (const auto& p : b.rows) {
        if (p.problem) rejected.push_back(RejectedOutcome(run.id, p, opened.header));
      }
      if (b.end) break;
    }
    if (!rejected.empty()) {
      ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn));
      ZJ_RETURN_IF_ERROR(store::InsertMemberImportOutcomes(conn, rejected));
      run.status = "refused";
      run.rows_total = seen;
      run.rejected = static_cast<std::int64_t>(rejected.size());
      run.updated_at = clock_.NowMs();
      run.finished_at = run.updated_at;
      ZJ_RETURN_IF_ERROR(store::UpdateMemberImport(conn, run));
      ZJ_RETURN_IF_ERROR(audit_.Record(conn, AuditActor::From(actor),
                                       AuditEvent{"members.import",
                                                  "member_import",
                                                  std::to_string(run.id),
                                                  "failed",
                                                  {},
                                                  {{"union_id", std::to_string(union_org.id)},
                                                   {"file", run.file_name},
                                                   {"rejected", std::to_string(run.rejected)}}}));
      ZJ_RETURN_IF_ERROR(tx.Commit());
      return ViewOf(conn, vault_, run.id, max_items);
    }
    ZJ_ASSIGN_OR_RETURN(opened, OpenRoster(request.path, facts, request.sheet));
  }

  // Read, check and seal on one thread while this one writes the previous batch.
  ZJ_ASSIGN_OR_RETURN(const store::ImportPageCache cache,
                      store::ImportPageCache::Begin(conn, kImportCacheMib));
  BatchQueue queue(1);  // one batch ahead of the writer: three in memory at most
  RosterRowReader reading(*opened.rows, opened.header, vault_, today, run.rows_committed_through,
                          hooks.batch_rows, true,
                          {union_org.federation_id, union_org.id, union_org.path});
  std::thread reader([&] {
    for (;;) {
      if (queue.closed()) return;
      RosterBatch b = reading.Next();
      const bool end = b.end;
      queue.Push(std::move(b));
      if (end) return;
    }
  });
  RosterBatchWriter writer(conn, clock_, random_, opened.header, run, union_org, region6);
  std::optional<Error> failure;
  for (int n = 1;; ++n) {
    RosterBatch b = queue.Pop();
    if (!b.rows.empty() || b.last_row > run.rows_committed_through) {
      if (auto w = writer.Write(b); !w) {
        failure = std::move(w).error();
        break;
      }
      if (hooks.progress) hooks.progress(b.rows_seen);
      if (hooks.committed) hooks.committed(run, opened.header.row);
      if (hooks.after_batch) {
        if (auto h = hooks.after_batch(n); !h) {
          failure = std::move(h).error();
          break;
        }
      }
    }
    if (b.error) {
      failure = std::move(*b.error);
      break;
    }
    if (b.end) break;
  }
  queue.Close();
  reader.join();
  if (failure) return Fail(std::move(*failure));

  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn));
  run.status = "done";
  run.updated_at = clock_.NowMs();
  run.finished_at = run.updated_at;
  ZJ_RETURN_IF_ERROR(store::UpdateMemberImport(conn, run));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      conn, AuditActor::From(actor),
      AuditEvent{"members.import",
                 "member_import",
                 std::to_string(run.id),
                 "ok",
                 {},
                 {{"union_id", std::to_string(union_org.id)},
                  {"file", run.file_name},
                  {"accepted", std::to_string(run.accepted)},
                  {"rejected", std::to_string(run.rejected)},
                  {"already_present", std::to_string(run.already_present)},
                  {"transfer_candidates", std::to_string(run.transfer_candidates)}}}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  ZJ_ASSIGN_OR_RETURN(RosterImportView view, ViewOf(conn, vault_, run.id, max_items));
  view.resumed = resumed;
  return view;
}

Result<RosterImportView> RosterImportService::Get(const Actor& actor, std::int64_t id,
                                                  std::size_t max_items) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto run, store::FindMemberImport(*lease, id));
  if (!run || !PathInScope(actor, run->org_path)) {
    return Fail(ErrorCode::kNotFound, "error.not_found", "import " + std::to_string(id));
  }
  return ViewOf(*lease, vault_, id, max_items);
}

Result<std::vector<store::MemberImportRow>> RosterImportService::List(
    const Actor& actor, std::optional<std::int64_t> union_id, int limit,
    const std::string& status) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  if (!status.empty() && status != "running" && status != "done" && status != "refused" &&
      status != "failed") {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "status", {}, {}};
    e.fields.push_back({"status", "error.members.import_status", {}});
    return Fail(std::move(e));
  }
  const auto range = ScopeRange(actor);
  if (!range) return std::vector<store::MemberImportRow>{};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::ListMemberImports(*lease, range->first, range->second, union_id,
                                  std::clamp(limit, 1, 200), status);
}

Result<void> RosterImportService::WriteReport(const Actor& actor, std::int64_t id,
                                              const std::string& path, const std::string& sheet,
                                              const std::string& out, i18n::Locale locale,
                                              const std::optional<std::string>& reveal_reason) {
  std::optional<std::string> reason;
  if (reveal_reason) {
    ZJ_ASSIGN_OR_RETURN(reason, CheckReason("reason", *reveal_reason));
  }
  ZJ_ASSIGN_OR_RETURN(RosterImportView view, Get(actor, id, 0));
  ZJ_ASSIGN_OR_RETURN(const FileFacts facts, ExamineFile(path));
  if (facts.sha256 != view.run.file_sha256) {
    return Fail(ErrorCode::kFailedPrecondition, "error.import.report_file",
                "the file is not the one imported");
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  std::vector<std::pair<std::string, std::string>> detail{{"file", out},
                                                          {"full", reason ? "true" : "false"}};
  if (reason) detail.emplace_back("reason", *reason);
  ZJ_RETURN_IF_ERROR(audit_.Record(
      conn, AuditActor::From(actor),
      AuditEvent{"members.import_report", "member_import", std::to_string(id), "ok", {}, detail}));
  ZJ_ASSIGN_OR_RETURN(OpenedRoster opened, OpenRoster(path, facts, sheet));
  ZJ_ASSIGN_OR_RETURN(auto writer, OpenTableWriter(out, {"名册", "", {}}));
  // The rows above the header (a title) stay above it; the header gets the error column.
  for (const auto& above : opened.above) {
    if (!members::IsBlankRow(above.cells)) ZJ_RETURN_IF_ERROR(writer->Add(above.cells));
  }
  TableRow row{opened.header.row, std::move(opened.header_cells)};
  const std::size_t width = row.cells.size();
  ReportMask mask;
  if (!reason) mask = ReportMask::Of(row.cells);
  row.cells.emplace_back("错误说明");
  ZJ_RETURN_IF_ERROR(writer->Add(row.cells));
  // Outcomes are read in pages, merged with the file's rows by row number.
  std::deque<store::MemberImportOutcome> outcomes;
  std::int64_t after = 0;
  bool outcomes_done = false;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const bool more, opened.rows->Next(row));
    if (!more) break;
    if (members::IsBlankRow(row.cells)) continue;
    mask.Apply(row.cells);
    while (!outcomes_done && (outcomes.empty() || outcomes.back().row_number < row.number)) {
      ZJ_ASSIGN_OR_RETURN(auto page, store::MemberImportOutcomes(conn, id, "", after, 1000));
      if (page.size() < 1000) outcomes_done = true;
      if (!page.empty()) after = page.back().row_number;
      for (auto& o : page) outcomes.push_back(std::move(o));
    }
    while (!outcomes.empty() && outcomes.front().row_number < row.number) outcomes.pop_front();
    std::string note;
    if (!outcomes.empty() && outcomes.front().row_number == row.number) {
      const auto& o = outcomes.front();
      if (o.outcome == "rejected") {
        note = i18n::Translate(locale, o.code.value_or("error.invalid_input"), ArgsOf(o.args));
        if (o.column_name && !o.column_name->empty()) note.insert(0, *o.column_name + "：");
      } else if (o.outcome == "candidate" && o.member_id) {
        ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(conn, *o.member_id));
        note = i18n::Translate(locale, "members.import.candidate",
                               {{"union", m ? m->union_name : std::string()}});
      }
    }
    row.cells.resize(std::max(width, row.cells.size()));
    row.cells.push_back(std::move(note));
    ZJ_RETURN_IF_ERROR(writer->Add(row.cells));
  }
  return writer->Close();
}

Result<CandidateTransfers> RosterImportService::RequestTransfers(
    const Actor& actor, TransferService& transfers, std::int64_t id, const std::string& reason,
    const std::optional<std::vector<std::int64_t>>& rows) {
  ZJ_ASSIGN_OR_RETURN(RosterImportView view, Get(actor, id, 0));
  CandidateTransfers out;
  std::int64_t after = 0;
  for (;;) {
    std::vector<store::MemberImportOutcome> page;
    {
      ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
      ZJ_ASSIGN_OR_RETURN(page, store::MemberImportOutcomes(*lease, id, "candidate", after, 500));
    }
    for (const auto& o : page) {
      after = o.row_number;
      if (rows && std::find(rows->begin(), rows->end(), o.row_number) == rows->end()) continue;
      if (!o.member_id) continue;
      auto requested =
          transfers.RequestByMember(actor, *o.member_id, view.run.union_org_id, reason, id);
      if (requested) {
        ++out.created;
        continue;
      }
      // A bad reason or a refused actor fails the whole request; a member who meanwhile has a
      // pending transfer, left, or moved is skipped.
      const ErrorCode code = requested.error().code;
      if (code == ErrorCode::kAlreadyExists || code == ErrorCode::kConflict ||
          code == ErrorCode::kNotFound || code == ErrorCode::kFailedPrecondition) {
        ++out.skipped;
        continue;
      }
      return Fail(std::move(requested).error());
    }
    if (page.size() < 500) break;
  }
  return out;
}

}  // namespace zj::app
