// Nominations of an honour round (issue 21 slice 5): a cadre puts a member of the registry or a
// listed entry of a published competition on its org's list (categories from the registry plus
// the ticked ones, frozen), takes a draft off, forwards the list to the org above (a list
// breaking a rule or a quota only with a reason, flagged), and the round's org awards or refuses
// what reached it — an awarded member's record gets an `honour` event.
#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "app/competitions/competition_rules.h"
#include "app/competitions/competition_service.h"
#include "app/competitions/honour_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/orgs/org_path.h"
#include "store/competitions.h"
#include "store/enterprises.h"
#include "store/members.h"

namespace zj::app {

namespace {

constexpr std::array<std::string_view, 3> kTickable{"industrial_worker", "frontline", "unit_head"};

Error Closed() {
  return Error{ErrorCode::kConflict, "error.honours.closed", "the round is not open", {}, {}};
}

bool Open(const store::HonourRoundRow& round, const std::string& today) {
  return round.status == "open" && round.opens_on <= today && today <= round.closes_on;
}

//! non_public unless the enterprise is state- or collective-owned (unknown: not counted).
Result<void> AddOwnership(store::Connection& conn, std::optional<std::int64_t> enterprise_id,
                          std::set<std::string>& categories) {
  if (!enterprise_id) return {};
  ZJ_ASSIGN_OR_RETURN(auto ent, store::FindEnterpriseById(conn, *enterprise_id));
  if (ent && ent->ownership != "state" && ent->ownership != "collective") {
    categories.insert("non_public");
  }
  return {};
}

Result<void> AddMember(store::Connection& conn, const store::MemberRow& m,
                       std::set<std::string>& categories) {
  if (m.gender == "female") categories.insert("woman");
  if (m.migrant_worker) categories.insert("migrant_worker");
  return AddOwnership(conn, m.employer_id, categories);
}

}  // namespace

Result<HonourList> HonourService::Nominate(const Actor& actor, std::int64_t round_id,
                                           const NewNomination& in) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "nomination", {}, {}};
  if (in.member_id.has_value() == in.entry_id.has_value()) {
    invalid.fields.push_back({"member_id", "error.honours.one_nominee", {}});
  }
  if (in.ticked.size() > kTickable.size()) {
    invalid.fields.push_back(
        {"ticked", "error.competition.items", {{"max", std::to_string(kTickable.size())}}});
  }
  std::set<std::string> categories;
  for (std::size_t i = 0; i < in.ticked.size() && i < kTickable.size(); ++i) {
    if (std::find(kTickable.begin(), kTickable.end(), in.ticked[i]) == kTickable.end()) {
      invalid.fields.push_back({"ticked." + std::to_string(i), "error.honours.tickable", {}});
    } else {
      categories.insert(in.ticked[i]);
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HonourList> {
    ZJ_ASSIGN_OR_RETURN(auto round, Load(c, actor, round_id));
    ZJ_ASSIGN_OR_RETURN(auto org, ListOrg(c, actor, round, in.org_id));
    if (org.id == round.org_id) {
      return Fail(FieldProblem("org_id", "error.honours.round_org_nominates"));
    }
    if (!Open(round, TodayText(clock_))) return Fail(Closed());
    const OrgPath under = OrgPath::FromStored(org.path);
    store::NominationRow n;
    n.id = NewId(clock_, random_);
    n.round_id = round.id;
    n.org_id = org.id;
    n.org_path = org.path;
    n.federation_id = org.federation_id;
    if (in.member_id) {
      ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(c, *in.member_id));
      if (!m || !under.Contains(OrgPath::FromStored(m->org_path))) {
        return Fail(MemberNotFound(*in.member_id));
      }
      if (m->status != "active") {
        return Fail(FieldProblem("member_id", "error.honours.member_inactive"));
      }
      n.nominee_kind = "member";
      n.member_id = m->id;
      ZJ_RETURN_IF_ERROR(AddMember(c, *m, categories));
    } else {
      ZJ_ASSIGN_OR_RETURN(auto e, store::FindCompEntry(c, *in.entry_id));
      if (!e || !under.Contains(OrgPath::FromStored(e->org_path))) {
        return Fail(CompetitionNotFound("entry " + std::to_string(*in.entry_id)));
      }
      ZJ_ASSIGN_OR_RETURN(auto comp, store::FindCompetition(c, e->competition_id));
      if (!comp || comp->status != "published") {
        return Fail(ErrorCode::kConflict, "error.honours.not_published", "results not published");
      }
      if (e->status != "listed" || e->veto_code) {
        return Fail(ErrorCode::kConflict, "error.honours.entry_not_listed", "entry not listed");
      }
      n.entry_id = e->id;
      n.enterprise_id = e->enterprise_id;
      if (e->entrant_kind == "individual" && e->member_id) {
        ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(c, *e->member_id));
        if (!m) return Fail(MemberNotFound(*e->member_id));
        n.nominee_kind = "member";
        n.member_id = m->id;
        n.enterprise_id.reset();
        ZJ_RETURN_IF_ERROR(AddMember(c, *m, categories));
      } else {
        n.nominee_kind = e->entrant_kind;  // team, enterprise
        ZJ_RETURN_IF_ERROR(AddOwnership(c, e->enterprise_id, categories));
      }
    }
    n.nominee_key = n.nominee_kind == "member" ? "member:" + std::to_string(*n.member_id)
                    : n.nominee_kind == "enterprise"
                        ? "enterprise:" + std::to_string(*n.enterprise_id)
                        : "entry:" + std::to_string(*n.entry_id);
    ZJ_ASSIGN_OR_RETURN(bool taken, store::NomineeTaken(c, round.id, n.nominee_key));
    if (taken) {
      return Fail(ErrorCode::kAlreadyExists, "error.honours.nominated_twice",
                  "nominee already in the round");
    }
    n.categories_json = nlohmann::json(categories).dump();
    if (actor.user_id != 0) n.created_by = actor.user_id;
    n.created_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertNomination(c, n));
    return ListOf(c, actor, round, org);
  });
}

Result<HonourList> HonourService::Remove(const Actor& actor, std::int64_t nomination_id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HonourList> {
    ZJ_ASSIGN_OR_RETURN(auto n, store::FindNomination(c, nomination_id));
    if (!n || !PathInScope(actor, n->org_path)) {
      return Fail(CompetitionNotFound("nomination " + std::to_string(nomination_id)));
    }
    ZJ_ASSIGN_OR_RETURN(auto round, Load(c, actor, n->round_id));
    if (n->status != "draft") {
      return Fail(ErrorCode::kConflict, "error.honours.not_draft", "nomination forwarded");
    }
    if (!Open(round, TodayText(clock_))) return Fail(Closed());
    ZJ_ASSIGN_OR_RETURN(bool deleted, store::DeleteDraftNomination(c, n->id));
    if (!deleted) {
      return Fail(ErrorCode::kConflict, "error.honours.not_draft", "nomination forwarded");
    }
    ZJ_ASSIGN_OR_RETURN(auto org, ListOrg(c, actor, round, n->org_id));
    return ListOf(c, actor, round, org);
  });
}

Result<HonourList> HonourService::Forward(const Actor& actor, std::int64_t round_id,
                                          std::optional<std::int64_t> org_id,
                                          const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HonourList> {
    ZJ_ASSIGN_OR_RETURN(auto round, Load(c, actor, round_id));
    ZJ_ASSIGN_OR_RETURN(auto org, ListOrg(c, actor, round, org_id));
    if (org.id == round.org_id || !org.parent_id) {
      return Fail(FieldProblem("org_id", "error.honours.round_org_forwards"));
    }
    ZJ_ASSIGN_OR_RETURN(HonourList list, ListOf(c, actor, round, org));
    if (!list.can_forward) {
      return Fail(ErrorCode::kConflict, "error.honours.nothing_to_forward", "empty list");
    }
    std::string why;
    if (!list.passes) {
      auto checked = CheckReason("reason", reason);
      if (!checked) {
        Error e{ErrorCode::kInvalidArgument,
                "error.honours.reason_required",
                "the list breaks a rule",
                {{"reason", "error.honours.reason_required", {}}},
                {}};
        return Fail(std::move(e));
      }
      why = *checked;
    }
    const std::int64_t now = clock_.NowMs();
    int moved = 0;
    for (const auto& item : list.items) {
      store::NominationRow n = item.row;
      const std::string from = n.status;
      const bool own_draft = from == "draft";
      const bool held = from == "forwarded" && n.forwarded_to == org.id;
      if (!own_draft && !held) continue;
      n.status = "forwarded";
      n.forwarded_to = org.parent_id;
      n.forwarded_at = now;
      if (!list.passes) {
        n.flagged = true;
        n.forward_reason = why;
      }
      ZJ_ASSIGN_OR_RETURN(bool ok, store::MoveNomination(c, n, from));
      if (!ok) return Fail(ErrorCode::kConflict, "error.honours.changed", "list changed");
      ++moved;
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "honour.forward", "honour_round", round.id,
                             {{"org_id", std::to_string(org.id)},
                              {"to", std::to_string(*org.parent_id)},
                              {"nominations", std::to_string(moved)},
                              {"flagged", list.passes ? "false" : "true"}}));
    return ListOf(c, actor, round, org);
  });
}

Result<HonourList> HonourService::Decide(const Actor& actor, std::int64_t nomination_id, bool award,
                                         const std::string& note) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  std::optional<std::string> why;
  if (!award || !note.empty()) {
    ZJ_ASSIGN_OR_RETURN(why, CheckReason("note", note));
  }
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HonourList> {
    ZJ_ASSIGN_OR_RETURN(auto n, store::FindNomination(c, nomination_id));
    if (!n || !PathInScope(actor, n->org_path)) {
      return Fail(CompetitionNotFound("nomination " + std::to_string(nomination_id)));
    }
    ZJ_ASSIGN_OR_RETURN(auto round, Load(c, actor, n->round_id));
    if (!PathInScope(actor, round.org_path)) {
      return Fail(ErrorCode::kPermissionDenied, "error.honours.not_round_org",
                  "only the round's org decides");
    }
    if (n->status != "forwarded" || n->forwarded_to != round.org_id) {
      return Fail(ErrorCode::kConflict, "error.honours.not_forwarded", "not at the round's org");
    }
    store::NominationRow d = *n;
    d.status = award ? "awarded" : "refused";
    if (actor.user_id != 0) d.decided_by = actor.user_id;
    d.decided_at = clock_.NowMs();
    d.decision_note = why;
    ZJ_ASSIGN_OR_RETURN(bool ok, store::MoveNomination(c, d, "forwarded"));
    if (!ok) return Fail(ErrorCode::kConflict, "error.honours.changed", "nomination changed");
    if (award && d.member_id) {
      ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(c, *d.member_id));
      if (m) {
        store::MemberEventRow e;
        e.id = NewId(clock_, random_);
        e.federation_id = m->federation_id;
        e.member_id = m->id;
        e.at = *d.decided_at;
        if (actor.user_id != 0) e.actor_id = actor.user_id;
        e.event = "honour";
        e.detail = JsonObjectOfStrings({{"round_id", std::to_string(round.id)},
                                        {"title", round.title},
                                        {"year", std::to_string(round.year)},
                                        {"nomination_id", std::to_string(d.id)}});
        ZJ_RETURN_IF_ERROR(store::InsertMemberEvent(c, e));
      }
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, award ? "honour.award" : "honour.refuse", "nomination", d.id,
                             {{"round_id", std::to_string(round.id)},
                              {"nominee_kind", d.nominee_kind},
                              {"flagged", d.flagged ? "true" : "false"}}));
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(c, round.org_id));
    if (!org) return Fail(CompetitionNotFound("org"));
    return ListOf(c, actor, round, *org);
  });
}

}  // namespace zj::app
