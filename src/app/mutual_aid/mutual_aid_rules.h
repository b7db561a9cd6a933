// Who may do what with mutual-aid plans (issue 22), and the input rules of a new plan.
#pragma once

#include <string>

#include "app/accounts/actor.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "core/result.h"

namespace zj::app {

//! Cadres, staff and administrators (read plans, enrol, make and send lists, file claims);
//! kPermissionDenied "error.mutual_aid.forbidden" else.
Result<void> MustRunMa(const Actor& actor);
//! Staff and administrators (create plans, open periods, apply lists, decide and pay claims).
Result<void> MustDecideMa(const Actor& actor);
//! A plan is seen from its own subtree and from below it (the union's cadre sees the plan of
//! its district): its path in the actor's scope, or above the actor's org.
bool PlanVisible(const Actor& actor, const std::string& plan_path);
Error MaNotFound(const std::string& what);
//! kPermissionDenied "error.mutual_aid.not_plan_level": decided at the plan's org or above.
Error NotPlanLevel();
//! kInvalidArgument "error.invalid_input" with every field error of the new plan.
Result<void> CheckNewPlan(const NewMaPlan& in);

}  // namespace zj::app
