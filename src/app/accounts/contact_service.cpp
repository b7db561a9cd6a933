#include "app/accounts/contact_service.h"

#include "app/orgs/org_scope.h"
#include "core/accounts/password_policy.h"
#include "core/accounts/roles.h"
#include "core/personal_data/masking.h"
#include "core/personal_data/phone.h"
#include "store/user_phones.h"

namespace zj::app {

namespace {

// Whether `actor` may see `user`'s phone at all: their own, or that of an account of their
// subtree that they manage (core/accounts/roles.h: administrators every role, staff cadres,
// operators and staff), and a worker's for staff and administrators. A cadre manages no
// account, so sees no one's but their own: a cadre may not read the number of the staff above.
bool InScope(const Actor& actor, const store::UserPhoneRow& user) {
  if (actor.user_id == user.id) return true;
  const auto role = accounts::ParseRole(actor.role);
  const auto target = accounts::ParseRole(user.role);
  if (!role || !target || !accounts::ManagesAccounts(*role)) return false;
  if (!accounts::CanManage(*role, *target) && *target != accounts::Role::kWorker) return false;
  return !user.org_path.empty() && PathInScope(actor, user.org_path);
}

Error NoSuchUser(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "user " + std::to_string(id), {}, {}};
}

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

std::string ContactService::MaskSealed(const store::Blob& sealed) const {
  auto plain = vault_.Open(kPhoneField, sealed);
  return plain ? personal_data::MaskPhone(*plain) : std::string();
}

Result<UserContact> ContactService::Get(const Actor& actor, std::int64_t user_id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserPhone(*lease, user_id));
  if (!user || !InScope(actor, *user)) return Fail(NoSuchUser(user_id));
  UserContact out{user->id, user->username, user->display_name, std::nullopt};
  if (user->phone_cipher) out.phone_masked = MaskSealed(*user->phone_cipher);
  return out;
}

Result<UserContact> ContactService::SetPhone(const Actor& actor, std::int64_t user_id,
                                             const std::string& phone,
                                             const std::string& remote_addr) {
  std::string normalised;
  if (!Trimmed(phone).empty()) {
    ZJ_ASSIGN_OR_RETURN(normalised, personal_data::NormalisePhone(phone));
  }
  store::Blob sealed;
  std::string index;
  if (!normalised.empty()) {
    ZJ_ASSIGN_OR_RETURN(sealed, vault_.Seal(kPhoneField, normalised));
    ZJ_ASSIGN_OR_RETURN(index, vault_.BlindIndex(kPhoneField, normalised));
  }
  const int version = vault_.current_version();
  return store::InTransaction(db_, [&](store::Connection& conn) -> Result<UserContact> {
    ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserPhone(conn, user_id));
    if (!user || !InScope(actor, *user)) return Fail(NoSuchUser(user_id));
    ZJ_RETURN_IF_ERROR(store::SetUserPhone(conn, user_id, sealed, index, version));
    ZJ_RETURN_IF_ERROR(audit_.Record(
        conn, AuditActor::From(actor),
        AuditEvent{"user.update",
                   "user",
                   std::to_string(user_id),
                   "ok",
                   remote_addr,
                   {{"field", "phone"}, {"change", normalised.empty() ? "cleared" : "set"}}}));
    UserContact out{user->id, user->username, user->display_name, std::nullopt};
    if (!normalised.empty()) out.phone_masked = personal_data::MaskPhone(normalised);
    return out;
  });
}

Result<std::vector<UserContact>> ContactService::FindByPhone(const Actor& actor,
                                                             const std::string& phone) {
  ZJ_ASSIGN_OR_RETURN(std::string normalised, personal_data::NormalisePhone(phone));
  const auto indexes = vault_.BlindIndexes(kPhoneField, normalised);
  if (indexes.empty()) {
    return Fail(ErrorCode::kFailedPrecondition, "error.keys.missing", "no keys loaded");
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto users, store::FindUsersByPhoneIndex(*lease, indexes));
  std::vector<UserContact> out;
  for (const auto& u : users) {
    if (!InScope(actor, u)) continue;
    out.push_back(
        UserContact{u.id, u.username, u.display_name, personal_data::MaskPhone(normalised)});
  }
  return out;
}

Result<std::string> ContactService::RevealPhone(const Actor& actor, std::int64_t user_id,
                                                const std::string& reason,
                                                const std::string& remote_addr) {
  const std::string why = Trimmed(reason);
  if (accounts::CodePoints(why) < 2) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "a reason is required", {}, {}};
    e.fields.push_back({"reason", "error.personal_data.reason", {}});
    return Fail(std::move(e));
  }
  const AuditEvent attempt{"personal_data.reveal",
                           "user",
                           std::to_string(user_id),
                           "ok",
                           remote_addr,
                           {{"field", "phone"}, {"reason", why}}};
  auto revealed = store::InTransaction(db_, [&](store::Connection& conn) -> Result<std::string> {
    ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserPhone(conn, user_id));
    if (!user || !InScope(actor, *user) || !user->phone_cipher) return Fail(NoSuchUser(user_id));
    ZJ_ASSIGN_OR_RETURN(std::string plain, vault_.Open(kPhoneField, *user->phone_cipher));
    // Written in the same transaction: no entry, no number.
    ZJ_RETURN_IF_ERROR(audit_.Record(conn, AuditActor::From(actor), attempt));
    return plain;
  });
  if (!revealed && revealed.error().code == ErrorCode::kNotFound) {
    AuditEvent denied = attempt;
    denied.outcome = "denied";
    audit_.RecordOrLog(AuditActor::From(actor), denied);
  }
  return revealed;
}

}  // namespace zj::app
