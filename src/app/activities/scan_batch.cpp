#include "app/activities/scan_batch.h"

#include <string>
#include <utility>

#include "app/cards/card_token.h"
#include "core/personal_data/masking.h"

namespace zj::app {

namespace {

namespace act = zj::activities;

void Refuse(ScanAnswer& a, std::string reason, std::string key) {
  a.outcome = "refused";
  a.reason = std::move(reason);
  a.message_key = std::move(key);
}

}  // namespace

Result<JudgedScans> JudgeScans(store::Connection& conn, const Vault& vault,
                               const std::vector<ScanIn>& scans, std::int64_t now,
                               const std::function<bool(const store::MemberRow&)>& admits) {
  JudgedScans out;
  out.answers.resize(scans.size());
  std::map<std::int64_t, bool> seen;  // by member: a batch names each member a few times
  for (std::size_t i = 0; i < scans.size(); ++i) {
    const ScanIn& in = scans[i];
    ScanAnswer& a = out.answers[i];
    a.scan_id = in.scan_id;
    if (!act::IsScanId(in.scan_id)) {
      Refuse(a, "bad_scan_id", "error.check_in.scan_id");
      continue;
    }
    const CardTokenCheck check = CheckCardToken(vault, in.token, in.scanned_at);
    if (!check.claims) {
      const bool expired = check.problem == CardTokenProblem::kExpired;
      Refuse(a, expired ? "token_expired" : "bad_token",
             expired ? "error.card.token_expired" : "error.card.token_invalid");
      continue;
    }
    const std::int64_t member_id = check.claims->member_id;
    auto known = seen.find(member_id);
    if (known == seen.end()) {
      ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(conn, member_id));
      const bool admitted = member && admits(*member);
      if (admitted) out.members.emplace(member_id, std::move(*member));
      known = seen.emplace(member_id, admitted).first;
    }
    if (!known->second) {
      Refuse(a, "not_in_audience", "error.check_in.not_in_audience");
      continue;
    }
    a.member_id = member_id;
    a.member_name = personal_data::MaskPersonName(out.members.at(member_id).name);
    out.judged.push_back({in.scan_id, member_id, in.scanned_at, now});
    out.judged_at.push_back(i);
  }
  return out;
}

void AnswerNotRecorded(ScanAnswer& a, act::ScanOutcome outcome) {
  if (outcome == act::ScanOutcome::kReplay) {
    a.outcome = "replay";
  } else if (outcome == act::ScanOutcome::kAlreadyIn) {
    a.outcome = "already_in";
    a.message_key = std::string(act::ScanOutcomeKey(outcome));
  } else {
    Refuse(a, std::string(act::ScanOutcomeCode(outcome)),
           std::string(act::ScanOutcomeKey(outcome)));
  }
}

}  // namespace zj::app
