#include "app/training/session_check_ins.h"

#include "app/activities/activity_service.h"
#include "app/activities/scan_batch.h"
#include "app/coverage/reached.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/training/training_service.h"
#include "core/activities/check_in.h"
#include "store/members.h"
#include "store/training.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

}  // namespace

Result<std::vector<ScanAnswer>> SessionCheckInService::Record(const Actor& actor,
                                                              std::int64_t session_id,
                                                              const std::vector<ScanIn>& scans) {
  ZJ_RETURN_IF_ERROR(MustOrganiseTraining(actor));
  if (scans.size() > kMaxScansPerBatch) {
    return Fail(FieldProblem("scans", "error.check_in.batch_size",
                             {{"max", std::to_string(kMaxScansPerBatch)}}));
  }
  return WithRetry(db_, [&](store::Connection& c) -> Result<std::vector<ScanAnswer>> {
    const Error not_found{
        ErrorCode::kNotFound, "error.not_found", "session " + std::to_string(session_id), {}, {}};
    ZJ_ASSIGN_OR_RETURN(auto session, store::FindSession(c, session_id));
    if (!session) return Fail(not_found);
    ZJ_ASSIGN_OR_RETURN(auto k, store::LockClass(c, session->class_id));
    if (!k || !PathInScope(actor, k->org_path)) return Fail(not_found);
    const std::int64_t now = clock_.NowMs();

    ZJ_ASSIGN_OR_RETURN(JudgedScans batch,
                        JudgeScans(c, vault_, scans, now, [&](const store::MemberRow& m) {
                          return PathInScope(actor, m.org_path);
                        }));
    std::vector<ScanAnswer>& answers = batch.answers;
    const std::vector<act::Scan>& judged = batch.judged;

    ZJ_ASSIGN_OR_RETURN(act::CheckInBook book, store::SessionBookFor(c, *session, judged));
    const act::CheckInWindow window{session->starts_at, session->ends_at, 60, 5, 7, false};
    const auto outcomes = act::Replay(window, book, judged);
    int recorded = 0;
    for (std::size_t j = 0; j < judged.size(); ++j) {
      ScanAnswer& a = answers[batch.judged_at[j]];
      const act::ScanOutcome o = outcomes[j];
      if (o != act::ScanOutcome::kRecorded) {
        AnswerNotRecorded(a, o);
        continue;
      }
      a.outcome = "recorded";
      auto inserted = store::InsertSessionCheckIn(
          c, *session, judged[j], judged[j].member_id,
          actor.user_id != 0 ? std::optional(actor.user_id) : std::nullopt, now);
      if (!inserted && inserted.error().code == ErrorCode::kAlreadyExists) {
        return Fail(ErrorCode::kUnavailable, "error.db.busy", "check-in raced");
      }
      ZJ_RETURN_IF_ERROR(inserted);
      ZJ_RETURN_IF_ERROR(MarkReached(c, judged[j].member_id, now));
      ++recorded;
    }
    const AuditEvent event{"training.check_in",
                           "class",
                           std::to_string(k->id),
                           "ok",
                           actor.remote_addr,
                           {{"session", std::to_string(session_id)},
                            {"scans", std::to_string(scans.size())},
                            {"recorded", std::to_string(recorded)}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return answers;
  });
}

}  // namespace zj::app
