#include "app/competitions/competition_service.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/competitions/competition_rules.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/competitions/entrants.h"
#include "core/orgs/org_path.h"
#include "store/enterprises.h"
#include "store/members.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;
constexpr std::size_t kMaxTeam = 100;

}  // namespace

Result<void> MustOrganise(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.competition.forbidden",
              actor.role + " does not organise competitions");
}

Error CompetitionNotFound(const std::string& what) {
  return Error{ErrorCode::kNotFound, "error.not_found", what, {}, {}};
}

std::string SheetJson(const competitions::Sheet& sheet) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : sheet.indicators) {
    out.push_back(
        {{"code", i.code}, {"name", i.name}, {"max_centi", i.max_centi}, {"weight", i.weight}});
  }
  return out.dump();
}

Result<competitions::Sheet> SheetFromJson(const std::string& json) {
  competitions::Sheet sheet;
  try {
    for (const auto& i : nlohmann::json::parse(json)) {
      sheet.indicators.push_back({i.at("code").get<std::string>(), i.at("name").get<std::string>(),
                                  i.at("max_centi").get<std::int64_t>(),
                                  i.at("weight").get<int>()});
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kInternal, "error.internal", std::string("stored sheet: ") + e.what());
  }
  return sheet;
}

Result<store::CompetitionRow> CompetitionService::Load(store::Connection& conn, const Actor& actor,
                                                       std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindCompetition(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) {
    return Fail(CompetitionNotFound("competition " + std::to_string(id)));
  }
  return std::move(*row);
}

Result<CompetitionDetail> CompetitionService::Detail(store::Connection& conn,
                                                     store::CompetitionRow row) {
  CompetitionDetail d;
  ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(conn, row.id));
  for (auto& g : groups) {
    ZJ_ASSIGN_OR_RETURN(auto sheet, SheetFromJson(g.sheet_json));
    ZJ_ASSIGN_OR_RETURN(auto eligibility, EligibilityFromJson(g.eligibility_json));
    d.groups.push_back({std::move(g), std::move(sheet), std::move(eligibility)});
  }
  ZJ_ASSIGN_OR_RETURN(d.veto_items, store::VetoItemsOfCompetition(conn, row.id));
  ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfCompetition(conn, row.id));
  for (const auto& e : entries) d.entries += e.status != "withdrawn" ? 1 : 0;
  ZJ_ASSIGN_OR_RETURN(auto judges, store::JudgesOfCompetition(conn, row.id));
  d.judges = static_cast<int>(judges.size());
  d.row = std::move(row);
  return d;
}

Result<void> CompetitionService::Audit(store::Connection& conn, const Actor& actor,
                                       const std::string& action, const std::string& type,
                                       std::int64_t id,
                                       std::vector<std::pair<std::string, std::string>> detail) {
  const AuditEvent event{action,           type, std::to_string(id), "ok", actor.remote_addr,
                         std::move(detail)};
  return audit_.Record(conn, AuditActor::From(actor), event);
}

Result<CompetitionDetail> CompetitionService::Create(const Actor& actor, const NewCompetition& in) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_RETURN_IF_ERROR(CheckNewCompetition(in));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<CompetitionDetail> {
    const std::int64_t org_id = in.org_id.value_or(actor.org_id.value_or(0));
    if (org_id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));
    store::CompetitionRow row;
    row.id = NewId(clock_, random_);
    row.federation_id = org.federation_id;
    row.org_id = org.id;
    row.org_path = org.path;
    row.kind = in.kind;
    row.title = in.title;
    row.method = in.method;
    row.tie_break = in.tie_break;
    row.blind = in.blind;
    row.enrol_ends_on = in.enrol_ends_on;
    row.scoring_ends_on = in.scoring_ends_on;
    row.certificate_ranks = in.certificate_ranks;
    if (actor.user_id != 0) row.created_by = actor.user_id;
    row.created_at = row.updated_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertCompetition(c, row));
    for (const auto& g : in.groups) {
      ZJ_RETURN_IF_ERROR(
          store::InsertCompGroup(c, {NewId(clock_, random_), row.id, g.code, g.name, g.entrant_kind,
                                     SheetJson(g.sheet), EligibilityJson(g.eligibility)}));
    }
    for (const auto& v : in.veto_items) {
      ZJ_RETURN_IF_ERROR(store::InsertCompVetoItem(c, {row.id, v.code, v.name}));
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "competition.create", "competition", row.id,
                             {{"groups", std::to_string(in.groups.size())}}));
    return Detail(c, std::move(row));
  });
}

Result<CompetitionDetail> CompetitionService::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, Load(*lease, actor, id));
  return Detail(*lease, std::move(row));
}

Result<CompetitionPage> CompetitionService::List(const Actor& actor, std::int64_t before_id,
                                                 int limit) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  CompetitionPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(page.items, store::ListCompetitions(*lease, range->first, range->second,
                                                          before_id, limit + 1));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Result<EntryView> CompetitionService::Enrol(const Actor& actor, std::int64_t id,
                                            const NewEntry& in) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<EntryView> {
    ZJ_ASSIGN_OR_RETURN(auto comp, Load(c, actor, id));
    const std::string today = TodayText(clock_);
    if (comp.status != "enrolment" || (comp.enrol_ends_on && today > *comp.enrol_ends_on)) {
      return Fail(ErrorCode::kConflict, "error.competition.list_frozen", "enrolment closed");
    }
    ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(c, id));
    const store::CompGroupRow* group = nullptr;
    for (const auto& g : groups) group = g.code == in.group ? &g : group;
    if (!group) return Fail(FieldProblem("group", "error.competition.group_unknown"));
    // An entrant the actor does not see, or outside the competition's subtree, does not exist.
    auto visible = [&](const std::string& path) {
      return PathInScope(actor, path) &&
             OrgPath::FromStored(comp.org_path).Contains(OrgPath::FromStored(path));
    };
    store::CompEntryRow e;
    e.id = NewId(clock_, random_);
    e.competition_id = id;
    e.group_id = group->id;
    e.entrant_kind = group->entrant_kind;
    e.federation_id = comp.federation_id;
    if (group->entrant_kind == "individual") {
      if (!in.member_id) return Fail(FieldProblem("member_id", "error.field.required"));
      ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(c, *in.member_id));
      if (!m || !visible(m->org_path)) return Fail(MemberNotFound(*in.member_id));
      e.member_id = m->id;
      e.enterprise_id = m->employer_id;
      e.org_path = m->org_path;
    } else {
      if (!in.enterprise_id) return Fail(FieldProblem("enterprise_id", "error.field.required"));
      ZJ_ASSIGN_OR_RETURN(auto ent, store::FindEnterpriseById(c, *in.enterprise_id));
      if (!ent || !visible(ent->org_path)) {
        return Fail(CompetitionNotFound("enterprise " + std::to_string(*in.enterprise_id)));
      }
      e.enterprise_id = ent->id;
      e.org_path = ent->org_path;
    }
    std::set<std::int64_t> team;
    if (group->entrant_kind == "team") {
      Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "team", {}, {}};
      CheckName("team_name", in.team_name, 100, invalid);
      team.insert(in.team_member_ids.begin(), in.team_member_ids.end());
      if (team.empty() || team.size() > kMaxTeam || team.size() != in.team_member_ids.size()) {
        invalid.fields.push_back({"team_member_ids",
                                  "error.competition.team_members",
                                  {{"max", std::to_string(kMaxTeam)}}});
      }
      if (!invalid.fields.empty()) return Fail(std::move(invalid));
      for (const std::int64_t member_id : team) {
        ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(c, member_id));
        if (!m || !visible(m->org_path)) return Fail(MemberNotFound(member_id));
      }
      e.team_name = in.team_name;
    }
    ZJ_ASSIGN_OR_RETURN(const bool twice, store::EntrantEnrolled(c, e));
    if (twice) {
      return Fail(ErrorCode::kAlreadyExists, "error.competition.entered_twice", "entrant twice");
    }
    if (actor.user_id != 0) e.enrolled_by = actor.user_id;
    e.created_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertCompEntry(c, e));
    for (const std::int64_t member_id : team) {
      ZJ_RETURN_IF_ERROR(store::InsertCompTeamMember(c, e.id, member_id));
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "competition.enrol", "comp_entry", e.id,
                             {{"competition", std::to_string(id)}, {"group", group->code}}));
    return EntryView{std::move(e), group->code, {team.begin(), team.end()}};
  });
}

Result<std::vector<EntryView>> CompetitionService::Entries(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto comp, Load(*lease, actor, id));
  ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(*lease, id));
  std::map<std::int64_t, std::string> codes;
  for (const auto& g : groups) codes[g.id] = g.code;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::EntriesOfCompetition(*lease, comp.id));
  std::vector<EntryView> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    std::string code = codes[r.group_id];
    EntryView v{std::move(r), std::move(code), {}};
    if (v.row.entrant_kind == "team") {
      ZJ_ASSIGN_OR_RETURN(v.team_member_ids, store::TeamMembersOf(*lease, v.row.id));
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<CompetitionDetail> CompetitionService::Freeze(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<CompetitionDetail> {
    ZJ_ASSIGN_OR_RETURN(auto comp, Load(c, actor, id));
    if (comp.status != "enrolment") {
      return Fail(ErrorCode::kConflict, "error.competition.list_frozen", "frozen already");
    }
    ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfCompetition(c, id));
    std::map<std::int64_t, std::int64_t> next;  // group → last number given
    for (const auto& e : entries) {
      if (e.status != "enrolled") continue;
      ZJ_RETURN_IF_ERROR(store::ListCompEntry(c, e.id, ++next[e.group_id]));
    }
    std::int64_t listed = 0;
    for (const auto& [group, n] : next) listed += n;
    comp.status = "listed";
    comp.listed_at = comp.updated_at = clock_.NowMs();
    ZJ_ASSIGN_OR_RETURN(const bool moved, store::MoveCompetitionStatus(c, comp, "enrolment"));
    if (!moved) return Fail(ErrorCode::kConflict, "error.competition.list_frozen", "raced");
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "competition.freeze", "competition", id,
                             {{"listed", std::to_string(listed)}}));
    return Detail(c, std::move(comp));
  });
}

Result<EntryView> CompetitionService::Veto(const Actor& actor, std::int64_t id,
                                           std::int64_t entry_id, const std::string& code,
                                           const std::string& note) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_ASSIGN_OR_RETURN(const std::string reason, CheckReason("note", note));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<EntryView> {
    ZJ_ASSIGN_OR_RETURN(auto comp, Load(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(auto entry, store::FindCompEntry(c, entry_id));
    if (!entry || entry->competition_id != id) {
      return Fail(CompetitionNotFound("entry " + std::to_string(entry_id)));
    }
    if (comp.status == "published") {
      return Fail(ErrorCode::kConflict, "error.competition.published", "published");
    }
    if (entry->veto_code) {
      return Fail(ErrorCode::kConflict, "error.competition.vetoed", "vetoed already");
    }
    ZJ_ASSIGN_OR_RETURN(auto items, store::VetoItemsOfCompetition(c, id));
    bool known = false;
    for (const auto& v : items) known = known || v.code == code;
    if (!known) return Fail(FieldProblem("code", "error.competition.veto_unknown"));
    entry->veto_code = code;
    entry->veto_note = reason;
    if (actor.user_id != 0) entry->veto_by = actor.user_id;
    entry->veto_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::VetoCompEntry(c, *entry));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "competition.veto", "comp_entry", entry_id,
                             {{"competition", std::to_string(id)}, {"code", code}}));
    ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(c, id));
    std::string group;
    for (const auto& g : groups) group = g.id == entry->group_id ? g.code : group;
    return EntryView{std::move(*entry), group, {}};
  });
}

}  // namespace zj::app
