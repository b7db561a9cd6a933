#include "app/activities/check_ins.h"

#include <utility>

#include "app/activities/activity_service.h"
#include "app/activities/scan_batch.h"
#include "app/coverage/reached.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/activities/audience.h"
#include "core/activities/check_in.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"
#include "store/activities.h"
#include "store/members.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

constexpr int kMaxCheckIns = 20'000;
constexpr int kMaxStreets = 1'000;

Error NotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "activity " + std::to_string(id), {}, {}};
}

//! The activity's audience: its org's subtree, or the chosen orgs.
Result<act::Audience> LoadAudience(store::Connection& conn, const store::ActivityRow& a) {
  act::Audience audience{OrgPath::FromStored(a.org_path), {}};
  if (a.audience == "orgs") {
    ZJ_ASSIGN_OR_RETURN(auto chosen, store::AudienceOf(conn, a.id));
    for (const auto& o : chosen) audience.orgs.push_back(OrgPath::FromStored(o.path));
  }
  return audience;
}

}  // namespace

Result<std::vector<ScanAnswer>> CheckInService::Record(const Actor& actor, std::int64_t activity_id,
                                                       const std::vector<ScanIn>& scans) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  if (scans.size() > kMaxScansPerBatch) {
    return Fail(FieldProblem("scans", "error.check_in.batch_size",
                             {{"max", std::to_string(kMaxScansPerBatch)}}));
  }
  return WithRetry(db_, [&](store::Connection& c) -> Result<std::vector<ScanAnswer>> {
    ZJ_ASSIGN_OR_RETURN(auto found, store::FindActivity(c, activity_id));
    if (!found || !PathInScope(actor, found->org_path)) return Fail(NotFound(activity_id));
    ZJ_ASSIGN_OR_RETURN(auto locked, store::LockActivity(c, activity_id));
    if (!locked) return Fail(NotFound(activity_id));
    const store::ActivityRow activity = std::move(*locked);
    if (activity.status == "draft" || activity.status == "cancelled") {
      return Fail(ErrorCode::kConflict, "error.activity.status", "activity is " + activity.status);
    }
    ZJ_ASSIGN_OR_RETURN(const act::Audience audience, LoadAudience(c, activity));
    const std::int64_t now = clock_.NowMs();

    ZJ_ASSIGN_OR_RETURN(JudgedScans batch,
                        JudgeScans(c, vault_, scans, now, [&](const store::MemberRow& m) {
                          return PathInScope(actor, m.org_path) &&
                                 act::OpenTo(audience, OrgPath::FromStored(m.org_path));
                        }));
    std::vector<ScanAnswer>& answers = batch.answers;
    const std::vector<act::Scan>& judged = batch.judged;

    ZJ_ASSIGN_OR_RETURN(act::CheckInBook book, store::CheckInBookFor(c, activity_id, judged));
    const act::CheckInWindow window{activity.starts_at, activity.ends_at, 60, 5, 7,
                                    activity.walk_ins};
    const auto outcomes = act::Replay(window, book, judged);
    std::int64_t recorded = 0;
    int replays = 0;
    int refused = 0;
    for (std::size_t j = 0; j < judged.size(); ++j) {
      ScanAnswer& a = answers[batch.judged_at[j]];
      const act::ScanOutcome o = outcomes[j];
      if (o != act::ScanOutcome::kRecorded) {
        AnswerNotRecorded(a, o);
        continue;
      }
      a.outcome = "recorded";
      const store::CheckInRow row{activity_id,
                                  judged[j].scan_id,
                                  judged[j].member_id,
                                  activity.federation_id,
                                  judged[j].scanned_at_ms,
                                  now,
                                  actor.user_id != 0 ? std::optional(actor.user_id) : std::nullopt};
      auto inserted = store::InsertCheckIn(c, row);
      if (!inserted && inserted.error().code == ErrorCode::kAlreadyExists) {
        // A concurrent batch got there first: this transaction is retried and its second
        // reading of the book answers replay or already in.
        return Fail(ErrorCode::kUnavailable, "error.db.busy", "check-in raced");
      }
      ZJ_RETURN_IF_ERROR(inserted);
      ZJ_RETURN_IF_ERROR(MarkReached(c, judged[j].member_id, now));
      ++recorded;
    }
    for (const auto& a : answers) {
      replays += a.outcome == "replay" ? 1 : 0;
      refused += a.outcome == "refused" ? 1 : 0;
    }
    ZJ_RETURN_IF_ERROR(store::AddCheckedIn(c, activity_id, recorded));
    const AuditEvent event{"activity.check_in",
                           "activity",
                           std::to_string(activity_id),
                           "ok",
                           actor.remote_addr,
                           {{"scans", std::to_string(scans.size())},
                            {"recorded", std::to_string(recorded)},
                            {"replays", std::to_string(replays)},
                            {"refused", std::to_string(refused)}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return answers;
  });
}

Result<std::vector<CheckInView>> CheckInService::List(const Actor& actor,
                                                      std::int64_t activity_id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(auto activity, store::FindActivity(*lease, activity_id));
  if (!activity || !PathInScope(actor, activity->org_path)) return Fail(NotFound(activity_id));
  ZJ_ASSIGN_OR_RETURN(auto named, store::NamedCheckInsOf(*lease, activity_id, kMaxCheckIns));
  std::vector<CheckInView> out;
  out.reserve(named.size());
  for (auto& n : named) {
    out.push_back(
        {std::move(n.row), personal_data::MaskPersonName(n.member_name), std::move(n.union_name)});
  }
  return out;
}

Result<ReachView> CheckInService::Reach(const Actor& actor, std::optional<std::int64_t> org_id) {
  ZJ_RETURN_IF_ERROR(MustOrganiseActivities(actor));
  const std::int64_t id = org_id.value_or(actor.org_id.value_or(0));
  if (id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(*lease, actor, id, "org_id"));
  ReachView out;
  ZJ_ASSIGN_OR_RETURN(auto own, store::ReachOf(*lease, org.id));
  out.org = own.value_or(store::ReachRow{org.id, org.name, org.kind, 0, 0});
  out.not_reached = std::max<std::int64_t>(0, out.org.members - out.org.reached_12m);
  const OrgPath path = OrgPath::FromStored(org.path);
  ZJ_ASSIGN_OR_RETURN(
      out.streets, store::StreetReach(*lease, path.SubtreeLow(), path.SubtreeHigh(), kMaxStreets));
  return out;
}

}  // namespace zj::app
