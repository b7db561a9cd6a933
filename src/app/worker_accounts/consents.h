// The worker's consent for optional uses of their data and the privacy notice they accepted
// (PIPL art. 14–17, issue 19). Optional uses are the one list below: nothing a union must do
// for a member is on it, and without a grant a use is not allowed (consent is opt-in). Each
// grant and withdrawal is kept with its time (history), and audited as the worker's own
// (worker.consent, worker.notice). Other modules ask ConsentGiven before such a use, for an
// account or for a member (through the account bound to it: a member without one has given no
// consent).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"
#include "store/worker_consents.h"

namespace zj::app {

//! The optional uses, as data in one place (the portal names them portal.consent.uses.<key>).
namespace optional_use {
inline constexpr std::string_view kActivitySms = "activity_sms";  //!< activity, training SMS
inline constexpr std::string_view kSurveys = "surveys";           //!< surveys, the barometer
inline constexpr std::string_view kHonoursName = "honours_name";  //!< name in honours lists
}  // namespace optional_use
inline constexpr std::array<std::string_view, 3> kOptionalUses{
    optional_use::kActivitySms, optional_use::kSurveys, optional_use::kHonoursName};

//! Privacy notice versions run from 1 to this (the portal's constant is one of them).
inline constexpr int kMaxNoticeVersion = 1'000'000;

//! Whose consent is asked: a worker's account or a member's record.
struct ConsentHolder {
  std::optional<std::int64_t> worker_id;
  std::optional<std::int64_t> member_id;
  static ConsentHolder Worker(std::int64_t id) { return {id, std::nullopt}; }
  static ConsentHolder Member(std::int64_t id) { return {std::nullopt, id}; }
};

//! Whether the holder's newest word on `use` is a grant, in the caller's transaction. A use not
//! on the list is kInvalidArgument (a programming error of the caller, said loudly).
Result<bool> ConsentGiven(store::Connection& conn, const ConsentHolder& holder,
                          std::string_view use);

struct ConsentState {
  std::string use;
  bool granted = false;
  std::optional<std::int64_t> changed_at;  //!< none: never answered
};

struct Consents {
  std::vector<ConsentState> uses;                //!< in kOptionalUses' order
  std::vector<store::WorkerConsentRow> history;  //!< newest first
  store::NoticeAcceptance notice;
};

class ConsentService {
 public:
  ConsentService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  //! The worker's consents, their history and the notice accepted (no audit: My data's copy,
  //! which holds them, is audited). kPermissionDenied for anyone but a signed-in worker.
  Result<Consents> Of(const Actor& worker);
  //! Grants or withdraws `use`; an unknown use is kInvalidArgument on field use. Saying again
  //! what holds already adds no row.
  Result<Consents> Set(const Actor& worker, const std::string& use, bool granted);
  //! Records that the worker accepted notice `version`; outside 1..kMaxNoticeVersion or older
  //! than the one accepted is kInvalidArgument on field version.
  Result<store::NoticeAcceptance> AcceptNotice(const Actor& worker, std::int64_t version);
  //! ConsentGiven on a connection of its own.
  Result<bool> Given(const ConsentHolder& holder, std::string_view use);

 private:
  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

//! Whether `use` is on the list.
bool IsOptionalUse(std::string_view use);

}  // namespace zj::app
