// My help (我的帮扶, issue 20): what a signed-in worker sees of the hardship files of their own
// household — the files whose "self" (member_id) is the worker's bound member, normally one open
// and perhaps older closed ones — and of the aid granted to them. In the worker's words: the
// union handling the file, the stage (applied, under review, home visit done, in publicity until
// a day, active with the next review's day, closed with its reason), the final level, the
// household's size, the days it was opened and closed; each grant's kind, period, amount and
// status (under approval, approved, paid on a day, not granted). Nothing else: no household
// member's name or ID, no incomes, no staff names, no notes, objections or trail, no refusal
// reasons (see MyAidGrant). And the worker's own application from My account (Apply), which
// opens the file through the same path as a cadre's (HardshipService::OpenForWorker).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/hardship/hardship_service.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! A workflow stage (core/hardship StageName) in the worker's words: applied, under_review,
//! visited, publicity, active, closed (an erased file too).
std::string WorkerHardshipStage(const std::string& stage);

//! One grant as the worker sees it.
struct MyAidGrant {
  std::int64_t id = 0;
  std::string kind;    //!< living, medical, schooling, festival, emergency
  std::string period;  //!< YYYY or YYYY-MM
  std::int64_t amount_fen = 0;
  //! under_approval (proposed), approved, paid, not_granted (refused). A refusal's reason is
  //! not passed on: the approver writes it for the file's record and the other approvers (it
  //! may speak of budgets, of another grant of the household, of the cadres' own doubts), and
  //! nothing marks it as written for the worker; the union tells the worker in person.
  std::string status;
  std::optional<std::string> paid_on;  //!< YYYY-MM-DD, the last payment's day when paid
  std::int64_t proposed_at = 0;
  std::optional<std::int64_t> decided_at;
};

//! One file as the worker sees it.
struct MyHardshipFile {
  std::int64_t id = 0;
  std::string union_name;  //!< the org handling the file
  //! The workflow's stage in the worker's words: applied, under_review (the union's first check
  //! done), visited (the home visit done; the review above follows), publicity, active, closed.
  std::string stage;
  std::optional<std::string> publicity_ends_on;  //!< while in publicity
  std::optional<std::string> review_due_on;      //!< while active
  std::string level;                             //!< the final level: deep, relative, sudden, …
  int household_size = 1;
  std::string opened_on;  //!< YYYY-MM-DD (Beijing)
  std::optional<std::string> closed_on;
  std::optional<std::string> close_reason;  //!< lifted, retired, transferred, died, other
  std::vector<MyAidGrant> grants;           //!< newest first
};

struct MyHardship {
  std::vector<MyHardshipFile> files;  //!< newest first
  bool may_apply = false;             //!< no open file holds the worker's household
};

//! What the worker fills in on My account: the worker is the household's "self" (their bound
//! member, at their union); `household` the other people.
struct MyHardshipApplication {
  std::int64_t self_income_fen = 0;
  std::vector<NewHouseholdMember> household;
  std::vector<NewExpense> expenses;
  std::int64_t sudden_cost_fen = 0;
  std::int64_t sudden_medical_fen = 0;
  std::string main_cause;
  std::vector<std::string> secondary_causes;
};

class MyHardshipService {
 public:
  static constexpr int kMaxFiles = 20;
  static constexpr int kMaxGrants = 100;

  MyHardshipService(store::Database& db, HardshipService& hardship)
      : db_(db), hardship_(hardship) {}

  //! kPermissionDenied "error.auth.forbidden" for anyone but a worker; kFailedPrecondition
  //! "error.card.not_bound" when the account is bound to no member.
  Result<MyHardship> Get(const Actor& worker);
  //! Opens a file at the worker's union with the worker as "self", in stage applied (field
  //! errors as HardshipService::Open, named household[i].…); kAlreadyExists
  //! "error.hardship.already_open" when someone of the household is in an open file.
  Result<MyHardshipFile> Apply(const Actor& worker, const MyHardshipApplication& application);

 private:
  Result<MyHardshipFile> FileOf(store::Connection& conn, const store::HardshipFileRow& row);

  store::Database& db_;
  HardshipService& hardship_;
};

}  // namespace zj::app
