// The legal cases' dashboard figures (issue 20 "Views and figures"): counted as org_counters
// rows (store/org_counters.h, legal.*) by every change of a case, in its transaction, and read
// for one org's subtree in a few rows whatever the registry's size. Months are China's.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"
#include "store/legal_cases.h"

namespace zj::app {

//! A case written: `before` is the stored row (nullptr when `after` was just inserted), `after`
//! the row as written. Moves the standing figures (type and stage, money, collective) from the
//! old values to the new, counts the month it opened in and the month it closed in.
Result<void> CountLegalCase(store::Connection& conn, const store::LegalCaseRow* before,
                            const store::LegalCaseRow& after);

struct LegalTypeStage {
  std::string type;
  std::string stage;
  std::int64_t cases = 0;
};

struct LegalMonth {
  std::string month;  //!< YYYY-MM
  std::int64_t opened = 0;
  std::int64_t closed = 0;
};

struct LegalFigures {
  std::int64_t cases = 0;                     //!< every case of the subtree, closed ones included
  std::int64_t open = 0;                      //!< not closed
  std::vector<LegalTypeStage> by_type_stage;  //!< non-zero only
  std::int64_t claimed_fen = 0;
  std::int64_t recovered_fen = 0;
  std::int64_t collective_open = 0;
  std::int64_t collective_total = 0;
  std::vector<LegalMonth> series;  //!< the months asked for, oldest first
};

//! The figures of `org_id`'s subtree, with a month of the series for each of `months`
//! (YYYY-MM, oldest first).
Result<LegalFigures> LegalFiguresOf(store::Connection& conn, std::int64_t org_id,
                                    const std::vector<std::string>& months);

//! Open cases of `org_id`'s subtree (its standing rows only).
Result<std::int64_t> OpenLegalCasesOf(store::Connection& conn, std::int64_t org_id);

}  // namespace zj::app
