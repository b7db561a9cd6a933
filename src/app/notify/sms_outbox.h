// Sign-in codes through the outbox (app/notify/outbox.h, channel "sms"): a code is queued in
// the same transaction that stores it, with the phone and the code sealed (a database reader
// learns neither), and delivered by its own job right away, retried after 10, 20, 40 seconds
// and then every minute while the gateway is down. A code that expired before it could be
// delivered is abandoned (kept unsent, with the reason), since it could no longer sign in.
#pragma once

#include <cstdint>

#include "app/clock.h"
#include "app/notify/outbox.h"
#include "app/notify/sms_sender.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

//! Queues `message` on the caller's connection (and so in its transaction); it is of no use
//! after `expires_at`.
Result<void> EnqueueSms(store::Connection& conn, const Clock& clock, Random& random,
                        const Vault& vault, const TextMessage& message, std::int64_t expires_at);

//! Sends up to `limit` due text messages through `sender`.
Result<DeliveryReport> DeliverSms(store::Database& db, const Clock& clock, const Vault& vault,
                                  SmsSender& sender, int limit = 100);

//! The wait before attempt `attempts + 1` after `attempts` failures: 10, 20, 40, 60, 60 … s.
std::int64_t SmsRetryDelayMs(int attempts);

}  // namespace zj::app
