#include "app/mutual_aid/mutual_aid_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/beijing_day.h"
#include "app/members/member_access.h"
#include "app/mutual_aid/mutual_aid_rules.h"
#include "app/orgs/org_scope.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

using mutual_aid::Date;

std::string Day(Date d) { return members::FormatDate(d); }

//! The first instant (Unix ms) of a Beijing day.
std::int64_t DayStartMs(Date d) {
  return std::chrono::sys_days(d).time_since_epoch().count() * 86'400'000LL - 8 * 3'600'000LL;
}

Date AddDays(Date d, int n) { return Date{std::chrono::sys_days(d) + std::chrono::days(n)}; }

std::string Reason(mutual_aid::RegistryChange c) {
  return std::string(mutual_aid::RegistryChangeCode(c));
}

std::string LinesJson(const std::vector<MaListLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : lines) {
    out.push_back({{"member_id", l.member_id}, {"since", l.since}, {"reason", l.reason}});
  }
  return out.dump();
}

Result<std::vector<MaListLine>> LinesFromJson(const std::string& json) {
  std::vector<MaListLine> lines;
  try {
    for (const auto& l : nlohmann::json::parse(json)) {
      lines.push_back({l.at("member_id").get<std::int64_t>(), l.at("since").get<std::string>(),
                       l.at("reason").get<std::string>()});
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kInternal, "error.internal", std::string("stored list: ") + e.what());
  }
  return lines;
}

Result<MaListView> ViewOf(store::MaListRow row) {
  MaListView v;
  ZJ_ASSIGN_OR_RETURN(v.additions, LinesFromJson(row.additions_json));
  ZJ_ASSIGN_OR_RETURN(v.removals, LinesFromJson(row.removals_json));
  v.row = std::move(row);
  return v;
}

}  // namespace

std::optional<Date> ParseDay(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return members::ParseRosterDate(text);
}

std::string PayersJson(const std::vector<mutual_aid::PayerShare>& payers) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : payers) out.push_back({{"payer", p.payer}, {"share_bp", p.share_bp}});
  return out.dump();
}

Result<std::vector<mutual_aid::PayerShare>> PayersFromJson(const std::string& json) {
  std::vector<mutual_aid::PayerShare> payers;
  try {
    for (const auto& p : nlohmann::json::parse(json)) {
      payers.push_back({p.at("payer").get<std::string>(), p.at("share_bp").get<int>()});
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kInternal, "error.internal", std::string("stored payers: ") + e.what());
  }
  return payers;
}

Result<mutual_aid::BenefitRule> BenefitFromRow(const store::MaBenefitRow& row) {
  mutual_aid::BenefitRule rule;
  rule.code = row.code;
  rule.kind = mutual_aid::ParseBenefitKind(row.kind).value_or(mutual_aid::BenefitKind::kItemised);
  rule.share_bp = static_cast<int>(row.share_bp.value_or(0));
  rule.cap_fen = row.cap_fen;
  try {
    for (const auto& i : nlohmann::json::parse(row.items_json)) {
      rule.items.push_back(
          {i.at("code").get<std::string>(), i.at("amount_fen").get<std::int64_t>()});
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kInternal, "error.internal", std::string("stored items: ") + e.what());
  }
  return rule;
}

Result<void> MutualAidService::Audit(store::Connection& conn, const Actor& actor,
                                     const std::string& action, const std::string& type,
                                     std::int64_t id,
                                     std::vector<std::pair<std::string, std::string>> detail) {
  const AuditEvent event{action,           type, std::to_string(id), "ok", actor.remote_addr,
                         std::move(detail)};
  return audit_.Record(conn, AuditActor::From(actor), event);
}

Result<store::MaPlanRow> MutualAidService::LoadPlan(store::Connection& conn, const Actor& actor,
                                                    std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindMaPlan(conn, id));
  if (!row || !PlanVisible(actor, row->org_path)) {
    return Fail(MaNotFound("plan " + std::to_string(id)));
  }
  return std::move(*row);
}

Result<std::pair<store::MaPlanRow, store::MaPeriodRow>> MutualAidService::LoadPeriod(
    store::Connection& conn, const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto period, store::FindMaPeriod(conn, id));
  if (!period) return Fail(MaNotFound("period " + std::to_string(id)));
  auto plan = LoadPlan(conn, actor, period->plan_id);
  if (!plan) return Fail(MaNotFound("period " + std::to_string(id)));
  return std::pair{std::move(*plan), std::move(*period)};
}

Result<MaPlanDetail> MutualAidService::CreatePlan(const Actor& actor, const NewMaPlan& in) {
  ZJ_RETURN_IF_ERROR(MustDecideMa(actor));
  ZJ_RETURN_IF_ERROR(CheckNewPlan(in));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MaPlanDetail> {
    const std::int64_t org_id = in.org_id.value_or(actor.org_id.value_or(0));
    if (org_id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));
    if (org.kind != "municipal" && org.kind != "district") {
      return Fail(FieldProblem("org_id", "error.mutual_aid.plan_org"));
    }
    store::MaPlanRow row;
    row.id = NewId(clock_, random_);
    row.federation_id = org.federation_id;
    row.org_id = org.id;
    row.org_path = org.path;
    row.code = in.code;
    row.title = in.title;
    row.kind = in.kind;
    row.period_month = static_cast<int>(in.period_month);
    row.period_day = static_cast<int>(in.period_day);
    row.per_head_fen = in.per_head_fen;
    row.payers_json = PayersJson(in.payers);
    row.eligibility = in.eligibility;
    row.changes_days_before = in.changes_days_before;
    if (actor.user_id != 0) row.created_by = actor.user_id;
    row.created_at = clock_.NowMs();
    if (auto inserted = store::InsertMaPlan(c, row); !inserted) {
      if (inserted.error().code == ErrorCode::kAlreadyExists) {
        return Fail(FieldProblem("code", "error.mutual_aid.plan_code_taken"));
      }
      return Fail(inserted.error());
    }
    for (const auto& b : in.benefits) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& i : b.items)
        items.push_back({{"code", i.code}, {"amount_fen", i.amount_fen}});
      store::MaBenefitRow br{
          row.id,       b.code,    std::string(mutual_aid::BenefitKindCode(b.kind)),
          std::nullopt, b.cap_fen, items.dump()};
      if (b.kind == mutual_aid::BenefitKind::kShareOfLoss) br.share_bp = b.share_bp;
      ZJ_RETURN_IF_ERROR(store::InsertMaBenefit(c, br));
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "mutual_aid.plan.create", "ma_plan", row.id,
                             {{"benefits", std::to_string(in.benefits.size())}}));
    return MaPlanDetail{row, in.payers, in.benefits, {}};
  });
}

Result<std::vector<store::MaPlanRow>> MutualAidService::ListPlans(const Actor& actor) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  std::vector<std::string> above;
  if (!actor.org_path.empty()) {
    const auto ids = OrgPath::FromStored(actor.org_path).Ids();
    OrgPath path = OrgPath::Root(ids.empty() ? 0 : ids.front());
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
      above.push_back(path.str());
      path = path.Child(ids[i + 1]);
    }
  }
  const auto range = ScopeRange(actor);
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::ListMaPlans(*lease, range ? range->first : "", range ? range->second : "", above);
}

Result<MaPlanDetail> MutualAidService::GetPlan(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, LoadPlan(*lease, actor, id));
  MaPlanDetail d;
  ZJ_ASSIGN_OR_RETURN(d.payers, PayersFromJson(row.payers_json));
  ZJ_ASSIGN_OR_RETURN(auto benefits, store::BenefitsOfPlan(*lease, id));
  for (const auto& b : benefits) {
    ZJ_ASSIGN_OR_RETURN(auto rule, BenefitFromRow(b));
    d.benefits.push_back(std::move(rule));
  }
  ZJ_ASSIGN_OR_RETURN(d.periods, store::PeriodsOfPlan(*lease, id));
  d.row = std::move(row);
  return d;
}

Result<store::MaPeriodRow> MutualAidService::OpenPeriod(const Actor& actor, std::int64_t plan_id,
                                                        const std::string& day_text) {
  ZJ_RETURN_IF_ERROR(MustDecideMa(actor));
  const std::string text = day_text.empty() ? BeijingDay(clock_.NowMs()) : day_text;
  const auto day = ParseDay(text);
  if (!day) return Fail(FieldProblem("day", "error.mutual_aid.day"));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<store::MaPeriodRow> {
    ZJ_ASSIGN_OR_RETURN(auto plan, LoadPlan(c, actor, plan_id));
    if (!PathInScope(actor, plan.org_path)) return Fail(NotPlanLevel());
    const auto period = mutual_aid::PeriodOf(
        {static_cast<unsigned>(plan.period_month), static_cast<unsigned>(plan.period_day)}, *day);
    ZJ_ASSIGN_OR_RETURN(auto existing,
                        store::FindMaPeriodStarting(c, plan.id, Day(period.starts_on)));
    if (existing) return std::move(*existing);
    store::MaPeriodRow row;
    row.id = NewId(clock_, random_);
    row.plan_id = plan.id;
    row.starts_on = Day(period.starts_on);
    row.ends_on = Day(period.ends_on);
    if (actor.user_id != 0) row.opened_by = actor.user_id;
    row.opened_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertMaPeriod(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "mutual_aid.period.open", "ma_period", row.id,
                             {{"plan", std::to_string(plan.id)}, {"starts_on", row.starts_on}}));
    return row;
  });
}

Result<std::vector<store::MaPeriodRow>> MutualAidService::Periods(const Actor& actor,
                                                                  std::int64_t plan_id) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto plan, LoadPlan(*lease, actor, plan_id));
  return store::PeriodsOfPlan(*lease, plan.id);
}

namespace {

//! The org, when in the actor's scope and the plan's subtree (kNotFound else).
Result<store::OrgRow> OrgForPlan(store::Connection& c, const Actor& actor,
                                 const store::MaPlanRow& plan, std::int64_t org_id) {
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));
  if (!OrgPath::FromStored(plan.org_path).Contains(OrgPath::FromStored(org.path))) {
    return Fail(OrgNotFound("org_id", "org " + std::to_string(org_id) + " outside the plan"));
  }
  return org;
}

}  // namespace

Result<MaEnrolOutcome> MutualAidService::Enrol(const Actor& actor, std::int64_t period_id,
                                               std::int64_t org_id) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MaEnrolOutcome> {
    ZJ_ASSIGN_OR_RETURN(auto pp, LoadPeriod(c, actor, period_id));
    auto& [plan, period] = pp;
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, OrgForPlan(c, actor, plan, org_id));
    const std::string today = BeijingDay(clock_.NowMs());
    if (today > period.ends_on || period.status == "closed") {
      return Fail(ErrorCode::kConflict, "error.mutual_aid.period_over", "period over");
    }
    store::MaEnrolmentRow t;
    t.period_id = period.id;
    t.covered_from = std::max(period.starts_on, today);
    if (actor.user_id != 0) t.confirmed_by = actor.user_id;
    t.confirmed_at = clock_.NowMs();
    const OrgPath path = OrgPath::FromStored(org.path);
    MaEnrolOutcome out;
    ZJ_ASSIGN_OR_RETURN(out.enrolled,
                        store::EnrolActiveMembers(c, t, path.SubtreeLow(), path.SubtreeHigh(),
                                                  plan.eligibility == "card_holders"));
    ZJ_ASSIGN_OR_RETURN(
        out.in_org, store::CountEnrolledIn(c, period.id, path.SubtreeLow(), path.SubtreeHigh()));
    ZJ_RETURN_IF_ERROR(store::RecountMaPeriod(c, period.id));
    ZJ_ASSIGN_OR_RETURN(auto fresh, store::FindMaPeriod(c, period.id));
    out.period = fresh.value_or(period);
    ZJ_RETURN_IF_ERROR(
        Audit(c, actor, "mutual_aid.enrol", "ma_period", period.id,
              {{"org", std::to_string(org.id)}, {"enrolled", std::to_string(out.enrolled)}}));
    return out;
  });
}

Result<MaListView> MutualAidService::MakeList(const Actor& actor, std::int64_t period_id,
                                              std::int64_t org_id) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MaListView> {
    ZJ_ASSIGN_OR_RETURN(auto pp, LoadPeriod(c, actor, period_id));
    auto& [plan, period] = pp;
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, OrgForPlan(c, actor, plan, org_id));
    // Since the day after the union's last list (or the period's start) up to today.
    ZJ_ASSIGN_OR_RETURN(auto earlier, store::ListsOfPeriod(c, period.id, org.id));
    Date from = *ParseDay(period.starts_on);
    if (!earlier.empty()) {
      if (auto last = ParseDay(earlier.front().to_on)) from = AddDays(*last, 1);
    }
    Date to = *ParseDay(std::min(BeijingDay(clock_.NowMs()), period.ends_on));
    const OrgPath path = OrgPath::FromStored(org.path);
    const OrgPath area = OrgPath::FromStored(plan.org_path);
    const std::string low = path.SubtreeLow(), high = path.SubtreeHigh();
    std::vector<mutual_aid::MemberChange> changes;
    using RC = mutual_aid::RegistryChange;
    if (from <= to) {
      ZJ_ASSIGN_OR_RETURN(auto statuses,
                          store::StatusChangesUnder(c, low, high, Day(from), Day(to)));
      for (const auto& s : statuses) {
        const auto on = ParseDay(s.on);
        if (!on) continue;
        const RC change = s.status == "retired"    ? RC::kRetired
                          : s.status == "deceased" ? RC::kDied
                          : s.status == "left"     ? RC::kLeft
                                                   : RC::kMovedOut;
        changes.push_back({s.member_id, *on, change});
      }
      const std::int64_t from_ms = DayStartMs(from), to_ms = DayStartMs(AddDays(to, 1));
      ZJ_ASSIGN_OR_RETURN(auto joined,
                          store::NewMembersUnder(c, low, high, Day(from), Day(to), from_ms, to_ms));
      for (const auto& j : joined) {
        const auto on = j.join_date ? ParseDay(*j.join_date) : ParseDay(BeijingDay(j.created_at));
        if (on) changes.push_back({j.member_id, *on, RC::kJoined});
      }
      ZJ_ASSIGN_OR_RETURN(auto moves, store::TransfersAcross(c, low, high, from_ms, to_ms));
      for (const auto& m : moves) {
        const auto on = ParseDay(BeijingDay(m.decided_at));
        if (!on) continue;
        const bool left = path.Contains(OrgPath::FromStored(m.from_path)) &&
                          !area.Contains(OrgPath::FromStored(m.to_path));
        const bool came = path.Contains(OrgPath::FromStored(m.to_path)) &&
                          !area.Contains(OrgPath::FromStored(m.from_path));
        if (left) changes.push_back({m.member_id, *on, RC::kMovedOut});
        if (came) changes.push_back({m.member_id, *on, RC::kMovedIn});
      }
    }
    // Diff takes each member's changes in date order itself (same day: in this order).
    ZJ_ASSIGN_OR_RETURN(auto enrolled, store::EnrolledIn(c, period.id, low, high));
    const auto diff = mutual_aid::Diff(enrolled, changes, from, to);
    MaListView v;
    for (const auto& a : diff.additions)
      v.additions.push_back({a.member_id, Day(a.since), Reason(a.reason)});
    for (const auto& r : diff.removals)
      v.removals.push_back({r.member_id, Day(r.since), Reason(r.reason)});
    store::MaListRow& row = v.row;
    row.id = NewId(clock_, random_);
    row.period_id = period.id;
    row.org_id = org.id;
    row.org_path = org.path;
    row.federation_id = org.federation_id;
    row.from_on = Day(from);
    row.to_on = Day(to);
    row.additions_json = LinesJson(v.additions);
    row.removals_json = LinesJson(v.removals);
    if (actor.user_id != 0) row.made_by = actor.user_id;
    row.made_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertMaList(c, row));
    return v;
  });
}

Result<std::vector<MaListView>> MutualAidService::Lists(const Actor& actor,
                                                        std::int64_t period_id) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto pp, LoadPeriod(*lease, actor, period_id));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListsOfPeriod(*lease, pp.second.id, std::nullopt));
  std::vector<MaListView> out;
  for (auto& r : rows) {
    if (!PathInScope(actor, r.org_path)) continue;
    ZJ_ASSIGN_OR_RETURN(auto v, ViewOf(std::move(r)));
    out.push_back(std::move(v));
  }
  return out;
}

Result<MaListView> MutualAidService::LoadList(store::Connection& conn, const Actor& actor,
                                              std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindMaList(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) {
    return Fail(MaNotFound("list " + std::to_string(id)));
  }
  return ViewOf(std::move(*row));
}

Result<MaListView> MutualAidService::SendList(const Actor& actor, std::int64_t list_id) {
  ZJ_RETURN_IF_ERROR(MustRunMa(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MaListView> {
    ZJ_ASSIGN_OR_RETURN(auto v, LoadList(c, actor, list_id));
    if (v.row.status != "draft") {
      return Fail(ErrorCode::kConflict, "error.mutual_aid.list_state", "list not a draft");
    }
    v.row.status = "sent";
    if (actor.user_id != 0) v.row.sent_by = actor.user_id;
    v.row.sent_at = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(bool moved, store::MoveMaList(c, v.row, "draft"));
    if (!moved) return Fail(ErrorCode::kConflict, "error.mutual_aid.list_state", "moved");
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "mutual_aid.list.send", "ma_list", v.row.id,
                             {{"additions", std::to_string(v.additions.size())},
                              {"removals", std::to_string(v.removals.size())}}));
    return v;
  });
}

Result<MaListView> MutualAidService::ApplyList(const Actor& actor, std::int64_t list_id) {
  ZJ_RETURN_IF_ERROR(MustDecideMa(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MaListView> {
    ZJ_ASSIGN_OR_RETURN(auto v, LoadList(c, actor, list_id));
    ZJ_ASSIGN_OR_RETURN(auto pp, LoadPeriod(c, actor, v.row.period_id));
    auto& [plan, period] = pp;
    if (!PathInScope(actor, plan.org_path)) return Fail(NotPlanLevel());
    if (v.row.status != "sent") {
      return Fail(ErrorCode::kConflict, "error.mutual_aid.list_state", "list not sent");
    }
    for (const auto& r : v.removals) {
      const auto since = ParseDay(r.since);
      if (!since) continue;
      // A change takes effect the day after its date: covered through the day of the change.
      ZJ_RETURN_IF_ERROR(
          store::RemoveMaEnrolment(c, period.id, r.member_id, Day(AddDays(*since, 1)), r.reason));
    }
    const std::string today = BeijingDay(clock_.NowMs());
    for (const auto& a : v.additions) {
      ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, a.member_id));
      if (!member || member->status != "active") continue;
      store::MaEnrolmentRow e;
      e.period_id = period.id;
      e.member_id = member->id;
      e.org_path = member->org_path;
      e.federation_id = member->federation_id;
      e.covered_from = std::max(period.starts_on, today);
      if (actor.user_id != 0) e.confirmed_by = actor.user_id;
      e.confirmed_at = clock_.NowMs();
      ZJ_RETURN_IF_ERROR(store::InsertMaEnrolment(c, e));
    }
    ZJ_RETURN_IF_ERROR(store::RecountMaPeriod(c, period.id));
    v.row.status = "applied";
    if (actor.user_id != 0) v.row.applied_by = actor.user_id;
    v.row.applied_at = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(bool moved, store::MoveMaList(c, v.row, "sent"));
    if (!moved) return Fail(ErrorCode::kConflict, "error.mutual_aid.list_state", "moved");
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "mutual_aid.list.apply", "ma_list", v.row.id,
                             {{"additions", std::to_string(v.additions.size())},
                              {"removals", std::to_string(v.removals.size())}}));
    return v;
  });
}

}  // namespace zj::app
