#include "app/activities/activity_service.h"

#include <nlohmann/json.hpp>

#include "app/competitions/competition_rules.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/worker_accounts/inbox.h"
#include "core/activities/audience.h"
#include "core/activities/registration.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

constexpr int kMaxLimit = 200;
constexpr int kMaxRegistrations = 20'000;
constexpr std::int64_t kMaxFeeFen = 1'000'000;

bool IsKind(const std::string& kind) {
  return kind == "culture" || kind == "sport" || kind == "outing" || kind == "service" ||
         kind == "lecture";
}

Error NotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "activity " + std::to_string(id), {}, {}};
}

Error StatusConflict(const std::string& status) {
  return Error{ErrorCode::kConflict, "error.activity.status", "activity is " + status, {}, {}};
}

//! The fields given over the row's; the merged row's field errors into `invalid`.
void Apply(const ActivityFields& in, store::ActivityRow& row, Error& invalid) {
  if (in.kind) row.kind = *in.kind;
  if (in.title) row.title = *in.title;
  if (in.place) row.place = *in.place;
  if (in.starts_at) row.starts_at = *in.starts_at;
  if (in.ends_at) row.ends_at = *in.ends_at;
  if (in.opens_at) row.opens_at = *in.opens_at;
  if (in.closes_at) row.closes_at = *in.closes_at;
  if (in.capacity) row.capacity = *in.capacity;
  if (in.waitlist_max) row.waitlist_max = *in.waitlist_max;
  if (in.cancel_cutoff_hours) row.cancel_cutoff_hours = *in.cancel_cutoff_hours;
  if (in.confirm_hours) row.confirm_hours = *in.confirm_hours;
  if (in.walk_ins) row.walk_ins = *in.walk_ins;
  if (in.fee_fen) row.fee_fen = *in.fee_fen;
  if (!IsKind(row.kind)) invalid.fields.push_back({"kind", "error.activity.kind", {}});
  CheckName("title", row.title, 200, invalid);
  CheckName("place", row.place, 200, invalid);
  if (row.ends_at <= row.starts_at) {
    invalid.fields.push_back({"ends_at", "error.activity.ends_at", {}});
  }
  if (row.fee_fen < 0 || row.fee_fen > kMaxFeeFen) {
    invalid.fields.push_back({"fee_fen", "error.activity.fee_fen", {}});
  }
  for (auto& f : act::CheckSeatRules(store::SeatRulesOf(row))) invalid.fields.push_back(f);
  if (row.capacity < row.seats_taken) {
    invalid.fields.push_back({"capacity",
                              "error.activity.capacity_below_taken",
                              {{"taken", std::to_string(row.seats_taken)}}});
  }
}

//! The chosen orgs checked against the activity's org (each must exist and lie in the actor's
//! scope and under the activity's org); field errors into `invalid`.
Result<void> CheckChosen(store::Connection& conn, const Actor& actor, const std::string& org_path,
                         const std::vector<std::int64_t>& ids, Error& invalid) {
  act::Audience audience{OrgPath::FromStored(org_path), {}};
  for (std::size_t i = 0; i < ids.size() && i <= act::kMaxAudienceOrgs; ++i) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, ids[i]));
    if (!org || !PathInScope(actor, org->path)) {
      invalid.fields.push_back(
          {"audience." + std::to_string(i), "error.activity.audience_outside", {}});
      audience.orgs.push_back(OrgPath::FromStored(org_path));
      continue;
    }
    audience.orgs.push_back(OrgPath::FromStored(org->path));
  }
  if (ids.size() > act::kMaxAudienceOrgs) {
    audience.orgs.resize(act::kMaxAudienceOrgs + 1, OrgPath::FromStored(org_path));
  }
  for (auto& f : act::CheckAudience(audience)) invalid.fields.push_back(f);
  return {};
}

Result<void> NotifyMember(store::Connection& conn, const Clock& clock, Random& random,
                          std::int64_t member_id, std::string_view kind, const nlohmann::json& p,
                          std::int64_t activity_id) {
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccountByMember(conn, member_id));
  if (!account) return {};
  return NotifyWorker(conn, clock, random, account->id, kind, p.dump(), activity_id);
}

}  // namespace

Result<void> MustOrganiseActivities(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.activity.forbidden",
              actor.role + " does not organise activities");
}

Result<void> TellOffers(store::Connection& conn, const Clock& clock, Random& random,
                        const store::ActivityRow& activity,
                        const std::vector<store::SeatChange>& changes) {
  for (const auto& c : changes) {
    if (c.row.state != "offered" && !(c.row.state == "seated" && c.from == "waitlisted")) continue;
    nlohmann::json p{{"title", activity.title}, {"activity_id", std::to_string(activity.id)}};
    p["confirm_by"] = c.row.confirm_by ? nlohmann::json(*c.row.confirm_by) : nlohmann::json();
    ZJ_RETURN_IF_ERROR(
        NotifyMember(conn, clock, random, c.row.member_id, kInboxActivityOffered, p, activity.id));
  }
  return {};
}

Result<store::ActivityRow> ActivityService::Load(store::Connection& conn, const Actor& actor,
                                                 std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindActivity(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(NotFound(id));
  return std::move(*row);
}

Result<ActivityDetail> ActivityService::Detail(store::Connection& conn, store::ActivityRow row) {
  ActivityDetail d;
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
  if (org) d.org_name = org->name;
  if (row.audience == "orgs") {
    ZJ_ASSIGN_OR_RETURN(d.audience, store::AudienceOf(conn, row.id));
  }
  d.row = std::move(row);
  return d;
}

Result<void> ActivityService::Audit(store::Connection& conn, const Actor& actor,
                                    const std::string& action, const std::string& type,
                                    std::int64_t id,
                                    std::vector<std::pair<std::string, std::string>> detail) {
  const AuditEvent event{action,           type, std::to_string(id), "ok", actor.remote_addr,
                         std::move(detail)};
  return audit_.Record(conn, AuditActor::From(actor), event);
}

Result<ActivityDetail> ActivityService::Create(const Actor& actor, const NewActivity& in) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<ActivityDetail> {
    const std::int64_t org_id = in.org_id.value_or(actor.org_id.value_or(0));
    if (org_id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));
    store::ActivityRow row;
    row.id = NewId(clock_, random_);
    row.federation_id = org.federation_id;
    row.org_id = org.id;
    row.org_path = org.path;
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "activity", {}, {}};
    Apply(in.fields, row, invalid);
    const auto chosen = in.fields.audience.value_or(std::vector<std::int64_t>{});
    ZJ_RETURN_IF_ERROR(CheckChosen(c, actor, org.path, chosen, invalid));
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    row.audience = chosen.empty() ? "subtree" : "orgs";
    if (actor.user_id != 0) row.created_by = actor.user_id;
    row.created_at = row.updated_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertActivity(c, row));
    if (!chosen.empty()) ZJ_RETURN_IF_ERROR(store::SetActivityAudience(c, row.id, chosen));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "activity.create", "activity", row.id,
                             {{"capacity", std::to_string(row.capacity)}}));
    return Detail(c, std::move(row));
  });
}

Result<ActivityDetail> ActivityService::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, Load(*lease, actor, id));
  return Detail(*lease, std::move(row));
}

Result<ActivityPage> ActivityService::List(const Actor& actor, const std::string& status,
                                           std::int64_t before_id, int limit) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  if (!status.empty() && status != "draft" && status != "open" && status != "closed" &&
      status != "done" && status != "cancelled") {
    return Fail(FieldProblem("status", "error.field.invalid"));
  }
  ActivityPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(page.items, store::ListActivities(*lease, range->first, range->second, status,
                                                        before_id, limit + 1));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Result<ActivityDetail> ActivityService::Patch(const Actor& actor, std::int64_t id,
                                              const ActivityFields& in) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<ActivityDetail> {
    ZJ_ASSIGN_OR_RETURN(auto row, Load(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(auto locked, store::LockActivity(c, id));
    if (!locked) return Fail(NotFound(id));
    row = std::move(*locked);
    if (row.status != "draft" && row.status != "open") return Fail(StatusConflict(row.status));
    const int capacity_before = row.capacity;
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "activity", {}, {}};
    Apply(in, row, invalid);
    if (in.audience) {
      ZJ_RETURN_IF_ERROR(CheckChosen(c, actor, row.org_path, *in.audience, invalid));
    }
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    if (in.audience) {
      row.audience = in.audience->empty() ? "subtree" : "orgs";
      ZJ_RETURN_IF_ERROR(store::SetActivityAudience(c, row.id, *in.audience));
    }
    row.updated_at = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(const bool updated, store::UpdateActivity(c, row));
    if (!updated) return Fail(StatusConflict("changed"));
    if (row.status == "open" && row.capacity > capacity_before) {
      ZJ_ASSIGN_OR_RETURN(auto changes, store::RebalanceActivity(c, id, clock_.NowMs()));
      ZJ_RETURN_IF_ERROR(TellOffers(c, clock_, random_, row, changes));
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "activity.update", "activity", id,
                             {{"capacity", std::to_string(row.capacity)}}));
    ZJ_ASSIGN_OR_RETURN(auto fresh, store::FindActivity(c, id));
    return Detail(c, fresh ? std::move(*fresh) : std::move(row));
  });
}

Result<ActivityDetail> ActivityService::Move(const Actor& actor, std::int64_t id,
                                             const std::string& action) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<ActivityDetail> {
    ZJ_ASSIGN_OR_RETURN(auto row, Load(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(auto locked, store::LockActivity(c, id));
    if (!locked) return Fail(NotFound(id));
    row = std::move(*locked);
    const std::int64_t now = clock_.NowMs();
    std::string to;
    if (action == "open" && row.status == "draft") {
      to = "open";
    } else if (action == "close" && (row.status == "open" || row.status == "closed")) {
      to = now >= row.ends_at ? "done" : "closed";
    } else if (action == "cancel" &&
               (row.status == "draft" || row.status == "open" || row.status == "closed")) {
      to = "cancelled";
    }
    if (to.empty() || to == row.status) return Fail(StatusConflict(row.status));
    ZJ_ASSIGN_OR_RETURN(const bool moved, store::MoveActivityStatus(c, id, row.status, to, now));
    if (!moved) return Fail(StatusConflict(row.status));
    std::size_t told = 0;
    if (to == "cancelled") {
      ZJ_ASSIGN_OR_RETURN(auto cancelled,
                          store::CancelEveryRegistration(c, id, actor.user_id, now));
      const nlohmann::json p{
          {"title", row.title}, {"starts_at", row.starts_at}, {"activity_id", std::to_string(id)}};
      for (const auto& r : cancelled) {
        ZJ_RETURN_IF_ERROR(
            NotifyMember(c, clock_, random_, r.member_id, kInboxActivityCancelled, p, id));
      }
      told = cancelled.size();
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "activity." + action, "activity", id,
                             {{"status", to}, {"registrations_cancelled", std::to_string(told)}}));
    ZJ_ASSIGN_OR_RETURN(auto fresh, store::FindActivity(c, id));
    return Detail(c, fresh ? std::move(*fresh) : std::move(row));
  });
}

Result<ActivityDetail> ActivityService::Open(const Actor& actor, std::int64_t id) {
  return Move(actor, id, "open");
}

Result<ActivityDetail> ActivityService::Close(const Actor& actor, std::int64_t id) {
  return Move(actor, id, "close");
}

Result<ActivityDetail> ActivityService::Cancel(const Actor& actor, std::int64_t id) {
  return Move(actor, id, "cancel");
}

Result<std::vector<RegistrationView>> ActivityService::Registrations(const Actor& actor,
                                                                     std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(auto row, Load(*lease, actor, id));
  ZJ_ASSIGN_OR_RETURN(auto named, store::NamedRegistrationsOf(*lease, id, kMaxRegistrations));
  std::vector<RegistrationView> out;
  out.reserve(named.size());
  std::int64_t place = 0;
  for (auto& n : named) {
    RegistrationView v{std::move(n.row), personal_data::MaskPersonName(n.member_name),
                       std::move(n.union_name), std::nullopt};
    if (v.row.state == "waitlisted") v.place = ++place;
    out.push_back(std::move(v));
  }
  return out;
}

Result<RegistrationView> ActivityService::CancelRegistration(const Actor& actor, std::int64_t id,
                                                             std::int64_t registration_id,
                                                             const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  ZJ_ASSIGN_OR_RETURN(const std::string why, CheckReason("reason", reason));
  return WithRetry(db_, [&](store::Connection& c) -> Result<RegistrationView> {
    ZJ_ASSIGN_OR_RETURN(auto activity, Load(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(auto reg, store::FindRegistrationById(c, registration_id));
    if (!reg || reg->activity_id != id) {
      return Fail(ErrorCode::kNotFound, "error.not_found", "registration");
    }
    if (activity.status == "done" || activity.status == "cancelled") {
      return Fail(StatusConflict(activity.status));
    }
    std::vector<store::SeatChange> changes;
    ZJ_ASSIGN_OR_RETURN(auto row,
                        store::CancelRegistration(c, id, reg->member_id, true, actor.user_id,
                                                  clock_.NowMs(), changes));
    ZJ_RETURN_IF_ERROR(TellOffers(c, clock_, random_, activity, changes));
    const nlohmann::json p{{"title", activity.title},
                           {"starts_at", activity.starts_at},
                           {"activity_id", std::to_string(id)}};
    ZJ_RETURN_IF_ERROR(
        NotifyMember(c, clock_, random_, row.member_id, kInboxActivityCancelled, p, id));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "activity.registration_cancel", "activity_registration",
                             row.id,
                             {{"activity", std::to_string(id)},
                              {"was", reg->state},
                              {"promoted", std::to_string(changes.size())},
                              {"reason", why}}));
    return RegistrationView{std::move(row), "", "", std::nullopt};
  });
}

Result<int> ActivityService::SweepLapsedOffers() {
  std::vector<std::int64_t> ids;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(ids, store::ActivitiesWithLapsedOffers(*lease, clock_.NowMs()));
  }
  int done = 0;
  for (const std::int64_t id : ids) {
    ZJ_RETURN_IF_ERROR(WithRetry(db_, [&](store::Connection& c) -> Result<bool> {
      ZJ_ASSIGN_OR_RETURN(auto changes, store::RebalanceActivity(c, id, clock_.NowMs()));
      ZJ_ASSIGN_OR_RETURN(auto activity, store::FindActivity(c, id));
      if (activity) ZJ_RETURN_IF_ERROR(TellOffers(c, clock_, random_, *activity, changes));
      return true;
    }));
    ++done;
  }
  return done;
}

}  // namespace zj::app
