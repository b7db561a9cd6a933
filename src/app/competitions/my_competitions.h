// Competitions in My account (issue 21 slice 4): what a signed-in worker sees — the
// competitions open to them (the competition's org is their union or above, still in
// enrolment), with the individual groups they may enter and whether they meet each group's
// eligibility rules (core/competitions/entrants.h, checked against the registry: the birth
// date; the years on site and the trade are not in the registry yet, so a rule on them answers
// "fact unknown", never a guess); their entries (their own, and their teams'); and, once a
// competition is published, their result and rank. A worker enrols only themselves, only in an
// individual group, only while enrolment lasts; any other district's competition is kNotFound.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/competitions.h"
#include "store/database.h"

namespace zj::app {

struct MyOpenGroup {
  std::string code;
  std::string name;
  bool enrolled = false;
  //! The rules the worker fails (empty: eligible), as field errors the page shows.
  std::vector<FieldError> ineligible;
};

struct MyOpenCompetition {
  store::CompetitionRow row;
  std::string org_name;
  std::vector<MyOpenGroup> groups;  //!< individual groups only
};

struct MyEntry {
  std::int64_t id = 0;
  std::int64_t competition_id = 0;
  std::string competition_title;
  std::string competition_status;
  std::string group;  //!< the group's name
  std::string entrant_kind;
  std::optional<std::string> team_name;
  std::string status;
  std::optional<std::int64_t> number;
  bool vetoed = false;
  //! Published only.
  std::optional<int> rank_group;
  std::optional<int> rank_overall;
  std::optional<std::int64_t> result_e4;
};

struct MyCompetitions {
  std::vector<MyOpenCompetition> open;
  std::vector<MyEntry> entries;
};

class MyCompetitionService {
 public:
  MyCompetitionService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  Result<MyCompetitions> Get(const Actor& worker);
  //! kInvalidArgument with the rules failed (field errors); kConflict
  //! "error.competition.list_frozen" after enrolment; kAlreadyExists "…entered_twice".
  Result<MyEntry> Enrol(const Actor& worker, std::int64_t competition_id, const std::string& group);

 private:
  Result<MyEntry> EntryOf(store::Connection& conn, const store::CompEntryRow& e);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

}  // namespace zj::app
