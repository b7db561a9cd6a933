// Mutual-aid plans on the member card (互助保障, issue 22) as use cases over the store
// (docs/design/activities.md "Rules in app/"): the federation's or a district's staff create a
// plan with its benefit table (core CheckBenefitRule) and payers (CheckPayers); open the period
// containing a day (core PeriodOf); a union enrols its active members in bulk (covered from the
// period's start or the day confirmed; idempotent); makes its additions-and-removals list from
// the registry's status changes, new members and transfers since its last list (core Diff),
// sends it, and the plan's level applies it (removed_on the day after the change, additions
// enrolled). Claims: a cadre files for a member, or the worker from My account;
// CoverageRefusal and Compute decide eligibility and amount; the incident key is unique among
// claims not refused (409 error.mutual_aid.claimed_twice, naming the first claim when the actor
// may see it); the plan's level approves, refuses (with a reason) and records the payment (the
// member marked served). Anything outside the actor's subtree is kNotFound; a plan is also seen
// from below (a union's cadre sees its district's plan). Approvals, refusals and payments are
// audited. The service is constructed per call (no state beyond its dependencies).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/mutual_aid/contributions.h"
#include "core/mutual_aid/plans.h"
#include "core/mutual_aid/roster_changes.h"
#include "core/result.h"
#include "store/database.h"
#include "store/mutual_aid.h"

namespace zj::app {

struct NewMaPlan {
  std::optional<std::int64_t> org_id;  //!< a municipal federation or a district; default: actor's
  std::string code;                    //!< [a-z0-9_], 1..40, once per org
  std::string title;                   //!< 1..200 characters
  std::string kind = "medical";        //!< medical, accident, property
  unsigned period_month = 6;
  unsigned period_day = 1;
  std::int64_t per_head_fen = 0;  //!< 0..¥10,000
  std::vector<mutual_aid::PayerShare> payers;
  std::string eligibility = "card_holders";       //!< card_holders, in_service_medical
  int changes_days_before = 15;                   //!< 0..90
  std::vector<mutual_aid::BenefitRule> benefits;  //!< 1..20
};

struct MaPlanDetail {
  store::MaPlanRow row;
  std::vector<mutual_aid::PayerShare> payers;
  std::vector<mutual_aid::BenefitRule> benefits;
  std::vector<store::MaPeriodRow> periods;  //!< latest first
};

struct MaEnrolOutcome {
  store::MaPeriodRow period;
  std::int64_t enrolled = 0;  //!< newly enrolled by this call
  std::int64_t in_org = 0;    //!< enrolled under the org now, not removed
};

struct MaListLine {
  std::int64_t member_id = 0;
  std::string since;
  std::string reason;  //!< joined, moved_in, reinstated; moved_out, retired, died, left
};

struct MaListView {
  store::MaListRow row;
  std::vector<MaListLine> additions;
  std::vector<MaListLine> removals;
};

struct NewMaClaim {
  std::int64_t plan_id = 0;
  std::int64_t member_id = 0;  //!< a cadre's claim; the worker's own member otherwise
  std::string benefit_code;
  std::string incident_date;  //!< YYYY-MM-DD
  std::int64_t loss_fen = 0;
  std::vector<std::string> items;
  std::optional<std::int64_t> request_id;
};

struct MaClaimView {
  store::MaClaimRow row;
  std::string plan_title;
  std::int64_t loss_fen = 0;
  std::vector<std::string> items;
};

struct MaClaimPage {
  std::vector<MaClaimView> items;
  std::optional<std::int64_t> next_cursor;
};

//! A period whose additions-and-removals list the actor's union owes: ChangesDueOn is at most
//! kListDueWindowDays away (or passed, until the period ends) and the union has sent no list
//! made since the window opened.
struct MaListDue {
  store::MaPlanRow plan;
  store::MaPeriodRow period;
  std::int64_t org_id = 0;  //!< the actor's org, whose list is due
  std::string due_on;       //!< ChangesDueOn
};
inline constexpr int kListDueWindowDays = 30;

//! The 12351 prompt: the request's words suggest a claim, its requester is a member the actor
//! sees, covered by these plans on the day the request came in.
struct MaClaimPrompt {
  std::int64_t request_id = 0;
  std::int64_t member_id = 0;
  std::string incident_date;        //!< the request's day (Beijing)
  std::vector<std::string> words;   //!< the prompt words found
  std::vector<MaPlanDetail> plans;  //!< with their benefits (no periods)
};

//! What a worker sees of a plan they are in this period.
struct MyMaPlan {
  store::MaPlanRow plan;
  store::MaPeriodRow period;
  std::string covered_from;
  std::optional<std::string> removed_on;
  std::vector<mutual_aid::BenefitRule> benefits;
};

class MutualAidService {
 public:
  MutualAidService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  Result<MaPlanDetail> CreatePlan(const Actor& actor, const NewMaPlan& in);
  Result<std::vector<store::MaPlanRow>> ListPlans(const Actor& actor);
  Result<MaPlanDetail> GetPlan(const Actor& actor, std::int64_t id);
  //! The period containing `day` (YYYY-MM-DD; default today), opened when new.
  Result<store::MaPeriodRow> OpenPeriod(const Actor& actor, std::int64_t plan_id,
                                        const std::string& day);
  Result<std::vector<store::MaPeriodRow>> Periods(const Actor& actor, std::int64_t plan_id);
  //! Every active member under `org_id` (in the plan's subtree and the actor's) not enrolled.
  Result<MaEnrolOutcome> Enrol(const Actor& actor, std::int64_t period_id, std::int64_t org_id);
  Result<MaListView> MakeList(const Actor& actor, std::int64_t period_id, std::int64_t org_id);
  Result<std::vector<MaListView>> Lists(const Actor& actor, std::int64_t period_id);
  //! kConflict "error.mutual_aid.list_state" when not a draft (send) / not sent (apply).
  Result<MaListView> SendList(const Actor& actor, std::int64_t list_id);
  Result<MaListView> ApplyList(const Actor& actor, std::int64_t list_id);

  Result<MaClaimView> FileClaim(const Actor& actor, const NewMaClaim& in);
  Result<MaClaimPage> Claims(const Actor& actor, const std::string& status, std::int64_t before_id,
                             int limit);
  Result<MaClaimView> Approve(const Actor& actor, std::int64_t id);
  Result<MaClaimView> Refuse(const Actor& actor, std::int64_t id, const std::string& reason);
  Result<MaClaimView> Pay(const Actor& actor, std::int64_t id, const std::string& reference,
                          const std::string& paid_on);

  //! The claim as filing it would compute it (coverage, amount, a claim of the same incident),
  //! nothing stored: the form's Compute.
  Result<MaClaimView> ComputeClaim(const Actor& actor, const NewMaClaim& in);
  Result<MaClaimView> ComputeMyClaim(const Actor& worker, NewMaClaim in);
  //! Filed claims of the plans at or under the actor's level: what the actor decides.
  Result<MaClaimPage> ClaimsToDecide(const Actor& actor, std::int64_t before_id, int limit);
  //! The lists the actor's union owes (MaListDue); none for an actor without an org.
  Result<std::vector<MaListDue>> ListsDue(const Actor& actor);
  //! The prompt for request `request_id` (kNotFound outside the actor's subtree); nullopt when
  //! its text has none of the words or its requester is no member covered by a plan.
  Result<std::optional<MaClaimPrompt>> PromptOf(const Actor& actor, std::int64_t request_id);

  Result<std::vector<MyMaPlan>> MyPlans(const Actor& worker);
  Result<std::vector<MaClaimView>> MyClaims(const Actor& worker);
  Result<MaClaimView> FileMyClaim(const Actor& worker, NewMaClaim in);

 private:
  Result<store::MaPlanRow> LoadPlan(store::Connection& conn, const Actor& actor, std::int64_t id);
  Result<std::pair<store::MaPlanRow, store::MaPeriodRow>> LoadPeriod(store::Connection& conn,
                                                                     const Actor& actor,
                                                                     std::int64_t id);
  Result<MaListView> LoadList(store::Connection& conn, const Actor& actor, std::int64_t id);
  Result<store::MaClaimRow> LoadClaim(store::Connection& conn, const Actor& actor, std::int64_t id);
  //! The claim checked, computed and stored (not stored with `preview`); `filed_by` worker or
  //! cadre. A cadre's claim from a request is linked to it (case_links).
  Result<MaClaimView> File(const Actor& actor, const NewMaClaim& in, const std::string& filed_by,
                           bool preview = false);
  Result<MaClaimView> Decide(const Actor& actor, std::int64_t id, const std::string& to,
                             const std::string& reason, const std::string& reference,
                             const std::string& paid_on);
  Result<void> Audit(store::Connection& conn, const Actor& actor, const std::string& action,
                     const std::string& type, std::int64_t id,
                     std::vector<std::pair<std::string, std::string>> detail = {});

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

//! Benefit rules and payers as stored (JSON) and back.
std::string PayersJson(const std::vector<mutual_aid::PayerShare>& payers);
Result<std::vector<mutual_aid::PayerShare>> PayersFromJson(const std::string& json);
Result<mutual_aid::BenefitRule> BenefitFromRow(const store::MaBenefitRow& row);
//! The YYYY-MM-DD day, strictly; nullopt else.
std::optional<mutual_aid::Date> ParseDay(const std::string& text);

}  // namespace zj::app
