// Rules the hardship use cases share: who may work with files, the bounds of a new file's facts
// (money in fen within ¥0..¥100,000,000, at most 20 people and 20 expenses, known relations,
// kinds, causes and exclusions), the facts a level is computed from, and the 409 for a person
// already in an open file (naming the file only when the actor sees it).
#pragma once

#include <cstddef>

#include "app/accounts/actor.h"
#include "app/clock.h"
#include "app/hardship/hardship_service.h"
#include "core/hardship/hardship_level.h"
#include "core/result.h"
#include "store/hardship.h"
#include "store/hardship_flow.h"

namespace zj::app {

//! Cadres, staff and administrators; kPermissionDenied "error.hardship.forbidden" else.
Result<void> MustManageHardship(const Actor& actor);

//! Adds a field error to `invalid` for each bad fact of `file` (not the people's names and IDs).
void CheckFileFacts(const NewHardshipFile& file, Error& invalid);

//! The facts of a stored file, with the region's thresholds it was computed with.
hardship::LevelFacts FactsOf(const store::HardshipFileRow& row);

//! kAlreadyExists "error.hardship.already_open" on `field`; the other file is named
//! (hardship_file.id) only when it lies in the actor's scope.
Error AlreadyOpen(const Actor& actor, const store::OpenFileOfPerson& other,
                  const std::string& field);

//! A step on the file's trail by `actor` now; `detail` becomes a JSON object of strings, its
//! free text (note, visitors, reason: what was seen in the home, who visited) sealed apart.
Result<void> AddHardshipStep(store::Connection& conn, const Clock& clock, Random& random,
                             const Vault& vault, const Actor& actor, std::int64_t file_id,
                             const std::string& step,
                             const std::vector<std::pair<std::string, std::string>>& detail);
//! The step's whole detail as one JSON object: its stored codes and dates with its sealed free
//! text opened.
Result<std::string> StepDetail(const Vault& vault, const store::HardshipStepRow& step);

//! The workflow's numbers of a federation: its stored rules, or core's defaults (the example of
//! service-rules.md) when an administrator set none.
Result<store::HardshipRulesRow> WorkflowRulesOf(store::Connection& conn,
                                                std::int64_t federation_id);
//! The rules of the actor's federation (its org's; the defaults for an account without an org).
Result<store::HardshipRulesRow> ActorWorkflowRules(store::Connection& conn, const Actor& actor);

//! The last day whose annual reviews show as due for the actor today: today in China plus the
//! reminder days of the actor's federation (YYYY-MM-DD) — the one rule the list's "reviews
//! due" filter and the workbench's card share.
Result<std::string> ReviewsDueBy(store::Connection& conn, const Clock& clock, const Actor& actor);

}  // namespace zj::app
