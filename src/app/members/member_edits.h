// Parsing, sealing and recording shared by the member use cases that change a member (create,
// update): the phone sealed with its blind index, roster dates, the employer resolved in scope,
// and the member's own history (member_events). Internal to app/members.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts/actor.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "core/members/member_fields.h"
#include "core/result.h"
#include "store/database.h"
#include "store/members.h"

namespace zj::app::member_edits {

//! A sealed phone, its blind index and last four (all absent for "").
struct SealedPhone {
  std::optional<store::Blob> cipher;
  std::optional<std::string> index;
  std::optional<std::string> last4;
};

Result<SealedPhone> SealPhone(const Vault& vault, const std::string& normalised);

//! A member row's key version: the oldest its sealed values name (vault.h OldestVersion).
std::int64_t KeyVersionOf(const store::MemberRow& row);

//! A date written any way rosters write one, as YYYY-MM-DD; not after today.
std::optional<std::string> RosterDate(const std::string& text, const members::Date& today);

//! The employer of a member: an enterprise in the actor's scope (by id or USCC), else a name.
struct Employer {
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
};

//! Adds field errors to `invalid` for an unknown enterprise or a bad name.
Result<Employer> ResolveEmployer(store::Connection& conn, const Actor& actor,
                                 const std::optional<std::int64_t>& id,
                                 const std::optional<std::string>& uscc,
                                 const std::optional<std::string>& name, Error& invalid);

//! Appends `event` with `detail` to the member's history, as `actor`, now.
Result<void> RecordEvent(store::Connection& conn, const Clock& clock, Random& random,
                         const Actor& actor, const store::MemberRow& m, const std::string& event,
                         const std::vector<std::pair<std::string, std::string>>& detail);

}  // namespace zj::app::member_edits
