// The dashboard counters' deltas for hardship files and aid grants (store/org_counters.h), one
// function per change, so every use case that makes a change counts it the same way. Each adds
// to the org of the file (or grant) and all its ancestors, on the caller's connection — inside
// the transaction of the change. Months are China's (Asia/Shanghai, like the rest of the app).
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/aid_grants.h"
#include "store/database.h"
#include "store/hardship.h"

namespace zj::app {

//! "YYYY-MM" of an instant in China.
std::string MonthInChina(std::int64_t ms);

//! A file opened (now in the open households, by its final level and main cause).
Result<void> CountFileOpened(store::Connection& conn, const store::HardshipFileRow& file,
                             std::int64_t at);
//! An open file closed with `reason` (its household leaves the open ones).
Result<void> CountFileClosed(store::Connection& conn, const store::HardshipFileRow& file,
                             const std::string& reason, std::int64_t at);
//! An open file's final level changed from the row's to `to`.
Result<void> CountLevelChanged(store::Connection& conn, const store::HardshipFileRow& file,
                               const std::string& to);
//! A grant approved (its amount now committed).
Result<void> CountAidApproved(store::Connection& conn, const store::AidGrantRow& grant,
                              std::int64_t at);
//! A grant paid, `amount_fen` at `at`.
Result<void> CountAidPaid(store::Connection& conn, const store::AidGrantRow& grant,
                          std::int64_t amount_fen, std::int64_t at);

}  // namespace zj::app
