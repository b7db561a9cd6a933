#include "app/members/id_lookups.h"

#include "app/orgs/org_scope.h"

namespace zj::app {

namespace {

std::string KeyOf(const Actor& actor) { return "user:" + std::to_string(actor.user_id); }

}  // namespace

Result<void> IdLookups::Check(const Actor& actor) {
  if (SeesEverything(actor)) return {};
  std::int64_t wait_ms = 0;
  {
    std::lock_guard lock(mutex_);
    wait_ms = throttle_.RetryAfterMs(KeyOf(actor), actor.remote_addr, clock_.NowMs());
  }
  if (wait_ms <= 0) return {};
  // Refused attempts are not audited one by one (the log would be the flood).
  const std::string seconds = std::to_string((wait_ms + 999) / 1000);
  return Fail(Error{ErrorCode::kResourceExhausted,
                    "error.members.lookups",
                    "ID look-ups throttled for " + actor.username,
                    {},
                    {{"seconds", seconds}, {"retry_after", seconds}}});
}

void IdLookups::Record(const Actor& actor, std::string_view purpose, std::int64_t found) {
  if (!SeesEverything(actor)) {
    std::lock_guard lock(mutex_);
    throttle_.RecordFailure(KeyOf(actor), actor.remote_addr, clock_.NowMs());
  }
  audit_.RecordOrLog(
      AuditActor::From(actor),
      AuditEvent{"member.id_lookup",
                 "member",
                 found != 0 ? std::to_string(found) : "",
                 "ok",
                 actor.remote_addr,
                 {{"purpose", std::string(purpose)}, {"found", found != 0 ? "true" : "false"}}});
}

}  // namespace zj::app
