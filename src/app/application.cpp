#include "app/application.h"

#include "app/regions/embedded_regions.h"

namespace zj::app {

Application::Application(store::Database& db, const Clock& clock, Random& random, AppConfig config)
    : db_(db),
      clock_(clock),
      system_(db),
      accounts_(db, clock, random, config.password_cost, config.session_policy),
      demo_(db, accounts_, BuiltinRegions(), clock, random) {}

}  // namespace zj::app
