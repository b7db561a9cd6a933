#include "app/legal/legal_case_service.h"

#include <set>

#include "app/legal/legal_figures.h"
#include "app/legal/legal_rules.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/enterprises/uscc.h"
#include "core/orgs/org_path.h"
#include "store/case_links.h"
#include "store/enterprises.h"
#include "store/legal_lawyers.h"
#include "store/service_requests.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;
constexpr std::size_t kMaxWorkersAtOnce = 200;

//! A request a legal case may come from: legal aid, or a rights category.
bool LegalCategory(const std::string& code) {
  return code == "legal_aid" || code.starts_with("rights.");
}

}  // namespace

Result<void> MustWorkWithLegal(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.legal.forbidden",
              actor.role + " does not work with legal cases");
}

Error LegalCaseNotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "legal case " + std::to_string(id), {}, {}};
}

Result<legal::CollectiveRule> CollectiveRuleOf(store::Connection& conn,
                                               std::int64_t federation_id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindLegalRules(conn, federation_id));
  if (!row) return legal::CollectiveRule{};
  return legal::CollectiveRule{row->collective_workers, row->collective_amount_fen};
}

Result<LegalCaseDetail> LegalCaseService::Load(store::Connection& conn, const Actor& actor,
                                               std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindLegalCase(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(LegalCaseNotFound(id));
  LegalCaseDetail d;
  ZJ_ASSIGN_OR_RETURN(auto workers, store::WorkersOfCase(conn, id));
  for (const auto& w : workers) d.workers.push_back(MaskedWorker(vault_, w));
  ZJ_ASSIGN_OR_RETURN(d.stages, store::StagesOfCase(conn, id));
  ZJ_ASSIGN_OR_RETURN(d.request, RequestBehind(conn, actor, store::kLinkLegalCase, id));
  ZJ_ASSIGN_OR_RETURN(const legal::CollectiveRule rule, CollectiveRuleOf(conn, row->federation_id));
  d.collective_workers = rule.workers;
  d.collective_amount_fen = rule.amount_fen;
  d.row = std::move(*row);
  return d;
}

Result<void> LegalCaseService::Audit(store::Connection& conn, const Actor& actor,
                                     const std::string& action, std::int64_t id,
                                     std::vector<std::pair<std::string, std::string>> detail) {
  const AuditEvent event{action, "legal_case",      std::to_string(id),
                         "ok",   actor.remote_addr, std::move(detail)};
  return audit_.Record(conn, AuditActor::From(actor), event);
}

Result<LegalCaseDetail> LegalCaseService::Open(const Actor& actor, const NewLegalCase& in) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "legal case", {}, {}};
  if (!legal::ParseCaseType(in.type)) invalid.fields.push_back({"type", "error.legal.type", {}});
  CheckTitle(in.title, invalid);
  CheckFen("claimed_fen", in.claimed_fen, invalid);
  std::optional<std::string> uscc;
  if (!in.employer_uscc.empty()) {
    uscc = enterprises::NormaliseUscc(in.employer_uscc);
    if (!uscc) invalid.fields.push_back({"employer_uscc", "error.legal.uscc", {}});
  }
  if (in.employer_name.size() > 600) {  // bytes: 200 Chinese characters
    invalid.fields.push_back({"employer_name", "error.field.too_long", {{"max", "200"}}});
  }
  if (in.workers.size() > kMaxWorkersAtOnce) {
    invalid.fields.push_back({"workers", "error.legal.workers", {{"max", "200"}}});
  }
  const members::Date today = TodayInChina(clock_);
  const std::string opened_on = in.opened_on ? *in.opened_on : members::FormatDate(today);
  if (in.opened_on) CheckDay("opened_on", *in.opened_on, std::nullopt, today, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LegalCaseDetail> {
    // A request the actor does not see is one that does not exist.
    std::optional<store::RequestRow> request;
    if (in.request_id) {
      ZJ_ASSIGN_OR_RETURN(request, store::FindRequestById(c, *in.request_id));
      if (!request || !PathInScope(actor, request->home_path)) {
        return Fail(Error{ErrorCode::kNotFound,
                          "error.not_found",
                          "request " + std::to_string(*in.request_id),
                          {},
                          {}});
      }
      if (!LegalCategory(request->category_code)) {
        return Fail(FieldProblem("request_id", "error.legal.request_category"));
      }
    }
    std::int64_t org_id = 0;
    if (in.org_id) {
      org_id = *in.org_id;
    } else if (request) {
      org_id = request->org_id;  // the union handling the request
    } else if (actor.org_id) {
      org_id = *actor.org_id;
    }
    if (org_id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));

    // The employer: by its code in the register, else by the code and name given.
    store::LegalCaseRow row;
    if (!uscc && request && request->employer_id) {
      ZJ_ASSIGN_OR_RETURN(auto e, store::FindEnterpriseById(c, *request->employer_id));
      if (e) uscc = e->uscc;
    }
    if (!uscc) return Fail(FieldProblem("employer_uscc", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(auto enterprise, store::FindEnterpriseByUscc(c, *uscc));
    if (enterprise && enterprise->federation_id == org.federation_id) {
      row.enterprise_id = enterprise->id;
      row.employer_name = enterprise->name;
    } else if (!in.employer_name.empty()) {
      row.employer_name = in.employer_name;
    } else if (request && request->employer_name) {
      row.employer_name = request->employer_name->substr(0, 200);
    } else {
      return Fail(FieldProblem("employer_name", "error.legal.employer_unknown"));
    }
    row.id = NewId(clock_, random_);
    row.federation_id = org.federation_id;
    row.org_id = org.id;
    row.org_path = org.path;
    row.org_name = org.name;
    row.type = in.type;
    row.title = in.title;
    row.employer_uscc = *uscc;
    row.stage = std::string(legal::StageCode(legal::Stage::kConsultation));
    row.claimed_fen = in.claimed_fen;
    if (in.lawyer_id) {
      ZJ_RETURN_IF_ERROR(CheckLawyer(c, actor, row, *in.lawyer_id));
      row.lawyer_id = in.lawyer_id;
    }
    if (actor.user_id != 0) row.opened_by = actor.user_id;
    row.opened_at = row.updated_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertLegalCase(c, row));
    ZJ_RETURN_IF_ERROR(CountLegalCase(c, nullptr, row));
    ZJ_RETURN_IF_ERROR(
        store::InsertLegalCaseStage(c, {NewId(clock_, random_), row.id, row.stage, opened_on,
                                        std::nullopt, "", row.opened_by, row.opened_at}));
    for (std::size_t i = 0; i < in.workers.size(); ++i) {
      ZJ_RETURN_IF_ERROR(
          InsertWorker(c, actor, row, in.workers[i], "workers[" + std::to_string(i) + "]"));
    }
    row.worker_count = static_cast<int>(in.workers.size());
    if (in.request_id) {
      store::CaseLinkRow link{NewId(clock_, random_),
                              *in.request_id,
                              std::string(store::kLinkLegalCase),
                              row.id,
                              row.org_path,
                              row.opened_by,
                              row.opened_at};
      ZJ_RETURN_IF_ERROR(store::InsertCaseLink(c, link));
    }
    ZJ_RETURN_IF_ERROR(Save(c, row));
    std::vector<std::pair<std::string, std::string>> detail{{"type", row.type}};
    if (in.request_id) detail.emplace_back("request", std::to_string(*in.request_id));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "legal.open", row.id, std::move(detail)));
    return Load(c, actor, row.id);
  });
}

Result<LegalCaseDetail> LegalCaseService::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return Load(*lease, actor, id);
}

Result<LegalCasePage> LegalCaseService::List(const Actor& actor, const LegalCaseFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "legal case list", {}, {}};
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    invalid.fields.push_back({"limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}});
  }
  if (!filter.type.empty() && !legal::ParseCaseType(filter.type)) {
    invalid.fields.push_back({"type", "error.legal.type", {}});
  }
  if (!filter.stage.empty() && !legal::ParseStage(filter.stage)) {
    invalid.fields.push_back({"stage", "error.legal.stage", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  LegalCasePage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::LegalCaseQuery q{range->first,      range->second,    filter.type,      filter.stage,
                          filter.collective, filter.before_id, filter.limit + 1, filter.alerts};
  ZJ_ASSIGN_OR_RETURN(page.items, store::ListLegalCases(*lease, q));
  if (static_cast<int>(page.items.size()) > filter.limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

}  // namespace zj::app
