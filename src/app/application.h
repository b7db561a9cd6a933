// The use cases wired to one store, clock and random source: what http/ and cli/ call.
#pragma once

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "app/demo/demo_service.h"
#include "app/system/system_service.h"
#include "store/database.h"

namespace zj::app {

struct AppConfig {
  PasswordCost password_cost = PasswordCost::Interactive();
  SessionPolicy session_policy;
};

class Application {
 public:
  Application(store::Database& db, const Clock& clock, Random& random, AppConfig config = {});

  store::Database& db() { return db_; }
  const Clock& clock() const { return clock_; }
  SystemService& system() { return system_; }
  AccountService& accounts() { return accounts_; }
  DemoService& demo() { return demo_; }

 private:
  store::Database& db_;
  const Clock& clock_;
  SystemService system_;
  AccountService accounts_;
  DemoService demo_;
};

}  // namespace zj::app
