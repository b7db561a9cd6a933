// The audit log as a use case: other use cases Record what was done, by whom, from where and
// with what outcome; staff and administrators Search the entries of their own subtree.
// Entries are never changed or removed (there is no operation for it, and the store refuses).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! Who an entry is about: a signed-in Actor, a login name that may not exist, or the system.
struct AuditActor {
  std::optional<std::int64_t> user_id;
  std::string username;
  std::string org_path;     //!< "" for the system and for names that match no user
  std::string remote_addr;  //!< used when the event names none

  static AuditActor From(const Actor& actor) {
    std::optional<std::int64_t> id;
    if (actor.user_id != 0) id = actor.user_id;  // 0 is the command line's system actor
    return AuditActor{id, actor.username, actor.org_path, actor.remote_addr};
  }
  //! The program itself (command line), e.g. for `zhijia keys rotate`.
  static AuditActor System() { return AuditActor{std::nullopt, "system", "", ""}; }
};

//! What happened. `detail` becomes a JSON object of strings; it must never hold secrets.
struct AuditEvent {
  std::string action;  //!< session.login, personal_data.reveal, keys.rotate, ...
  std::string target_type;
  std::string target_id;
  std::string outcome = "ok";  //!< ok, denied, failed
  std::string remote_addr;
  std::vector<std::pair<std::string, std::string>> detail;
};

struct AuditFilter {
  std::optional<std::string> username;
  std::optional<std::string> action;
  std::optional<std::string> target_type;
  std::optional<std::string> target_id;
  std::optional<std::int64_t> from_ms;  //!< inclusive
  std::optional<std::int64_t> to_ms;    //!< exclusive
  std::optional<std::string> cursor;    //!< from the previous page's next_cursor
  int limit = 50;                       //!< 1..200
};

struct AuditEntry {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_username;
  std::string remote_addr;
  std::string action;
  std::string target_type;
  std::string target_id;
  std::string outcome;
  std::string detail;  //!< a JSON object, as text
};

struct AuditPage {
  std::vector<AuditEntry> entries;         //!< newest first
  std::optional<std::string> next_cursor;  //!< set when more entries may follow
};

inline constexpr int kAuditMaxLimit = 200;

class AuditService {
 public:
  AuditService(store::Database& db, const Clock& clock, Random& random)
      : db_(db), clock_(clock), random_(random) {}

  //! Writes one entry in its own transaction. Callers for whom the entry is a condition of the
  //! action (reveals, exports) fail when this fails; others log the error and go on.
  Result<void> Record(const AuditActor& actor, const AuditEvent& event);
  //! Writes one entry on `conn`, inside the caller's transaction.
  Result<void> Record(store::Connection& conn, const AuditActor& actor, const AuditEvent& event);
  //! Like Record, but a failure is only logged (for sign-in and sign-out, which must not fail
  //! because the log could not be written).
  void RecordOrLog(const AuditActor& actor, const AuditEvent& event);
  //! Counts one refused (throttled) attempt by `subject` ("name:…" or "address:…") in the
  //! fixed window of `window_ms` that holds now. Only the first of its window becomes an entry
  //! (`event`, its detail naming the subject and the window); the others add one to the
  //! window's count in throttle_counts (store/throttle_counts.h). A flood of refused attempts
  //! thus costs one entry and one counter row per subject and window. Failures are logged.
  void RecordThrottledOrLog(const AuditActor& actor, AuditEvent event, const std::string& subject,
                            std::int64_t window_ms);

  //! Entries of the actor's subtree, newest first. Staff and administrators only
  //! (kPermissionDenied otherwise, and for one without an org); administrators of a root org
  //! also see the system's entries. Bad limits, times or cursors are kInvalidArgument.
  Result<AuditPage> Search(const Actor& actor, const AuditFilter& filter);

 private:
  store::Database& db_;
  const Clock& clock_;
  Random& random_;
};

//! A JSON object of string values (nlohmann-json), as stored in an entry's detail.
std::string JsonObjectOfStrings(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace zj::app
