#include "app/worker_accounts/inbox.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/requests/request_service.h"
#include "app/worker_accounts/sign_in_service.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

Result<void> RequireWorker(const Actor& actor) {
  if (!IsWorker(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  return {};
}

//! The accounts request `row` is the worker's: the sender, the bound member's, the phone's.
Result<std::set<std::int64_t>> RequestersOf(store::Connection& conn, const Vault& vault,
                                            const store::RequestRow& row) {
  std::set<std::int64_t> ids;
  if (row.requester_worker_id) ids.insert(*row.requester_worker_id);
  if (row.member_id) {
    ZJ_ASSIGN_OR_RETURN(auto bound, store::FindWorkerAccountByMember(conn, *row.member_id));
    if (bound) ids.insert(bound->id);
  }
  // The account keyed by the contact phone: its blind index under every key version, as the
  // account may have been indexed before a rotation. A phone the vault cannot open (a lost
  // key) has no account to find.
  if (auto phone = vault.Open(kRequestPhoneField, row.contact_phone_cipher)) {
    for (const std::string& index : vault.BlindIndexes(kWorkerPhoneField, *phone)) {
      ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccountByPhoneIndex(conn, index));
      if (account) {
        ids.insert(account->id);
        break;
      }
    }
  }
  return ids;
}

}  // namespace

std::optional<std::string_view> InboxKindOf(requests::Action action) {
  switch (action) {
    case requests::Action::kAccept:
      return inbox_kind::kRequestAccepted;
    case requests::Action::kContact:
      return inbox_kind::kRequestContacted;
    case requests::Action::kResolve:
      return inbox_kind::kRequestResolved;
    case requests::Action::kReject:
      return inbox_kind::kRequestRejected;
    case requests::Action::kClose:
      return inbox_kind::kRequestClosed;
    case requests::Action::kWithdraw:
    case requests::Action::kReopen:
      break;
  }
  return std::nullopt;
}

Result<void> NotifyWorker(store::Connection& conn, const Clock& clock, Random& random,
                          std::int64_t worker_id, std::string_view kind, std::string params,
                          std::optional<std::int64_t> subject_id) {
  store::WorkerNotificationRow n;
  n.id = NewId(clock, random);
  n.worker_id = worker_id;
  n.kind = std::string(kind);
  n.params = std::move(params);
  n.subject_id = subject_id;
  n.created_at = clock.NowMs();
  return store::InsertWorkerNotification(conn, n);
}

Result<void> NotifyRequesters(store::Connection& conn, const Vault& vault, const Clock& clock,
                              Random& random, const store::RequestRow& row, std::string_view kind) {
  ZJ_ASSIGN_OR_RETURN(auto workers, RequestersOf(conn, vault, row));
  if (workers.empty()) return {};
  const std::string params = nlohmann::json{
      {"number", row.tracking_number},
      {"title", row.title},
      {"status", row.status}}.dump();
  for (const std::int64_t worker : workers) {
    store::WorkerNotificationRow n;
    n.id = NewId(clock, random);
    n.worker_id = worker;
    n.kind = std::string(kind);
    n.params = params;
    n.subject_id = row.id;
    n.created_at = clock.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertWorkerNotification(conn, n));
  }
  return {};
}

Result<InboxPage> InboxService::Page(const Actor& worker, std::int64_t before_id, int limit) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  limit = std::clamp(limit, 1, 100);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(
      auto rows, store::WorkerNotificationsOf(*lease, *worker.worker_id, before_id, limit + 1));
  InboxPage page;
  if (rows.size() > static_cast<std::size_t>(limit)) {
    rows.resize(static_cast<std::size_t>(limit));
    page.next_cursor = rows.back().id;
  }
  page.items.reserve(rows.size());
  for (auto& r : rows) {
    page.items.push_back(InboxEntry{r.id, std::move(r.kind), std::move(r.params), r.subject_id,
                                    r.created_at, r.read_at});
  }
  ZJ_ASSIGN_OR_RETURN(page.unread,
                      store::CountUnreadWorkerNotifications(*lease, *worker.worker_id, kUnreadCap));
  return page;
}

Result<std::int64_t> InboxService::Unread(const Actor& worker) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::CountUnreadWorkerNotifications(*lease, *worker.worker_id, kUnreadCap);
}

Result<void> InboxService::MarkRead(const Actor& worker, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(bool marked, store::MarkWorkerNotificationRead(*lease, *worker.worker_id, id,
                                                                     clock_.NowMs()));
  if (!marked) return Fail(ErrorCode::kNotFound, "error.not_found", "notification");
  return {};
}

Result<std::int64_t> InboxService::MarkAllRead(const Actor& worker) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::MarkAllWorkerNotificationsRead(*lease, *worker.worker_id, clock_.NowMs());
}

}  // namespace zj::app
