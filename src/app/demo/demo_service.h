// Demo data: the Beijing municipal federation with its 16 district federations and their
// street federations, from the real GB/T 2260 tables, and a demo administrator. Idempotent:
// running it again adds nothing twice and only resets the demo administrator's password.
#pragma once

#include <optional>
#include <string>

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "core/regions/region_table.h"
#include "store/database.h"

namespace zj::app {

struct DemoOptions {
  std::optional<std::string> admin_password;  //!< generated when absent
};

struct DemoReport {
  int orgs_created = 0;
  int orgs_total = 0;
  std::string admin_username;
  std::string admin_password;
};

class DemoService {
 public:
  DemoService(store::Database& db, AccountService& accounts, const RegionTable& regions,
              const Clock& clock, Random& random)
      : db_(db), accounts_(accounts), regions_(regions), clock_(clock), random_(random) {}

  Result<DemoReport> Load(const DemoOptions& options);

 private:
  Result<int> LoadBeijingTree();

  store::Database& db_;
  AccountService& accounts_;
  const RegionTable& regions_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace zj::app
