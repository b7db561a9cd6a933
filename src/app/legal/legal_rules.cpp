#include "app/legal/legal_rules.h"

#include <algorithm>
#include <cctype>

#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"
#include "store/legal_lawyers.h"

namespace zj::app {

namespace {

//! Characters (code points) of UTF-8 text.
std::size_t CodePoints(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

}  // namespace

void CheckTitle(const std::string& title, Error& invalid, const std::string& field) {
  const bool blank = std::all_of(title.begin(), title.end(), [](char ch) {
    return std::isspace(static_cast<unsigned char>(ch));
  });
  if (title.empty() || blank) {
    invalid.fields.push_back({field, "error.field.required", {}});
  } else if (CodePoints(title) > 200) {
    invalid.fields.push_back({field, "error.field.too_long", {{"max", "200"}}});
  }
}

void CheckFen(const std::string& field, std::int64_t fen, Error& invalid) {
  if (fen < 0 || fen > legal::kMaxFen) invalid.fields.push_back({field, "error.legal.amount", {}});
}

std::optional<members::Date> CheckDay(const std::string& field, const std::string& text,
                                      const std::optional<std::string>& not_before,
                                      const members::Date& today, Error& invalid) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::all_of(text.begin(), text.end(), [](char ch) {
                        return ch == '-' || std::isdigit(static_cast<unsigned char>(ch));
                      });
  const auto day = shaped ? members::ParseRosterDate(text) : std::nullopt;
  if (!day) {
    invalid.fields.push_back({field, "error.legal.day", {}});
    return std::nullopt;
  }
  if (*day > today) {
    invalid.fields.push_back({field, "error.legal.day_future", {}});
    return std::nullopt;
  }
  // Days as YYYY-MM-DD compare as text.
  if (not_before && text < *not_before) {
    invalid.fields.push_back({field, "error.legal.day_before", {{"day", *not_before}}});
    return std::nullopt;
  }
  return day;
}

CaseWorkerView MaskedWorker(const Vault& vault, const store::LegalCaseWorkerRow& w) {
  CaseWorkerView v{w.id, w.member_id, "*", std::string(14, '*') + w.id_last4, w.added_at};
  if (auto name = vault.Open(kLegalWorkerNameField, w.name_cipher)) {
    v.name_masked = personal_data::MaskPersonName(*name);
  }
  if (auto id = vault.Open(kLegalWorkerIdField, w.id_cipher)) {
    v.id_masked = personal_data::MaskNationalId(*id);
  }
  return v;
}

Result<void> CheckLawyer(store::Connection& conn, const Actor& actor, const store::LegalCaseRow& c,
                         std::int64_t lawyer_id) {
  ZJ_ASSIGN_OR_RETURN(auto lawyer, store::FindLawyer(conn, lawyer_id));
  const bool usable =
      lawyer && lawyer->active && lawyer->federation_id == c.federation_id &&
      (PathInScope(actor, lawyer->org_path) || c.org_path.starts_with(lawyer->org_path));
  if (!usable) return Fail(FieldProblem("lawyer_id", "error.legal.lawyer_unknown"));
  return {};
}

Result<store::OrgRow> AlertedOrg(store::Connection& conn, const std::string& path) {
  auto ids = OrgPath::FromStored(path).Ids();
  std::optional<store::OrgRow> nearest;
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, *it));
    if (!org) continue;
    if (!nearest) nearest = org;
    if (org->kind == "district") return *org;
  }
  if (!nearest) return Fail(ErrorCode::kInternal, "error.internal", "case path names no org");
  return *nearest;
}

Result<bool> MayAcknowledgeAlerts(store::Connection& conn, const Actor& actor) {
  if (SeesEverything(actor)) return true;
  if (!actor.org_id) return false;
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, *actor.org_id));
  return org && (org->kind == "district" || org->kind == "municipal");
}

}  // namespace zj::app
