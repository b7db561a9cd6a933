// The signed-in workers of the registration burst (bench/activities/run_burst.sh, issue 22):
// portal accounts for N members, each bound to its member. Bench-only, and honest about it:
// the account is opened as a first sign-in opens it (SignInService::EnsureAccount: the phone
// sealed and blind-indexed) and bound as a cadre's binding decision binds it (the same store
// call and coverage count as the demo worker's, app/demo/demo_worker.cpp), without the
// binding request and its review, which are not what the burst measures. The workers then sign
// in through `zhijia serve` with the code from the server log (run_burst.sh), as
// bench/sign_in/run_my_requests.sh does for one.
// Usage: zhijia_bench_workers DB KEY_FILE N PHONE_PREFIX
//   the first N active members (by id) that no account holds get the phones PHONE_PREFIX
//   followed by 0000, 0001, … (PHONE_PREFIX has 7 digits, so the last four tell them apart in
//   the log's masked phone). Prints the phones, one a line, in order.
#include <cstdio>
#include <iostream>
#include <string>

#include "app/coverage/online.h"
#include "cli/command_context.h"
#include "store/members.h"
#include "store/worker_accounts.h"

namespace {

int Die(const zj::Error& e) {
  std::fprintf(stderr, "zhijia_bench_workers: %s (%s)\n", e.message_key.c_str(), e.detail.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace zj;
  if (argc != 5 || std::string(argv[4]).size() != 7) {
    std::fprintf(stderr, "usage: zhijia_bench_workers DB KEY_FILE N PHONE_PREFIX(7 digits)\n");
    return 2;
  }
  cli::GlobalOptions options;
  options.db = argv[1];
  options.key_file = argv[2];
  options.log_level = "warn";
  const long n = std::stol(argv[3]);
  const std::string prefix = argv[4];
  if (n < 1 || n > 10000) {
    std::fprintf(stderr, "zhijia_bench_workers: N is 1 to 10,000\n");
    return 2;
  }
  auto runtime = cli::OpenRuntime(options);
  if (!runtime) return Die(runtime.error());
  app::Application& application = *(*runtime)->app;
  static constexpr store::Sql kUnbound{
      "bench.workers.unbound",
      "SELECT m.id FROM members m WHERE m.status = 'active' AND NOT EXISTS "
      "(SELECT 1 FROM worker_accounts w WHERE w.member_id = m.id) ORDER BY m.id LIMIT $1"};
  std::vector<std::int64_t> ids;
  {
    auto lease = application.db().Acquire();
    if (!lease) return Die(lease.error());
    const std::vector<store::Value> p{static_cast<std::int64_t>(n)};
    auto rows = (**lease).Query(kUnbound, p);
    if (!rows) return Die(rows.error());
    for (const auto& r : *rows) ids.push_back(r.Int(0));
  }
  if (static_cast<long>(ids.size()) < n) {
    std::fprintf(stderr, "zhijia_bench_workers: only %zu unbound active members\n", ids.size());
    return 1;
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::string last4 = std::to_string(i);
    last4.insert(0, 4 - last4.size(), '0');
    const std::string phone = prefix + last4;
    auto account = application.sign_in().EnsureAccount(phone);
    if (!account) return Die(account.error());
    auto lease = application.db().Acquire();
    if (!lease) return Die(lease.error());
    auto member = store::FindMemberById(**lease, ids[i]);
    if (!member || !*member) return Die(member ? Error{} : member.error());
    auto bound = [&]() -> Result<void> {
      ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(**lease));
      ZJ_RETURN_IF_ERROR(store::BindWorkerAccount(
          **lease, account->id, ids[i], (*member)->federation_id, application.clock().NowMs()));
      ZJ_RETURN_IF_ERROR(app::CountBoundMember(**lease, **member));
      return tx.Commit();
    }();
    if (!bound) return Die(bound.error());
    std::cout << phone << "\n";
  }
  return 0;
}
