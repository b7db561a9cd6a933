// Request categories: the list, and an administrator's change to one.
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "core/requests/routing.h"
#include "core/text/halfwidth.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

Result<std::vector<store::CategoryRow>> RequestService::Categories() {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::ListCategories(*lease);
}

Result<store::CategoryRow> RequestService::UpdateCategory(const Actor& actor,
                                                          const std::string& code,
                                                          const CategoryPatch& patch) {
  if (actor.role != "admin") return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto found, store::FindCategory(*lease, code));
  if (!found) return Fail(ErrorCode::kNotFound, "error.not_found", "category " + code);
  store::CategoryRow c = *found;
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  std::vector<std::pair<std::string, std::string>> detail;
  auto name = [&](const std::optional<std::string>& value, std::string& into, const char* field) {
    if (!value) return;
    const std::string trimmed(text::TrimSpaces(*value));
    if (trimmed.empty()) {
      invalid.fields.push_back({field, "error.field.required", {}});
    } else if (auto e = text::CheckLength(field, trimmed, text::TextKind::kCategoryName)) {
      invalid.fields.push_back(std::move(*e));
    } else if (trimmed != into) {
      detail.emplace_back(field, into + " -> " + trimmed);
      into = trimmed;
    }
  };
  name(patch.name_zh, c.name_zh, "name_zh");
  name(patch.name_en, c.name_en, "name_en");
  if (patch.lowest_level) {
    if (!requests::ParseLevel(*patch.lowest_level)) {
      invalid.fields.push_back({"lowest_level", "error.requests.level", {}});
    } else if (*patch.lowest_level != c.lowest_level) {
      detail.emplace_back("lowest_level", c.lowest_level + " -> " + *patch.lowest_level);
      c.lowest_level = *patch.lowest_level;
    }
  }
  auto days = [&](const std::optional<int>& value, int& into, const char* field) {
    if (!value) return;
    if (*value < 1 || *value > 60) {
      invalid.fields.push_back({field, "error.requests.days", {{"min", "1"}, {"max", "60"}}});
    } else if (*value != into) {
      detail.emplace_back(field, std::to_string(into) + " -> " + std::to_string(*value));
      into = *value;
    }
  };
  days(patch.accept_days, c.accept_days, "accept_days");
  days(patch.contact_days, c.contact_days, "contact_days");
  days(patch.resolve_days, c.resolve_days, "resolve_days");
  if (invalid.fields.empty() &&
      (c.accept_days > c.contact_days || c.contact_days > c.resolve_days)) {
    invalid.fields.push_back({"resolve_days", "error.requests.days_order", {}});
  }
  if (patch.active && *patch.active != c.active) {
    detail.emplace_back("active", *patch.active ? "true" : "false");
    c.active = *patch.active;
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if (detail.empty()) return c;
  ZJ_RETURN_IF_ERROR(store::UpdateCategory(*lease, c));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{
          "request_category.update", "request_category", c.code, "ok", {}, std::move(detail)}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  category_names_.Clear();
  return c;
}

}  // namespace zj::app
