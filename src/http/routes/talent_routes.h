// The talent pool's and studios' routes (issue 22, http/routes/talent.cpp), added to the
// router's table.
#pragma once

#include <vector>

#include "http/route.h"

namespace zj::http {

void AddTalentRoutes(std::vector<Route>& routes);

}  // namespace zj::http
