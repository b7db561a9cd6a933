// Which region a union issues member cards (会员证号) in: the first six digits of its GB/T 2260
// region code, or of the nearest ancestor's that has one, else Beijing's 110000.
#pragma once

#include <string>

#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"

namespace zj::members {

//! The 6-digit issuing region of `union_org` (walks up the tree while an org has no region).
Result<std::string> CardRegionOf(store::Connection& conn, const store::OrgRow& union_org);

}  // namespace zj::members
