// Mutual-aid plans' routes (issue 22): the staff's /api/v1/mutual-aid/… and the worker's
// /api/v1/me/mutual-aid/… (http/routes/mutual_aid.cpp), added to the router's table.
#pragma once

#include <vector>

#include "http/route.h"

namespace zj::http {

void AddMutualAidRoutes(std::vector<Route>& routes);

}  // namespace zj::http
