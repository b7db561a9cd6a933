// Demo data: the Beijing municipal federation with its 16 district federations and their
// street federations, from the real GB/T 2260 tables, and one demo account per role (admin,
// staff of 东城 and 西城, an operator, a cadre of 东华门街道, a worker). Idempotent: running it
// again adds nothing twice and only resets the demo accounts' passwords. With enterprises it
// also records members in a few unions (through the member registry, so coverage counts them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "app/members/member_service.h"
#include "core/regions/region_table.h"
#include "store/database.h"

namespace zj::app {

struct DemoOptions {
  //! The password of every demo account; one is generated per account when absent.
  std::optional<std::string> admin_password;
  //! Enterprises generated per street federation (0: none). The command line's default is 30;
  //! `--scale N` multiplies it, for the benchmark's large data sets.
  int enterprises_per_street = 0;
  //! The same seed generates the same enterprises, unions and figures (ids aside).
  std::uint64_t seed = 2026;
  //! Members generated in each of a few grassroots unions of 东华门街道 and of 西城 (only when
  //! enterprises, and so unions, are generated; only into a registry that is still empty).
  int members_per_union = 20;
};

//! One demo account and the password it has now.
struct DemoAccount {
  std::string username;
  std::string role;
  std::string org_name;  //!< "" for the worker
  std::string password;
};

struct DemoReport {
  int orgs_created = 0;
  int orgs_total = 0;
  int enterprises_created = 0;  //!< 0 when there were enterprises already
  int members_created = 0;      //!< 0 when there were members already
  std::string admin_username;
  std::string admin_password;
  std::vector<DemoAccount> accounts;  //!< every demo account, the administrator first
};

class DemoService {
 public:
  DemoService(store::Database& db, AccountService& accounts, MemberService& members,
              TransferService& transfers, const RegionTable& regions, const Clock& clock,
              Random& random)
      : db_(db),
        accounts_(accounts),
        members_(members),
        transfers_(transfers),
        regions_(regions),
        clock_(clock),
        random_(random) {}

  Result<DemoReport> Load(const DemoOptions& options);

 private:
  Result<int> LoadBeijingTree();
  //! Grassroots unions and enterprises for every street (see demo_enterprises.cpp).
  Result<int> LoadEnterprises(int per_street, std::uint64_t seed);
  //! Members in a few unions and one pending transfer (see demo_members.cpp).
  Result<int> LoadMembers(int per_union, std::uint64_t seed);
  //! Creates the account or, when it exists, resets its password.
  Result<void> EnsureAccount(const NewUser& user);

  store::Database& db_;
  AccountService& accounts_;
  MemberService& members_;
  TransferService& transfers_;
  const RegionTable& regions_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace zj::app
