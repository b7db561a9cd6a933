// The hardship and aid dashboard (困难帮扶看板, issue 20) of any org the actor can see, for its
// whole subtree: households in open files by level and main cause now, files per workflow stage,
// files opened and closed by month, aid approved and paid by kind and month, this year's budgets of
// the org against what is committed and paid, the legal cases (by type and stage, opened and closed
// by month, money claimed and recovered, collective disputes), and the same few figures per child
// org. It reads only the org_counters rows of the org and its children (a few per month and kind)
// and the org's budgets — flat in cost however many members, files and grants the subtree holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/clock.h"
#include "app/legal/legal_figures.h"
#include "core/result.h"
#include "store/aid_standards.h"
#include "store/database.h"
#include "store/orgs.h"

namespace zj::app {

struct HouseholdFigure {
  std::string level;
  std::string cause;
  std::int64_t households = 0;
};

struct AidKindFigures {
  std::string kind;
  std::int64_t approved = 0;  //!< grants approved in the window
  std::int64_t approved_fen = 0;
  std::int64_t paid_fen = 0;  //!< paid in the window
};

struct CaseMonth {
  std::string month;  //!< YYYY-MM
  std::int64_t opened = 0;
  std::int64_t closed = 0;
  std::vector<AidKindFigures> aid;  //!< one per kind, in aid::kKinds order
};

struct CaseChild {
  std::int64_t org_id = 0;
  std::string name;
  std::int64_t households = 0;
  std::int64_t aid_approved_fen = 0;  //!< in the window
  std::int64_t legal_open = 0;        //!< legal cases not closed, now
};

struct CaseDashboardView {
  store::OrgRow org;
  int months = 12;
  std::string from_month;
  std::int64_t households = 0;                                         //!< in open files now
  std::vector<HouseholdFigure> by_level_cause;                         //!< non-zero only
  std::vector<std::pair<std::string, std::int64_t>> by_stage;          //!< files per stage now
  std::vector<std::pair<std::string, std::int64_t>> closed_by_reason;  //!< in the window
  std::vector<CaseMonth> series;          //!< every month of the window, oldest first
  std::vector<AidKindFigures> aid;        //!< the window's totals per kind
  std::vector<store::BudgetRow> budgets;  //!< the org's own, this year
  std::vector<CaseChild> children;
  LegalFigures legal;  //!< the legal cases (法律援助 / 维权) of the subtree
};

class CaseDashboard {
 public:
  CaseDashboard(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  //! The dashboard of `org_id` (the actor's own org when nullopt) over the last `months`
  //! months (1..24) up to now. Cadres, staff and administrators (kPermissionDenied else);
  //! kNotFound outside the actor's scope.
  Result<CaseDashboardView> Of(const Actor& actor, std::optional<std::int64_t> org_id,
                               int months = 12);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace zj::app
