// A park labour competition at a given scale (issue 21's benchmark and the demo's 福田杯-sized
// competition; `zhijia demo --competition seed|ten`): N enterprises of the organising org's
// subtree entered (the largest first; generated ones added when the subtree has too few), teams
// of the registry's members (one per ~10 workers, the enterprise's own employees first),
// individual entries, six groups on the 35/35/30 sheet, J judges (generated accounts, none tied to
// an entrant, so no conflicts) with each entry marked by `judges_per_entry` of its group's
// judges, and the list frozen (listed, numbered per group). Written through the store in bulk in
// one transaction (multi-row statements), not through the use cases: 40,000 enrolments one
// transaction each would take minutes; the rows are what the use cases write. Deterministic:
// the same registry and seed give the same entrants, teams and marks.
#pragma once

#include <cstdint>
#include <string>

#include "app/accounts/password.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct ParkCompetitionSpec {
  std::string org_code = "110000";  //!< the organising org (its subtree's entrants)
  std::string title = "2026年“园区杯”劳动竞赛";
  std::string judge_prefix = "judge.park.";  //!< judge usernames: prefix + 01, 02, …
  std::int64_t enterprises = 400;
  std::int64_t workers = 42000;  //!< places in teams (a worker can fill several when few)
  std::int64_t teams = 4000;
  std::int64_t individuals = 400;
  int judges = 50;
  int judges_per_entry = 5;
  //! Share (percent) of the (entry, judge) marks already given: 100 = scoring complete.
  int scored_percent = 100;
  //! Every generated judge signs in with this password (hashed once); empty: a random one.
  std::string judge_password;
  std::uint64_t seed = 2026;

  //! The seed's 福田杯: 400 enterprises, 42,000 workers, 4,000 teams, 50 judges.
  static ParkCompetitionSpec Seed();
  //! Ten times: 4,000 enterprises, 420,000 workers, 40,000 teams (and 4,000 individuals).
  static ParkCompetitionSpec TenTimes();
};

struct ParkCompetitionReport {
  std::int64_t competition_id = 0;  //!< 0: one with the title existed already (nothing added)
  std::int64_t entries = 0;
  std::int64_t enterprises = 0;
  std::int64_t enterprises_created = 0;
  std::int64_t teams = 0;
  std::int64_t team_places = 0;
  std::int64_t distinct_workers = 0;  //!< registry members in teams
  std::int64_t individuals = 0;
  std::int64_t judges = 0;
  std::int64_t scores = 0;
  std::int64_t vetoed = 0;
};

//! Writes the competition; nothing when the org has one with the spec's title already.
Result<ParkCompetitionReport> LoadParkCompetition(store::Database& db, const Clock& clock,
                                                  Random& random, const PasswordCost& cost,
                                                  const ParkCompetitionSpec& spec);

}  // namespace zj::app
