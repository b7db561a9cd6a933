// Rows of `service_requests`, their categories, events (history, notes, replies) and follow-up
// visits (migration 0007), with the queries the queues and the escalation sweep need.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct CategoryRow {
  std::string code;
  std::optional<std::string> parent_code;
  std::string name_zh;
  std::string name_en;
  std::string lowest_level;
  int accept_days = 1;
  int contact_days = 2;
  int resolve_days = 15;
  bool active = true;
  int sort_order = 0;
};

struct RequestRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::string tracking_number;
  std::string channel;
  std::string category_code;
  std::string priority;
  std::string status;
  std::string title;
  std::string description;
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> requester_user_id;
  //! The signed-in worker's account that submitted it on the portal (written on insert only,
  //! not read back by the statements here).
  std::optional<std::int64_t> requester_worker_id;
  std::string contact_name;
  Blob contact_phone_cipher;
  std::string contact_phone_index;
  std::string contact_phone_last4;
  int key_version = 0;
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> employer_name;
  std::optional<std::string> region_code;
  std::int64_t routed_org_id = 0;
  std::int64_t org_id = 0;
  std::string home_path;
  std::int64_t assigned_at = 0;
  std::int64_t accept_by = 0;
  std::int64_t contact_by = 0;
  std::int64_t resolve_by = 0;
  std::optional<std::int64_t> next_due;
  std::optional<std::int64_t> accepted_at;
  std::optional<std::int64_t> contacted_at;
  std::optional<std::int64_t> resolved_at;
  std::optional<std::int64_t> closed_at;
  int escalations = 0;
  std::optional<std::int64_t> handler_user_id;
  std::optional<std::string> resolution;
  std::optional<int> rating;
  std::optional<std::string> rating_comment;
  std::optional<std::int64_t> rated_at;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  //! Whether each milestone was reached within the deadline in force then (nullopt: not yet).
  std::optional<bool> accept_met;
  std::optional<bool> contact_met;
  std::optional<bool> resolve_met;
  std::string org_name;  //!< read only: the handling org's name
  //! Read only: whether a follow-up visit exists, where the query asked (FindRequestById);
  //! unknown elsewhere.
  std::optional<bool> has_follow_up;
  //! Read only: whether the request became a hardship file, grant or legal case (case_links),
  //! where the query asked (FindRequestById); unknown elsewhere.
  std::optional<bool> has_case_links;
};

struct RequestEventRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t request_id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string kind;  //!< status, escalated, reassigned, transferred, note, reply, rated
  std::optional<std::string> from_status;
  std::optional<std::string> to_status;
  std::optional<std::int64_t> org_id;
  bool internal = false;
  std::optional<std::string> body;
  std::string actor_name;  //!< read only
  std::string org_name;    //!< read only
};

struct FollowUpRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t request_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string reason;  //!< low_rating, no_rating, legal_closed (a legal case of it closed)
  std::int64_t created_at = 0;
  std::optional<std::int64_t> done_at;
  std::optional<std::int64_t> done_by;
  std::optional<std::string> note;
};

//! A queue: requests visible from [home_low, home_high), optionally only those the org
//! handles now, by status, category, priority; newest first, before the cursor id.
struct RequestQuery {
  std::string home_low;
  std::string home_high;
  std::optional<std::int64_t> handled_by;  //!< org_id = this
  std::vector<std::string> statuses;       //!< any of these; empty for any
  std::string category;                    //!< "" for any (a parent also matches its children)
  std::string priority;                    //!< "" for any
  std::optional<std::int64_t> overdue_at;  //!< next_due < this
  bool escalated_only = false;             //!< escalations > 0
  std::int64_t before_id = 0;              //!< cursor, 0 for the first page
  std::int64_t limit = 50;
};

Result<std::vector<CategoryRow>> ListCategories(Connection& conn);
Result<std::optional<CategoryRow>> FindCategory(Connection& conn, const std::string& code);
Result<void> UpdateCategory(Connection& conn, const CategoryRow& category);

Result<void> InsertRequest(Connection& conn, const RequestRow& r);
//! Writes every mutable column of `r` (by id).
Result<void> UpdateRequest(Connection& conn, const RequestRow& r);
Result<std::optional<RequestRow>> FindRequestById(Connection& conn, std::int64_t id);
Result<std::optional<RequestRow>> FindRequestByTracking(Connection& conn,
                                                        const std::string& tracking_number);
Result<std::vector<RequestRow>> ListRequests(Connection& conn, const RequestQuery& q);
//! Open requests whose next deadline lies before `now_ms`, oldest deadline first.
Result<std::vector<RequestRow>> DueRequests(Connection& conn, std::int64_t now_ms, int limit);
//! Requests homed in the subtree [low, high) whose handling org lies outside it, by id.
Result<std::vector<RequestRow>> RequestsHandledOutside(Connection& conn, const std::string& low,
                                                       const std::string& high);
//! Resolved, unrated requests resolved before `before_ms` without a follow-up yet.
Result<std::vector<RequestRow>> UnratedResolvedBefore(Connection& conn, std::int64_t before_ms,
                                                      int limit);
//! Requests whose contact phone has one of these blind indexes, newest first.
Result<std::vector<RequestRow>> RequestsByPhoneIndex(Connection& conn,
                                                     const std::vector<std::string>& indexes,
                                                     int limit);

//! Whose requests a signed-in worker sees (My requests): those the worker's account submitted,
//! those of the worker's bound member, and those whose contact phone is the worker's.
struct RequesterFilter {
  std::int64_t worker_id = 0;
  std::optional<std::int64_t> member_id;   //!< none until bound
  std::vector<std::string> phone_indexes;  //!< the phone's blind index per key version, current
                                           //!< first; the first two count (a rotation leaves
                                           //!< rows on the current or the previous version)
};
//! The requester's requests, newest first, before the cursor id (0: the first page).
Result<std::vector<RequestRow>> RequestsOfRequester(Connection& conn, const RequesterFilter& f,
                                                    std::int64_t before_id, std::int64_t limit);
//! Request `id` when it is the requester's; nothing when it is not or does not exist.
Result<std::optional<RequestRow>> RequestOfRequester(Connection& conn, const RequesterFilter& f,
                                                     std::int64_t id);

struct OverdueCount {
  std::int64_t org_id = 0;
  std::string org_name;
  std::int64_t overdue = 0;
};
//! The orgs handling the most overdue open requests (next_due before `now_ms`) among those
//! visible from [home_low, home_high), most first.
Result<std::vector<OverdueCount>> OverdueByOrg(Connection& conn, const std::string& home_low,
                                               const std::string& home_high, std::int64_t now_ms,
                                               int limit);

Result<void> InsertRequestEvent(Connection& conn, const RequestEventRow& e);
//! The events of a request in order; `include_internal` false leaves internal notes out.
Result<std::vector<RequestEventRow>> RequestEvents(Connection& conn, std::int64_t request_id,
                                                   bool include_internal);

//! A follow-up in a list, with what the visitor needs of its request.
struct FollowUpItem {
  FollowUpRow follow_up;
  std::string tracking_number;
  std::string title;
  std::string category_code;
  std::optional<int> rating;
  std::optional<std::string> rating_comment;
  std::string org_name;      //!< the org that owes the visit
  std::string done_by_name;  //!< "" while open
};

//! Follow-ups owed by orgs in [path_low, path_high): open ones (done false, the partial index
//! request_follow_ups_open) or done ones; newest first, before the cursor id (0: first page).
struct FollowUpQuery {
  std::string path_low;
  std::string path_high;
  bool done = false;
  std::int64_t before_id = 0;
  std::int64_t limit = 50;
};

//! Inserts a follow-up unless the request has one; true when inserted.
Result<bool> InsertFollowUp(Connection& conn, const FollowUpRow& f);
Result<std::optional<FollowUpRow>> FollowUpOf(Connection& conn, std::int64_t request_id);
Result<std::vector<FollowUpItem>> ListFollowUps(Connection& conn, const FollowUpQuery& q);
//! The follow-up of one request with its list columns, if it has one.
Result<std::optional<FollowUpItem>> FollowUpItemOf(Connection& conn, std::int64_t request_id);
//! Marks an open follow-up done; false when it was already done (or does not exist), so two
//! visitors racing cannot both record one.
Result<bool> FinishFollowUp(Connection& conn, std::int64_t id, std::int64_t at, std::int64_t by,
                            const std::string& note);

}  // namespace zj::store
