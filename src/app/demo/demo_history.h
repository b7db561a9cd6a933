// The demo as a federation a year into service (`zhijia demo --history`): the demo tree,
// enterprises, accounts and bulk members as DemoService loads them, dated the day the system
// went live, then the weeks since replayed through the real use cases with the clock set to
// each moment: requests from members and other workers arriving week by week (titles from
// their category's table, more wage claims before the Spring Festival), handled on the
// working-day calendar, some late enough for the real sweep (run twice a day) to escalate
// them, resolved, rated or left unrated, reopened, turned down, handed to another street;
// follow-up visits done and owed; members recorded, updated, retired and transferred between
// unions; roster imports with rejected rows. Past notifications count as delivered when they
// were queued. Near today every demo account finds work waiting (demo_todos.cpp).
//
// Deterministic in what it plans (same seed, same data, same clock: same history, ids aside);
// a database with requests already gets no history (a rerun adds nothing).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "app/application.h"
#include "app/clock.h"
#include "app/demo/demo_service.h"

namespace zj::app {

struct DemoHistoryOptions {
  int weeks = 52;
  //! About this many requests over the weeks, besides the demo accounts' to-dos.
  std::int64_t requests = 2600;
  //! Where the demo's roster files are written and kept, so their import reports can be
  //! rebuilt from them as from an uploaded file's.
  std::string roster_dir;
  //! Told the moment the replay has reached (for a progress line).
  std::function<void(std::int64_t at_ms)> progress;
  //! The park competition at the seed's scale (app/demo/demo_park_competition.h), mid-scoring.
  bool park_competition = true;
};

struct DemoHistoryReport {
  DemoReport demo;                    //!< what DemoService::Load did (accounts and passwords)
  std::int64_t requests = 0;          //!< 0 when the history was there already
  std::int64_t escalations = 0;       //!< by the sweep
  std::int64_t follow_ups = 0;        //!< opened (low ratings and unrated requests)
  std::int64_t members_recorded = 0;  //!< through the registry and imports
  std::int64_t transfers = 0;         //!< member transfers asked for
  std::int64_t imports = 0;
  std::int64_t standards = 0;       //!< region-year 低保 lines loaded (sample figures)
  std::int64_t hardship_files = 0;  //!< opened
  std::int64_t aid_grants = 0;      //!< proposed (most approved and paid)
  std::int64_t legal_cases = 0;     //!< opened
  //! Planned steps that no longer applied when their moment came (a member gone, a transfer
  //! already pending): 0 on a fresh database.
  std::int64_t skipped = 0;
  //! worker.demo's request that waits for its rating: tracking number and phone digits, for the
  //! portal's tracking page ("" when the history was there already).
  std::string worker_tracking_number;
  std::string worker_phone_last4;
  //! The park competition's entries and marks given (0 when not loaded).
  std::int64_t park_entries = 0;
  std::int64_t park_scores = 0;
};

//! Loads the demo (`demo` as for DemoService::Load; its bulk_members should be set) with
//! `clock` set `options.weeks` weeks back, then the history up to the clock's time at the call,
//! where it leaves the clock. `app` must run on `clock`.
Result<DemoHistoryReport> LoadDemoHistory(Application& app, FixedClock& clock,
                                          const DemoOptions& demo,
                                          const DemoHistoryOptions& options);

}  // namespace zj::app
