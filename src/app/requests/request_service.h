// Service requests (诉求) as use cases: intake from every channel with routing to the lowest
// competent org and working-day deadlines; the handling org's moves (accept, first contact,
// resolve with a summary, reject with a reason), notes and replies; the worker's side by
// tracking number and the last four digits of the phone (status and replies only, never
// internal notes); rating, reopening, and the sweep that escalates lapsed deadlines up the
// tree and opens follow-up visits. A request is visible to staff whose scope contains the org
// it was routed to (so that org and every org above it); outside that it is kNotFound.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/calendar/calendar_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "app/requests/category_names.h"
#include "core/accounts/login_throttle.h"
#include "core/calendar/work_calendar.h"
#include "core/i18n/messages.h"
#include "core/requests/request_flow.h"
#include "core/requests/service_deadlines.h"
#include "core/requests/service_stats.h"
#include "core/result.h"
#include "store/case_links.h"
#include "store/database.h"
#include "store/orgs.h"
#include "store/request_portal.h"
#include "store/request_queue.h"
#include "store/service_requests.h"

namespace zj::app {

//! The field a request's contact phone is sealed for (the vault's additional data).
inline constexpr std::string_view kRequestPhoneField = "service_requests.contact_phone";

struct NewRequest {
  std::string channel;  //!< portal, hotline, walk_in, cadre
  std::string category;
  std::string priority = "normal";  //!< normal, urgent
  std::string title;
  std::string description;
  std::string contact_name;
  std::string contact_phone;
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> employer_id;  //!< routes through its union, else its street
  std::optional<std::string> employer_name;
  std::optional<std::string> region_code;  //!< a street, when no employer is known
};

//! One milestone of a request as its page shows it: its deadline and whether it was met.
struct MilestoneView {
  requests::Milestone milestone = requests::Milestone::kAccept;
  std::int64_t due = 0;                    //!< Unix ms, of the present assignment
  std::optional<std::int64_t> reached_at;  //!< accepted_at, contacted_at, resolved_at
  requests::MilestoneState state = requests::MilestoneState::kPending;
};

struct RequestView {
  store::RequestRow row;
  std::string category_zh;
  std::string category_en;
  std::string phone_masked;
  //! The milestone the countdown (next_due) counts to; nothing once none is pending.
  std::optional<requests::Milestone> next_milestone;
  std::vector<MilestoneView> milestones;  //!< accept, contact, resolve; only with the events
  //! What the actor is offered now, the next step first (requests::OfferedSteps, and only for
  //! those who handle requests); only with the events.
  std::vector<std::string_view> offered_steps;
  std::vector<store::RequestEventRow> events;  //!< only filled by Get and the worker's views
  //! Its follow-up visit (回访), when one was opened and the actor sees the org that owes it;
  //! only filled by Get and FinishFollowUp.
  std::optional<store::FollowUpItem> follow_up;
  //! What the request became (a hardship file, …), as far as the actor sees the targets' orgs;
  //! only filled by Get.
  std::vector<store::CaseLinkRow> links;
};

//! What a worker's request became, on its page in My requests (one case spine): a hardship file
//! of the worker's household, with its stage in the worker's words, and aid granted to it. Only
//! the fact: no file or grant ids, no amounts, no staff.
struct RequestOutcome {
  std::int64_t at = 0;
  std::string kind;      //!< hardship_file (at: opened), aid_granted (at: approved)
  std::string stage;     //!< hardship_file: as MyHardshipFile::stage
  std::string aid_kind;  //!< aid_granted: living, medical, schooling, festival, emergency
};

//! What the worker sees: no contact details, no internal notes, no handler names.
struct TrackedRequest {
  std::int64_t id = 0;  //!< shown only in My requests (the worker's own, signed in)
  std::string tracking_number;
  std::string category_zh;
  std::string category_en;
  std::string title;
  std::string status;
  std::string org_name;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> resolved_at;
  std::optional<std::string> resolution;
  std::optional<int> rating;
  bool may_rate = false;
  bool may_reopen = false;
  bool may_withdraw = false;                   //!< while the org has not resolved it
  std::vector<store::RequestEventRow> events;  //!< status changes and replies
  std::vector<RequestOutcome> became;          //!< My requests' own page only (MineOne)
};

//! Queues of an org: all visible, new (submitted), mine (handled by the actor's org),
//! overdue, escalated to us, awaiting follow-up is in FollowUps.
struct RequestFilter {
  std::string box = "all";  //!< all, new, mine, overdue, escalated
  //! A hotline search, 64 characters at most (text::TextKind::kSearch): a tracking number, a
  //! mobile number (by its blind index) or a contact's exact name. It looks through the whole
  //! scope (or org_id's subtree): box, statuses, category and priority are then ignored. Never
  //! logged.
  std::string q;
  std::optional<std::int64_t> org_id;
  std::vector<std::string> statuses;
  std::string category;
  std::string priority;
  std::int64_t before_id = 0;
  int limit = 50;
};

struct RequestPage {
  std::vector<RequestView> items;
  std::optional<std::int64_t> next_cursor;
};

//! The figures on the queue's tabs (store::QueueCounts), each at most kQueueCountCap.
struct QueueCountsView {
  store::QueueCounts counts;
  std::int64_t cap = 0;  //!< a figure equal to it means "cap or more"
};
inline constexpr std::int64_t kQueueCountCap = 1000;

//! The awaiting-follow-up queue: visits owed by orgs in the actor's scope (or under org_id),
//! open or done, newest first.
struct FollowUpFilter {
  bool done = false;
  std::optional<std::int64_t> org_id;
  std::int64_t before_id = 0;  //!< cursor, 0 for the first page
  int limit = 50;
};

struct FollowUpEntry {
  store::FollowUpItem item;
  std::string category_zh;
  std::string category_en;
};

struct FollowUpPage {
  std::vector<FollowUpEntry> items;
  std::optional<std::int64_t> next_cursor;
};

//! An employer as the portal's look-up shows it: no figures, no union, no contact.
struct EmployerMatch {
  std::int64_t id = 0;
  std::string name;
  std::string region_name;  //!< its street's name (GB/T 2260), "" when unknown
};

//! A street (with its federation) the worker may pick when no employer is known.
struct StreetMatch {
  std::string code;
  std::string name;           //!< the street's name (GB/T 2260), e.g. 东华门街道
  std::string district_name;  //!< e.g. 东城区
};

//! An administrator's change to a category; absent members stay as they are.
struct CategoryPatch {
  std::optional<std::string> name_zh;
  std::optional<std::string> name_en;
  std::optional<std::string> lowest_level;  //!< grassroots, street, district, municipal
  std::optional<int> accept_days;           //!< working days, 1..60
  std::optional<int> contact_days;
  std::optional<int> resolve_days;
  std::optional<bool> active;
};

//! How many wrong tracking look-ups are allowed: per tracking number (the four digits are the
//! only secret, so few) and per remote address, in a 15-minute sliding window.
inline accounts::ThrottlePolicy TrackingThrottlePolicy() {
  return accounts::ThrottlePolicy{.per_username = 5, .per_address = 20};
}

//! How many requests one address may submit on the portal without an account: 10 an hour.
inline accounts::ThrottlePolicy PortalIntakePolicy() {
  return accounts::ThrottlePolicy{
      .per_username = 1 << 30, .per_address = 10, .window_ms = 3600LL * 1000};
}

//! A page of My requests, newest first.
//! One of the worker's requests in My data: its tracking view with events, and what was stored
//! from the worker.
struct MyRequestRecord {
  TrackedRequest tracked;
  std::string channel;
  std::string description;
  std::string contact_name;
  std::string contact_phone_masked;  //!< "136****1019"
  std::optional<std::string> rating_comment;
};

struct MyRequestPage {
  std::vector<TrackedRequest> items;  //!< without their events (the detail has them)
  std::optional<std::int64_t> next_cursor;
};

struct SweepReport {
  int escalated = 0;
  int follow_ups = 0;
};

class RequestService {
 public:
  RequestService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                 Vault& vault, const CalendarBook& calendars,
                 accounts::ThrottlePolicy tracking_throttle = TrackingThrottlePolicy())
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        vault_(vault),
        calendars_(calendars),
        throttle_(tracking_throttle) {}

  Result<std::vector<store::CategoryRow>> Categories();
  //! Administrators only (kPermissionDenied otherwise); kNotFound for an unknown code, field
  //! errors for bad values. Audited as request_category.update with the changed fields.
  Result<store::CategoryRow> UpdateCategory(const Actor& actor, const std::string& code,
                                            const CategoryPatch& patch);

  //! The portal's public look-ups: at most 10 employers whose name starts with `prefix`
  //! (2 characters at least, else a field error on "q"), street federations by name.
  Result<std::vector<EmployerMatch>> FindEmployers(const std::string& prefix);
  Result<std::vector<StreetMatch>> FindStreets(const std::string& text);

  //! Records a request. `actor` is nullopt for an anonymous worker on the portal; staff and
  //! operators register phoned-in and walk-in requests. Field errors for each bad field.
  //! Anonymous submissions are limited per `remote_addr` (PortalIntakePolicy): past it,
  //! kResourceExhausted with "retry_after", so the public form cannot flood a union's queue.
  Result<RequestView> Submit(const std::optional<Actor>& actor, const NewRequest& request,
                             const std::string& remote_addr = "");
  //! The staff intake (phoned-in, walk-in, a cadre's): Submit for operators, cadres, staff and
  //! administrators; kPermissionDenied for anyone else (a worker submits on the portal).
  Result<RequestView> Register(const Actor& actor, const NewRequest& request);

  Result<RequestView> Get(const Actor& actor, std::int64_t id);
  Result<RequestPage> List(const Actor& actor, const RequestFilter& filter);
  //! The counts on the queue's tabs for the actor's scope (or org_id's subtree, kNotFound on
  //! org_id outside it): new, overdue and follow-ups of the subtree; mine and escalated of the
  //! org (open ones). Handlers and operators only (kPermissionDenied otherwise).
  Result<QueueCountsView> Counts(const Actor& actor, std::optional<std::int64_t> org_id);
  //! The requests linked to member `member_id` that the actor sees, newest first. kNotFound
  //! when the member does not exist or lies outside the scope. Handlers and operators only.
  Result<RequestPage> ForMember(const Actor& actor, std::int64_t member_id, std::int64_t before_id,
                                int limit);
  //! The contact's full phone number, for calling the worker back. `reason` is required (2..500
  //! characters, a field error on "reason"); the reveal is written to the audit log
  //! (personal_data.reveal on the service_request, with the reason) and to the request's
  //! internal history before the number is returned; a look at a request the actor does not see
  //! is kNotFound and audited as denied.
  Result<std::string> RevealPhone(const Actor& actor, std::int64_t id, const std::string& reason);

  //! accept, contact, resolve (body = the resolution summary, required), reject (body = the
  //! reason, required), close. kConflict when the move is not allowed from the current state.
  Result<RequestView> Act(const Actor& actor, std::int64_t id, requests::Action action,
                          const std::string& body);
  //! Hands an open request to another org (wrong place, or a competent body elsewhere) with a
  //! reason: that org handles it from now with fresh deadlines and sees it (the orgs that saw
  //! it before no longer do, unless they lie above the new org), is notified of the hand-over,
  //! and its dashboards count the request from now: what the request added to the counters of
  //! the orgs it leaves moves to those it joins. A union group, an inactive org or the current
  //! one is a field error on to_org_id; the reason is required.
  Result<RequestView> Transfer(const Actor& actor, std::int64_t id, std::int64_t to_org_id,
                               const std::string& reason);
  //! A note (internal) or a reply to the worker.
  Result<RequestView> AddMessage(const Actor& actor, std::int64_t id, const std::string& body,
                                 bool internal);

  //! Follow-up visits (回访) owed by orgs the actor sees; a filter org outside the scope is
  //! kNotFound on org_id. Handlers and operators only (kPermissionDenied otherwise).
  Result<FollowUpPage> FollowUps(const Actor& actor, const FollowUpFilter& filter);
  //! Records the visit of request `id`'s follow-up with its note (required, a field error on
  //! "note"): an internal "follow_up" event in the history and an audit entry
  //! (request.follow_up). kNotFound when the request has no follow-up or the actor sees neither
  //! it nor the org that owes the visit; kConflict when the visit was already recorded.
  Result<RequestView> FinishFollowUp(const Actor& actor, std::int64_t id, const std::string& note);

  //! The worker's view. Wrong number or wrong digits are the same kNotFound. Wrong look-ups
  //! are counted per number and per `remote_addr` (TrackingThrottlePolicy); past the limit
  //! every look-up of that number or from that address is kResourceExhausted with the
  //! seconds to wait in the error's "retry_after" argument, right digits or not.
  Result<TrackedRequest> Track(const std::string& tracking_number, const std::string& phone_last4,
                               const std::string& remote_addr = "");
  //! A rating 1–5 within 7 days of resolution closes the request; 1–2 opens a follow-up visit.
  Result<TrackedRequest> Rate(const std::string& tracking_number, const std::string& phone_last4,
                              int rating, const std::string& comment,
                              const std::string& remote_addr = "");
  Result<TrackedRequest> Reopen(const std::string& tracking_number, const std::string& phone_last4,
                                const std::string& reason, const std::string& remote_addr = "");
  Result<TrackedRequest> Withdraw(const std::string& tracking_number,
                                  const std::string& phone_last4,
                                  const std::string& remote_addr = "");

  //! My requests (app/requests/my_requests.cpp): a signed-in worker's own requests, those the
  //! account submitted, those of the bound member and those whose contact phone is the
  //! account's. Anyone else's request, or an id that does not exist, is kNotFound; a caller who
  //! is not a signed-in worker is kPermissionDenied. Rating, reopening and withdrawing follow
  //! the rules of the tracking page, without the tracking number and its throttle.
  Result<MyRequestPage> Mine(const Actor& worker, std::int64_t before_id, int limit);
  Result<TrackedRequest> MineOne(const Actor& worker, std::int64_t id);
  Result<TrackedRequest> RateMine(const Actor& worker, std::int64_t id, int rating,
                                  const std::string& comment);
  Result<TrackedRequest> ReopenMine(const Actor& worker, std::int64_t id,
                                    const std::string& reason);
  Result<TrackedRequest> WithdrawMine(const Actor& worker, std::int64_t id);
  //! Everything stored about each of the worker's requests, for My data (PIPL): as tracking
  //! shows them with their timeline, plus what the worker wrote (description, contact name,
  //! channel, the rating's comment) and the contact phone masked; newest first, at most
  //! `limit`. kPermissionDenied for anyone but a worker.
  Result<std::vector<MyRequestRecord>> MyRequestRecords(const Actor& worker, int limit);

  //! Escalates every request whose next deadline has lapsed to the parent of its handling org
  //! (once per lapse; the parent's deadlines start now), and opens follow-up visits for
  //! requests left unrated for 7 days. Safe to run at any time, as often as wanted.
  Result<SweepReport> Sweep();

 private:
  //! Who speaks for a request on the worker's side: anyone with its tracking number and the
  //! phone's last four digits (throttled), or a signed-in worker naming their own request's id.
  struct RequesterKey {
    std::string tracking_number;
    std::string phone_last4;
    std::string remote_addr;
    const Actor* worker = nullptr;
    std::int64_t id = 0;

    static RequesterKey Tracking(std::string number, std::string last4, std::string addr) {
      return {std::move(number), std::move(last4), std::move(addr), nullptr, 0};
    }
    static RequesterKey Mine(const Actor& worker, std::int64_t id) {
      return {{}, {}, {}, &worker, id};
    }
  };
  Result<store::RequestRow> LoadRequested(store::Connection& conn, const RequesterKey& key);
  //! The worker's requester filter: the account, its bound member, its phone's blind indexes.
  Result<store::RequesterFilter> RequesterOf(store::Connection& conn, const Actor& worker);
  Result<TrackedRequest> RateAs(const RequesterKey& key, int rating, const std::string& comment);
  Result<TrackedRequest> ReopenAs(const RequesterKey& key, const std::string& reason);
  Result<TrackedRequest> WithdrawAs(const RequesterKey& key);
  Result<store::RequestRow> LoadVisible(store::Connection& conn, const Actor& actor,
                                        std::int64_t id);
  Result<store::RequestRow> LoadTracked(store::Connection& conn, const std::string& tracking_number,
                                        const std::string& phone_last4,
                                        const std::string& remote_addr);
  //! `t` (one of the worker's own) with what it became that is meant for the worker.
  Result<TrackedRequest> WithOutcomes(const Actor& worker, TrackedRequest t);
  Result<TrackedRequest> TrackedView(store::Connection& conn, const store::RequestRow& row,
                                     bool with_events = true);
  //! Takes the row by value: callers done with theirs move it in. With the events come the
  //! milestones and, when `actor` is given, the steps offered to them.
  Result<RequestView> ViewOf(store::Connection& conn, store::RequestRow row, bool with_events,
                             const Actor* actor = nullptr);
  //! Rows as a page of views (the extra row read to know whether there are more is dropped).
  Result<RequestPage> PageOf(store::Connection& conn, std::vector<store::RequestRow> rows,
                             std::size_t limit);
  //! The search of List (filter.q set) within [low, high).
  Result<RequestPage> Search(store::Connection& conn, const RequestFilter& filter,
                             const std::string& low, const std::string& high);
  //! Sets view.follow_up when the request has one owed by an org the actor sees.
  Result<void> AttachFollowUp(store::Connection& conn, const Actor& actor, RequestView& view);
  Result<void> Move(store::Connection& conn, store::RequestRow& row, requests::Action action,
                    requests::Party party, std::optional<std::int64_t> actor_id,
                    const std::string& body);
  //! Adds `delta` to the dashboard counters of every org on the request's home path.
  Result<void> Count(store::Connection& conn, const store::RequestRow& r,
                     const requests::StatsDelta& delta);
  //! Moves what `r` has added to the counters from the orgs on `old_home_path` that are not on
  //! its new home path to those on the new that were not on the old (a transfer).
  Result<void> MoveCounts(store::Connection& conn, const store::RequestRow& r,
                          const std::string& old_home_path);
  //! Queues the notification `key` (.subject/.body) about `r` for `org`; `extra` adds
  //! arguments to the message's.
  Result<void> Notify(store::Connection& conn, const store::OrgRow& org, const std::string& key,
                      const store::RequestRow& r, const i18n::Args& extra = {});
  Result<void> AddEvent(store::Connection& conn, const store::RequestRow& row,
                        std::optional<std::int64_t> actor_id, store::RequestEventRow event);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  Vault& vault_;
  const CalendarBook& calendars_;
  CategoryNames category_names_;
  std::mutex throttle_mutex_;
  accounts::LoginThrottle throttle_;  // keyed by tracking number and remote address
  accounts::LoginThrottle intake_throttle_{PortalIntakePolicy()};  // anonymous submissions
};

}  // namespace zj::app
