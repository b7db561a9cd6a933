// Bulk hardship files and aid grants for the benchmark: `files` files over every grassroots
// union in turn, each a one-person 深度 household (a generated ID number sealed and indexed as
// HardshipService seals it, its name sealed) active in its workflow, and four grants each — the
// 送温暖 festival visit and the living allowance, in 2025 and 2026 — approved and paid, with
// their no-double-aid rows, payments and the dashboard counters written through case_figures.h
// exactly as the use cases write them. Not through the use cases themselves: a quarter of a
// million proposals, approvals and payments, one transaction each, would take longer than the
// rest of the suite; the rows are the same. The budgets' counters are left alone (the bench
// reads no budget). A thousand files a transaction; a database with files already gets nothing.
#include "app/demo/demo_cases.h"

#include <cstdio>
#include <string>
#include <vector>

#include "app/hardship/case_figures.h"
#include "app/hardship/hardship_flow.h"
#include "app/hardship/hardship_service.h"
#include "core/members/national_id.h"
#include "core/orgs/org_path.h"
#include "store/aid_grants.h"
#include "store/hardship.h"
#include "store/hardship_flow.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr std::int64_t kBatch = 1000;
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::int64_t kDibao = 145000;  // the demo's sample line, ¥1,450 a month

//! A valid ID number, distinct for each `n` below 366 × 999 × 40: a birth day of 1970–2009
//! and a sequence code.
std::string IdNumberOf(std::int64_t n) {
  const int year = 1970 + static_cast<int>(n / (std::int64_t{365} * 999)) % 40;
  const int day_of_year = static_cast<int>((n / 999) % 365);
  const std::chrono::sys_days day =
      std::chrono::sys_days(std::chrono::year{year} / 1 / 1) + std::chrono::days(day_of_year);
  const std::chrono::year_month_day ymd(day);
  char body[24];
  std::snprintf(body, sizeof body, "110101%04d%02u%02u%03d", year,
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(n % 999) + 1);
  return std::string(body, 17) + members::IdCheckCharacter(std::string_view(body, 17));
}

struct Union {
  store::OrgRow org;
  std::int64_t district_id = 0;
};

}  // namespace

Result<DemoCasesReport> LoadDemoCases(store::Database& db, const Clock& clock, Random& random,
                                      const Vault& vault, std::int64_t files) {
  DemoCasesReport report;
  std::vector<Union> unions;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
    store::HardshipFileQuery any;
    any.high = "\x7f";  // every path
    any.limit = 1;
    ZJ_ASSIGN_OR_RETURN(auto existing, store::ListHardshipFiles(*lease, any));
    if (!existing.empty()) return report;
    ZJ_ASSIGN_OR_RETURN(auto orgs, store::AllOrgs(*lease));
    for (const auto& o : orgs) {
      if (o.kind != "grassroots" || o.status != "active") continue;
      const auto ids = OrgPath::FromStored(o.path).Ids();
      unions.push_back(Union{o, ids.size() > 1 ? ids[1] : ids.front()});
    }
  }
  if (unions.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions", "no grassroots union");
  }
  const std::int64_t now = clock.NowMs();
  for (std::int64_t start = 0; start < files; start += kBatch) {
    ZJ_RETURN_IF_ERROR(store::InTransaction(db, [&](store::Connection& c) -> Result<void> {
      for (std::int64_t n = start; n < files && n < start + kBatch; ++n) {
        const Union& u = unions[static_cast<std::size_t>(n) % unions.size()];
        // Opened over the last two years, one a little later than the one before.
        const std::int64_t opened = now - 730 * kDayMs + (n * 730 * kDayMs) / (files + 1);
        store::HardshipFileRow f;
        f.id = NewId(clock, random);
        f.federation_id = u.org.federation_id;
        f.org_id = u.org.id;
        f.org_path = u.org.path;
        f.status = "open";
        f.household_size = 1;
        f.region_code = "110101";
        f.standard_year = 2026;
        f.standard_dibao_fen = kDibao;
        f.standard_cost_pct = 80;
        f.standard_medical_pct = 50;
        f.level_computed = f.level_final = "deep";
        f.main_cause = n % 3 == 0 ? "illness" : n % 3 == 1 ? "disability" : "unemployment";
        f.opened_at = f.updated_at = opened;
        ZJ_RETURN_IF_ERROR(store::InsertHardshipFile(c, f));
        ZJ_RETURN_IF_ERROR(CountFileOpened(c, f, opened));
        store::HardshipFlowRow flow =
            HardshipFlowService::Applied(f.id, f.org_path, f.federation_id, opened);
        flow.stage = "active";
        flow.review_due_on = "2027-06-30";
        ZJ_RETURN_IF_ERROR(store::InsertHardshipFlow(c, flow));

        const std::string id_number = IdNumberOf(n);
        ZJ_ASSIGN_OR_RETURN(SealedValue id, vault.SealIndexed(kHouseholdIdField, id_number));
        store::HouseholdMemberRow m;
        m.id = NewId(clock, random);
        m.file_id = f.id;
        m.relation = "self";
        ZJ_ASSIGN_OR_RETURN(m.name_cipher, vault.Seal(kHouseholdNameField, "王秀英"));
        m.id_cipher = std::move(id.cipher);
        m.id_blind = id.index;
        m.id_last4 = id_number.substr(14);
        m.key_version = Vault::OldestVersion({&m.name_cipher, &m.id_cipher});
        m.file_open = true;
        ZJ_RETURN_IF_ERROR(store::InsertHouseholdMember(c, m));

        for (const char* kind : {"festival", "living"}) {
          for (const char* period : {"2025", "2026"}) {
            store::AidGrantRow g;
            g.id = NewId(clock, random);
            g.federation_id = f.federation_id;
            g.file_id = f.id;
            g.org_id = f.org_id;
            g.org_path = f.org_path;
            g.kind = kind;
            g.period = period;
            g.amount_fen = g.kind == "festival" ? 50000 : 10 * kDibao;
            g.rule_text = "aid.rule.fixed";
            g.rule_params = "{}";
            g.status = "paid";
            g.approver_level = "district";
            g.budget_org_id = u.district_id;
            g.proposed_at = opened + kDayMs;
            g.decided_at = opened + 2 * kDayMs;
            g.updated_at = opened + 3 * kDayMs;
            ZJ_RETURN_IF_ERROR(store::InsertAidGrant(c, g));
            ZJ_RETURN_IF_ERROR(store::InsertAidOnce(c, m.id_blind, g.kind, g.period, g.id));
            store::AidPaymentRow p;
            p.id = NewId(clock, random);
            p.grant_id = g.id;
            p.paid_on = "2026-01-15";
            p.amount_fen = g.amount_fen;
            p.method = "bank_transfer";
            p.paid_at = g.updated_at;
            ZJ_RETURN_IF_ERROR(store::InsertAidPayment(c, p));
            ZJ_RETURN_IF_ERROR(CountAidApproved(c, g, *g.decided_at));
            ZJ_RETURN_IF_ERROR(CountAidPaid(c, g, g.amount_fen, p.paid_at));
            ++report.grants;
          }
        }
        ++report.files;
      }
      return {};
    }));
  }
  return report;
}

}  // namespace zj::app
