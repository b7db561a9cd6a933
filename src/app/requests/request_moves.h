// What moving an org subtree means for the service requests homed in it. Their paths follow the
// org with every other path (store/org_paths.h), so the new ancestors see them and the old ones
// no longer do; a request that an old ancestor was handling (after an escalation) would then sit
// in a queue whose staff cannot open it, so it is handed to the subtree's new parent, which is
// where the next escalation would have taken it.
#pragma once

#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"

namespace zj::app {

//! Hands every request homed under `moved` (its path already rewritten) that is still open or
//! awaits its rating, and whose handler is neither in the subtree nor on the new parent's path,
//! to `new_parent`, recording a "reassigned" event; returns how many. Call in the move's
//! transaction.
Result<int> HandOverRequestsAfterMove(store::Connection& conn, const Clock& clock, Random& random,
                                      const store::OrgRow& moved, const store::OrgRow& new_parent);

}  // namespace zj::app
