#include "app/members/roster_import.h"

#include <algorithm>
#include <deque>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "app/imports/table_stream.h"
#include "app/imports/table_writer.h"
#include "app/members/card_numbers.h"
#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/members/name_keys.h"
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
constexpr std::string_view kPhoneField = kMemberPhoneField;

//! One checked data row on its way to the database, with its ciphertexts and blind indexes
//! computed off the writing thread.
struct Pending {
  std::int64_t row = 0;
  std::optional<members::RosterMember> member;
  std::optional<members::RosterRowProblem> problem;
  std::vector<std::string> id_indexes;  //!< [0] under the current key, then older versions
  store::Blob id_cipher;
  std::optional<store::Blob> phone_cipher;
  std::optional<std::string> phone_index;
};

//! A batch of rows, or the end of the file (with the error that ended it, if any).
struct Batch {
  std::vector<Pending> rows;
  std::int64_t last_row = 0;   //!< the last file row read for this batch
  std::int64_t rows_seen = 0;  //!< data rows read so far (blank rows excluded)
  bool end = false;
  std::optional<Error> error;
};

using BatchQueue = BoundedQueue<Batch>;  // two batches deep

//! The file's header: which column holds what, the names as written, the unknown columns.
struct Header {
  members::RosterHeader columns;
  std::vector<std::string> written;  //!< every header cell, trimmed
  std::int64_t row = 0;

  std::string NameOf(const std::optional<members::RosterColumn>& c) const {
    if (!c) return {};
    const auto index = columns.Of(*c);
    if (!index || *index >= written.size()) return std::string(members::ChineseName(*c));
    return written[*index];
  }
};

//! Opens the file and reads its header (the first row that is not blank).
Result<std::pair<std::unique_ptr<TableStream>, Header>> OpenRoster(const std::string& path,
                                                                   const FileFacts& facts,
                                                                   const std::string& sheet) {
  ZJ_ASSIGN_OR_RETURN(auto stream, OpenTableFile(path, facts, {sheet}));
  TableRow row;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const bool more, stream->Next(row));
    if (!more) {
      return Fail(
          Error{ErrorCode::kInvalidArgument, "error.import.empty", path, {}, {{"file", path}}});
    }
    if (!members::IsBlankRow(row.cells)) break;
  }
  Header header;
  header.row = row.number;
  for (const auto& cell : row.cells) header.written.emplace_back(text::TrimSpaces(cell));
  auto parsed = members::ParseRosterHeader(row.cells);
  if (!parsed.problems.empty()) {
    const auto& first = parsed.problems.front();
    Error e{ErrorCode::kInvalidArgument,
            first.message_key,
            "header: " + first.column_name,
            {},
            {{"column", first.column_name}, {"file", path}}};
    for (const auto& p : parsed.problems) {
      e.fields.push_back({"header", p.message_key, {{"column", p.column_name}}});
    }
    return Fail(std::move(e));
  }
  header.columns = std::move(parsed.header);
  return std::pair{std::move(stream), std::move(header)};
}

std::string ArgsJson(const std::vector<std::pair<std::string, std::string>>& args) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : args) j[k] = v;
  return j.dump();
}

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

//! Reads, checks, de-duplicates, seals and indexes the rows (the part that needs no database),
//! handing batches to the writer. Rows up to `skip_through` were committed by an earlier
//! attempt: they are read and checked only so later duplicates of them are still caught.
class RowPreparer {
 public:
  RowPreparer(TableStream& stream, const Header& header, const Vault& vault, members::Date today,
              std::int64_t skip_through, std::size_t batch_rows, bool seal)
      : stream_(stream),
        header_(header),
        vault_(vault),
        today_(today),
        skip_through_(skip_through),
        batch_rows_(std::max<std::size_t>(batch_rows, 1)),
        seal_(seal) {}

  //! The next batch (end set at the end of the file or on an error).
  Batch Next() {
    Batch batch;
    batch.rows.reserve(batch_rows_);
    TableRow row;
    while (batch.rows.size() < batch_rows_) {
      auto more = stream_.Next(row);
      if (!more) {
        batch.error = std::move(more).error();
        batch.end = true;
        break;
      }
      if (!*more) {
        batch.end = true;
        break;
      }
      batch.last_row = row.number;
      if (members::IsBlankRow(row.cells)) continue;
      ++rows_seen_;
      Pending p{row.number, {}, {}, {}, {}, {}, {}};
      auto check = members::CheckRosterRow(header_.columns, row.cells, today_);
      if (check.member) {
        if (auto first = duplicates_.Check(members::IdKey(check.member->id.number), row.number)) {
          p.problem = members::RosterDuplicates::Problem(*first);
        } else {
          p.member = std::move(check.member);
        }
      } else {
        p.problem = std::move(check.problem);
      }
      if (row.number <= skip_through_) continue;
      if (p.member && seal_) {
        if (auto e = Seal(p); !e) {
          batch.error = std::move(e).error();
          batch.end = true;
          break;
        }
      }
      batch.rows.push_back(std::move(p));
    }
    batch.rows_seen = rows_seen_;
    return batch;
  }

 private:
  Result<void> Seal(Pending& p) const {
    // Each value's index comes with its seal, from the same key (vault.h).
    ZJ_ASSIGN_OR_RETURN(SealedValue id, vault_.SealIndexed(kIdField, p.member->id.number));
    p.id_cipher = std::move(id.cipher);
    p.id_indexes = id.Lookups();
    if (p.member->phone) {
      ZJ_ASSIGN_OR_RETURN(SealedValue phone, vault_.SealIndexed(kPhoneField, *p.member->phone));
      p.phone_cipher = std::move(phone.cipher);
      p.phone_index = std::move(phone.index);
    }
    return {};
  }

  TableStream& stream_;
  const Header& header_;
  const Vault& vault_;
  members::Date today_;
  std::int64_t skip_through_;
  std::size_t batch_rows_;
  bool seal_;
  members::RosterDuplicates duplicates_;
  std::int64_t rows_seen_ = 0;
};

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

// The writer: one transaction per batch. Kept as a class of the .cpp so Run stays readable.
class RosterBatchWriter {
 public:
  RosterBatchWriter(store::Connection& conn, const Clock& clock, Random& random,
                    const Header& header, store::MemberImportRow& run,
                    const store::OrgRow& union_org, std::string region6)
      : conn_(conn),
        clock_(clock),
        random_(random),
        header_(header),
        run_(run),
        union_(union_org),
        region6_(std::move(region6)),
        path_ids_(OrgPath::FromStored(union_org.path).Ids()) {}

  Result<void> Write(const Batch& batch) {
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn_));
    const std::int64_t now = clock_.NowMs();
    std::vector<std::string> indexes;
    for (const auto& p : batch.rows) {
      for (const auto& i : p.id_indexes) indexes.push_back(i);
    }
    ZJ_ASSIGN_OR_RETURN(auto active, store::ActiveMembersByIdIndexes(conn_, indexes));
    std::unordered_map<std::string, const store::ActiveMemberRef*> by_index;
    for (const auto& a : active) by_index.emplace(a.id_index, &a);

    std::vector<store::MemberImportOutcome> outcomes;
    std::vector<const Pending*> fresh;
    for (const auto& p : batch.rows) {
      if (p.problem) {
        outcomes.push_back({run_.id, p.row, "rejected", header_.NameOf(p.problem->column),
                            p.problem->code, ArgsJson(p.problem->args), std::nullopt});
        ++run_.rejected;
        continue;
      }
      const store::ActiveMemberRef* found = nullptr;
      for (const auto& i : p.id_indexes) {
        if (auto it = by_index.find(i); it != by_index.end()) found = it->second;
      }
      if (found == nullptr) {
        fresh.push_back(&p);
      } else if (found->union_org_id == union_.id) {
        outcomes.push_back({run_.id, p.row, "present", std::nullopt, std::nullopt, std::nullopt,
                            found->member_id});
        ++run_.already_present;
      } else {
        outcomes.push_back({run_.id, p.row, "candidate", std::nullopt, std::nullopt, std::nullopt,
                            found->member_id});
        ++run_.transfer_candidates;
      }
    }
    if (!fresh.empty()) {
      ZJ_ASSIGN_OR_RETURN(
          std::int64_t serial,
          store::ReserveCardSerials(conn_, region6_, static_cast<std::int64_t>(fresh.size())));
      std::vector<store::MemberRow> rows;
      rows.reserve(fresh.size());
      for (const Pending* p : fresh) rows.push_back(Row(*p, serial++, now));
      ZJ_RETURN_IF_ERROR(store::InsertMembers(conn_, rows));
      coverage::Figures delta;
      delta.members = static_cast<std::int64_t>(fresh.size());
      ZJ_RETURN_IF_ERROR(store::AddToTotals(conn_, path_ids_, delta));
      run_.accepted += static_cast<std::int64_t>(fresh.size());
    }
    ZJ_RETURN_IF_ERROR(store::InsertMemberImportOutcomes(conn_, outcomes));
    run_.rows_total = std::max(run_.rows_total, batch.rows_seen);
    run_.rows_committed_through = std::max(run_.rows_committed_through, batch.last_row);
    run_.updated_at = now;
    ZJ_RETURN_IF_ERROR(store::UpdateMemberImport(conn_, run_));
    return tx.Commit();
  }

 private:
  store::MemberRow Row(const Pending& p, std::int64_t serial, std::int64_t now) {
    const members::RosterMember& m = *p.member;
    store::MemberRow r;
    r.id = NewId(clock_, random_);
    r.federation_id = union_.federation_id;
    r.union_org_id = union_.id;
    r.org_path = union_.path;
    r.name = m.name;
    auto keys = members::NameKeysOf(m.name);
    r.name_pinyin = std::move(keys.pinyin);
    r.name_initials = std::move(keys.initials);
    r.id_cipher = p.id_cipher;
    r.id_index = p.id_indexes.front();
    r.id_last4 = m.id.number.substr(14);
    r.gender = std::string(members::GenderName(m.id.gender));
    r.birth_date = members::FormatDate(m.id.birth_date);
    r.ethnicity = m.ethnicity;
    r.phone_cipher = p.phone_cipher;
    r.phone_index = p.phone_index;
    if (m.phone) r.phone_last4 = m.phone->substr(7);
    r.employer_name = m.employer_name;
    if (m.employer_uscc) {
      if (auto id = EmployerOf(*m.employer_uscc)) {
        r.employer_id = id;
        r.employer_name.reset();
      }
    }
    if (m.join_date) r.join_date = members::FormatDate(*m.join_date);
    r.card_number = members::MakeCardNumber(region6_, static_cast<std::uint32_t>(serial));
    r.migrant_worker = m.migrant_worker;
    r.model_worker = m.model_worker;
    r.status = "active";
    r.key_version =
        Vault::OldestVersion({&r.id_cipher, r.phone_cipher ? &*r.phone_cipher : nullptr});
    r.import_id = run_.id;
    r.created_at = now;
    r.updated_at = now;
    return r;
  }

  //! The enterprise with this USCC, if recorded (cached: rosters repeat their employer).
  std::optional<std::int64_t> EmployerOf(const std::string& uscc) {
    if (auto it = employers_.find(uscc); it != employers_.end()) return it->second;
    std::optional<std::int64_t> id;
    if (auto e = store::FindEnterpriseByUscc(conn_, uscc); e && *e) id = (*e)->id;
    employers_.emplace(uscc, id);
    return id;
  }

  store::Connection& conn_;
  const Clock& clock_;
  Random& random_;
  const Header& header_;
  store::MemberImportRow& run_;
  const store::OrgRow& union_;
  std::string region6_;
  std::vector<std::int64_t> path_ids_;
  std::unordered_map<std::string, std::optional<std::int64_t>> employers_;
};

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
  ZJ_ASSIGN_OR_RETURN(auto opened, OpenRoster(request.path, facts, request.sheet));
  auto& [stream, header] = opened;

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
    run.encoding = stream->encoding();
    run.unknown_columns = nlohmann::json(header.columns.unknown).dump();
    run.stored_file = request.stored_file;
    run.started_at = now;
    run.updated_at = now;
    run.union_name = union_org.name;
    ZJ_RETURN_IF_ERROR(store::InsertMemberImport(conn, run));
  }
  const members::Date today = TodayInChina(clock_);
  if (hooks.committed) hooks.committed(run, header.row);

  if (run.mode == "all-or-nothing" && run.rows_committed_through == 0) {
    // Check every row first; the rows go to the database only when none is rejected.
    RowPreparer checker(*stream, header, vault_, today, 0, 4096, false);
    std::vector<store::MemberImportOutcome> rejected;
    std::int64_t seen = 0;
    for (;;) {
      Batch b = checker.Next();
      if (b.error) return Fail(std::move(*b.error));
      seen = b.rows_seen;
      for (const auto& p : b.rows) {
        if (!p.problem) continue;
        rejected.push_back({run.id, p.row, "rejected", header.NameOf(p.problem->column),
                            p.problem->code, ArgsJson(p.problem->args), std::nullopt});
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
  BatchQueue queue;
  RowPreparer preparer(*opened.first, opened.second, vault_, today, run.rows_committed_through,
                       hooks.batch_rows, true);
  std::thread reader([&] {
    for (;;) {
      if (queue.closed()) return;
      Batch b = preparer.Next();
      const bool end = b.end;
      queue.Push(std::move(b));
      if (end) return;
    }
  });
  RosterBatchWriter writer(conn, clock_, random_, opened.second, run, union_org, region6);
  std::optional<Error> failure;
  for (int n = 1;; ++n) {
    Batch b = queue.Pop();
    if (!b.rows.empty() || b.last_row > run.rows_committed_through) {
      if (auto w = writer.Write(b); !w) {
        failure = std::move(w).error();
        break;
      }
      if (hooks.progress) hooks.progress(b.rows_seen);
      if (hooks.committed) hooks.committed(run, opened.second.row);
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
  ZJ_ASSIGN_OR_RETURN(auto stream, OpenTableFile(path, facts, {sheet}));
  ZJ_ASSIGN_OR_RETURN(auto writer, OpenTableWriter(out, {"名册", "", {}}));
  // Outcomes are read in pages, merged with the file's rows by row number.
  std::deque<store::MemberImportOutcome> outcomes;
  std::int64_t after = 0;
  bool outcomes_done = false;
  std::unordered_map<std::int64_t, std::string> union_names;
  TableRow row;
  bool header_written = false;
  std::size_t width = 0;
  ReportMask mask;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const bool more, stream->Next(row));
    if (!more) break;
    if (members::IsBlankRow(row.cells)) continue;
    if (!header_written) {
      width = row.cells.size();
      row.cells.resize(width);
      row.cells.emplace_back("错误说明");
      ZJ_RETURN_IF_ERROR(writer->Add(row.cells));
      header_written = true;
      if (!reason) mask = ReportMask::Of(row.cells);
      continue;
    }
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
