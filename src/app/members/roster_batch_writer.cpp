#include "app/members/roster_batch_writer.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/coverage/coverage_figures.h"
#include "core/members/member_fields.h"
#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/member_cards.h"
#include "store/members.h"

namespace zj::app {

namespace {

std::string ArgsJson(const std::vector<std::pair<std::string, std::string>>& args) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : args) j[k] = v;
  return j.dump();
}

}  // namespace

store::MemberImportOutcome RejectedOutcome(std::int64_t import_id, const PendingRow& row,
                                           const RosterFileHeader& header) {
  return {import_id,         row.row,
          "rejected",        header.NameOf(row.problem->column),
          row.problem->code, ArgsJson(row.problem->args),
          std::nullopt};
}

RosterBatchWriter::RosterBatchWriter(store::Connection& conn, const Clock& clock, Random& random,
                                     const RosterFileHeader& header, store::MemberImportRow& run,
                                     const store::OrgRow& union_org, std::string region6)
    : conn_(conn),
      clock_(clock),
      random_(random),
      header_(header),
      run_(run),
      union_(union_org),
      region6_(std::move(region6)),
      path_ids_(OrgPath::FromStored(union_org.path).Ids()) {}

Result<void> RosterBatchWriter::Write(RosterBatch& batch) {
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn_));
  const std::int64_t now = clock_.NowMs();
  store::MemberImportRow run = run_;  // run_ changes only once the batch is committed
  std::vector<std::string> indexes;
  for (const auto& p : batch.rows) {
    for (const auto& i : p.id_indexes) indexes.push_back(i);
  }
  ZJ_ASSIGN_OR_RETURN(auto active, store::ActiveMembersByIdIndexes(conn_, indexes));
  std::unordered_map<std::string, const store::ActiveMemberRef*> by_index;
  for (const auto& a : active) by_index.emplace(a.id_index, &a);

  std::vector<store::MemberImportOutcome> outcomes;
  std::vector<PendingRow*> fresh;
  for (auto& p : batch.rows) {
    if (p.problem) {
      outcomes.push_back(RejectedOutcome(run.id, p, header_));
      ++run.rejected;
      continue;
    }
    const store::ActiveMemberRef* found = nullptr;
    for (const auto& i : p.id_indexes) {
      if (auto it = by_index.find(i); it != by_index.end()) found = it->second;
    }
    if (found == nullptr) {
      fresh.push_back(&p);
    } else if (found->union_org_id == union_.id) {
      outcomes.push_back(
          {run.id, p.row, "present", std::nullopt, std::nullopt, std::nullopt, found->member_id});
      ++run.already_present;
    } else {
      outcomes.push_back(
          {run.id, p.row, "candidate", std::nullopt, std::nullopt, std::nullopt, found->member_id});
      ++run.transfer_candidates;
    }
  }
  if (!fresh.empty()) {
    ZJ_ASSIGN_OR_RETURN(
        std::int64_t serial,
        store::ReserveCardSerials(conn_, region6_, static_cast<std::int64_t>(fresh.size())));
    std::vector<store::MemberRow> rows;
    rows.reserve(fresh.size());
    for (PendingRow* p : fresh) {
      store::MemberRow& r = rows.emplace_back(std::move(*p->member));
      r.id = NewId(clock_, random_);
      r.card_number = members::MakeCardNumber(region6_, static_cast<std::uint32_t>(serial++));
      if (p->employer_uscc) {
        ZJ_ASSIGN_OR_RETURN(auto employer, EmployerOf(*p->employer_uscc));
        if (employer) {
          r.employer_id = employer;
          r.employer_name.reset();
        }
      }
      r.import_id = run.id;
      r.created_at = now;
      r.updated_at = now;
    }
    ZJ_RETURN_IF_ERROR(store::InsertMembers(conn_, rows));
    coverage::Figures delta;
    delta.members = static_cast<std::int64_t>(fresh.size());
    ZJ_RETURN_IF_ERROR(store::AddToTotals(conn_, path_ids_, delta));
    run.accepted += static_cast<std::int64_t>(fresh.size());
  }
  ZJ_RETURN_IF_ERROR(store::InsertMemberImportOutcomes(conn_, outcomes));
  run.rows_total = std::max(run.rows_total, batch.rows_seen);
  run.rows_committed_through = std::max(run.rows_committed_through, batch.last_row);
  run.updated_at = now;
  ZJ_RETURN_IF_ERROR(store::UpdateMemberImport(conn_, run));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  run_ = std::move(run);
  return {};
}

Result<std::optional<std::int64_t>> RosterBatchWriter::EmployerOf(const std::string& uscc) {
  if (auto it = employers_.find(uscc); it != employers_.end()) return it->second;
  ZJ_ASSIGN_OR_RETURN(auto enterprise, store::FindEnterpriseByUscc(conn_, uscc));
  std::optional<std::int64_t> id;
  if (enterprise) id = enterprise->id;
  employers_.emplace(uscc, id);
  return id;
}

}  // namespace zj::app
