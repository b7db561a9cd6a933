// Legal aid and rights cases (法律援助 / 维权, issue 20 slice 4) as use cases: opening a case in an
// org of the actor's subtree (directly, or from a 12351 request of category legal_aid or
// rights.*, linked both ways in case_links), the workers involved (a member of the registry or a
// person entered by hand; a worker's ID once per case), the stages forward only, the lawyer or
// legal-aid centre, the outcome and money recovered, closing. Cadres, staff and administrators;
// cases outside the actor's subtree are kNotFound. Every write is audited (legal.*) in its own
// transaction. When a case becomes collective (core/legal/legal_case.h: the federation's
// thresholds) the district above it is alerted once, at once: a message through the outbox and
// the case on the district's workbench card until its staff acknowledge it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "app/requests/request_ref.h"
#include "core/legal/legal_case.h"
#include "core/result.h"
#include "store/database.h"
#include "store/legal_cases.h"

namespace zj::app {

//! Vault fields of a case worker's sealed values and a lawyer's phone.
inline constexpr std::string_view kLegalWorkerIdField = "legal.id_number";
inline constexpr std::string_view kLegalWorkerNameField = "legal.name";
inline constexpr std::string_view kLawyerPhoneField = "legal.lawyer_phone";

//! A worker of a case: a member of the registry (in the actor's subtree), or name and ID number.
struct NewCaseWorker {
  std::optional<std::int64_t> member_id;
  std::string name;
  std::string id_number;
};

struct NewLegalCase {
  std::optional<std::int64_t> org_id;  //!< default: the request's handling org, else the actor's
  std::string type;                    //!< wage_arrears, contract, … (core/legal)
  std::string title;                   //!< 1..200 characters
  std::string employer_uscc;           //!< default: the request's registered employer's
  std::string employer_name;           //!< default: the enterprise register's name
  std::int64_t claimed_fen = 0;
  std::optional<std::int64_t> lawyer_id;
  std::optional<std::string> opened_on;  //!< YYYY-MM-DD, the consultation's day; default today
  std::vector<NewCaseWorker> workers;    //!< at most 200 at once
  //! The request it comes from (visible to the actor, 404 otherwise; category legal_aid or
  //! rights.*), linked in case_links in the opening transaction.
  std::optional<std::int64_t> request_id;
};

//! What PATCH changes; absent fields stay.
struct LegalCaseChange {
  std::optional<std::string> type;
  std::optional<std::string> title;
  std::optional<std::int64_t> claimed_fen;
  std::optional<std::int64_t> recovered_fen;
  std::optional<std::string> outcome;
  bool set_lawyer = false;  //!< lawyer_id given (nullopt then unassigns)
  std::optional<std::int64_t> lawyer_id;
  bool acknowledge_alert = false;
};

struct CaseWorkerView {
  std::int64_t id = 0;
  std::optional<std::int64_t> member_id;
  std::string name_masked;
  std::string id_masked;
  std::int64_t added_at = 0;
};

struct LegalCaseDetail {
  store::LegalCaseRow row;
  std::optional<RequestRef> request;  //!< only when the actor sees the request
  std::vector<CaseWorkerView> workers;
  std::vector<store::LegalCaseStageRow> stages;
  int collective_workers = 10;  //!< the federation's thresholds, for the page
  std::int64_t collective_amount_fen = 0;
};

struct LegalCaseFilter {
  std::string type;     //!< "" for any
  std::string stage;    //!< "" for any
  int collective = -1;  //!< -1 any, 0 no, 1 yes
  bool alerts = false;  //!< only collective disputes whose alert nobody acknowledged yet
  std::int64_t before_id = 0;
  int limit = 50;
};

struct LegalCasePage {
  std::vector<store::LegalCaseRow> items;
  std::optional<std::int64_t> next_cursor;
};

class LegalCaseService {
 public:
  LegalCaseService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                   const Vault& vault)
      : db_(db), clock_(clock), random_(random), audit_(audit), vault_(vault) {}

  //! Cadres, staff and administrators (kPermissionDenied "error.legal.forbidden" else).
  Result<LegalCaseDetail> Open(const Actor& actor, const NewLegalCase& in);
  Result<LegalCaseDetail> Get(const Actor& actor, std::int64_t id);
  Result<LegalCasePage> List(const Actor& actor, const LegalCaseFilter& filter);
  //! Type, title, money, outcome, lawyer; acknowledging the alert is for an org of district
  //! level or above (kPermissionDenied "error.legal.ack_forbidden" else). A closed case is
  //! kConflict "error.legal.closed".
  Result<LegalCaseDetail> Update(const Actor& actor, std::int64_t id, const LegalCaseChange& c);
  //! A worker's ID twice in one case is kAlreadyExists "error.legal.worker_twice".
  Result<LegalCaseDetail> AddWorker(const Actor& actor, std::int64_t id, const NewCaseWorker& w);
  Result<LegalCaseDetail> RemoveWorker(const Actor& actor, std::int64_t id, std::int64_t worker_id);
  //! Moves to a later open stage from `started_on` (YYYY-MM-DD, not before the current stage's
  //! start nor after today); back or the same is kConflict "error.legal.stage_order".
  Result<LegalCaseDetail> Advance(const Actor& actor, std::int64_t id, const std::string& stage,
                                  const std::string& started_on, const std::string& note);
  //! Closes with the outcome and the money recovered (optional: kept as it was). A case that
  //! came from a request queues the request's 回访 in the requests' follow-up queue, once.
  Result<LegalCaseDetail> Close(const Actor& actor, std::int64_t id, const std::string& outcome,
                                std::optional<std::int64_t> recovered_fen,
                                const std::string& closed_on);

 private:
  Result<LegalCaseDetail> Load(store::Connection& conn, const Actor& actor, std::int64_t id);
  //! The case when it exists and lies in the actor's scope (kNotFound else), open unless
  //! `closed_ok`.
  Result<store::LegalCaseRow> Writable(store::Connection& conn, const Actor& actor,
                                       std::int64_t id);
  Result<void> InsertWorker(store::Connection& conn, const Actor& actor,
                            const store::LegalCaseRow& c, const NewCaseWorker& w,
                            const std::string& field);
  //! Recomputes `collective` with the federation's rule and alerts the district when the case
  //! just became collective and was never alerted; then writes the row.
  Result<void> Save(store::Connection& conn, store::LegalCaseRow& c);
  //! When the case came from a request, queues the request's 回访 (reason "legal_closed").
  Result<void> ScheduleFollowUp(store::Connection& conn, std::int64_t id, std::int64_t now);
  Result<void> Audit(store::Connection& conn, const Actor& actor, const std::string& action,
                     std::int64_t id, std::vector<std::pair<std::string, std::string>> detail = {});

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
};

//! Cadres, staff and administrators; kPermissionDenied "error.legal.forbidden" else.
Result<void> MustWorkWithLegal(const Actor& actor);
//! kNotFound "error.not_found" for a case that does not exist or lies outside the scope.
Error LegalCaseNotFound(std::int64_t id);
//! The federation's thresholds (its legal_rules row, else the defaults of core/legal).
Result<legal::CollectiveRule> CollectiveRuleOf(store::Connection& conn, std::int64_t federation_id);

}  // namespace zj::app
