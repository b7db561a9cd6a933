#include "app/competitions/my_competitions.h"

#include "app/competitions/competition_rules.h"
#include "app/competitions/competition_service.h"
#include "app/members/member_access.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/competitions/entrants.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "store/comp_worker.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

Result<store::MemberRow> BoundMember(store::Connection& conn, const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(conn, *worker.worker_id));
  if (!account || !account->member_id) return Fail(NotBound());
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(conn, *account->member_id));
  if (!member) return Fail(NotBound());
  return std::move(*member);
}

//! What the registry knows of the worker for the eligibility rules.
competitions::WorkerFacts FactsOf(const store::MemberRow& m) {
  competitions::WorkerFacts facts;
  facts.birth_date = members::ParseRosterDate(m.birth_date);
  return facts;
}

bool OpenTo(const store::CompetitionRow& c, const store::MemberRow& m, const std::string& today) {
  return c.status == "enrolment" && (!c.enrol_ends_on || today <= *c.enrol_ends_on) &&
         OrgPath::FromStored(c.org_path).Contains(OrgPath::FromStored(m.org_path));
}

}  // namespace

Result<MyEntry> MyCompetitionService::EntryOf(store::Connection& conn,
                                              const store::CompEntryRow& e) {
  MyEntry out;
  out.id = e.id;
  out.competition_id = e.competition_id;
  out.entrant_kind = e.entrant_kind;
  out.team_name = e.team_name;
  out.status = e.status;
  out.number = e.number;
  out.vetoed = e.veto_code.has_value();
  ZJ_ASSIGN_OR_RETURN(auto comp, store::FindCompetition(conn, e.competition_id));
  if (comp) {
    out.competition_title = comp->title;
    out.competition_status = comp->status;
  }
  ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(conn, e.competition_id));
  for (const auto& g : groups) out.group = g.id == e.group_id ? g.name : out.group;
  if (comp && comp->status == "published") {
    ZJ_ASSIGN_OR_RETURN(auto result, store::FindCompResult(conn, e.id));
    if (result) {
      out.rank_group = result->rank_group;
      out.rank_overall = result->rank_overall;
      out.result_e4 = result->result_e4;
    }
  }
  return out;
}

Result<MyCompetitions> MyCompetitionService::Get(const Actor& worker) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(*lease, worker));
  const std::string today = TodayText(clock_);
  const auto facts = FactsOf(member);
  MyCompetitions out;
  ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfMember(*lease, member.id));
  for (const auto& e : entries) {
    ZJ_ASSIGN_OR_RETURN(auto mine, EntryOf(*lease, e));
    out.entries.push_back(std::move(mine));
  }
  ZJ_ASSIGN_OR_RETURN(auto open, store::OpenCompetitionsAbove(*lease, member.org_path));
  for (auto& c : open) {
    if (!OpenTo(c, member, today)) continue;
    MyOpenCompetition oc;
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, c.org_id));
    if (org) oc.org_name = org->name;
    ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(*lease, c.id));
    for (const auto& g : groups) {
      if (g.entrant_kind != "individual") continue;
      MyOpenGroup og{g.code, g.name, false, {}};
      for (const auto& e : entries) {
        og.enrolled = og.enrolled || (e.group_id == g.id && e.member_id == member.id);
      }
      ZJ_ASSIGN_OR_RETURN(auto rules, EligibilityFromJson(g.eligibility_json));
      og.ineligible = competitions::CheckEligibility(rules, facts, TodayInChina(clock_));
      oc.groups.push_back(std::move(og));
    }
    oc.row = std::move(c);
    out.open.push_back(std::move(oc));
  }
  return out;
}

Result<MyEntry> MyCompetitionService::Enrol(const Actor& worker, std::int64_t competition_id,
                                            const std::string& group_code) {
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MyEntry> {
    ZJ_ASSIGN_OR_RETURN(store::MemberRow member, BoundMember(c, worker));
    ZJ_ASSIGN_OR_RETURN(auto comp, store::FindCompetition(c, competition_id));
    // Another district's competition, or one above the worker that is no longer open, looks
    // the same as none when it is not the worker's to see.
    if (!comp ||
        !OrgPath::FromStored(comp->org_path).Contains(OrgPath::FromStored(member.org_path))) {
      return Fail(CompetitionNotFound("competition " + std::to_string(competition_id)));
    }
    if (!OpenTo(*comp, member, TodayText(clock_))) {
      return Fail(ErrorCode::kConflict, "error.competition.list_frozen", "enrolment closed");
    }
    ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(c, competition_id));
    const store::CompGroupRow* group = nullptr;
    for (const auto& g : groups) group = g.code == group_code ? &g : group;
    if (!group) return Fail(FieldProblem("group", "error.competition.group_unknown"));
    if (group->entrant_kind != "individual") {
      return Fail(FieldProblem("group", "error.competition.not_individual"));
    }
    ZJ_ASSIGN_OR_RETURN(auto rules, EligibilityFromJson(group->eligibility_json));
    auto failed = competitions::CheckEligibility(rules, FactsOf(member), TodayInChina(clock_));
    if (!failed.empty()) {
      return Fail(Error{
          ErrorCode::kInvalidArgument, "error.invalid_input", "ineligible", std::move(failed), {}});
    }
    store::CompEntryRow e;
    e.id = NewId(clock_, random_);
    e.competition_id = competition_id;
    e.group_id = group->id;
    e.entrant_kind = "individual";
    e.member_id = member.id;
    e.enterprise_id = member.employer_id;
    e.federation_id = comp->federation_id;
    e.org_path = member.org_path;
    e.enrolled_via = "worker";
    e.created_at = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(const bool twice, store::EntrantEnrolled(c, e));
    if (twice) {
      return Fail(ErrorCode::kAlreadyExists, "error.competition.entered_twice", "entrant twice");
    }
    ZJ_RETURN_IF_ERROR(store::InsertCompEntry(c, e));
    const AuditEvent event{"competition.enrol",
                           "comp_entry",
                           std::to_string(e.id),
                           "ok",
                           worker.remote_addr,
                           {{"competition", std::to_string(competition_id)},
                            {"group", group->code},
                            {"via", "worker"}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(worker), event));
    return EntryOf(c, e);
  });
}

}  // namespace zj::app
