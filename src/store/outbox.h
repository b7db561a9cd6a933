// The notification outbox (migration 0007): messages written in the same transaction as the
// change they announce, then delivered by app/notify and marked sent, or retried later.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct OutboxRow {
  std::int64_t id = 0;
  std::string channel;    //!< what the message is about to whom: "org" (an org's contact)
  std::string recipient;  //!< an address, or an org's code when it has no e-mail address
  std::string subject;
  std::string body;
  std::int64_t created_at = 0;
  int attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::string> last_error;
};

//! Which channels a delivery run takes: only `channel`, or every channel but `channel`.
struct ChannelFilter {
  std::string channel;
  bool only = false;
};

Result<void> InsertOutbox(Connection& conn, const OutboxRow& row);
//! Unsent messages of the filter's channels due at `now_ms`, oldest first.
Result<std::vector<OutboxRow>> DueOutbox(Connection& conn, std::int64_t now_ms, int limit,
                                         const ChannelFilter& filter);
Result<void> MarkOutboxSent(Connection& conn, std::int64_t id, std::int64_t at);
Result<void> MarkOutboxFailed(Connection& conn, std::int64_t id, int attempts,
                              std::int64_t next_attempt_at, const std::string& error);
//! Stops retrying a message that is no use any more (an expired sign-in code): it stays
//! unsent, with `error` saying why, and is never due again.
Result<void> AbandonOutbox(Connection& conn, std::int64_t id, const std::string& error);
Result<std::optional<OutboxRow>> FindOutbox(Connection& conn, std::int64_t id);
//! Every message, newest first (tests and the admin's view).
Result<std::vector<OutboxRow>> RecentOutbox(Connection& conn, int limit);

}  // namespace zj::store
