// The outbox: a notification is queued in the same transaction as the change it announces (so
// it exists exactly when the change does), and a periodic job hands due messages to the
// notifier. A failed hand-over is retried after 1, 2, 4 … minutes (at most an hour apart);
// nothing is dropped. One server delivers; two delivering at once could send a message twice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/notify/notifier.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! Queues `message` on the caller's connection (and so in its transaction).
Result<void> EnqueueNotification(store::Connection& conn, const Clock& clock, Random& random,
                                 const std::string& channel, const Message& message);

struct DeliveryReport {
  int sent = 0;
  int failed = 0;
};

//! The channel of text messages (sign-in codes): delivered by app/notify/sms.h, never by
//! DeliverOutbox.
inline constexpr std::string_view kSmsChannel = "sms";

//! Sends up to `limit` due messages of every channel but SMS; each is marked sent, or its retry
//! scheduled.
Result<DeliveryReport> DeliverOutbox(store::Database& db, const Clock& clock, Notifier& notifier,
                                     int limit = 200);

//! The wait before attempt `attempts + 1` after `attempts` failures: 1, 2, 4 … 60 minutes.
std::int64_t RetryDelayMs(int attempts);

}  // namespace zj::app
