// My requests: a signed-in worker's own service requests (issue 19). A request is the worker's
// when the worker's account submitted it, when it names the worker's bound member (a cadre
// registered it for the member), or when its contact phone is the account's phone (sent
// before the worker had an account, or without signing in). The worker sees them as the
// tracking page shows a request (status and replies, never internal notes or contacts) and
// rates, reopens or withdraws them in place, by id; any other id is kNotFound, whether it
// exists or not.
#include <algorithm>

#include "app/requests/request_service.h"
#include "app/worker_accounts/sign_in_service.h"
#include "core/personal_data/masking.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

// The vault field of a request's contact phone (as in request_service.cpp).
constexpr std::string_view kContactPhoneField = "service_requests.contact_phone";

Error NotFound() { return Error{ErrorCode::kNotFound, "error.not_found", "request", {}, {}}; }

Result<void> RequireWorker(const Actor& actor) {
  if (!IsWorker(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  return {};
}

}  // namespace

Result<store::RequesterFilter> RequestService::RequesterOf(store::Connection& conn,
                                                           const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(conn, *worker.worker_id));
  if (!account) return Fail(ErrorCode::kUnauthenticated, "error.auth.unauthenticated", "gone");
  ZJ_ASSIGN_OR_RETURN(std::string phone, vault_.Open(kWorkerPhoneField, account->phone_cipher));
  store::RequesterFilter f;
  f.worker_id = account->id;
  f.member_id = account->member_id;  // the stored binding, not the session's cached one
  f.phone_indexes = vault_.BlindIndexes(kContactPhoneField, phone);
  return f;
}

Result<store::RequestRow> RequestService::LoadRequested(store::Connection& conn,
                                                        const RequesterKey& key) {
  if (key.worker == nullptr) {
    return LoadTracked(conn, key.tracking_number, key.phone_last4, key.remote_addr);
  }
  ZJ_ASSIGN_OR_RETURN(store::RequesterFilter f, RequesterOf(conn, *key.worker));
  ZJ_ASSIGN_OR_RETURN(auto row, store::RequestOfRequester(conn, f, key.id));
  if (!row) return Fail(NotFound());
  return std::move(*row);
}

Result<MyRequestPage> RequestService::Mine(const Actor& worker, std::int64_t before_id, int limit) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  limit = std::clamp(limit, 1, 100);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::RequesterFilter f, RequesterOf(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::RequestsOfRequester(*lease, f, before_id, limit + 1));
  MyRequestPage page;
  if (rows.size() > static_cast<std::size_t>(limit)) {
    rows.resize(static_cast<std::size_t>(limit));
    page.next_cursor = rows.back().id;
  }
  for (const auto& row : rows) {
    ZJ_ASSIGN_OR_RETURN(TrackedRequest t, TrackedView(*lease, row, false));
    page.items.push_back(std::move(t));
  }
  return page;
}

Result<TrackedRequest> RequestService::MineOne(const Actor& worker, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, LoadRequested(*lease, RequesterKey::Mine(worker, id)));
  return TrackedView(*lease, row);
}

Result<TrackedRequest> RequestService::RateMine(const Actor& worker, std::int64_t id, int rating,
                                                const std::string& comment) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  return RateAs(RequesterKey::Mine(worker, id), rating, comment);
}

Result<TrackedRequest> RequestService::ReopenMine(const Actor& worker, std::int64_t id,
                                                  const std::string& reason) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  return ReopenAs(RequesterKey::Mine(worker, id), reason);
}

Result<TrackedRequest> RequestService::WithdrawMine(const Actor& worker, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  return WithdrawAs(RequesterKey::Mine(worker, id));
}

Result<std::vector<MyRequestRecord>> RequestService::MyRequestRecords(const Actor& worker,
                                                                      int limit) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::RequesterFilter f, RequesterOf(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::RequestsOfRequester(*lease, f, 0, limit));
  std::vector<MyRequestRecord> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    MyRequestRecord r;
    ZJ_ASSIGN_OR_RETURN(r.tracked, TrackedView(*lease, row, true));
    r.channel = row.channel;
    r.description = row.description;
    r.contact_name = row.contact_name;
    auto phone = vault_.Open(kContactPhoneField, row.contact_phone_cipher);
    r.contact_phone_masked = phone ? personal_data::MaskPhone(*phone) : std::string(11, '*');
    r.rating_comment = row.rating_comment;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace zj::app
