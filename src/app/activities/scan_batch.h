// The parts of a batch of card scans that every check-in shares (an activity's, a training
// session's): each scan's id and card token checked at the scan's own time, each member read once
// and let in or not by the caller's rule, then each replayed scan's answer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "app/activities/check_ins.h"
#include "app/personal_data/vault.h"
#include "core/activities/check_in.h"
#include "core/result.h"
#include "store/database.h"
#include "store/members.h"

namespace zj::app {

//! A batch before the replay: one answer per scan in order (the refused ones answered), the
//! admitted scans for core Replay with the answer each belongs to, and the admitted members.
struct JudgedScans {
  std::vector<ScanAnswer> answers;
  std::vector<activities::Scan> judged;
  std::vector<std::size_t> judged_at;
  std::map<std::int64_t, store::MemberRow> members;
};

//! Checks each scan (bad_scan_id, bad_token, token_expired) and lets its member in by `admits`
//! (not_in_audience otherwise; a member not in the registry is never admitted); `now` is the
//! batch's arrival.
Result<JudgedScans> JudgeScans(store::Connection& conn, const Vault& vault,
                               const std::vector<ScanIn>& scans, std::int64_t now,
                               const std::function<bool(const store::MemberRow&)>& admits);

//! The answer of a replayed scan that is not recorded: replay, already_in, or refused with the
//! core's code and message.
void AnswerNotRecorded(ScanAnswer& a, activities::ScanOutcome outcome);

}  // namespace zj::app
