// My requests: a signed-in worker's own service requests (issue 19). A request is the worker's
// when the worker's account submitted it, when it names the worker's bound member (a cadre
// registered it for the member), or when its contact phone is the account's phone (sent
// before the worker had an account, or without signing in). The worker sees them as the
// tracking page shows a request (status and replies, never internal notes or contacts) and
// rates, reopens or withdraws them in place, by id; any other id is kNotFound, whether it
// exists or not.
#include <algorithm>

#include "app/hardship/my_hardship.h"
#include "app/requests/request_service.h"
#include "app/worker_accounts/sign_in_service.h"
#include "core/personal_data/masking.h"
#include "store/aid_grants.h"
#include "store/hardship.h"
#include "store/hardship_flow.h"
#include "store/mutual_aid.h"
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

//! What the request became that is meant for the worker: a hardship file opened from it whose
//! household is the worker's (its "self" is the worker's bound member, or it names no member of
//! the registry: a household entered by hand from the worker's own request), with its stage in
//! the worker's words, and the aid approved or paid to that file; a mutual-aid claim of the
//! worker's own member with its status. A file of another member's household (a request about a
//! colleague) is not the worker's to follow; legal cases follow.
Result<std::vector<RequestOutcome>> OutcomesOf(store::Connection& conn,
                                               const std::optional<std::int64_t>& member_id,
                                               std::int64_t request_id) {
  std::vector<RequestOutcome> out;
  ZJ_ASSIGN_OR_RETURN(auto links, store::CaseLinksOfRequest(conn, request_id));
  for (const auto& link : links) {
    if (link.target_kind == store::kLinkMutualAidClaim) {
      // A mutual-aid claim filed from the request, when it is the worker's own (issue 22).
      ZJ_ASSIGN_OR_RETURN(auto claim, store::FindMaClaim(conn, link.target_id));
      if (claim && member_id && claim->member_id == *member_id) {
        out.push_back(
            {link.created_at, std::string(store::kLinkMutualAidClaim), claim->status, ""});
      }
      continue;
    }
    if (link.target_kind != store::kLinkHardshipFile) continue;
    ZJ_ASSIGN_OR_RETURN(auto file, store::FindHardshipFile(conn, link.target_id));
    if (!file || (file->member_id && file->member_id != member_id)) continue;
    ZJ_ASSIGN_OR_RETURN(auto flow, store::FindHardshipFlow(conn, file->id));
    const std::string stage =
        file->status == "closed" ? "closed" : WorkerHardshipStage(flow ? flow->stage : "applied");
    if (flow && flow->stage == "erased") continue;
    out.push_back({link.created_at, std::string(store::kLinkHardshipFile), stage, ""});
    ZJ_ASSIGN_OR_RETURN(auto grants,
                        store::AidGrantsOfFile(conn, file->id, MyHardshipService::kMaxGrants));
    for (auto it = grants.rbegin(); it != grants.rend(); ++it) {  // oldest first
      if ((it->status == "approved" || it->status == "paid") && it->decided_at) {
        out.push_back({*it->decided_at, "aid_granted", "", it->kind});
      }
    }
  }
  return out;
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
  ZJ_ASSIGN_OR_RETURN(TrackedRequest t, TrackedView(*lease, row));
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  ZJ_ASSIGN_OR_RETURN(t.became,
                      OutcomesOf(*lease, account ? account->member_id : std::nullopt, row.id));
  return t;
}

Result<TrackedRequest> RequestService::WithOutcomes(const Actor& worker, TrackedRequest t) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  ZJ_ASSIGN_OR_RETURN(t.became,
                      OutcomesOf(*lease, account ? account->member_id : std::nullopt, t.id));
  return t;
}

Result<TrackedRequest> RequestService::RateMine(const Actor& worker, std::int64_t id, int rating,
                                                const std::string& comment) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(TrackedRequest t, RateAs(RequesterKey::Mine(worker, id), rating, comment));
  return WithOutcomes(worker, std::move(t));
}

Result<TrackedRequest> RequestService::ReopenMine(const Actor& worker, std::int64_t id,
                                                  const std::string& reason) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(TrackedRequest t, ReopenAs(RequesterKey::Mine(worker, id), reason));
  return WithOutcomes(worker, std::move(t));
}

Result<TrackedRequest> RequestService::WithdrawMine(const Actor& worker, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(RequireWorker(worker));
  ZJ_ASSIGN_OR_RETURN(TrackedRequest t, WithdrawAs(RequesterKey::Mine(worker, id)));
  return WithOutcomes(worker, std::move(t));
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
