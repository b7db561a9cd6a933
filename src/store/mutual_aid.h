// Rows of mutual-aid plans (互助保障, migration 0042, issue 22): plans with their benefit table,
// yearly periods, the members enrolled in a period, the unions' additions-and-removals lists and
// the claims; and the registry's reads the lists are made from (status changes, new members and
// transfers in a subtree between two days). Plain reads and writes in the caller's transaction;
// app/mutual_aid holds every rule.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace zj::store {

//! The kind of a mutual-aid claim's case link (case_links.h; issue 22: the 12351 prompt). Kept
//! here rather than beside the others: case_links.h is included nearly everywhere.
inline constexpr std::string_view kLinkMutualAidClaim = "mutual_aid_claim";

struct MaPlanRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string code;
  std::string title;
  std::string kind;  //!< medical, accident, property
  int period_month = 6;
  int period_day = 1;
  std::int64_t per_head_fen = 0;
  std::string payers_json = "[]";
  std::string eligibility = "card_holders";
  int changes_days_before = 15;
  std::string status = "active";
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

struct MaBenefitRow {
  std::int64_t plan_id = 0;
  std::string code;
  std::string kind;  //!< share_of_loss, itemised
  std::optional<std::int64_t> share_bp;
  std::optional<std::int64_t> cap_fen;
  std::string items_json = "[]";
};

struct MaPeriodRow {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string starts_on;
  std::string ends_on;
  std::int64_t headcount = 0;
  std::string status = "open";
  std::optional<std::int64_t> opened_by;
  std::int64_t opened_at = 0;
};

struct MaEnrolmentRow {
  std::int64_t period_id = 0;
  std::int64_t member_id = 0;
  std::string org_path;
  std::int64_t federation_id = 0;
  std::string covered_from;
  std::optional<std::string> removed_on;
  std::optional<std::string> removed_reason;
  std::optional<std::int64_t> confirmed_by;
  std::int64_t confirmed_at = 0;
};

struct MaListRow {
  std::int64_t id = 0;
  std::int64_t period_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::int64_t federation_id = 0;
  std::string from_on;
  std::string to_on;
  std::string additions_json = "[]";
  std::string removals_json = "[]";
  std::string status = "draft";  //!< draft, sent, applied
  std::optional<std::int64_t> made_by;
  std::int64_t made_at = 0;
  std::optional<std::int64_t> sent_by;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> applied_by;
  std::optional<std::int64_t> applied_at;
};

struct MaClaimRow {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::int64_t period_id = 0;
  std::int64_t member_id = 0;
  std::string org_path;
  std::int64_t federation_id = 0;
  std::string benefit_code;
  std::string incident_date;
  std::string incident_key;
  std::string facts_json = "{}";
  std::int64_t amount_fen = 0;
  bool capped = false;
  std::string status = "filed";  //!< filed, approved, refused, paid
  std::optional<std::int64_t> request_id;
  std::string filed_by = "cadre";  //!< worker, cadre
  std::optional<std::int64_t> filed_by_user;
  std::optional<std::string> refused_reason;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> paid_on;
  std::optional<std::string> payment_ref;
  std::int64_t created_at = 0;
};

Result<void> InsertMaPlan(Connection& conn, const MaPlanRow& row);
Result<std::optional<MaPlanRow>> FindMaPlan(Connection& conn, std::int64_t id);
//! Plans whose org_path lies in [low, high) or is one of `ancestors` (the plans above the
//! actor's org), newest first (at most 500).
Result<std::vector<MaPlanRow>> ListMaPlans(Connection& conn, const std::string& low,
                                           const std::string& high,
                                           const std::vector<std::string>& ancestors);
Result<void> InsertMaBenefit(Connection& conn, const MaBenefitRow& row);
Result<std::vector<MaBenefitRow>> BenefitsOfPlan(Connection& conn, std::int64_t plan_id);

//! kAlreadyExists when the plan has a period starting that day.
Result<void> InsertMaPeriod(Connection& conn, const MaPeriodRow& row);
Result<std::optional<MaPeriodRow>> FindMaPeriod(Connection& conn, std::int64_t id);
Result<std::optional<MaPeriodRow>> FindMaPeriodStarting(Connection& conn, std::int64_t plan_id,
                                                        const std::string& starts_on);
//! The plan's periods, latest first.
Result<std::vector<MaPeriodRow>> PeriodsOfPlan(Connection& conn, std::int64_t plan_id);
//! headcount := the period's enrolments not removed.
Result<void> RecountMaPeriod(Connection& conn, std::int64_t period_id);

//! Enrols every active member whose org_path lies in [low, high) and who is not enrolled in
//! the period yet (card holders only when `card_holders`); the number enrolled.
Result<std::int64_t> EnrolActiveMembers(Connection& conn, const MaEnrolmentRow& templ,
                                        const std::string& low, const std::string& high,
                                        bool card_holders);
//! Inserts one enrolment unless the member is enrolled in the period already; true if new.
Result<bool> InsertMaEnrolment(Connection& conn, const MaEnrolmentRow& row);
//! Member ids enrolled in the period under [low, high) and not removed, ascending.
Result<std::vector<std::int64_t>> EnrolledIn(Connection& conn, std::int64_t period_id,
                                             const std::string& low, const std::string& high);
//! How many are enrolled in the period under [low, high) and not removed.
Result<std::int64_t> CountEnrolledIn(Connection& conn, std::int64_t period_id,
                                     const std::string& low, const std::string& high);
//! Sets removed_on and the reason of a member's enrolment not removed yet; true if changed.
Result<bool> RemoveMaEnrolment(Connection& conn, std::int64_t period_id, std::int64_t member_id,
                               const std::string& removed_on, const std::string& reason);
//! A member's enrolments in the periods of a plan, with each period's days.
struct MaMemberEnrolment {
  MaEnrolmentRow enrolment;
  MaPeriodRow period;
};
Result<std::vector<MaMemberEnrolment>> EnrolmentsOfMember(Connection& conn, std::int64_t member_id,
                                                          std::optional<std::int64_t> plan_id);

Result<void> InsertMaList(Connection& conn, const MaListRow& row);
Result<std::optional<MaListRow>> FindMaList(Connection& conn, std::int64_t id);
//! The lists of a period, newest first; of one org when `org_id` is given.
Result<std::vector<MaListRow>> ListsOfPeriod(Connection& conn, std::int64_t period_id,
                                             std::optional<std::int64_t> org_id);
//! Moves the status from `from` to the row's (with its sent/applied columns); false when the
//! stored status was not `from` any more.
Result<bool> MoveMaList(Connection& conn, const MaListRow& row, const std::string& from);

//! kAlreadyExists when a claim of the same incident_key not refused exists.
Result<void> InsertMaClaim(Connection& conn, const MaClaimRow& row);
Result<std::optional<MaClaimRow>> FindMaClaim(Connection& conn, std::int64_t id);
//! The claim of the incident that is not refused, if any.
Result<std::optional<MaClaimRow>> FindMaClaimByKey(Connection& conn, const std::string& key);
//! Claims under [low, high), newest first after the cursor; of one status when not "".
Result<std::vector<MaClaimRow>> ListMaClaims(Connection& conn, const std::string& low,
                                             const std::string& high, const std::string& status,
                                             std::int64_t before_id, int limit);
//! Filed claims of the plans whose org_path lies in [low, high) (what that level decides),
//! newest first after the cursor.
Result<std::vector<MaClaimRow>> ListMaClaimsToDecide(Connection& conn, const std::string& low,
                                                     const std::string& high,
                                                     std::int64_t before_id, int limit);
//! How many ListMaClaimsToDecide would list in all (an index range per plan: flat in the claims
//! decided already).
Result<std::int64_t> CountMaClaimsToDecide(Connection& conn, const std::string& low,
                                           const std::string& high);
//! The words of a request that suggest a claim (火灾, 受伤, …: migration 0046, data).
Result<std::vector<std::string>> MaPromptWords(Connection& conn);
Result<std::vector<MaClaimRow>> ClaimsOfMember(Connection& conn, std::int64_t member_id);
//! Writes status and the decision/payment columns when the stored status is `from`.
Result<bool> MoveMaClaim(Connection& conn, const MaClaimRow& row, const std::string& from);

// The registry's changes under a subtree, for the additions-and-removals list.
struct RegistryStatusChange {
  std::int64_t member_id = 0;
  std::string status;  //!< retired, deceased, left, transferred_out
  std::string on;      //!< status_changed_on
};
//! Members under [low, high) whose status is not active, changed between the two days.
Result<std::vector<RegistryStatusChange>> StatusChangesUnder(Connection& conn,
                                                             const std::string& low,
                                                             const std::string& high,
                                                             const std::string& from_on,
                                                             const std::string& to_on);
struct RegistryNewMember {
  std::int64_t member_id = 0;
  std::optional<std::string> join_date;
  std::int64_t created_at = 0;
};
//! Active members under [low, high) who joined between the two days (join_date), or without a
//! join date were created between the two instants.
Result<std::vector<RegistryNewMember>> NewMembersUnder(Connection& conn, const std::string& low,
                                                       const std::string& high,
                                                       const std::string& from_on,
                                                       const std::string& to_on,
                                                       std::int64_t from_ms, std::int64_t to_ms);
struct RegistryTransfer {
  std::int64_t member_id = 0;
  std::string from_path;
  std::string to_path;
  std::int64_t decided_at = 0;
};
//! Approved transfers decided in [from_ms, to_ms) that leave or enter [low, high).
Result<std::vector<RegistryTransfer>> TransfersAcross(Connection& conn, const std::string& low,
                                                      const std::string& high, std::int64_t from_ms,
                                                      std::int64_t to_ms);

}  // namespace zj::store
