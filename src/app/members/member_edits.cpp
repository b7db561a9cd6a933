#include "app/members/member_edits.h"

#include "app/audit/audit_service.h"
#include "app/members/member_service.h"
#include "app/orgs/org_scope.h"
#include "core/enterprises/uscc.h"
#include "core/orgs/org_fields.h"
#include "core/text/halfwidth.h"
#include "store/enterprises.h"

namespace zj::app::member_edits {

namespace {

std::string Trim(std::string_view s) { return std::string(text::TrimSpaces(s)); }

}  // namespace

Result<SealedPhone> SealPhone(const Vault& vault, const std::string& normalised) {
  SealedPhone out;
  if (normalised.empty()) return out;
  ZJ_ASSIGN_OR_RETURN(SealedValue sealed, vault.SealIndexed(kMemberPhoneField, normalised));
  out.cipher = std::move(sealed.cipher);
  out.index = std::move(sealed.index);
  out.last4 = normalised.substr(normalised.size() - 4);
  return out;
}

//! A member row's key version: the oldest its sealed values name (vault.h OldestVersion).
std::int64_t KeyVersionOf(const store::MemberRow& row) {
  return Vault::OldestVersion({&row.id_cipher, row.phone_cipher ? &*row.phone_cipher : nullptr});
}

//! A date written any way rosters write one, as YYYY-MM-DD; not after today.
std::optional<std::string> RosterDate(const std::string& text, const members::Date& today) {
  const auto date = members::ParseRosterDate(text);
  if (!date || std::chrono::sys_days(*date) > std::chrono::sys_days(today)) return std::nullopt;
  return members::FormatDate(*date);
}

Result<Employer> ResolveEmployer(store::Connection& conn, const Actor& actor,
                                 const std::optional<std::int64_t>& id,
                                 const std::optional<std::string>& uscc,
                                 const std::optional<std::string>& name, Error& invalid) {
  Employer out;
  if (id) {
    ZJ_ASSIGN_OR_RETURN(auto e, store::FindEnterpriseById(conn, *id));
    if (!e || !PathInScope(actor, e->org_path)) {
      invalid.fields.push_back({"employer_id", "error.members.employer_unknown", {}});
      return out;
    }
    out.id = e->id;
    return out;
  }
  if (uscc && !Trim(*uscc).empty()) {
    const auto normal = enterprises::NormaliseUscc(*uscc);
    if (!normal) {
      invalid.fields.push_back({"employer_uscc", "error.uscc.invalid", {}});
      return out;
    }
    ZJ_ASSIGN_OR_RETURN(auto e, store::FindEnterpriseByUscc(conn, *normal));
    if (e && PathInScope(actor, e->org_path)) {
      out.id = e->id;
      return out;
    }
    if (!name || Trim(*name).empty()) {
      invalid.fields.push_back({"employer_uscc", "error.members.employer_unknown", {}});
      return out;
    }
  }
  if (name && !Trim(*name).empty()) {
    const std::string n = Trim(*name);
    if (auto e = CheckName("employer_name", n)) {  // an org's name: 100 characters at most
      invalid.fields.push_back(*e);
    }
    out.name = n;
  }
  return out;
}

Result<void> RecordEvent(store::Connection& conn, const Clock& clock, Random& random,
                         const Actor& actor, const store::MemberRow& m, const std::string& event,
                         const std::vector<std::pair<std::string, std::string>>& detail) {
  store::MemberEventRow e;
  e.id = NewId(clock, random);
  e.federation_id = m.federation_id;
  e.member_id = m.id;
  e.at = clock.NowMs();
  if (actor.user_id != 0) e.actor_id = actor.user_id;
  e.event = event;
  e.detail = JsonObjectOfStrings(detail);
  return store::InsertMemberEvent(conn, e);
}

}  // namespace zj::app::member_edits
