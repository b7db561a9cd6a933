// The worker's side by tracking number and the last four digits of the phone: tracking,
// rating, reopening and withdrawing, with the throttle on wrong look-ups.
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "core/requests/service_stats.h"
#include "core/requests/tracking_number.h"
#include "core/text/halfwidth.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

Result<TrackedRequest> RequestService::Track(const std::string& tracking_number,
                                             const std::string& phone_last4,
                                             const std::string& remote_addr) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, LoadTracked(*lease, tracking_number, phone_last4, remote_addr));
  return TrackedView(*lease, row);
}

Result<TrackedRequest> RequestService::Rate(const std::string& tracking_number,
                                            const std::string& phone_last4, int rating,
                                            const std::string& comment,
                                            const std::string& remote_addr) {
  return RateAs(RequesterKey::Tracking(tracking_number, phone_last4, remote_addr), rating, comment);
}

Result<TrackedRequest> RequestService::RateAs(const RequesterKey& key, int rating,
                                              const std::string& comment) {
  if (rating < 1 || rating > 5) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "rating", {}, {}};
    e.fields.push_back({"rating", "error.requests.rating", {}});
    return Fail(std::move(e));
  }
  if (auto too_long =
          text::CheckLength("comment", text::TrimSpaces(comment), text::TextKind::kComment)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "comment", {}, {}};
    e.fields.push_back(std::move(*too_long));
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadRequested(*lease, key));
  const std::int64_t now = clock_.NowMs();
  if (row.status != "resolved" || row.rating || !row.resolved_at ||
      !requests::MayReopen(*row.resolved_at, now)) {
    return Fail(Conflict(row.status, requests::Action::kClose));
  }
  row.rating = rating;
  row.rating_comment = std::string(text::TrimSpaces(comment));
  row.rated_at = now;
  ZJ_RETURN_IF_ERROR(
      AddEvent(*lease, row, std::nullopt,
               Event("rated", std::to_string(rating) +
                                  (row.rating_comment->empty() ? "" : " " + *row.rating_comment))));
  requests::StatsDelta counted;
  counted.rated = 1;
  counted.rating_sum = rating;
  counted.low_ratings = rating <= 2 ? 1 : 0;
  ZJ_RETURN_IF_ERROR(Count(*lease, row, counted));
  ZJ_RETURN_IF_ERROR(
      Move(*lease, row, requests::Action::kClose, requests::Party::kRequester, std::nullopt, ""));
  if (requests::NeedsFollowUp(rating, *row.resolved_at, now)) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, row.org_id));
    ZJ_RETURN_IF_ERROR(store::InsertFollowUp(
        *lease, FollowUp(row, org->path, "low_rating", NewId(clock_, random_), now)));
  }
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return TrackedView(*lease, row);
}

Result<TrackedRequest> RequestService::Reopen(const std::string& tracking_number,
                                              const std::string& phone_last4,
                                              const std::string& reason,
                                              const std::string& remote_addr) {
  return ReopenAs(RequesterKey::Tracking(tracking_number, phone_last4, remote_addr), reason);
}

Result<TrackedRequest> RequestService::ReopenAs(const RequesterKey& key,
                                                const std::string& reason) {
  if (auto too_long =
          text::CheckLength("reason", text::TrimSpaces(reason), text::TextKind::kReason)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "reason", {}, {}};
    e.fields.push_back(std::move(*too_long));
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadRequested(*lease, key));
  const std::int64_t now = clock_.NowMs();
  if (!row.resolved_at || !requests::MayReopen(*row.resolved_at, now)) {
    return Fail(Conflict(row.status, requests::Action::kReopen));
  }
  ZJ_RETURN_IF_ERROR(Move(*lease, row, requests::Action::kReopen, requests::Party::kRequester,
                          std::nullopt, std::string(text::TrimSpaces(reason))));
  // Back with the org that resolved it, with a fresh resolution deadline.
  row.resolved_at.reset();
  row.resolution.reset();
  ZJ_ASSIGN_OR_RETURN(const requests::Sla sla, SlaFor(*lease, row.category_code));
  Assign(row, *calendars_.Current(), sla, now);
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return TrackedView(*lease, row);
}

Result<TrackedRequest> RequestService::Withdraw(const std::string& tracking_number,
                                                const std::string& phone_last4,
                                                const std::string& remote_addr) {
  return WithdrawAs(RequesterKey::Tracking(tracking_number, phone_last4, remote_addr));
}

Result<TrackedRequest> RequestService::WithdrawAs(const RequesterKey& key) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadRequested(*lease, key));
  ZJ_RETURN_IF_ERROR(Move(*lease, row, requests::Action::kWithdraw, requests::Party::kRequester,
                          std::nullopt, ""));
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return TrackedView(*lease, row);
}

Result<store::RequestRow> RequestService::LoadTracked(store::Connection& conn,
                                                      const std::string& tracking_number,
                                                      const std::string& phone_last4,
                                                      const std::string& remote_addr) {
  // A number failing its check digit is a typo, told apart without a look-up: not counted.
  const auto number = requests::ParseTrackingNumber(tracking_number);
  if (!number) return Fail(NotFound());
  const std::int64_t now = clock_.NowMs();
  std::int64_t wait_ms = 0;
  {
    std::lock_guard lock(throttle_mutex_);
    wait_ms = throttle_.RetryAfterMs(*number, remote_addr, now);
  }
  if (wait_ms > 0) {
    const std::string seconds = std::to_string((wait_ms + 999) / 1000);
    return Fail(Error{ErrorCode::kResourceExhausted,
                      "error.too_many_requests",
                      "tracking throttled for " + *number + " from " + remote_addr,
                      {},
                      {{"seconds", seconds}, {"retry_after", seconds}}});
  }
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindRequestByTracking(conn, *number));
  std::lock_guard lock(throttle_mutex_);
  if (!row || !LastFourMatches(row->contact_phone_last4, phone_last4)) {
    throttle_.RecordFailure(*number, remote_addr, now);
    return Fail(NotFound());
  }
  throttle_.RecordSuccess(*number);
  return *row;
}

Result<TrackedRequest> RequestService::TrackedView(store::Connection& conn,
                                                   const store::RequestRow& row, bool with_events) {
  ZJ_ASSIGN_OR_RETURN(auto names, category_names_.Of(conn, row.category_code, clock_.NowMs()));
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
  TrackedRequest t;
  t.id = row.id;
  t.tracking_number = row.tracking_number;
  t.category_zh = std::move(names.zh);
  t.category_en = std::move(names.en);
  t.title = row.title;
  t.status = row.status;
  t.org_name = org ? org->name : "";
  t.created_at = row.created_at;
  t.resolved_at = row.resolved_at;
  t.resolution = row.resolution;
  t.rating = row.rating;
  const std::int64_t now = clock_.NowMs();
  t.may_rate = row.status == "resolved" && !row.rating && row.resolved_at &&
               requests::MayReopen(*row.resolved_at, now);
  t.may_reopen = t.may_rate;
  const auto status = requests::ParseStatus(row.status);
  t.may_withdraw = status && requests::IsOpen(*status);
  if (!with_events) return t;
  ZJ_ASSIGN_OR_RETURN(auto events, store::RequestEvents(conn, row.id, false));
  for (auto& e : events) {
    e.actor_name.clear();  // the worker sees the org, not the person
    e.actor_id.reset();
    t.events.push_back(std::move(e));
  }
  return t;
}

}  // namespace zj::app
