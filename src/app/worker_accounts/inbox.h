// The worker's notifications inbox (通知, issue 19): what happened to the worker's own things.
// An entry is a kind and its parameters, rendered through i18n by whoever shows it (the portal
// in the reader's locale), never stored as a sentence: later modules add kinds (activity
// reminders, aid decisions) by adding an entry here and its messages in the locales.
//
// Request updates the worker can see on the tracking page (accepted, first contact, resolved,
// rejected, closed, a reply to the worker; never an internal note) reach every account the
// request is the worker's (as My requests decides): the account that sent it, the account
// bound to its member, and the account of its contact phone. A worker reads and marks only
// their own entries: anyone else's id is kNotFound, like one that does not exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/actor.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/requests/request_flow.h"
#include "core/result.h"
#include "store/database.h"
#include "store/service_requests.h"
#include "store/worker_notifications.h"

namespace zj::app {

//! The kinds of inbox entries so far (the locales' portal.inbox.kinds.* render them).
namespace inbox_kind {
inline constexpr std::string_view kRequestAccepted = "request.accepted";
inline constexpr std::string_view kRequestContacted = "request.contacted";
inline constexpr std::string_view kRequestResolved = "request.resolved";
inline constexpr std::string_view kRequestRejected = "request.rejected";
inline constexpr std::string_view kRequestClosed = "request.closed";
inline constexpr std::string_view kRequestReply = "request.reply";
//! A transfer the worker asked for on My membership was decided by the unions (parameters:
//! from, to: the unions' names).
inline constexpr std::string_view kTransferApproved = "transfer.approved";
inline constexpr std::string_view kTransferRejected = "transfer.rejected";
//! A correction of the worker's member record was applied or rejected by the union
//! (parameters: field; reason when rejected).
inline constexpr std::string_view kCorrectionApplied = "correction.applied";
inline constexpr std::string_view kCorrectionRejected = "correction.rejected";
}  // namespace inbox_kind

//! The inbox kind a handler's move tells the worker about, or nothing (withdraw, reopen are
//! the worker's own).
std::optional<std::string_view> InboxKindOf(requests::Action action);

//! Adds an entry of `kind` about request `row` (its tracking number, title and status as the
//! parameters) to the inbox of every account the request is the worker's, in the caller's
//! transaction. A request of nobody with an account adds nothing.
Result<void> NotifyRequesters(store::Connection& conn, const Vault& vault, const Clock& clock,
                              Random& random, const store::RequestRow& row, std::string_view kind);

//! Adds one entry of `kind` with `params` (a JSON object) to the inbox of account `worker_id`,
//! in the caller's transaction.
Result<void> NotifyWorker(store::Connection& conn, const Clock& clock, Random& random,
                          std::int64_t worker_id, std::string_view kind, std::string params,
                          std::optional<std::int64_t> subject_id);

struct InboxEntry {
  std::int64_t id = 0;
  std::string kind;
  std::string params;  //!< a JSON object
  std::optional<std::int64_t> subject_id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;
};

struct InboxPage {
  std::vector<InboxEntry> items;
  std::optional<std::int64_t> next_cursor;
  std::int64_t unread = 0;  //!< at most kUnreadCap
};

class InboxService {
 public:
  //! The unread count stops here (the badge shows "99+").
  static constexpr std::int64_t kUnreadCap = 100;

  InboxService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  //! The worker's entries, newest first, `limit` (1..100) at a time before `before_id`, with
  //! the unread count. kPermissionDenied for anyone but a signed-in worker.
  Result<InboxPage> Page(const Actor& worker, std::int64_t before_id, int limit);
  Result<std::int64_t> Unread(const Actor& worker);
  //! kNotFound when the entry is not the worker's (or does not exist).
  Result<void> MarkRead(const Actor& worker, std::int64_t id);
  Result<std::int64_t> MarkAllRead(const Actor& worker);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace zj::app
