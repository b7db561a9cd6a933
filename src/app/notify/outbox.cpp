#include "app/notify/outbox.h"

#include <algorithm>

#include "store/outbox.h"

namespace zj::app {

std::int64_t RetryDelayMs(int attempts) {
  constexpr std::int64_t kMinute = 60'000;
  const int doublings = std::clamp(attempts - 1, 0, 6);  // 2^6 = 64 > 60
  return std::min<std::int64_t>(kMinute << doublings, 60 * kMinute);
}

Result<void> EnqueueNotification(store::Connection& conn, const Clock& clock, Random& random,
                                 const std::string& channel, const Message& message) {
  store::OutboxRow row;
  row.id = NewId(clock, random);
  row.channel = channel;
  row.recipient = message.recipient;
  row.subject = message.subject;
  row.body = message.body;
  row.created_at = clock.NowMs();
  row.next_attempt_at = row.created_at;
  return store::InsertOutbox(conn, row);
}

Result<DeliveryReport> DeliverOutbox(store::Database& db, const Clock& clock, Notifier& notifier,
                                     int limit) {
  DeliveryReport report;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
  const std::int64_t now = clock.NowMs();
  ZJ_ASSIGN_OR_RETURN(
      auto due, store::DueOutbox(*lease, now, limit,
                                 store::ChannelFilter{std::string(kSmsChannel), /*only=*/false}));
  for (const auto& row : due) {
    // Sent first, marked after: a crash in between sends the message again rather than never.
    auto sent = notifier.Send(Message{row.recipient, row.subject, row.body});
    if (sent) {
      ZJ_RETURN_IF_ERROR(store::MarkOutboxSent(*lease, row.id, clock.NowMs()));
      ++report.sent;
    } else {
      const int attempts = row.attempts + 1;
      ZJ_RETURN_IF_ERROR(store::MarkOutboxFailed(
          *lease, row.id, attempts, now + RetryDelayMs(attempts), sent.error().detail));
      ++report.failed;
    }
  }
  return report;
}

}  // namespace zj::app
