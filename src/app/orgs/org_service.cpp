#include "app/orgs/org_service.h"

#include "app/coverage/rollups.h"
#include "app/orgs/org_errors.h"
#include "app/orgs/org_regions.h"
#include "app/orgs/org_scope.h"
#include "core/orgs/org_fields.h"
#include "core/orgs/org_kind.h"
#include "core/orgs/org_path.h"
#include "core/text/halfwidth.h"
#include "core/text/person_name.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/members.h"

namespace zj::app {

namespace {

//! Empty text clears an optional field.
std::optional<std::string> Cleared(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

std::string Or(const std::optional<std::string>& v) { return v.value_or(""); }

//! The chair's name normalised as a person's name (core/text/person_name.h); nothing when absent
//! or blank (which clears it), a field error in `invalid` when it is no name.
std::optional<std::string> ChairName(const std::optional<std::string>& typed, Error& invalid) {
  if (!typed || text::TrimSpaces(*typed).empty()) return std::nullopt;
  auto name = text::NormalisePersonName("chair", *typed);
  if (!name) {
    invalid.fields.push_back(std::move(name.error()));
    return std::nullopt;
  }
  return std::move(*name);
}

OrgNode NodeOf(const store::OrgChild& c) {
  return OrgNode{c.org.id, c.org.code, c.org.name, c.org.kind, c.org.status, c.has_children};
}

}  // namespace

Result<OrgView> OrgService::ViewOf(store::Connection& conn, const Actor& actor,
                                   const store::OrgRow& org) {
  OrgView view;
  view.org = org;
  const std::vector<std::int64_t> ids = OrgPath::FromStored(org.path).Ids();
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
    ZJ_ASSIGN_OR_RETURN(auto ancestor, store::FindOrgById(conn, ids[i]));
    if (!ancestor || !PathInScope(actor, ancestor->path)) continue;
    view.ancestors.push_back({ancestor->id, ancestor->code, ancestor->name});
  }
  if (!view.ancestors.empty() && org.parent_id && view.ancestors.back().id == *org.parent_id) {
    view.parent = view.ancestors.back();
  }
  if (org.region_code) {
    if (const Region* r = regions_.Find(*org.region_code)) view.region_name = r->name;
  }
  ZJ_ASSIGN_OR_RETURN(view.child_count, store::CountChildOrgs(conn, org.id, false));
  return view;
}

Result<void> OrgService::Record(store::Connection& conn, const Actor& actor,
                                const store::OrgRow& org, const std::string& event,
                                const std::vector<std::pair<std::string, std::string>>& detail) {
  ZJ_RETURN_IF_ERROR(store::InsertOrgEvent(
      conn, store::OrgEventRow{NewId(clock_, random_), org.federation_id, org.id, clock_.NowMs(),
                               event, JsonObjectOfStrings(detail)}));
  std::vector<std::pair<std::string, std::string>> audit_detail{{"code", org.code}};
  audit_detail.insert(audit_detail.end(), detail.begin(), detail.end());
  return audit_.Record(
      conn, AuditActor::From(actor),
      AuditEvent{"org." + event, "org", std::to_string(org.id), "ok", {}, std::move(audit_detail)});
}

Result<OrgView> OrgService::Get(const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(*lease, actor, id));
  return ViewOf(*lease, actor, org);
}

Result<std::vector<OrgNode>> OrgService::Children(const Actor& actor,
                                                  std::optional<std::int64_t> parent_id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  std::vector<OrgNode> out;
  if (parent_id) {
    ZJ_RETURN_IF_ERROR(LoadOrgInScope(*lease, actor, *parent_id, "parent"));
    ZJ_ASSIGN_OR_RETURN(auto children, store::ChildOrgs(*lease, *parent_id));
    for (const auto& c : children) out.push_back(NodeOf(c));
    return out;
  }
  if (SeesEverything(actor)) {
    ZJ_ASSIGN_OR_RETURN(auto roots, store::RootOrgs(*lease));
    for (const auto& c : roots) out.push_back(NodeOf(c));
    return out;
  }
  if (!actor.org_id || !ScopeRange(actor)) return out;
  ZJ_ASSIGN_OR_RETURN(store::OrgRow own, LoadOrgInScope(*lease, actor, *actor.org_id, "parent"));
  ZJ_ASSIGN_OR_RETURN(std::int64_t children, store::CountChildOrgs(*lease, own.id, false));
  out.push_back({own.id, own.code, own.name, own.kind, own.status, children > 0});
  return out;
}

Result<OrgView> OrgService::Create(const Actor& actor, const NewOrg& in,
                                   const store::InCommit& also) {
  ZJ_RETURN_IF_ERROR(MustManageOrgs(actor));
  Error invalid = InvalidOrgInput();
  if (auto e = CheckOrgCode("code", in.code)) invalid.fields.push_back(*e);
  if (auto e = CheckName("name", in.name)) invalid.fields.push_back(*e);
  const auto kind = ParseOrgKind(in.kind);
  if (!kind) invalid.fields.push_back({"kind", "error.org.kind_invalid", {}});
  if (in.region_code && !regions_.Find(*in.region_code)) {
    invalid.fields.push_back({"region_code", "error.region.unknown", {}});
  }
  if (in.founded_on) {
    if (auto e = CheckIsoDate("founded_on", *in.founded_on)) invalid.fields.push_back(*e);
  }
  const std::optional<std::string> chair = ChairName(in.chair, invalid);
  if (in.contact) {
    if (auto e = CheckName("contact", *in.contact)) invalid.fields.push_back(*e);
  }
  if (!in.parent_id && kind && !MayBeRoot(*kind)) {
    invalid.fields.push_back({"parent_id", "error.field.required", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if (!in.parent_id && !SeesEverything(actor)) {
    return Fail(ErrorCode::kPermissionDenied, "error.auth.forbidden", "only admins add roots");
  }

  return store::InTransaction(db_, [&](store::Connection& c) -> Result<OrgView> {
    std::optional<store::OrgRow> parent;
    if (in.parent_id) {
      ZJ_ASSIGN_OR_RETURN(parent, LoadOrgInScope(c, actor, *in.parent_id, "parent_id"));
      const auto parent_kind = ParseOrgKind(parent->kind);
      if (!parent_kind || !MayHaveParent(*kind, *parent_kind)) {
        return Fail(OrgFieldError(ErrorCode::kInvalidArgument, "error.org.parent_kind", "parent_id",
                                  {{"kind", in.kind}, {"parent_kind", parent->kind}}));
      }
      if (parent->status != "active") {
        return Fail(OrgFieldError(ErrorCode::kFailedPrecondition, "error.org.parent_inactive",
                                  "parent_id"));
      }
    }
    ZJ_ASSIGN_OR_RETURN(auto taken, store::FindOrgByCode(c, in.code));
    if (taken) {
      return Fail(OrgFieldError(ErrorCode::kAlreadyExists, "error.org.code_taken", "code"));
    }
    if (in.region_code) {
      ZJ_RETURN_IF_ERROR(CheckNewOrgRegion(c, in.kind, *in.region_code, parent));
    }
    store::OrgRow row;
    row.id = NewId(clock_, random_);
    row.federation_id = parent ? parent->federation_id : row.id;
    row.parent_id = in.parent_id;
    row.path = parent ? OrgPath::FromStored(parent->path).Child(row.id).str()
                      : OrgPath::Root(row.id).str();
    row.code = in.code;
    row.name = in.name;
    row.kind = in.kind;
    row.region_code = in.region_code;
    row.created_at = clock_.NowMs();
    row.founded_on = in.founded_on;
    row.chair = chair;
    row.contact = in.contact;
    ZJ_RETURN_IF_ERROR(store::InsertOrg(c, row));
    if (row.kind == "street" && row.region_code) {
      ZJ_RETURN_IF_ERROR(RehomeRegion(c, *row.region_code, clock_.NowMs(), ScopeRange(actor)));
    }
    ZJ_RETURN_IF_ERROR(Record(c, actor, row, "create",
                              {{"name", row.name},
                               {"kind", row.kind},
                               {"parent", parent ? parent->code : std::string()}}));
    ZJ_ASSIGN_OR_RETURN(OrgView view, ViewOf(c, actor, row));
    if (also) ZJ_RETURN_IF_ERROR(also(c));
    return view;
  });
}

Result<OrgView> OrgService::Update(const Actor& actor, std::int64_t id, const OrgPatch& patch) {
  ZJ_RETURN_IF_ERROR(MustManageOrgs(actor));
  Error invalid = InvalidOrgInput();
  if (patch.name) {
    if (auto e = CheckName("name", *patch.name)) invalid.fields.push_back(*e);
  }
  if (patch.region_code && !patch.region_code->empty() && !regions_.Find(*patch.region_code)) {
    invalid.fields.push_back({"region_code", "error.region.unknown", {}});
  }
  if (patch.founded_on && !patch.founded_on->empty()) {
    if (auto e = CheckIsoDate("founded_on", *patch.founded_on)) invalid.fields.push_back(*e);
  }
  const std::optional<std::string> chair = ChairName(patch.chair, invalid);
  if (patch.contact && !patch.contact->empty()) {
    if (auto e = CheckName("contact", *patch.contact)) invalid.fields.push_back(*e);
  }
  if (patch.status && !IsOrgStatus(*patch.status)) {
    invalid.fields.push_back({"status", "error.org.status_invalid", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  auto done = store::InTransaction(db_, [&](store::Connection& c) -> Result<OrgView> {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow before, LoadOrgInScope(c, actor, id));
    store::OrgRow row = before;
    if (patch.name) row.name = *patch.name;
    if (patch.region_code) row.region_code = Cleared(*patch.region_code);
    if (patch.founded_on) row.founded_on = Cleared(*patch.founded_on);
    if (patch.chair) row.chair = chair;
    if (patch.contact) row.contact = Cleared(*patch.contact);
    if (patch.status) row.status = *patch.status;
    const bool deactivates = before.status == "active" && row.status != "active";
    if (deactivates) {
      ZJ_ASSIGN_OR_RETURN(std::int64_t active_children, store::CountChildOrgs(c, id, true));
      if (active_children > 0) {
        return Fail(OrgFieldError(ErrorCode::kFailedPrecondition, "error.org.has_active_children",
                                  "status"));
      }
    }
    ZJ_RETURN_IF_ERROR(CheckUpdatedOrgRegion(c, before, row));
    ZJ_RETURN_IF_ERROR(store::UpdateOrg(c, row, clock_.NowMs()));
    if (deactivates) {
      // Its enterprises go to whoever is responsible now: a dissolved union covers nobody.
      ZJ_ASSIGN_OR_RETURN(auto enterprises, store::EnterprisesOfOrg(c, id));
      for (store::EnterpriseRow e : enterprises) {
        ZJ_RETURN_IF_ERROR(ApplyContribution(c, e, -1));
        if (e.union_org_id == id) e.union_org_id.reset();
        ZJ_ASSIGN_OR_RETURN(store::OrgRow home, ResponsibleOrg(c, e.region_code, e.union_org_id));
        e.org_id = home.id;
        e.org_path = home.path;
        e.federation_id = home.federation_id;
        e.updated_at = clock_.NowMs();
        ZJ_RETURN_IF_ERROR(store::UpdateEnterprise(c, e));
        ZJ_RETURN_IF_ERROR(ApplyContribution(c, e, +1));
      }
    }
    if (row.kind == "street" &&
        (row.region_code != before.region_code || row.status != before.status)) {
      const std::int64_t now = clock_.NowMs();
      const auto scope = ScopeRange(actor);
      if (before.region_code) {
        ZJ_RETURN_IF_ERROR(RehomeRegion(c, *before.region_code, now, scope));
      }
      if (row.region_code && row.region_code != before.region_code) {
        ZJ_RETURN_IF_ERROR(RehomeRegion(c, *row.region_code, now, scope));
      }
    }
    std::vector<std::pair<std::string, std::string>> changed;
    const auto diff = [&changed](const char* field, const std::string& from,
                                 const std::string& to) {
      if (from != to) changed.emplace_back(field, from + " → " + to);
    };
    diff("name", before.name, row.name);
    diff("region_code", Or(before.region_code), Or(row.region_code));
    diff("founded_on", Or(before.founded_on), Or(row.founded_on));
    diff("chair", Or(before.chair), Or(row.chair));
    diff("contact", Or(before.contact), Or(row.contact));
    diff("status", before.status, row.status);
    ZJ_RETURN_IF_ERROR(
        Record(c, actor, row, row.status != before.status ? "status" : "update", changed));
    return ViewOf(c, actor, row);
  });
  // Signed-in users of the org or below see their new name or subtree at once.
  if (done) sessions_.Clear();
  return done;
}

Result<std::int64_t> OrgService::IdByCode(const Actor& actor, const std::string& code,
                                          const std::string& field) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgByCode(*lease, code));
  if (!org || !PathInScope(actor, org->path)) return Fail(OrgNotFound(field, "org " + code));
  return org->id;
}

}  // namespace zj::app
