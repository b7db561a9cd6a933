// Honour rounds (issue 21 slice 5): creating and reading rounds, and an org's list with the
// composition rules and quotas evaluated on it. Nominating, forwarding and deciding are in
// nominations.cpp.
#include "app/competitions/honour_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "app/competitions/competition_rules.h"
#include "app/competitions/competition_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;
constexpr int kMaxQuota = 100'000;

bool IsDay(const std::string& text) {
  const auto day = members::ParseRosterDate(text);
  return day && members::FormatDate(*day) == text;
}

bool IsCategoryCode(const std::string& s) {
  return IsCode(s);  // [a-z0-9_], 1..40: core/competitions/honours.h's categories
}

std::vector<competitions::Nomination> Counted(const std::vector<NominationView>& items) {
  std::vector<competitions::Nomination> out;
  for (const auto& n : items) {
    if (n.row.status == "refused") continue;
    out.push_back({n.row.id, n.row.org_id, n.categories});
  }
  return out;
}

}  // namespace

std::vector<std::string> CategoriesFromJson(const std::string& json) {
  std::vector<std::string> out;
  try {
    for (const auto& c : nlohmann::json::parse(json)) out.push_back(c.get<std::string>());
  } catch (const nlohmann::json::exception&) {
    out.clear();  // never written by us: read as no category
  }
  return out;
}

Result<store::HonourRoundRow> HonourService::Load(store::Connection& conn, const Actor& actor,
                                                  std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindHonourRound(conn, id));
  const bool inside =
      row && !actor.org_path.empty() &&
      OrgPath::FromStored(row->org_path).Contains(OrgPath::FromStored(actor.org_path));
  if (!row || (!PathInScope(actor, row->org_path) && !inside)) {
    return Fail(CompetitionNotFound("honour round " + std::to_string(id)));
  }
  return std::move(*row);
}

Result<store::OrgRow> HonourService::ListOrg(store::Connection& conn, const Actor& actor,
                                             const store::HonourRoundRow& round,
                                             std::optional<std::int64_t> org_id) {
  // Default: the actor's own org when it lies inside the round, else the round's org.
  const bool inside =
      actor.org_id && !actor.org_path.empty() &&
      OrgPath::FromStored(round.org_path).Contains(OrgPath::FromStored(actor.org_path));
  const std::int64_t id = org_id.value_or(inside ? *actor.org_id : round.org_id);
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(conn, actor, id, "org_id"));
  if (!OrgPath::FromStored(round.org_path).Contains(OrgPath::FromStored(org.path))) {
    return Fail(OrgNotFound("org_id", "org " + std::to_string(id) + " outside the round"));
  }
  return org;
}

Result<void> HonourService::Audit(store::Connection& conn, const Actor& actor,
                                  const std::string& action, const std::string& type,
                                  std::int64_t id,
                                  std::vector<std::pair<std::string, std::string>> detail) {
  const AuditEvent event{action,           type, std::to_string(id), "ok", actor.remote_addr,
                         std::move(detail)};
  return audit_.Record(conn, AuditActor::From(actor), event);
}

Result<HonourRoundView> HonourService::CreateRound(const Actor& actor, const NewHonourRound& in) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "honour round", {}, {}};
  CheckName("title", in.title, 200, invalid);
  if (in.year < 2000 || in.year > 2100) {
    invalid.fields.push_back({"year", "error.honours.year", {}});
  }
  std::vector<competitions::CompositionRule> rules;
  if (in.rules_text.size() > kMaxRulesText) {
    invalid.fields.push_back(
        {"rules", "error.field.too_long", {{"max", std::to_string(kMaxRulesText)}}});
  } else if (auto parsed = competitions::ParseRules(in.rules_text)) {
    rules = std::move(*parsed);
  } else {
    for (auto& f : parsed.error().fields) invalid.fields.push_back(std::move(f));
  }
  if (!IsDay(in.opens_on)) invalid.fields.push_back({"opens_on", "error.date.invalid", {}});
  if (!IsDay(in.closes_on)) {
    invalid.fields.push_back({"closes_on", "error.date.invalid", {}});
  } else if (IsDay(in.opens_on) && in.closes_on < in.opens_on) {
    invalid.fields.push_back({"closes_on", "error.honours.days_order", {}});
  }
  if (in.quotas.size() > kMaxQuotas) {
    invalid.fields.push_back(
        {"quotas", "error.competition.items", {{"max", std::to_string(kMaxQuotas)}}});
  }
  std::set<std::pair<std::int64_t, std::string>> seen;
  for (std::size_t i = 0; i < in.quotas.size() && i < kMaxQuotas; ++i) {
    const auto& q = in.quotas[i];
    const std::string at = "quotas." + std::to_string(i) + ".";
    if (!q.category.empty() && !IsCategoryCode(q.category)) {
      invalid.fields.push_back({at + "category", "error.honours.category", {}});
    }
    if (q.max < 0 || q.max > kMaxQuota) {
      invalid.fields.push_back({at + "max", "error.honours.quota_max", {}});
    }
    if (!seen.emplace(q.org_id, q.category).second) {
      invalid.fields.push_back({at + "category", "error.honours.quota_twice", {}});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HonourRoundView> {
    const std::int64_t org_id = in.org_id.value_or(actor.org_id.value_or(0));
    if (org_id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));
    HonourRoundView v;
    v.row.id = NewId(clock_, random_);
    v.row.federation_id = org.federation_id;
    v.row.org_id = org.id;
    v.row.org_path = org.path;
    v.row.org_name = org.name;
    v.row.title = in.title;
    v.row.year = in.year;
    v.row.rules_text = in.rules_text;
    v.row.opens_on = in.opens_on;
    v.row.closes_on = in.closes_on;
    if (actor.user_id != 0) v.row.created_by = actor.user_id;
    v.row.created_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertHonourRound(c, v.row));
    for (std::size_t i = 0; i < in.quotas.size(); ++i) {
      const auto& q = in.quotas[i];
      const std::string field = "quotas." + std::to_string(i) + ".org_id";
      auto quota_org = LoadOrgInScope(c, actor, q.org_id, field);
      if (!quota_org ||
          !OrgPath::FromStored(org.path).Contains(OrgPath::FromStored(quota_org->path))) {
        return Fail(OrgNotFound(field, "org " + std::to_string(q.org_id) + " outside the round"));
      }
      ZJ_RETURN_IF_ERROR(store::InsertHonourQuota(c, {v.row.id, q.org_id, q.category, q.max, {}}));
    }
    ZJ_RETURN_IF_ERROR(Audit(
        c, actor, "honour.round_create", "honour_round", v.row.id,
        {{"rules", std::to_string(rules.size())}, {"quotas", std::to_string(in.quotas.size())}}));
    v.rules = std::move(rules);
    ZJ_ASSIGN_OR_RETURN(v.quotas, store::QuotasOfRound(c, v.row.id));
    return v;
  });
}

Result<HonourRoundView> HonourService::GetRound(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  HonourRoundView v;
  ZJ_ASSIGN_OR_RETURN(v.row, Load(*lease, actor, id));
  ZJ_ASSIGN_OR_RETURN(v.rules, competitions::ParseRules(v.row.rules_text));
  ZJ_ASSIGN_OR_RETURN(v.quotas, store::QuotasOfRound(*lease, id));
  return v;
}

Result<HonourRoundPage> HonourService::ListRounds(const Actor& actor, std::int64_t before_id,
                                                  int limit) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  HonourRoundPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(page.items, store::ListHonourRounds(*lease, range->first, range->second,
                                                          actor.org_path, before_id, limit + 1));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Result<HonourList> HonourService::ListOf(store::Connection& conn, const Actor& actor,
                                         const store::HonourRoundRow& round,
                                         const store::OrgRow& org) {
  HonourList l;
  l.round = round;
  l.org_id = org.id;
  l.org_name = org.name;
  ZJ_ASSIGN_OR_RETURN(auto rules, competitions::ParseRules(round.rules_text));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::NominationsHeldBy(conn, round.id, org.id));
  std::set<std::int64_t> orgs{org.id};
  for (auto& r : rows) {
    orgs.insert(r.org_id);
    auto categories = CategoriesFromJson(r.categories_json);
    l.items.push_back({std::move(r), std::move(categories)});
  }
  const auto counted = Counted(l.items);
  l.composition = competitions::Evaluate(rules, counted);
  ZJ_ASSIGN_OR_RETURN(auto quota_rows, store::QuotasOfRound(conn, round.id));
  std::vector<competitions::Quota> quotas;
  std::vector<store::HonourQuotaRow> kept;
  for (auto& q : quota_rows) {
    if (!orgs.contains(q.org_id)) continue;
    quotas.push_back({q.org_id, q.category, q.max});
    kept.push_back(std::move(q));
  }
  const auto outcomes = competitions::CheckQuotas(quotas, counted);
  bool over = false;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    l.quotas.push_back({kept[i], outcomes[i].count, outcomes[i].over, outcomes[i].over_by});
    over = over || outcomes[i].over;
  }
  l.passes = l.composition.pass && !over;
  const bool at_round = org.id == round.org_id;
  l.can_decide = at_round && PathInScope(actor, round.org_path);
  l.can_forward = !at_round && std::any_of(l.items.begin(), l.items.end(), [&](const auto& n) {
    return n.row.status == "draft" || (n.row.status == "forwarded" && n.row.forwarded_to == org.id);
  });
  const OrgPath path = OrgPath::FromStored(org.path);
  ZJ_ASSIGN_OR_RETURN(auto forwarded, store::ForwardedInSubtree(conn, round.id, path.SubtreeLow(),
                                                                path.SubtreeHigh()));
  std::vector<competitions::Nomination> up;
  for (const auto& r : forwarded) {
    up.push_back({r.id, r.org_id, CategoriesFromJson(r.categories_json)});
    l.rollup_flagged += r.flagged ? 1 : 0;
  }
  l.rollup = competitions::Evaluate(rules, up);
  return l;
}

Result<HonourList> HonourService::List(const Actor& actor, std::int64_t round_id,
                                       std::optional<std::int64_t> org_id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(auto round, Load(*lease, actor, round_id));
  ZJ_ASSIGN_OR_RETURN(auto org, ListOrg(*lease, actor, round, org_id));
  return ListOf(*lease, actor, round, org);
}

}  // namespace zj::app
