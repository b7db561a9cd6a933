#include "app/audit/audit_service.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/orgs/org_path.h"
#include "core/text/field_limits.h"
#include "store/audit.h"
#include "store/throttle_counts.h"

namespace zj::app {

namespace {

// The federation an entry belongs to (the shard key): the root of the actor's org path, or 0.
std::int64_t FederationOf(const std::string& org_path) {
  if (org_path.size() < 3 || org_path.front() != '/') return 0;
  const std::size_t end = org_path.find('/', 1);
  std::int64_t id = 0;
  std::from_chars(org_path.data() + 1, org_path.data() + end, id);
  return id;
}

Error InvalidField(std::string field, std::string key) {
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "invalid " + field, {}, {}};
  e.fields.push_back({std::move(field), std::move(key), {}});
  return e;
}

}  // namespace

std::string JsonObjectOfStrings(const std::vector<std::pair<std::string, std::string>>& fields) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : fields) object[key] = value;
  // Invalid UTF-8 (a mangled login name) is replaced rather than refused: the entry must be kept.
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<void> AuditService::Record(store::Connection& conn, const AuditActor& actor,
                                  const AuditEvent& event) {
  store::AuditRow row{NewId(clock_, random_),
                      FederationOf(actor.org_path),
                      clock_.NowMs(),
                      actor.user_id,
                      actor.username,
                      actor.org_path,
                      event.remote_addr.empty() ? actor.remote_addr : event.remote_addr,
                      event.action,
                      event.target_type,
                      event.target_id,
                      event.outcome,
                      JsonObjectOfStrings(event.detail)};
  return store::InsertAudit(conn, row);
}

Result<void> AuditService::Record(const AuditActor& actor, const AuditEvent& event) {
  return store::InTransaction(db_,
                              [&](store::Connection& conn) { return Record(conn, actor, event); });
}

void AuditService::RecordOrLog(const AuditActor& actor, const AuditEvent& event) {
  if (auto r = Record(actor, event); !r) {
    spdlog::error("audit entry {} by {:?} not written: {:?}", event.action, actor.username,
                  r.error().detail);
  }
}

void AuditService::RecordThrottledOrLog(const AuditActor& actor, AuditEvent event,
                                        const std::string& subject, std::int64_t window_ms) {
  const std::int64_t now = clock_.NowMs();
  const std::int64_t window_start = window_ms > 0 ? now - now % window_ms : now;
  auto done = store::InTransaction(db_, [&](store::Connection& conn) -> Result<void> {
    ZJ_ASSIGN_OR_RETURN(const std::int64_t attempts,
                        store::CountThrottled(conn, event.action, subject, window_start, now));
    if (attempts > 1) return {};
    event.detail.emplace_back("throttled", subject);
    event.detail.emplace_back("window_start", std::to_string(window_start));
    return Record(conn, actor, event);
  });
  if (!done) {
    spdlog::error("throttled {} not counted: {:?}", event.action, done.error().detail);
  }
}

Result<AuditPage> AuditService::Search(const Actor& actor, const AuditFilter& filter) {
  if ((actor.role != "staff" && actor.role != "admin") || actor.org_path.empty()) {
    return Fail(ErrorCode::kPermissionDenied, "error.audit.forbidden",
                actor.username + " may not read the audit log");
  }
  if (filter.limit < 1 || filter.limit > kAuditMaxLimit) {
    return Fail(InvalidField("limit", "error.field.limit").With("max", "200"));
  }
  if (filter.from_ms && filter.to_ms && *filter.from_ms >= *filter.to_ms) {
    return Fail(InvalidField("to", "error.field.range"));
  }
  for (const auto& [field, value] :
       {std::pair{"username", &filter.username}, std::pair{"action", &filter.action},
        std::pair{"target_type", &filter.target_type}, std::pair{"target_id", &filter.target_id}}) {
    if (auto e = text::CheckLength(field, value->value_or(""), text::TextKind::kSearch)) {
      Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "too long", {}, {}};
      invalid.fields.push_back(std::move(*e));
      return Fail(std::move(invalid));
    }
  }
  const OrgPath scope = OrgPath::FromStored(actor.org_path);
  store::AuditQuery q;
  q.path_low = scope.SubtreeLow();
  q.path_high = scope.SubtreeHigh();
  q.include_system = actor.role == "admin" && scope.Depth() == 1;
  q.username = filter.username;
  q.action = filter.action;
  q.target_type = filter.target_type;
  q.target_id = filter.target_id;
  q.from_ms = filter.from_ms;
  q.to_ms = filter.to_ms;
  if (filter.cursor) {
    std::int64_t before = 0;
    const auto& c = *filter.cursor;
    const auto [ptr, ec] = std::from_chars(c.data(), c.data() + c.size(), before);
    if (ec != std::errc() || ptr != c.data() + c.size() || before <= 0) {
      return Fail(InvalidField("cursor", "error.field.cursor"));
    }
    q.before_id = before;
  }
  q.limit = filter.limit + 1;  // one more tells whether another page follows
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::SearchAudit(*lease, q));
  AuditPage page;
  const bool more = rows.size() > static_cast<std::size_t>(filter.limit);
  if (more) rows.pop_back();
  for (auto& r : rows) {
    page.entries.push_back(AuditEntry{r.id, r.at, r.actor_user_id, std::move(r.actor_username),
                                      std::move(r.remote_addr), std::move(r.action),
                                      std::move(r.target_type), std::move(r.target_id),
                                      std::move(r.outcome), std::move(r.detail)});
  }
  if (more && !page.entries.empty()) page.next_cursor = std::to_string(page.entries.back().id);
  return page;
}

}  // namespace zj::app
