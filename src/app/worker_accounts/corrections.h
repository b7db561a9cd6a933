// A worker's corrections of their own member record (My data, PIPL art. 46): the worker bound
// to a member proposes new values for correctable fields (core/members/member_corrections.h:
// never the ID number) with a note; each field waits, one pending correction per field at a
// time, for a cadre of the member's subtree, who applies it through the member use case (its
// rules, search keys and audit apply, as for an edit by the cadre) or rejects it with a
// reason. Outside the subtree a correction does not exist (404); a decided one is kConflict.
// The values are sealed (vault field "member_corrections.value") and shown masked as the member
// page shows them (the phone masked, the rest as is). Proposing is audited as the worker's own
// access, deciding as the cadre's; the worker is told of each decision in the inbox.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/members/member_service.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"
#include "store/member_corrections.h"

namespace zj::app {

inline constexpr std::string_view kCorrectionValueField = "member_corrections.value";

//! One field the worker asks to change.
struct CorrectionChange {
  std::string field;  //!< name, gender, ethnicity, employer, phone
  std::string value;
};

//! A correction as a cadre or the worker sees it: values as the member page shows them.
struct CorrectionView {
  store::MemberCorrectionRow row;
  std::optional<std::string> old_shown;  //!< none when the member had no value
  std::string new_shown;
};

struct CorrectionFilter {
  std::string state = "pending";  //!< pending, applied, rejected, or "" for any
  std::int64_t before_id = 0;     //!< the cursor (newest first)
  int limit = 50;                 //!< 1..200
};

struct CorrectionPage {
  std::vector<CorrectionView> items;
  std::optional<std::int64_t> next_cursor;
};

//! The value of `field` as the member page shows it (a phone masked).
std::string ShownCorrectionValue(std::string_view field, const std::string& value);
//! The sealed value as shown, or asterisks when it cannot be read.
std::string ShownSealedValue(const Vault& vault, std::string_view field, const store::Blob& cipher);

class CorrectionService {
 public:
  CorrectionService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                    const Vault& vault, MemberService& members)
      : db_(db), clock_(clock), random_(random), audit_(audit), vault_(vault), members_(members) {}

  //! Stores one pending correction per change. kPermissionDenied for anyone but a worker;
  //! kFailedPrecondition "error.corrections.not_bound" for a worker with no member record;
  //! kInvalidArgument with a field error per bad change (field name as the error's field:
  //! the ID number, an unknown field, a value the rules refuse, the member's value already,
  //! the same field twice), on "changes" when empty, on "note" past its length; kConflict
  //! "error.corrections.pending" naming each field with a correction pending already.
  Result<std::vector<CorrectionView>> Propose(const Actor& worker,
                                              const std::vector<CorrectionChange>& changes,
                                              const std::string& note);
  //! The worker's corrections, newest first.
  Result<std::vector<CorrectionView>> Mine(const Actor& worker);

  //! Corrections of members in the staff actor's subtree (cadres, staff, administrators).
  Result<CorrectionPage> List(const Actor& actor, const CorrectionFilter& filter);
  //! Applies a pending correction through MemberService::Update (whose field errors come back
  //! as they are); kNotFound outside the subtree, kConflict once decided.
  Result<CorrectionView> Approve(const Actor& actor, std::int64_t id);
  //! Rejects a pending correction; `reason` required (the worker reads it).
  Result<CorrectionView> Reject(const Actor& actor, std::int64_t id, const std::string& reason);

 private:
  CorrectionView ViewOf(store::MemberCorrectionRow row) const;
  Result<CorrectionView> Decide(const Actor& actor, const store::MemberCorrectionRow& found,
                                bool applied, const std::optional<std::string>& reason);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
  MemberService& members_;
};

}  // namespace zj::app
