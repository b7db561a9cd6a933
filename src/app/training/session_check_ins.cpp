#include "app/training/session_check_ins.h"

#include <map>

#include "app/activities/activity_service.h"
#include "app/cards/card_token.h"
#include "app/coverage/reached.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/training/training_service.h"
#include "core/activities/check_in.h"
#include "core/personal_data/masking.h"
#include "store/members.h"
#include "store/training.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

void Refuse(ScanAnswer& a, std::string reason, std::string key) {
  a.outcome = "refused";
  a.reason = std::move(reason);
  a.message_key = std::move(key);
}

struct Card {
  std::string name;
  bool admitted = false;
};

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

    std::vector<ScanAnswer> answers(scans.size());
    std::map<std::int64_t, Card> cards;
    std::vector<act::Scan> judged;
    std::vector<std::size_t> judged_at;
    for (std::size_t i = 0; i < scans.size(); ++i) {
      const ScanIn& in = scans[i];
      ScanAnswer& a = answers[i];
      a.scan_id = in.scan_id;
      if (!act::IsScanId(in.scan_id)) {
        Refuse(a, "bad_scan_id", "error.check_in.scan_id");
        continue;
      }
      const CardTokenCheck check = CheckCardToken(vault_, in.token, in.scanned_at);
      if (!check.claims) {
        const bool expired = check.problem == CardTokenProblem::kExpired;
        Refuse(a, expired ? "token_expired" : "bad_token",
               expired ? "error.card.token_expired" : "error.card.token_invalid");
        continue;
      }
      const std::int64_t member_id = check.claims->member_id;
      auto known = cards.find(member_id);
      if (known == cards.end()) {
        Card card;
        ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, member_id));
        if (member) card = {member->name, PathInScope(actor, member->org_path)};
        known = cards.emplace(member_id, std::move(card)).first;
      }
      if (!known->second.admitted) {
        Refuse(a, "not_in_audience", "error.check_in.not_in_audience");
        continue;
      }
      a.member_id = member_id;
      a.member_name = personal_data::MaskPersonName(known->second.name);
      judged.push_back({in.scan_id, member_id, in.scanned_at, now});
      judged_at.push_back(i);
    }

    ZJ_ASSIGN_OR_RETURN(act::CheckInBook book, store::SessionBookFor(c, *session, judged));
    const act::CheckInWindow window{session->starts_at, session->ends_at, 60, 5, 7, false};
    const auto outcomes = act::Replay(window, book, judged);
    int recorded = 0;
    for (std::size_t j = 0; j < judged.size(); ++j) {
      ScanAnswer& a = answers[judged_at[j]];
      const act::ScanOutcome o = outcomes[j];
      if (o == act::ScanOutcome::kRecorded) {
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
      } else if (o == act::ScanOutcome::kReplay) {
        a.outcome = "replay";
      } else if (o == act::ScanOutcome::kAlreadyIn) {
        a.outcome = "already_in";
        a.message_key = std::string(act::ScanOutcomeKey(o));
      } else {
        Refuse(a, std::string(act::ScanOutcomeCode(o)), std::string(act::ScanOutcomeKey(o)));
      }
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
