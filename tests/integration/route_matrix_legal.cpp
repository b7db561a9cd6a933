// The role × route matrix's legal world (issue 20): a wage arrears case handled by each side's
// union1 against the side's enterprise (opened by the side's builder, on 2026-11-01), one with
// a worker for the removal row, and an aid centre in union1's directory.
#include "core/orgs/org_path.h"
#include "route_matrix_world.h"
#include "store/enterprises.h"

namespace zj::test {

std::int64_t RouteMatrixTest::NewLegalCase(const Place& p, bool with_worker) {
  std::string uscc;
  {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto e = store::FindEnterpriseById(**lease, p.enterprise);
    EXPECT_TRUE(e.has_value() && e->has_value());
    if (e && *e) uscc = (*e)->uscc;
  }
  app::NewLegalCase c;
  c.org_id = p.union1;
  c.type = "wage_arrears";
  c.title = "拖欠三个月工资";
  c.employer_uscc = uscc;
  c.claimed_fen = 2'400'000;
  c.opened_on = "2026-11-01";
  if (with_worker) c.workers.push_back({std::nullopt, "李建国", NewIdNumber()});
  auto opened = app_->legal_cases().Open(p.builder, c);
  EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
  if (!opened) return 0;
  if (with_worker && !opened->workers.empty()) last_case_worker_ = opened->workers.front().id;
  return opened->row.id;
}

std::int64_t RouteMatrixTest::NewLawyer(const Place& p) {
  app::LawyerInput in;
  in.org_id = p.union1;
  in.kind = "aid_centre";
  in.name = "法律援助工作站";
  in.firm = "区司法局";
  in.phone = "010-65120000";
  auto made = app_->lawyers().Create(p.builder, in);
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  return made ? made->row.id : 0;
}

void RouteMatrixTest::DefineLegalPlaceholders() {
  auto& f = placeholders_;
  f["legal_case"] = [](const Place& p, Side, const Caller&) {
    return std::to_string(p.legal_case);
  };
  f["lawyer"] = [](const Place& p, Side, const Caller&) { return std::to_string(p.lawyer); };
  f["new_legal_case"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewLegalCase(p));
  };
  // Filled left to right: the case first, then the worker it was opened with.
  f["new_case_with_worker"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewLegalCase(p, true));
  };
  f["its_worker"] = [this](const Place&, Side, const Caller&) {
    return std::to_string(last_case_worker_);
  };
  f["federation"] = [](const Place& p, Side, const Caller&) {
    return std::to_string(OrgPath::FromStored(p.district.path).Ids().front());
  };
}

}  // namespace zj::test
