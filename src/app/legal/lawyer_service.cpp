#include "app/legal/lawyer_service.h"

#include <algorithm>
#include <cctype>

#include "app/legal/legal_case_service.h"
#include "app/legal/legal_rules.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

Error LawyerNotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "lawyer " + std::to_string(id), {}, {}};
}

bool PhoneShaped(const std::string& p) {
  return p.size() >= 5 && p.size() <= 20 && std::all_of(p.begin(), p.end(), [](char ch) {
           return ch == '-' || ch == ' ' || std::isdigit(static_cast<unsigned char>(ch));
         });
}

Result<void> AuditLawyer(AuditService& audit, store::Connection& conn, const Actor& actor,
                         const std::string& action, std::int64_t id) {
  const AuditEvent event{action, "legal_lawyer", std::to_string(id), "ok", actor.remote_addr, {}};
  return audit.Record(conn, AuditActor::From(actor), event);
}

}  // namespace

LawyerView LawyerService::ViewOf(store::LawyerRow row) const {
  LawyerView v;
  if (row.phone_cipher) {
    if (auto phone = vault_.Open(kLawyerPhoneField, *row.phone_cipher)) {
      v.phone_masked = phone->size() > 4
                           ? std::string(phone->size() - 4, '*') + phone->substr(phone->size() - 4)
                           : std::string("****");
    } else {
      v.phone_masked = "****" + row.phone_last4.value_or("");
    }
  }
  v.row = std::move(row);
  return v;
}

Result<void> LawyerService::Apply(const LawyerInput& in, store::LawyerRow& row,
                                  Error& invalid) const {
  if (in.kind) {
    if (legal::ParseLawyerKind(*in.kind)) {
      row.kind = *in.kind;
    } else {
      invalid.fields.push_back({"kind", "error.legal.lawyer_kind", {}});
    }
  }
  if (in.name) {
    Error local{};
    CheckTitle(*in.name, local, "name");
    if (local.fields.empty() && in.name->size() > 300) {
      local.fields.push_back({"name", "error.field.too_long", {{"max", "100"}}});
    }
    invalid.fields.insert(invalid.fields.end(), local.fields.begin(), local.fields.end());
    row.name = *in.name;
  }
  if (in.firm) {
    if (in.firm->size() > 600) {
      invalid.fields.push_back({"firm", "error.field.too_long", {{"max", "200"}}});
    }
    row.firm = *in.firm;
  }
  if (in.active) row.active = *in.active;
  if (in.phone) {
    if (in.phone->empty()) {
      row.phone_cipher.reset();
      row.phone_last4.reset();
    } else if (!PhoneShaped(*in.phone)) {
      invalid.fields.push_back({"phone", "error.legal.phone", {}});
    } else {
      ZJ_ASSIGN_OR_RETURN(store::Blob sealed, vault_.Seal(kLawyerPhoneField, *in.phone));
      row.phone_cipher = std::move(sealed);
      row.phone_last4 = in.phone->substr(in.phone->size() - 4);
    }
  }
  row.key_version = row.phone_cipher ? Vault::OldestVersion({&*row.phone_cipher}) : 0;
  return {};
}

Result<LawyerPage> LawyerService::List(const Actor& actor, std::int64_t after_id, int limit) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  LawyerPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  std::int64_t federation = 0;
  if (actor.org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, *actor.org_id));
    if (org) federation = org->federation_id;
  }
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListLawyers(*lease, range->first, range->second, federation,
                                                    actor.org_path, after_id, limit + 1));
  if (static_cast<int>(rows.size()) > limit) {
    rows.pop_back();
    page.next_cursor = rows.back().id;
  }
  for (auto& r : rows) page.items.push_back(ViewOf(std::move(r)));
  return page;
}

Result<LawyerView> LawyerService::Create(const Actor& actor, const LawyerInput& in) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "lawyer", {}, {}};
  if (!in.kind) invalid.fields.push_back({"kind", "error.field.required", {}});
  if (!in.name) invalid.fields.push_back({"name", "error.field.required", {}});
  store::LawyerRow row;
  ZJ_RETURN_IF_ERROR(Apply(in, row, invalid));
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LawyerView> {
    const std::int64_t org_id = in.org_id.value_or(actor.org_id.value_or(0));
    if (org_id == 0) return Fail(FieldProblem("org_id", "error.field.required"));
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, org_id, "org_id"));
    row.id = NewId(clock_, random_);
    row.federation_id = org.federation_id;
    row.org_id = org.id;
    row.org_path = org.path;
    row.org_name = org.name;
    row.created_at = row.updated_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertLawyer(c, row));
    ZJ_RETURN_IF_ERROR(AuditLawyer(audit_, c, actor, "legal.lawyer.create", row.id));
    return ViewOf(row);
  });
}

Result<LawyerView> LawyerService::Update(const Actor& actor, std::int64_t id,
                                         const LawyerInput& in) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LawyerView> {
    ZJ_ASSIGN_OR_RETURN(auto row, store::FindLawyer(c, id));
    if (!row || !PathInScope(actor, row->org_path)) return Fail(LawyerNotFound(id));
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "lawyer", {}, {}};
    ZJ_RETURN_IF_ERROR(Apply(in, *row, invalid));
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    row->updated_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::UpdateLawyer(c, *row));
    ZJ_RETURN_IF_ERROR(AuditLawyer(audit_, c, actor, "legal.lawyer.update", id));
    return ViewOf(std::move(*row));
  });
}

Result<legal::CollectiveRule> LawyerService::Rules(const Actor& actor,
                                                   std::optional<std::int64_t> federation_id) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  std::int64_t federation = federation_id.value_or(0);
  if (!SeesEverything(actor) || federation == 0) {
    if (!actor.org_id) return legal::CollectiveRule{};
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, *actor.org_id));
    if (!org) return legal::CollectiveRule{};
    federation = org->federation_id;
  }
  return CollectiveRuleOf(*lease, federation);
}

Result<legal::CollectiveRule> LawyerService::SetRules(const Actor& actor,
                                                      std::int64_t federation_id,
                                                      const legal::CollectiveRule& rule) {
  if (actor.role != "admin") {
    return Fail(ErrorCode::kPermissionDenied, "error.legal.rules_forbidden",
                "only administrators set the legal rules");
  }
  if (!legal::ValidRule(rule)) return Fail(FieldProblem("collective_workers", "error.legal.rule"));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<legal::CollectiveRule> {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(c, federation_id));
    if (!org || org->parent_id) {
      return Fail(FieldProblem("federation_id", "error.legal.federation_unknown"));
    }
    const std::optional<std::int64_t> by =
        actor.user_id != 0 ? std::optional(actor.user_id) : std::nullopt;
    ZJ_RETURN_IF_ERROR(store::UpsertLegalRules(
        c, {federation_id, rule.workers, rule.amount_fen, by, clock_.NowMs()}));
    const AuditEvent event{"legal.rules.set",
                           "federation",
                           std::to_string(federation_id),
                           "ok",
                           actor.remote_addr,
                           {{"workers", std::to_string(rule.workers)},
                            {"amount_fen", std::to_string(rule.amount_fen)}}};
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), event));
    return rule;
  });
}

}  // namespace zj::app
