#include "app/enterprises/enterprise_service.h"

#include "app/coverage/rollups.h"
#include "app/orgs/org_scope.h"
#include "core/enterprises/industry.h"
#include "core/enterprises/uscc.h"
#include "core/orgs/org_fields.h"
#include "core/orgs/org_path.h"
#include "core/text/field_limits.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

Error Invalid() { return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}}; }

Error NotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "enterprise " + std::to_string(id), {}, {}};
}

Error OnField(ErrorCode code, const std::string& key, const std::string& field) {
  Error e{code, key, field, {}, {}};
  e.fields.push_back({field, key, {}});
  return e;
}

//! Field checks shared by Create and Update; `uscc` is normalised in place.
void Check(const RegionTable& regions, store::EnterpriseRow& row, Error& invalid) {
  if (auto e = CheckName("name", row.name)) invalid.fields.push_back(*e);
  if (auto normal = enterprises::NormaliseUscc(row.uscc)) {
    row.uscc = *normal;
  } else {
    invalid.fields.push_back({"uscc", "error.uscc.invalid", {}});
  }
  const Region* region = regions.Find(row.region_code);
  if (region == nullptr) {
    invalid.fields.push_back({"region_code", "error.region.unknown", {}});
  } else if (region->level != RegionLevel::kStreet) {
    invalid.fields.push_back({"region_code", "error.region.not_street", {}});
  }
  if (enterprises::FindIndustry(row.industry) == nullptr) {
    invalid.fields.push_back({"industry", "error.industry.invalid", {}});
  }
  if (!enterprises::IsOwnership(row.ownership)) {
    invalid.fields.push_back({"ownership", "error.ownership.invalid", {}});
  }
  if (auto e = CheckEmployees("employees", row.employees)) invalid.fields.push_back(*e);
  if (row.employees_reported_on) {
    if (auto e = CheckIsoDate("employees_reported_on", *row.employees_reported_on)) {
      invalid.fields.push_back(*e);
    }
  }
}

std::string Or(const std::optional<std::string>& v) { return v.value_or(""); }

}  // namespace

EnterpriseView EnterpriseService::ViewOf(const store::EnterpriseRow& row) const {
  EnterpriseView view{row, ""};
  if (const Region* r = regions_.Find(row.region_code)) view.region_name = r->name;
  return view;
}

Result<EnterprisePage> EnterpriseService::List(const Actor& actor, const EnterpriseFilter& filter) {
  Error invalid = Invalid();
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    invalid.fields.push_back(
        {"limit", "error.field.out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxLimit)}}});
  }
  if (auto e = text::CheckLength("q", filter.q, text::TextKind::kSearch)) {
    invalid.fields.push_back(std::move(*e));
  }
  if (!filter.industry.empty() && enterprises::FindIndustry(filter.industry) == nullptr) {
    invalid.fields.push_back({"industry", "error.industry.invalid", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::EnterpriseQuery query;
  if (filter.org_id) {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(*lease, actor, *filter.org_id, "org"));
    const OrgPath path = OrgPath::FromStored(org.path);
    query.subtree_low = path.SubtreeLow();
    query.subtree_high = path.SubtreeHigh();
  } else {
    const auto range = ScopeRange(actor);
    if (!range) return EnterprisePage{};
    query.subtree_low = range->first;
    query.subtree_high = range->second;
  }
  query.contains = filter.q;
  query.industry = filter.industry;
  query.unionised = filter.unionised;
  query.after_id = filter.after_id;
  query.limit = filter.limit + 1;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListEnterprises(*lease, query));
  EnterprisePage page;
  for (const auto& row : rows) {
    if (static_cast<int>(page.items.size()) == filter.limit) {
      page.next_cursor = page.items.back().row.id;
      break;
    }
    page.items.push_back(ViewOf(row));
  }
  return page;
}

Result<EnterpriseView> EnterpriseService::Get(const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindEnterpriseById(*lease, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(NotFound(id));
  return ViewOf(*row);
}

Result<std::optional<EnterpriseView>> EnterpriseService::FindByUscc(const Actor& actor,
                                                                    const std::string& uscc) {
  const auto normal = enterprises::NormaliseUscc(uscc);
  if (!normal) return std::optional<EnterpriseView>();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindEnterpriseByUscc(*lease, *normal));
  if (!row || !PathInScope(actor, row->org_path)) return std::optional<EnterpriseView>();
  return std::optional<EnterpriseView>(ViewOf(*row));
}

Result<EnterpriseView> EnterpriseService::Save(store::Connection& c, const Actor& actor,
                                               const std::optional<store::EnterpriseRow>& before,
                                               store::EnterpriseRow row) {
  if (row.union_org_id) {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow union_org,
                        LoadOrgInScope(c, actor, *row.union_org_id, "union_org_id"));
    if (union_org.kind != "grassroots" || union_org.status != "active") {
      return Fail(
          OnField(ErrorCode::kInvalidArgument, "error.enterprise.union_kind", "union_org_id"));
    }
  }
  ZJ_ASSIGN_OR_RETURN(auto same_uscc, store::FindEnterpriseByUscc(c, row.uscc));
  if (same_uscc && same_uscc->id != row.id) {
    return Fail(OnField(ErrorCode::kAlreadyExists, "error.uscc.taken", "uscc"));
  }
  ZJ_ASSIGN_OR_RETURN(store::OrgRow home, ResponsibleOrg(c, row.region_code, row.union_org_id));
  if (!PathInScope(actor, home.path)) {
    // The region belongs to a federation the actor cannot see: as if it did not exist.
    return Fail(OnField(ErrorCode::kNotFound, "error.region.not_in_scope", "region_code"));
  }
  row.org_id = home.id;
  row.org_path = home.path;
  row.federation_id = home.federation_id;
  row.updated_at = clock_.NowMs();
  if (before) {
    ZJ_RETURN_IF_ERROR(ApplyContribution(c, *before, -1));
    ZJ_RETURN_IF_ERROR(store::UpdateEnterprise(c, row));
  } else {
    ZJ_RETURN_IF_ERROR(store::InsertEnterprise(c, row));
  }
  ZJ_RETURN_IF_ERROR(ApplyContribution(c, row, +1));
  std::vector<std::pair<std::string, std::string>> detail{{"uscc", row.uscc}};
  const auto diff = [&](const char* field, const std::string& from, const std::string& to) {
    if (!before || from != to) detail.emplace_back(field, before ? from + " → " + to : to);
  };
  const auto id_text = [](const std::optional<std::int64_t>& id) {
    return id ? std::to_string(*id) : std::string();
  };
  diff("name", before ? before->name : "", row.name);
  diff("region_code", before ? before->region_code : "", row.region_code);
  diff("industry", before ? before->industry : "", row.industry);
  diff("ownership", before ? before->ownership : "", row.ownership);
  diff("employees", before ? std::to_string(before->employees) : "", std::to_string(row.employees));
  diff("employees_reported_on", before ? Or(before->employees_reported_on) : "",
       Or(row.employees_reported_on));
  diff("union_org_id", before ? id_text(before->union_org_id) : "", id_text(row.union_org_id));
  ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                   AuditEvent{before ? "enterprise.update" : "enterprise.create",
                                              "enterprise",
                                              std::to_string(row.id),
                                              "ok",
                                              {},
                                              std::move(detail)}));
  ZJ_ASSIGN_OR_RETURN(auto stored, store::FindEnterpriseById(c, row.id));
  return ViewOf(*stored);
}

Result<EnterpriseView> EnterpriseService::Create(const Actor& actor, const NewEnterprise& in,
                                                 const store::InCommit& also) {
  ZJ_RETURN_IF_ERROR(MustManageEnterprises(actor));
  store::EnterpriseRow row;
  row.id = NewId(clock_, random_);
  row.name = in.name;
  row.uscc = in.uscc;
  row.region_code = in.region_code;
  row.industry = in.industry;
  row.ownership = in.ownership;
  row.employees = in.employees;
  row.employees_reported_on = in.employees_reported_on;
  row.union_org_id = in.union_org_id;
  row.created_at = clock_.NowMs();
  Error invalid = Invalid();
  Check(regions_, row, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  auto saved = store::InTransaction(db_, [&](store::Connection& c) -> Result<EnterpriseView> {
    ZJ_ASSIGN_OR_RETURN(EnterpriseView view, Save(c, actor, std::nullopt, row));
    if (also) ZJ_RETURN_IF_ERROR(also(c));
    return view;
  });
  if (!saved && saved.error().code == ErrorCode::kAlreadyExists && saved.error().fields.empty()) {
    return Fail(OnField(ErrorCode::kAlreadyExists, "error.uscc.taken", "uscc"));
  }
  return saved;
}

Result<EnterpriseView> EnterpriseService::Update(const Actor& actor, std::int64_t id,
                                                 const EnterprisePatch& patch,
                                                 const store::InCommit& also) {
  ZJ_RETURN_IF_ERROR(MustManageEnterprises(actor));
  auto saved = store::InTransaction(db_, [&](store::Connection& c) -> Result<EnterpriseView> {
    ZJ_ASSIGN_OR_RETURN(auto before, store::FindEnterpriseById(c, id));
    if (!before || !PathInScope(actor, before->org_path)) return Fail(NotFound(id));
    store::EnterpriseRow row = *before;
    if (patch.name) row.name = *patch.name;
    if (patch.uscc) row.uscc = *patch.uscc;
    if (patch.region_code) row.region_code = *patch.region_code;
    if (patch.industry) row.industry = *patch.industry;
    if (patch.ownership) row.ownership = *patch.ownership;
    if (patch.employees) row.employees = *patch.employees;
    if (patch.employees_reported_on) {
      row.employees_reported_on = patch.employees_reported_on;
      if (row.employees_reported_on->empty()) row.employees_reported_on.reset();
    }
    if (patch.union_set) row.union_org_id = patch.union_org_id;
    Error invalid = Invalid();
    Check(regions_, row, invalid);
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    ZJ_ASSIGN_OR_RETURN(EnterpriseView view, Save(c, actor, before, row));
    if (also) ZJ_RETURN_IF_ERROR(also(c));
    return view;
  });
  if (!saved && saved.error().code == ErrorCode::kAlreadyExists && saved.error().fields.empty()) {
    return Fail(OnField(ErrorCode::kAlreadyExists, "error.uscc.taken", "uscc"));
  }
  return saved;
}

}  // namespace zj::app
