// Hardship files (困难职工档案, 一户一档, issue 20 slice 1) as use cases: opening a file for a
// household (from a member of the registry or entered by hand) in an org of the actor's
// subtree, its level computed against the standard of the org's region and the year, an
// override of the level with a reason, reading and listing masked, and revealing one
// person's name or ID number with a reason. Hardship data is sensitive personal data (PIPL
// art. 28): every view masks it, and the audit log keeps every reveal and override before it
// happens. A person is in one open file at most, anywhere in the federation: a second one is
// kAlreadyExists "error.hardship.already_open", naming the other file only when the actor
// sees it. Files outside the actor's subtree are kNotFound.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/hardship/standards_service.h"
#include "app/personal_data/vault.h"
#include "app/requests/request_ref.h"
#include "core/hardship/hardship_level.h"
#include "core/result.h"
#include "store/case_links.h"
#include "store/database.h"
#include "store/hardship.h"

namespace zj::app {

//! Vault fields of a household member's sealed values.
inline constexpr std::string_view kHouseholdNameField = "hardship.name";
inline constexpr std::string_view kHouseholdIdField = "hardship.id_number";
inline constexpr std::string_view kHouseholdBankCardField = "hardship.bank_card";
//! The free text of a file's trail (a step's note, visitors, reason), sealed (0047).
inline constexpr std::string_view kHardshipStepTextField = "hardship.step_text";

struct NewHouseholdMember {
  std::string relation;  //!< self, spouse, child, parent, sibling, grandparent, other
  std::string name;
  std::string id_number;
  std::int64_t income_fen = 0;  //!< annual disposable income
  std::optional<std::string> work_status;
};

struct NewExpense {
  std::string kind;  //!< medical, schooling, other
  std::int64_t amount_fen = 0;
};

struct NewHardshipFile {
  std::optional<std::int64_t> org_id;     //!< default: the member's union
  std::optional<std::int64_t> member_id;  //!< a member of the registry: the household's "self"
  std::int64_t member_income_fen = 0;     //!< that member's annual income
  std::vector<NewHouseholdMember> household;
  std::vector<NewExpense> expenses;
  std::int64_t sudden_cost_fen = 0;
  std::int64_t sudden_medical_fen = 0;
  std::string main_cause;
  std::vector<std::string> secondary_causes;
  std::vector<std::string> exclusions;
  std::optional<int> year;  //!< the standard's year; default this year in China
  //! The 12351 request the file comes from (it must be visible to the actor: 404 otherwise);
  //! linked in case_links in the opening transaction.
  std::optional<std::int64_t> request_id;
};

struct HouseholdMemberView {
  std::int64_t id = 0;
  std::string relation;
  std::string name_masked;  //!< "张**"
  std::string id_masked;    //!< "110101********1234"
  std::int64_t income_fen = 0;
  std::optional<std::string> work_status;
};

struct HardshipFileView {
  store::HardshipFileRow row;
  std::string head_name_masked;  //!< the first person's name, masked
  std::string head_id_masked;
  hardship::LevelResult computed;  //!< the arithmetic, recomputed from the stored facts
};

//! The request a file came from, as far as the actor sees it.
struct HardshipFileDetail {
  HardshipFileView file;
  std::optional<RequestRef> request;  //!< only when the actor sees the request
  std::vector<HouseholdMemberView> household;
  std::vector<store::HardshipExpenseRow> expenses;
  std::vector<store::HardshipStepRow> steps;
};

struct HardshipFilter {
  std::string status;           //!< "" for any
  std::string level;            //!< the final level; "" for any
  std::string stage;            //!< the workflow's stage (hardship_workflow.h); "" for any
  bool review_due = false;      //!< only active files whose annual review shows as due
  bool spot_check_due = false;  //!< only files drawn for this year's spot check, not checked
  std::int64_t before_id = 0;   //!< cursor: the last id of the previous page
  int limit = 50;
};

struct HardshipPage {
  std::vector<HardshipFileView> items;
  std::optional<std::int64_t> next_cursor;
};

enum class HouseholdRevealField { kName, kIdNumber };

class HardshipService {
 public:
  HardshipService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                  const Vault& vault, StandardsService& standards)
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        vault_(vault),
        standards_(standards) {}

  //! Cadres, staff and administrators (kPermissionDenied "error.hardship.forbidden" else).
  Result<HardshipFileDetail> Open(const Actor& actor, const NewHardshipFile& file);
  //! The worker's own application from My account, through the same checks, sealing,
  //! one-open-file rule, trail and audit as Open: the bound member is the household's "self",
  //! the file at the member's union (org_id, request_id, exclusions and year of `file` are
  //! ignored). The new file's id; kPermissionDenied for anyone but a worker,
  //! kFailedPrecondition "error.card.not_bound" when the account is bound to no member.
  Result<std::int64_t> OpenForWorker(const Actor& worker, NewHardshipFile file);
  Result<HardshipFileDetail> Get(const Actor& actor, std::int64_t id);
  Result<HardshipPage> List(const Actor& actor, const HardshipFilter& filter);
  //! Sets the final level ("deep", "relative", "sudden", "none", "excluded") with a reason;
  //! the audit entry (hardship.override) first, and a step on the trail.
  Result<HardshipFileDetail> Override(const Actor& actor, std::int64_t id, const std::string& level,
                                      const std::string& reason);
  //! Closes an open file with a reason ("lifted" 脱困, "retired", "transferred", "died",
  //! "other") and a note ("other" needs one): the audit entry (hardship.close) and a step on
  //! the trail in the same transaction, which also frees the household for a new file. A file
  //! already closed is kConflict "error.hardship.closed".
  Result<HardshipFileDetail> Close(const Actor& actor, std::int64_t id, const std::string& reason,
                                   const std::string& note);
  //! One household member's full name or ID number; `reason` required, audited first.
  Result<std::string> Reveal(const Actor& actor, std::int64_t id, std::int64_t person_id,
                             HouseholdRevealField field, const std::string& reason);

 private:
  struct Person;
  //! The new file's facts and people checked (field errors), the people normalised.
  Result<std::vector<Person>> CheckNew(const NewHardshipFile& file) const;
  //! Writes the file, its flow, household, expenses, request link, trail and audit entry in the
  //! caller's transaction; `by_worker`: the worker's own application (no scope to check).
  Result<std::int64_t> Insert(store::Connection& conn, const Actor& actor,
                              const NewHardshipFile& file, std::vector<Person> people,
                              bool by_worker);
  HardshipFileView ViewOf(store::HardshipFileRow row,
                          const std::vector<store::HouseholdMemberRow>& household) const;
  HouseholdMemberView PersonOf(const store::HouseholdMemberRow& m) const;
  Result<HardshipFileDetail> Load(store::Connection& conn, const Actor& actor, std::int64_t id);
  Result<void> Step(store::Connection& conn, const Actor& actor, std::int64_t file_id,
                    const std::string& step,
                    const std::vector<std::pair<std::string, std::string>>& detail);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
  StandardsService& standards_;
};

//! kNotFound "error.not_found" for a file that does not exist or lies outside the scope.
Error HardshipFileNotFound(std::int64_t id);

}  // namespace zj::app
