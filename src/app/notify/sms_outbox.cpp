#include "app/notify/sms_outbox.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "store/outbox.h"

namespace zj::app {

namespace {

// Vault fields of the queued values, so neither opens as anything else.
constexpr std::string_view kPhoneField = "outbox.sms_phone";
constexpr std::string_view kBodyField = "outbox.sms_body";
constexpr const char* kSubject = "sign_in_code";

std::string Base64(const store::Blob& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<store::Blob> FromBase64(const std::string& text) {
  store::Blob out(text.size());
  std::size_t length = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

struct Queued {
  TextMessage message;
  std::int64_t expires_at = 0;
};

Result<Queued> Open(const Vault& vault, const store::OutboxRow& row) {
  auto phone_sealed = FromBase64(row.recipient);
  auto body_sealed = FromBase64(row.body);
  if (!phone_sealed || !body_sealed) {
    return Fail(ErrorCode::kInternal, "error.personal_data.unreadable", "not base64");
  }
  ZJ_ASSIGN_OR_RETURN(std::string phone, vault.Open(kPhoneField, *phone_sealed));
  ZJ_ASSIGN_OR_RETURN(std::string body, vault.Open(kBodyField, *body_sealed));
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) {
    return Fail(ErrorCode::kInternal, "error.personal_data.unreadable", "body not JSON");
  }
  return Queued{TextMessage{std::move(phone), json.value("code", ""), json.value("minutes", 5)},
                json.value("expires_at", std::int64_t{0})};
}

}  // namespace

std::int64_t SmsRetryDelayMs(int attempts) {
  const int doublings = std::clamp(attempts - 1, 0, 3);
  return std::min<std::int64_t>(10'000LL << doublings, 60'000);
}

Result<void> EnqueueSms(store::Connection& conn, const Clock& clock, Random& random,
                        const Vault& vault, const TextMessage& message, std::int64_t expires_at) {
  const nlohmann::json body{
      {"code", message.code}, {"minutes", message.minutes}, {"expires_at", expires_at}};
  ZJ_ASSIGN_OR_RETURN(store::Blob phone, vault.Seal(kPhoneField, message.phone));
  ZJ_ASSIGN_OR_RETURN(store::Blob sealed_body, vault.Seal(kBodyField, body.dump()));
  store::OutboxRow row;
  row.id = NewId(clock, random);
  row.channel = std::string(kSmsChannel);
  row.recipient = Base64(phone);
  row.subject = kSubject;
  row.body = Base64(sealed_body);
  row.created_at = clock.NowMs();
  row.next_attempt_at = row.created_at;
  return store::InsertOutbox(conn, row);
}

Result<DeliveryReport> DeliverSms(store::Database& db, const Clock& clock, const Vault& vault,
                                  SmsSender& sender, int limit) {
  DeliveryReport report;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
  const std::int64_t now = clock.NowMs();
  ZJ_ASSIGN_OR_RETURN(
      auto due, store::DueOutbox(*lease, now, limit,
                                 store::ChannelFilter{std::string(kSmsChannel), /*only=*/true}));
  for (const auto& row : due) {
    auto queued = Open(vault, row);
    if (!queued) {
      // Its key left the ring (a rotation finished) or it was altered: it can never be sent.
      ZJ_RETURN_IF_ERROR(store::AbandonOutbox(*lease, row.id, queued.error().detail));
      ++report.failed;
      continue;
    }
    if (queued->expires_at > 0 && now >= queued->expires_at) {
      ZJ_RETURN_IF_ERROR(store::AbandonOutbox(*lease, row.id, "code expired before delivery"));
      ++report.failed;
      continue;
    }
    // Sent first, marked after: a crash in between sends the code again rather than never.
    auto sent = sender.Send(queued->message);
    sodium_memzero(queued->message.code.data(), queued->message.code.size());
    if (sent) {
      ZJ_RETURN_IF_ERROR(store::MarkOutboxSent(*lease, row.id, clock.NowMs()));
      ++report.sent;
    } else {
      const int attempts = row.attempts + 1;
      ZJ_RETURN_IF_ERROR(store::MarkOutboxFailed(
          *lease, row.id, attempts, now + SmsRetryDelayMs(attempts), sent.error().detail));
      ++report.failed;
    }
  }
  return report;
}

}  // namespace zj::app
