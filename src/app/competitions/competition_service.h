// Labour and skills competitions (劳动竞赛, issue 21 slice 2) as use cases over the store: an
// organiser (cadre, staff or administrator of the competition's org or above) creates a
// competition with its groups (each with an indicator sheet checked by CheckSheet), veto items,
// method, tie-break and blindness; enrols enterprises, teams (with their members) and individual
// members of the competition's subtree; freezes the list (one transaction: every enrolled entry
// listed and numbered per group); assigns judges (users) to groups; vetoes an entry with a
// reason; publishes (core Rank over the listed entries and all scores, results written in one
// transaction). A judge scores a listed entry of its groups (core WeightedTotal), unless it has
// a conflict of interest with the entrant (core ConflictOf). Anything outside the actor's
// subtree is kNotFound, as everywhere; every write is audited (competition.*).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/competitions/entrants.h"
#include "core/competitions/scoring.h"
#include "core/result.h"
#include "store/competitions.h"
#include "store/database.h"

namespace zj::app {

struct NewCompGroup {
  std::string code;          //!< [a-z0-9_], 1..40
  std::string name;          //!< 1..100 characters
  std::string entrant_kind;  //!< enterprise, team, individual
  competitions::Sheet sheet;
  //! Who may enrol themselves from My account (individual groups; checked on the registry).
  std::vector<competitions::EligibilityRule> eligibility = {};
};

struct NewVetoItem {
  std::string code;  //!< [a-z0-9_], 1..40 (wage_arrears, safety_accident, …)
  std::string name;
};

struct NewCompetition {
  std::optional<std::int64_t> org_id;  //!< default: the actor's org
  std::string kind = "labour";         //!< labour, skills, knowledge
  std::string title;                   //!< 1..200 characters
  std::string method = "mean";         //!< core/competitions Method codes
  std::string tie_break = "share";
  bool blind = false;
  std::optional<std::string> enrol_ends_on;    //!< YYYY-MM-DD
  std::optional<std::string> scoring_ends_on;  //!< YYYY-MM-DD, not before enrol_ends_on
  std::vector<NewCompGroup> groups;            //!< 1..20
  std::vector<NewVetoItem> veto_items;         //!< 0..20
  int certificate_ranks = 0;  //!< certificates at publication for ranks ≤ this per group; 0..100
};

struct CompGroupView {
  store::CompGroupRow row;
  competitions::Sheet sheet;
  std::vector<competitions::EligibilityRule> eligibility;
};

struct CompetitionDetail {
  store::CompetitionRow row;
  std::vector<CompGroupView> groups;
  std::vector<store::CompVetoItemRow> veto_items;
  int entries = 0;  //!< not withdrawn
  int judges = 0;
};

struct CompetitionPage {
  std::vector<store::CompetitionRow> items;
  std::optional<std::int64_t> next_cursor;
};

//! An entrant: the group decides its kind. An enterprise and a team name the enterprise; a team
//! its name and members (1..100); an individual the member.
struct NewEntry {
  std::string group;
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> member_id;
  std::string team_name;
  std::vector<std::int64_t> team_member_ids;
};

struct EntryView {
  store::CompEntryRow row;
  std::string group;
  std::vector<std::int64_t> team_member_ids;
};

struct NewJudge {
  std::int64_t user_id = 0;
  std::optional<std::int64_t> enterprise_id;  //!< the judge's employer, for conflicts
  std::optional<std::int64_t> member_id;      //!< the judge's own member record, if any
  std::vector<std::string> groups;            //!< 1..20 group codes
};

struct JudgeView {
  store::CompJudgeRow row;
  std::string display_name;
  std::vector<std::string> groups;
  //! Entries of its groups the judge may not score (ConflictOf): they go to the other judges.
  std::vector<std::int64_t> conflicts;
};

struct ScoreOutcome {
  std::int64_t entry_id = 0;
  std::int64_t total_e4 = 0;
  bool revised = false;
};

//! One card of a judge's list: a listed entry of an assigned group the judge may score, with
//! the sheet and the judge's own total so far. Blind competitions show number and group only;
//! otherwise the entrant's kind and team name (never a member's personal data).
struct JudgingCard {
  std::int64_t competition_id = 0;
  std::string competition_title;
  bool blind = false;
  bool published = false;
  std::int64_t entry_id = 0;
  std::string group;
  std::optional<std::int64_t> number;
  std::string entrant_kind;
  std::optional<std::string> team_name;  //!< not in blind competitions
  competitions::Sheet sheet;
  std::optional<std::int64_t> my_total_e4;
};

struct RankingLine {
  std::int64_t entry_id = 0;
  std::string group;
  std::optional<std::int64_t> number;
  int rank_group = 0;
  int rank_overall = 0;
  std::int64_t result_e4 = 0;
  std::int64_t raw_mean_e4 = 0;
  int judges = 0;
};

struct RankingVetoed {
  std::int64_t entry_id = 0;
  std::string group;
  std::string reason;
  std::string note;
};

struct RankingView {
  bool published = false;  //!< false: a preview computed now, nothing written
  std::string method;
  std::vector<RankingLine> lines;  //!< best overall first
  std::vector<RankingVetoed> vetoed;
  std::vector<std::int64_t> unscored;
};

class CompetitionService {
 public:
  CompetitionService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  Result<CompetitionDetail> Create(const Actor& actor, const NewCompetition& in);
  Result<CompetitionDetail> Get(const Actor& actor, std::int64_t id);
  Result<CompetitionPage> List(const Actor& actor, std::int64_t before_id, int limit);

  //! kConflict "error.competition.list_frozen" once the list is frozen or enrolment ended;
  //! kAlreadyExists "error.competition.entered_twice" for an entrant already in.
  Result<EntryView> Enrol(const Actor& actor, std::int64_t id, const NewEntry& in);
  Result<std::vector<EntryView>> Entries(const Actor& actor, std::int64_t id);
  //! Every enrolled entry listed with its number per group (1, 2, …) in one transaction.
  Result<CompetitionDetail> Freeze(const Actor& actor, std::int64_t id);
  //! kAlreadyExists "error.competition.judge_twice" for a user judging it already.
  Result<JudgeView> AddJudge(const Actor& actor, std::int64_t id, const NewJudge& in);
  Result<std::vector<JudgeView>> Judges(const Actor& actor, std::int64_t id);
  //! The veto item's code and a reason (2..500 characters); before publication only.
  Result<EntryView> Veto(const Actor& actor, std::int64_t id, std::int64_t entry_id,
                         const std::string& code, const std::string& note);
  //! The judge's (the actor's) marks of an entry. kNotFound when the actor does not judge the
  //! entry's group; kConflict "error.competition.published" after publication,
  //! "error.competition.not_listed" for an entry not on the frozen list,
  //! "error.competition.scoring_closed" after scoring_ends_on, "error.competition.vetoed";
  //! kPermissionDenied "error.competition.conflict" (field: the ConflictOf key) on a conflict.
  Result<ScoreOutcome> Score(const Actor& actor, std::int64_t entry_id,
                             const std::vector<competitions::Mark>& marks);
  //! The actor's cards as a judge, over every competition it judges (conflicted entries left
  //! out: they go to the other judges).
  Result<std::vector<JudgingCard>> MyJudging(const Actor& actor);
  //! Results written with published_at in one transaction; kConflict
  //! "error.competition.not_frozen" before the freeze, "error.competition.published" after.
  Result<RankingView> Publish(const Actor& actor, std::int64_t id);
  //! The published ranking, or a preview computed now from the frozen list and scores.
  Result<RankingView> Ranking(const Actor& actor, std::int64_t id);

 private:
  //! The competition when it lies in the actor's scope (kNotFound else).
  Result<store::CompetitionRow> Load(store::Connection& conn, const Actor& actor, std::int64_t id);
  Result<CompetitionDetail> Detail(store::Connection& conn, store::CompetitionRow row);
  Result<RankingView> Compute(store::Connection& conn, const store::CompetitionRow& c);
  //! At publication (competition_certificates.cpp): one certificate per ranked entry with
  //! rank_group ≤ certificate_ranks, each audited; the number issued.
  Result<int> IssueCertificates(store::Connection& conn, const Actor& actor,
                                const store::CompetitionRow& comp, const RankingView& view);
  Result<void> Audit(store::Connection& conn, const Actor& actor, const std::string& action,
                     const std::string& type, std::int64_t id,
                     std::vector<std::pair<std::string, std::string>> detail = {});

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

//! Cadres, staff and administrators; kPermissionDenied "error.competition.forbidden" else.
Result<void> MustOrganise(const Actor& actor);
Error CompetitionNotFound(const std::string& what);
//! A sheet as stored (JSON [{code, name, max_centi, weight}]) and back.
std::string SheetJson(const competitions::Sheet& sheet);
Result<competitions::Sheet> SheetFromJson(const std::string& json);
//! Eligibility rules as stored (JSON [{criterion, value, trades}]) and back.
std::string EligibilityJson(const std::vector<competitions::EligibilityRule>& rules);
Result<std::vector<competitions::EligibilityRule>> EligibilityFromJson(const std::string& json);

}  // namespace zj::app
