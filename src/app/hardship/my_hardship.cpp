#include "app/hardship/my_hardship.h"

#include "app/beijing_day.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/calendar/work_calendar.h"
#include "core/hardship/hardship_workflow.h"
#include "core/members/calendar_date.h"
#include "store/aid_grants.h"
#include "store/hardship.h"
#include "store/hardship_flow.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

std::string WorkerGrantStatus(const std::string& status) {
  if (status == "proposed") return "under_approval";
  if (status == "refused") return "not_granted";
  return status;  // approved, paid
}

}  // namespace

// The review above the union (reviewed) waits for the publicity as the visit did: for the
// worker both are "home visit done, being reviewed".
std::string WorkerHardshipStage(const std::string& stage) {
  using hardship::Stage;
  switch (hardship::ParseStage(stage).value_or(Stage::kApplied)) {
    case Stage::kApplied:
      return "applied";
    case Stage::kFirstReviewed:
      return "under_review";
    case Stage::kVisited:
    case Stage::kReviewed:
      return "visited";
    case Stage::kPublicised:
      return "publicity";
    case Stage::kActive:
      return "active";
    case Stage::kClosed:
    case Stage::kErased:
      return "closed";
  }
  return "applied";
}

Result<MyHardshipFile> MyHardshipService::FileOf(store::Connection& conn,
                                                 const store::HardshipFileRow& row) {
  MyHardshipFile f;
  f.id = row.id;
  f.union_name = row.org_name;
  f.level = row.level_final;
  f.household_size = row.household_size;
  f.opened_on = BeijingDay(row.opened_at);
  ZJ_ASSIGN_OR_RETURN(auto flow, store::FindHardshipFlow(conn, row.id));
  const std::string stage = flow ? flow->stage : (row.status == "closed" ? "closed" : "applied");
  f.stage = row.status == "closed" ? "closed" : WorkerHardshipStage(stage);
  if (flow && f.stage == "publicity") f.publicity_ends_on = flow->publicity_ends_on;
  if (flow && f.stage == "active") f.review_due_on = flow->review_due_on;
  if (row.status == "closed") {
    if (row.closed_at) f.closed_on = BeijingDay(*row.closed_at);
    f.close_reason = row.close_reason;
  }
  ZJ_ASSIGN_OR_RETURN(auto grants, store::AidGrantsOfFile(conn, row.id, kMaxGrants));
  for (const auto& g : grants) {
    MyAidGrant m;
    m.id = g.id;
    m.kind = g.kind;
    m.period = g.period;
    m.amount_fen = g.amount_fen;
    m.status = WorkerGrantStatus(g.status);
    m.proposed_at = g.proposed_at;
    m.decided_at = g.decided_at;
    if (g.status == "paid") {
      ZJ_ASSIGN_OR_RETURN(auto payments, store::PaymentsOf(conn, g.id));
      if (!payments.empty()) m.paid_on = payments.back().paid_on;
    }
    f.grants.push_back(std::move(m));
  }
  return f;
}

Result<MyHardship> MyHardshipService::Get(const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  // The stored binding, not the session's cached one (a binding undone meanwhile).
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  if (!account || !account->member_id) return Fail(NotBound());
  ZJ_ASSIGN_OR_RETURN(auto rows,
                      store::HardshipFilesOfMember(*lease, *account->member_id, kMaxFiles));
  MyHardship out;
  out.may_apply = true;
  for (const auto& row : rows) {
    ZJ_ASSIGN_OR_RETURN(auto flow, store::FindHardshipFlow(*lease, row.id));
    if (flow && flow->stage == "erased") continue;  // nothing of it is kept to show
    if (row.status != "closed") out.may_apply = false;
    ZJ_ASSIGN_OR_RETURN(MyHardshipFile f, FileOf(*lease, row));
    out.files.push_back(std::move(f));
  }
  return out;
}

Result<MyHardshipFile> MyHardshipService::Apply(const Actor& worker,
                                                const MyHardshipApplication& application) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  NewHardshipFile in;
  in.member_income_fen = application.self_income_fen;
  in.household = application.household;
  in.expenses = application.expenses;
  in.sudden_cost_fen = application.sudden_cost_fen;
  in.sudden_medical_fen = application.sudden_medical_fen;
  in.main_cause = application.main_cause;
  in.secondary_causes = application.secondary_causes;
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, hardship_.OpenForWorker(worker, std::move(in)));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindHardshipFile(*lease, id));
  if (!row) return Fail(HardshipFileNotFound(id));
  return FileOf(*lease, *row);
}

}  // namespace zj::app
