// The judges' side of CompetitionService: assigning judges (with their conflicts reported),
// scoring, and the ranking computed by core Rank — previewed, or written at publication.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "app/competitions/competition_rules.h"
#include "app/competitions/competition_service.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/competitions/entrants.h"
#include "store/accounts.h"
#include "store/enterprises.h"
#include "store/members.h"

namespace zj::app {

namespace {

namespace cp = competitions;

cp::EntrantTies TiesOf(const store::CompEntryRow& e, std::vector<std::int64_t> team) {
  cp::EntrantTies t;
  t.kind = cp::ParseEntrantKind(e.entrant_kind).value_or(cp::EntrantKind::kEnterprise);
  t.enterprise_id = e.enterprise_id;
  t.member_ids = std::move(team);
  if (e.member_id) t.member_ids.push_back(*e.member_id);
  return t;
}

Result<cp::EntrantTies> LoadTies(store::Connection& conn, const store::CompEntryRow& e) {
  std::vector<std::int64_t> team;
  if (e.entrant_kind == "team") {
    ZJ_ASSIGN_OR_RETURN(team, store::TeamMembersOf(conn, e.id));
  }
  return TiesOf(e, std::move(team));
}

cp::JudgeTies JudgeTiesOf(const store::CompJudgeRow& j) { return {j.enterprise_id, j.member_id}; }

std::string MarksJson(const std::vector<cp::Mark>& marks) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& m : marks) out[m.indicator] = m.centi;
  return out.dump();
}

std::vector<cp::Mark> MarksFromJson(const std::string& json) {
  std::vector<cp::Mark> marks;
  const nlohmann::json parsed = nlohmann::json::parse(json);
  for (auto it = parsed.begin(); it != parsed.end(); ++it) {
    marks.push_back({it.key(), it.value().get<std::int64_t>()});
  }
  return marks;
}

Error Conflicted(const std::string& key, const std::string& detail) {
  return Error{ErrorCode::kConflict, key, detail, {}, {}};
}

//! A published ranking as written (ranks, results and judges per entry), with the vetoed and
//! unscored entries read from the list, in the order Compute gives them: nothing is ranked again
//! (the scores are frozen since), so the page costs a read of the rows, not a ranking — at ten
//! times the seed's scale the difference between milliseconds and seconds.
Result<RankingView> Published(store::Connection& conn, const store::CompetitionRow& comp) {
  RankingView view;
  view.method = comp.method;
  view.published = true;
  ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(conn, comp.id));
  ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfCompetition(conn, comp.id));
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ResultsOfCompetition(conn, comp.id));
  std::unordered_map<std::int64_t, const store::CompEntryRow*> by_id;
  for (const auto& e : entries) by_id.emplace(e.id, &e);
  std::unordered_map<std::int64_t, const std::string*> code_of;
  for (const auto& g : groups) code_of.emplace(g.id, &g.code);
  std::unordered_set<std::int64_t> ranked;
  view.lines.reserve(rows.size());
  for (const auto& r : rows) {
    auto e = by_id.find(r.entry_id);
    if (e == by_id.end()) continue;
    ranked.insert(r.entry_id);
    view.lines.push_back({r.entry_id, *code_of.at(e->second->group_id), e->second->number,
                          r.rank_group, r.rank_overall, r.result_e4, r.raw_mean_e4, r.judges});
  }
  for (const auto& g : groups) {
    for (const auto& e : entries) {
      if (e.group_id != g.id || e.status != "listed") continue;
      if (e.veto_code) {
        view.vetoed.push_back({e.id, g.code, *e.veto_code, e.veto_note.value_or("")});
      } else if (!ranked.contains(e.id)) {
        view.unscored.push_back(e.id);
      }
    }
  }
  return view;
}

}  // namespace

Result<JudgeView> CompetitionService::AddJudge(const Actor& actor, std::int64_t id,
                                               const NewJudge& in) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  if (in.groups.empty() || in.groups.size() > 20) {
    return Fail(FieldProblem("groups", "error.competition.groups", {{"max", "20"}}));
  }
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<JudgeView> {
    ZJ_ASSIGN_OR_RETURN(auto comp, Load(c, actor, id));
    if (comp.status == "published") {
      return Fail(Conflicted("error.competition.published", "published"));
    }
    ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserById(c, in.user_id));
    if (!user || user->status != "active") {
      return Fail(Error{ErrorCode::kNotFound, "error.not_found", "user", {}, {}});
    }
    if (in.enterprise_id) {
      ZJ_ASSIGN_OR_RETURN(auto ent, store::FindEnterpriseById(c, *in.enterprise_id));
      if (!ent) return Fail(FieldProblem("enterprise_id", "error.competition.enterprise_unknown"));
    }
    if (in.member_id) {
      ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(c, *in.member_id));
      if (!m || !PathInScope(actor, m->org_path)) return Fail(MemberNotFound(*in.member_id));
    }
    ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(c, id));
    std::set<std::int64_t> group_ids;
    for (std::size_t i = 0; i < in.groups.size(); ++i) {
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return g.code == in.groups[i]; });
      if (it == groups.end()) {
        return Fail(FieldProblem("groups." + std::to_string(i), "error.competition.group_unknown"));
      }
      group_ids.insert(it->id);
    }
    ZJ_ASSIGN_OR_RETURN(auto existing, store::FindCompJudge(c, id, in.user_id));
    if (existing) {
      return Fail(ErrorCode::kAlreadyExists, "error.competition.judge_twice", "judge twice");
    }
    JudgeView v;
    v.row = {NewId(clock_, random_), id,           in.user_id,    in.enterprise_id,
             in.member_id,           std::nullopt, clock_.NowMs()};
    if (actor.user_id != 0) v.row.added_by = actor.user_id;
    v.display_name = user->display_name;
    ZJ_RETURN_IF_ERROR(store::InsertCompJudge(c, v.row));
    for (const std::int64_t g : group_ids) {
      ZJ_RETURN_IF_ERROR(store::InsertCompAssignment(c, v.row.id, g));
    }
    for (const auto& g : groups) {
      if (group_ids.contains(g.id)) v.groups.push_back(g.code);
    }
    ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfCompetition(c, id));
    for (const auto& e : entries) {
      if (!group_ids.contains(e.group_id)) continue;
      ZJ_ASSIGN_OR_RETURN(auto ties, LoadTies(c, e));
      if (cp::ConflictOf(JudgeTiesOf(v.row), ties) != cp::Conflict::kNone) {
        v.conflicts.push_back(e.id);
      }
    }
    ZJ_RETURN_IF_ERROR(Audit(
        c, actor, "competition.judge_add", "competition", id,
        {{"user", std::to_string(in.user_id)}, {"conflicts", std::to_string(v.conflicts.size())}}));
    return v;
  });
}

Result<std::vector<JudgeView>> CompetitionService::Judges(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& c = *lease;
  ZJ_ASSIGN_OR_RETURN(auto comp, Load(c, actor, id));
  ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(c, comp.id));
  ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfCompetition(c, comp.id));
  ZJ_ASSIGN_OR_RETURN(auto judges, store::JudgesOfCompetition(c, comp.id));
  std::vector<JudgeView> out;
  for (const auto& j : judges) {
    JudgeView v;
    ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserById(c, j.user_id));
    if (user) v.display_name = user->display_name;
    ZJ_ASSIGN_OR_RETURN(auto assigned, store::GroupsOfJudge(c, j.id));
    const std::set<std::int64_t> ids(assigned.begin(), assigned.end());
    for (const auto& g : groups) {
      if (ids.contains(g.id)) v.groups.push_back(g.code);
    }
    for (const auto& e : entries) {
      if (!ids.contains(e.group_id)) continue;
      ZJ_ASSIGN_OR_RETURN(auto ties, LoadTies(c, e));
      if (cp::ConflictOf(JudgeTiesOf(j), ties) != cp::Conflict::kNone) v.conflicts.push_back(e.id);
    }
    v.row = j;
    out.push_back(std::move(v));
  }
  return out;
}

Result<ScoreOutcome> CompetitionService::Score(const Actor& actor, std::int64_t entry_id,
                                               const std::vector<cp::Mark>& marks) {
  if (actor.user_id == 0) return Fail(CompetitionNotFound("entry"));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<ScoreOutcome> {
    const Error not_found = CompetitionNotFound("entry " + std::to_string(entry_id));
    ZJ_ASSIGN_OR_RETURN(auto entry, store::FindCompEntry(c, entry_id));
    if (!entry) return Fail(not_found);
    ZJ_ASSIGN_OR_RETURN(auto judge, store::FindCompJudge(c, entry->competition_id, actor.user_id));
    if (!judge) return Fail(not_found);
    ZJ_ASSIGN_OR_RETURN(auto assigned, store::GroupsOfJudge(c, judge->id));
    if (std::find(assigned.begin(), assigned.end(), entry->group_id) == assigned.end()) {
      return Fail(not_found);
    }
    ZJ_ASSIGN_OR_RETURN(auto comp, store::FindCompetition(c, entry->competition_id));
    if (!comp) return Fail(not_found);
    if (comp->status == "published") {
      return Fail(Conflicted("error.competition.published", "published"));
    }
    if (entry->status != "listed") {
      return Fail(Conflicted("error.competition.not_listed", "entry not listed"));
    }
    if (comp->scoring_ends_on && TodayText(clock_) > *comp->scoring_ends_on) {
      return Fail(Conflicted("error.competition.scoring_closed", "scoring ended"));
    }
    if (entry->veto_code) return Fail(Conflicted("error.competition.vetoed", "vetoed"));
    ZJ_ASSIGN_OR_RETURN(auto ties, LoadTies(c, *entry));
    if (const auto conflict = cp::ConflictOf(JudgeTiesOf(*judge), ties);
        conflict != cp::Conflict::kNone) {
      Error denied{ErrorCode::kPermissionDenied, "error.competition.conflict", "conflict", {}, {}};
      denied.fields.push_back({"entry_id", std::string(cp::ConflictKey(conflict)), {}});
      return Fail(std::move(denied));
    }
    ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(c, comp->id));
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const auto& g) { return g.id == entry->group_id; });
    if (group == groups.end()) return Fail(not_found);
    ZJ_ASSIGN_OR_RETURN(auto sheet, SheetFromJson(group->sheet_json));
    ZJ_ASSIGN_OR_RETURN(const std::int64_t total, cp::WeightedTotal(sheet, marks));
    ZJ_ASSIGN_OR_RETURN(auto old, store::FindCompScore(c, entry_id, judge->id));
    const std::int64_t now = clock_.NowMs();
    std::vector<std::pair<std::string, std::string>> detail{
        {"competition", std::to_string(comp->id)}, {"total_e4", std::to_string(total)}};
    if (old) {
      detail.emplace_back("old_total_e4", std::to_string(old->total_e4));
      ZJ_RETURN_IF_ERROR(store::UpdateCompScore(
          c, {entry_id, judge->id, MarksJson(marks), total, old->submitted_at, now}));
    } else {
      ZJ_RETURN_IF_ERROR(store::InsertCompScore(
          c, {entry_id, judge->id, MarksJson(marks), total, now, std::nullopt}));
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, old ? "competition.score_revise" : "competition.score",
                             "comp_entry", entry_id, std::move(detail)));
    return ScoreOutcome{entry_id, total, old.has_value()};
  });
}

Result<std::vector<JudgingCard>> CompetitionService::MyJudging(const Actor& actor) {
  std::vector<JudgingCard> cards;
  if (actor.user_id == 0) return cards;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& c = *lease;
  ZJ_ASSIGN_OR_RETURN(auto judges, store::JudgeRowsOfUser(c, actor.user_id));
  for (const auto& j : judges) {
    ZJ_ASSIGN_OR_RETURN(auto comp, store::FindCompetition(c, j.competition_id));
    if (!comp || comp->status == "enrolment") continue;  // nothing to score before the freeze
    ZJ_ASSIGN_OR_RETURN(auto assigned, store::GroupsOfJudge(c, j.id));
    ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(c, comp->id));
    ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfCompetition(c, comp->id));
    for (const auto& g : groups) {
      if (std::find(assigned.begin(), assigned.end(), g.id) == assigned.end()) continue;
      ZJ_ASSIGN_OR_RETURN(auto sheet, SheetFromJson(g.sheet_json));
      for (const auto& e : entries) {
        if (e.group_id != g.id || e.status != "listed" || e.veto_code) continue;
        ZJ_ASSIGN_OR_RETURN(auto ties, LoadTies(c, e));
        if (cp::ConflictOf(JudgeTiesOf(j), ties) != cp::Conflict::kNone) continue;
        JudgingCard card{comp->id,     comp->title, comp->blind, comp->status == "published",
                         e.id,         g.code,      e.number,    e.entrant_kind,
                         std::nullopt, sheet,       std::nullopt};
        if (!comp->blind) card.team_name = e.team_name;
        ZJ_ASSIGN_OR_RETURN(auto mine, store::FindCompScore(c, e.id, j.id));
        if (mine) card.my_total_e4 = mine->total_e4;
        cards.push_back(std::move(card));
      }
    }
  }
  return cards;
}

Result<RankingView> CompetitionService::Compute(store::Connection& conn,
                                                const store::CompetitionRow& comp) {
  RankingView view;
  view.method = comp.method;
  cp::Options options;
  options.method = cp::ParseMethod(comp.method).value_or(cp::Method::kMean);
  options.tie_break = cp::ParseTieBreak(comp.tie_break).value_or(cp::TieBreak::kShare);
  ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(conn, comp.id));
  ZJ_ASSIGN_OR_RETURN(auto entries, store::EntriesOfCompetition(conn, comp.id));
  ZJ_ASSIGN_OR_RETURN(auto scores, store::ScoresOfCompetition(conn, comp.id));
  std::unordered_map<std::int64_t, const store::CompEntryRow*> by_id;
  for (const auto& e : entries) by_id.emplace(e.id, &e);
  // The scores of listed entries by group, in one pass (not one pass a group: at ten times the
  // seed's scale 240,000 scores in six groups).
  std::unordered_map<std::int64_t, std::vector<cp::JudgeScore>> judged_in;
  for (const auto& s : scores) {
    auto it = by_id.find(s.entry_id);
    if (it == by_id.end() || it->second->status != "listed") continue;
    judged_in[it->second->group_id].push_back(
        {s.judge_id, s.entry_id, MarksFromJson(s.marks_json)});
  }
  // Each group is ranked on its own sheet; the overall order is by result across groups (every
  // sheet totals 100 points), equal results sharing a rank.
  for (const auto& g : groups) {
    ZJ_ASSIGN_OR_RETURN(auto sheet, SheetFromJson(g.sheet_json));
    std::vector<cp::Entry> listed;
    for (const auto& e : entries) {
      if (e.group_id != g.id || e.status != "listed") continue;
      listed.push_back({e.id, g.code, e.veto_code});
    }
    const std::vector<cp::JudgeScore>& judged = judged_in[g.id];
    ZJ_ASSIGN_OR_RETURN(auto ranking, cp::Rank(sheet, listed, judged, options));
    std::unordered_map<std::int64_t, const cp::EntryResult*> results;
    for (const auto& r : ranking.results) results[r.entry_id] = &r;
    for (const auto& ranked_group : ranking.groups) {
      for (const auto& r : ranked_group.ranked) {
        const cp::EntryResult& res = *results.at(r.entry_id);
        view.lines.push_back({r.entry_id, g.code, by_id.at(r.entry_id)->number, r.rank, 0,
                              res.result_e4, res.raw_mean_e4, res.judges});
      }
    }
    for (const auto& v : ranking.vetoed) {
      view.vetoed.push_back(
          {v.entry_id, g.code, v.reason, by_id.at(v.entry_id)->veto_note.value_or("")});
    }
    view.unscored.insert(view.unscored.end(), ranking.unscored.begin(), ranking.unscored.end());
  }
  std::sort(view.lines.begin(), view.lines.end(), [](const auto& a, const auto& b) {
    return a.result_e4 != b.result_e4 ? a.result_e4 > b.result_e4 : a.entry_id < b.entry_id;
  });
  for (std::size_t i = 0; i < view.lines.size(); ++i) {
    const bool shared = i > 0 && view.lines[i].result_e4 == view.lines[i - 1].result_e4;
    view.lines[i].rank_overall = shared ? view.lines[i - 1].rank_overall : static_cast<int>(i) + 1;
  }
  return view;
}

Result<RankingView> CompetitionService::Publish(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<RankingView> {
    ZJ_ASSIGN_OR_RETURN(auto comp, Load(c, actor, id));
    if (comp.status == "published") {
      return Fail(Conflicted("error.competition.published", "published"));
    }
    if (comp.status != "listed") {
      return Fail(Conflicted("error.competition.not_frozen", "list not frozen"));
    }
    ZJ_ASSIGN_OR_RETURN(auto view, Compute(c, comp));
    const std::int64_t now = clock_.NowMs();
    std::vector<store::CompResultRow> rows;
    rows.reserve(view.lines.size());
    for (const auto& l : view.lines) {
      rows.push_back({l.entry_id, id, comp.method, l.result_e4, l.raw_mean_e4, l.judges,
                      l.rank_group, l.rank_overall, now});
    }
    ZJ_RETURN_IF_ERROR(store::InsertCompResults(c, rows));
    comp.status = "published";
    comp.published_at = comp.updated_at = now;
    ZJ_ASSIGN_OR_RETURN(const bool moved, store::MoveCompetitionStatus(c, comp, "listed"));
    if (!moved) return Fail(Conflicted("error.competition.published", "raced"));
    ZJ_ASSIGN_OR_RETURN(const int issued, IssueCertificates(c, actor, comp, view));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "competition.publish", "competition", id,
                             {{"ranked", std::to_string(rows.size())},
                              {"vetoed", std::to_string(view.vetoed.size())},
                              {"certificates", std::to_string(issued)}}));
    view.published = true;
    return view;
  });
}

Result<RankingView> CompetitionService::Ranking(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustOrganise(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto comp, Load(*lease, actor, id));
  if (comp.status != "published") return Compute(*lease, comp);
  return Published(*lease, comp);
}

}  // namespace zj::app
