// The member registry (会员实名制) as use cases: recording a member in a grassroots union
// (the ID number validated and sealed, its gender and birth date taken from it, a card number
// issued), reading one with its history, listing and searching a subtree (by name, pinyin,
// initials, last four digits, exact ID, phone or card number), changing contact and work
// details and the status, and revealing the full ID or phone with a reason that the audit log
// keeps first. Members outside the actor's scope are kNotFound, in lists and searches too.
// Every change of a union's active count moves coverage_rollups.members along its path in
// the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/members/id_lookups.h"
#include "app/members/transfer_service.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"
#include "store/members.h"

namespace zj::app {

//! Vault fields of a member's sealed values (the contract with the roster import).
inline constexpr std::string_view kMemberIdField = "members.id_number";
inline constexpr std::string_view kMemberPhoneField = "members.phone";

struct MemberView {
  store::MemberRow row;
  std::string id_masked;                    //!< "110101********1234"
  std::optional<std::string> phone_masked;  //!< "138****5678"
};

struct MemberDetail {
  MemberView member;
  std::vector<store::MemberEventRow> events;  //!< oldest first
  std::vector<TransferView> transfers;        //!< newest first
};

struct NewMember {
  std::int64_t union_id = 0;
  std::string name;
  std::string id_number;
  std::optional<std::string> gender;  //!< when given, must match the ID number
  std::optional<std::string> phone;
  std::optional<std::string> ethnicity;
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> employer_uscc;  //!< an enterprise in scope, found by its USCC
  std::optional<std::string> employer_name;  //!< free text when no enterprise is named
  std::optional<std::string> join_date;
  bool migrant_worker = false;
  bool model_worker = false;
};

//! Only what is set changes; "" clears phone, ethnicity, join_date. A new name rewrites the
//! name's search keys; a gender must be the ID number's.
struct MemberPatch {
  std::optional<std::string> name;
  std::optional<std::string> gender;  //!< male, female (or 男, 女)
  std::optional<std::string> phone;
  std::optional<std::string> ethnicity;
  bool employer_set = false;  //!< employer_id / employer_name given (both absent: no employer)
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> employer_name;
  std::optional<std::string> join_date;
  std::optional<bool> migrant_worker;
  std::optional<bool> model_worker;
  std::optional<std::string> status;             //!< retired, deceased, left
  std::optional<std::string> status_changed_on;  //!< default today
};

struct MemberFilter {
  std::optional<std::int64_t> org_id;  //!< that org's subtree (in scope); none: the whole scope
  //! An ID number (exact), 16 digits (card), 4 of [0-9X] (last four of ID or phone), a mobile
  //! number (exact), Latin letters (pinyin or initials prefix), else a name prefix.
  std::string q;
  std::string status;         //!< "" for any
  std::int64_t after_id = 0;  //!< cursor of the plain list
  int limit = 50;             //!< 1..200
};

struct MemberPage {
  std::vector<MemberView> items;
  std::optional<std::int64_t> next_cursor;  //!< searches return the first `limit` only
};

//! What a reveal may show.
enum class RevealField { kIdNumber, kPhone };

class MemberService {
 public:
  MemberService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                const Vault& vault, TransferService& transfers, IdLookups& lookups)
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        vault_(vault),
        transfers_(transfers),
        lookups_(lookups) {}

  //! Field errors for each bad field; a union that is not grassroots is kInvalidArgument on
  //! union_id ("error.members.not_grassroots"). A person active in a union of the actor's
  //! subtree is kAlreadyExists "error.members.active_elsewhere" naming it (member_union.name,
  //! member_union.id); one active beyond it kAlreadyExists "error.members.active_other_union",
  //! which names nothing (a transfer request is the way to learn more). Looking an ID number up
  //! is limited and audited like any look-up of the whole registry (id_lookups.h).
  Result<MemberView> Create(const Actor& actor, const NewMember& member);
  Result<MemberDetail> Get(const Actor& actor, std::int64_t id);
  Result<MemberPage> List(const Actor& actor, const MemberFilter& filter);
  Result<MemberView> Update(const Actor& actor, std::int64_t id, const MemberPatch& patch);
  //! The full value; `reason` required, the audit entry written first (no entry, no value).
  Result<std::string> Reveal(const Actor& actor, std::int64_t id, RevealField field,
                             const std::string& reason);

  //! The masked view of a stored row (decrypting only to mask).
  //! Takes the row by value: callers done with theirs move it in.
  MemberView ViewOf(store::MemberRow row) const;

 private:
  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
  TransferService& transfers_;
  IdLookups& lookups_;
};

}  // namespace zj::app
