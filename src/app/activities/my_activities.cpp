#include "app/activities/my_activities.h"

#include <algorithm>

#include "app/activities/activity_service.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/activities/audience.h"
#include "core/activities/registration.h"
#include "core/orgs/org_path.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

Result<store::MemberRow> BoundMember(store::Connection& conn, const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(conn, *worker.worker_id));
  if (!account || !account->member_id) return Fail(NotBound());
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(conn, *account->member_id));
  if (!member) return Fail(NotBound());
  return std::move(*member);
}

Error NotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "activity " + std::to_string(id), {}, {}};
}

//! Whether the member of `member_path` sees the activity: not a draft, and its audience holds
//! the member's union.
Result<bool> Sees(store::Connection& conn, const store::ActivityRow& a,
                  const std::string& member_path) {
  if (a.status == "draft") return false;
  act::Audience audience{OrgPath::FromStored(a.org_path), {}};
  if (a.audience == "orgs") {
    ZJ_ASSIGN_OR_RETURN(auto chosen, store::AudienceOf(conn, a.id));
    for (const auto& o : chosen) audience.orgs.push_back(OrgPath::FromStored(o.path));
    if (audience.orgs.empty()) return false;
  }
  return act::OpenTo(audience, OrgPath::FromStored(member_path));
}

//! The activity when the member sees it; kNotFound else.
Result<store::ActivityRow> LoadSeen(store::Connection& conn, std::int64_t id,
                                    const store::MemberRow& member) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindActivity(conn, id));
  if (!row) return Fail(NotFound(id));
  ZJ_ASSIGN_OR_RETURN(const bool sees, Sees(conn, *row, member.org_path));
  if (!sees) return Fail(NotFound(id));
  return std::move(*row);
}

}  // namespace

Result<MyActivity> MyActivityService::View(store::Connection& conn, store::ActivityRow row,
                                           std::int64_t member_id) {
  MyActivity v;
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
  if (org) v.org_name = org->name;
  ZJ_ASSIGN_OR_RETURN(v.mine, store::FindRegistration(conn, row.id, member_id));
  if (v.mine && v.mine->state == "waitlisted" && v.mine->position) {
    ZJ_ASSIGN_OR_RETURN(const std::int64_t place,
                        store::WaitlistPlace(conn, row.id, *v.mine->position));
    v.waitlist_place = place;
  }
  const auto rules = store::SeatRulesOf(row);
  v.cancel_until = act::CancelCutoffMs(rules);
  const std::int64_t now = clock_.NowMs();
  const bool live =
      v.mine &&
      act::IsLive(act::ParseSeatState(v.mine->state).value_or(act::SeatState::kCancelled));
  v.can_register = row.status == "open" && !live && now >= row.opens_at && now < row.closes_at;
  v.row = std::move(row);
  return v;
}

Result<std::vector<MyActivity>> MyActivityService::List(const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(*lease, worker));
  std::vector<MyActivity> out;
  std::vector<std::int64_t> listed;
  ZJ_ASSIGN_OR_RETURN(auto open, store::OpenActivitiesAbove(*lease, member.org_path));
  for (auto& a : open) {
    ZJ_ASSIGN_OR_RETURN(const bool sees, Sees(*lease, a, member.org_path));
    if (!sees) continue;
    listed.push_back(a.id);
    ZJ_ASSIGN_OR_RETURN(auto v, View(*lease, std::move(a), member.id));
    out.push_back(std::move(v));
  }
  ZJ_ASSIGN_OR_RETURN(auto live, store::LiveRegistrationsOfMember(*lease, member.id));
  for (const auto& r : live) {
    if (std::find(listed.begin(), listed.end(), r.activity_id) != listed.end()) continue;
    ZJ_ASSIGN_OR_RETURN(auto a, store::FindActivity(*lease, r.activity_id));
    if (!a) continue;
    listed.push_back(a->id);
    ZJ_ASSIGN_OR_RETURN(auto v, View(*lease, std::move(*a), member.id));
    out.push_back(std::move(v));
  }
  return out;
}

Result<MyActivity> MyActivityService::Get(const Actor& worker, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadSeen(*lease, id, member));
  return View(*lease, std::move(row), member.id);
}

Result<MyActivity> MyActivityService::Register(const Actor& worker, std::int64_t id) {
  auto result = WithRetry(db_, [&](store::Connection& c) -> Result<MyActivity> {
    ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(c, worker));
    ZJ_ASSIGN_OR_RETURN(auto row, LoadSeen(c, id, member));
    if (row.status != "open") {
      return Fail(ErrorCode::kConflict, "error.activity.registration_closed", row.status);
    }
    ZJ_RETURN_IF_ERROR(
        store::RegisterMember(c, id, member.id, NewId(clock_, random_), clock_.NowMs()));
    ZJ_ASSIGN_OR_RETURN(auto fresh, store::FindActivity(c, id));
    return View(c, fresh ? std::move(*fresh) : std::move(row), member.id);
  });
  if (!result && result.error().code == ErrorCode::kAlreadyExists) {
    return Fail(ErrorCode::kConflict, "error.activity.registered_twice", "unique key");
  }
  return result;
}

Result<MyActivity> MyActivityService::Cancel(const Actor& worker, std::int64_t id) {
  return WithRetry(db_, [&](store::Connection& c) -> Result<MyActivity> {
    ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(c, worker));
    ZJ_ASSIGN_OR_RETURN(auto row, LoadSeen(c, id, member));
    std::vector<store::SeatChange> changes;
    ZJ_RETURN_IF_ERROR(
        store::CancelRegistration(c, id, member.id, false, std::nullopt, clock_.NowMs(), changes));
    ZJ_RETURN_IF_ERROR(TellOffers(c, clock_, random_, row, changes));
    ZJ_ASSIGN_OR_RETURN(auto fresh, store::FindActivity(c, id));
    return View(c, fresh ? std::move(*fresh) : std::move(row), member.id);
  });
}

Result<MyActivity> MyActivityService::Confirm(const Actor& worker, std::int64_t id) {
  auto result = WithRetry(db_, [&](store::Connection& c) -> Result<MyActivity> {
    ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(c, worker));
    ZJ_ASSIGN_OR_RETURN(auto row, LoadSeen(c, id, member));
    ZJ_RETURN_IF_ERROR(store::ConfirmOffer(c, id, member.id, clock_.NowMs()));
    return View(c, std::move(row), member.id);
  });
  if (!result && result.error().message_key == "error.activity.offer_lapsed") {
    // The sweep has not run yet: lapse the offer now and give the seat to the next.
    ZJ_RETURN_IF_ERROR(WithRetry(db_, [&](store::Connection& c) -> Result<bool> {
      ZJ_ASSIGN_OR_RETURN(auto changes, store::RebalanceActivity(c, id, clock_.NowMs()));
      ZJ_ASSIGN_OR_RETURN(auto a, store::FindActivity(c, id));
      if (a) ZJ_RETURN_IF_ERROR(TellOffers(c, clock_, random_, *a, changes));
      return true;
    }));
  }
  return result;
}

}  // namespace zj::app
