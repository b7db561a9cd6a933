// Demo data: the Beijing municipal federation with its 16 district federations and their
// street federations, from the real GB/T 2260 tables, one demo console account per role
// (admin, staff of 东城 and 西城, an operator, a cadre of 东华门街道) and a worker's portal
// account (worker.demo: a phone bound to a member record). Idempotent: running it
// again adds nothing twice and only resets the demo accounts' passwords. With enterprises it
// also records members in a few unions (through the member registry, so coverage counts them),
// or, with `bulk_members`, any number of members over every grassroots union at once (the
// benchmark's data sets; see demo_bulk_members.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "app/members/member_service.h"
#include "app/personal_data/vault.h"
#include "app/worker_accounts/sign_in_service.h"
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
  //! When set: this many members generated over all grassroots unions of the tree in one
  //! all-or-nothing bulk load instead of the few above (only into an empty registry; a rerun
  //! adds nothing). Same seed, same people (ids aside).
  std::optional<std::int64_t> bulk_members;
  //! Bulk load only: told the members written so far after each batch, and once with
  //! `indexing` true before the indexes are rebuilt (for a progress line).
  std::function<void(std::int64_t written, bool indexing)> progress;
  //! Bulk load only, for tests: called after each batch is written; an error stops the load,
  //! which then rolls back entirely.
  std::function<Result<void>(std::int64_t written)> after_batch;
};

//! One demo account and the password it has now.
struct DemoAccount {
  std::string username;
  std::string role;
  std::string org_name;  //!< "" for the worker
  std::string password;
};

//! The demo worker's portal account: signs in by this phone and a code from the log sender.
struct DemoWorker {
  std::string phone;
  std::optional<std::string> member_name;  //!< the bound member (none without unions)
  bool member_created = false;             //!< this run recorded the member (counted in the report)
};

struct DemoReport {
  int orgs_created = 0;
  int orgs_total = 0;
  int enterprises_created = 0;       //!< 0 when there were enterprises already
  std::int64_t members_created = 0;  //!< 0 when there were members already
  std::string admin_username;
  std::string admin_password;
  std::vector<DemoAccount> accounts;  //!< every demo account, the administrator first
  std::optional<DemoWorker> worker;   //!< the demo worker (portal, not console)
};

class DemoService {
 public:
  DemoService(store::Database& db, AccountService& accounts, MemberService& members,
              TransferService& transfers, SignInService& sign_in, const Vault& vault,
              const RegionTable& regions, const Clock& clock, Random& random)
      : db_(db),
        accounts_(accounts),
        sign_in_(sign_in),
        vault_(vault),
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
  //! `count` members over every grassroots union, in one transaction (demo_bulk_members.cpp).
  Result<std::int64_t> LoadBulkMembers(std::int64_t count, std::uint64_t seed,
                                       const DemoOptions& options);
  //! The demo worker's account, bound to a member of 东华门街道 when there are unions
  //! (demo_worker.cpp).
  Result<DemoWorker> LoadDemoWorker();
  //! Creates the account or, when it exists, resets its password.
  Result<void> EnsureAccount(const NewUser& user);

  store::Database& db_;
  AccountService& accounts_;
  SignInService& sign_in_;
  const Vault& vault_;
  MemberService& members_;
  TransferService& transfers_;
  const RegionTable& regions_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace zj::app
