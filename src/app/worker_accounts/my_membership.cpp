#include "app/worker_accounts/my_membership.h"

#include <map>
#include <nlohmann/json.hpp>

#include "app/beijing_day.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/calendar/work_calendar.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

accounts::ThrottlePolicy SearchPolicy() {
  accounts::ThrottlePolicy p;
  p.per_username = 30;
  p.per_address = 120;
  p.window_ms = 60LL * 1000;
  return p;
}

std::string Field(const nlohmann::json& detail, const char* name) {
  auto it = detail.find(name);
  return it != detail.end() && it->is_string() ? it->get<std::string>() : std::string();
}

UnionContact ContactOf(const store::OrgRow& org) {
  return UnionContact{org.id, org.name, org.kind, org.chair, org.contact};
}

//! The history the registry stores, in the worker's words: joining, transfers that moved the
//! member, and the status change that ended the membership. Other events (edits, reveals,
//! requests that did not move the member) are staff bookkeeping and stay out.
std::vector<MembershipEvent> HistoryOf(const store::MemberRow& member,
                                       const std::vector<store::MemberEventRow>& events) {
  std::vector<MembershipEvent> out;
  for (const auto& e : events) {
    const nlohmann::json detail = nlohmann::json::parse(e.detail, nullptr, false);
    if (!detail.is_object()) continue;
    if (e.event == "created") {
      out.push_back({e.at,
                     "joined",
                     {{"union", Field(detail, "union")}, {"on", member.join_date.value_or("")}}});
    } else if (e.event == "transferred") {
      out.push_back({e.at,
                     "transferred",
                     {{"from", Field(detail, "from")},
                      {"to", Field(detail, "to")},
                      {"on", BeijingDay(e.at)}}});
    } else if (e.event == "status") {
      // "active → left": the status it became.
      std::string status = Field(detail, "status");
      if (const auto arrow = status.rfind(' '); arrow != std::string::npos) {
        status = status.substr(arrow + 1);
      }
      out.push_back({e.at, "status", {{"status", status}, {"on", Field(detail, "on")}}});
    }
  }
  return out;
}

}  // namespace

MyMembershipService::MyMembershipService(store::Database& db, const Clock& clock,
                                         TransferService& transfers)
    : db_(db), clock_(clock), transfers_(transfers), searches_(SearchPolicy()) {}

Result<MyMembership> MyMembershipService::Get(const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, transfers_.OfWorker(*lease, worker));
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  if (!account || !account->member_id) {
    return Fail(ErrorCode::kFailedPrecondition, "error.card.not_bound", "no member bound");
  }
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, *account->member_id));
  if (!member) return Fail(ErrorCode::kFailedPrecondition, "error.card.not_bound", "gone");
  MyMembership out;
  out.member_name = member->name;
  out.card_number = member->card_number;
  out.status = member->status;
  out.join_date = member->join_date;
  ZJ_ASSIGN_OR_RETURN(auto union_org, store::FindOrgById(*lease, member->union_org_id));
  if (union_org) {
    out.union_org = ContactOf(*union_org);
    if (union_org->parent_id) {
      ZJ_ASSIGN_OR_RETURN(auto parent, store::FindOrgById(*lease, *union_org->parent_id));
      if (parent) out.parent = ContactOf(*parent);
    }
  }
  ZJ_ASSIGN_OR_RETURN(auto events, store::MemberEvents(*lease, member->id));
  out.history = HistoryOf(*member, events);
  for (const auto& t : rows) {
    MyTransfer m;
    m.id = t.id;
    m.from_union = t.from_union_name;
    m.to_union = t.to_union_name;
    m.state = t.state;
    m.created_at = t.created_at;
    m.decided_at = t.decided_at;
    m.asked_by_me = t.requested_by_worker == std::optional<std::int64_t>(account->id);
    if (m.asked_by_me) {
      m.reason = t.reason;
      m.new_employer = t.new_employer;
    }
    m.can_withdraw = m.asked_by_me && t.state == "pending";
    out.transfers.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<UnionChoice>> MyMembershipService::SearchUnions(const Actor& worker,
                                                                   const std::string& q) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  const std::string text(text::TrimSpaces(q));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  if (auto e = text::CheckLength("q", text, text::TextKind::kSearch)) {
    invalid.fields.push_back({"q", e->message_key, e->args});
  } else if (text::CodePoints(text) < 2) {
    invalid.fields.push_back({"q", "error.field.too_short", {{"min", "2"}}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  std::int64_t wait_ms = 0;
  {
    std::lock_guard lock(throttle_mutex_);
    const std::string key = std::to_string(*worker.worker_id);
    wait_ms = searches_.RetryAfterMs(key, worker.remote_addr, clock_.NowMs());
    if (wait_ms <= 0) searches_.RecordFailure(key, worker.remote_addr, clock_.NowMs());
  }
  if (wait_ms > 0) {
    const std::string seconds = std::to_string((wait_ms + 999) / 1000);
    return Fail(Error{ErrorCode::kResourceExhausted,
                      "error.too_many_requests",
                      "union searches throttled",
                      {},
                      {{"seconds", seconds}, {"retry_after", seconds}}});
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto unions, store::SearchActiveUnions(*lease, text, kUnionSearchLimit));
  std::map<std::int64_t, std::optional<store::OrgRow>> above;  // a page shares its districts
  std::vector<UnionChoice> out;
  out.reserve(unions.size());
  for (const auto& u : unions) {
    UnionChoice c{u.id, u.name, ""};
    for (std::int64_t id : OrgPath::FromStored(u.path).Ids()) {
      if (!above.contains(id)) {
        ZJ_ASSIGN_OR_RETURN(above[id], store::FindOrgById(*lease, id));
      }
      if (above[id] && above[id]->kind == "district") c.district = above[id]->name;
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace zj::app
