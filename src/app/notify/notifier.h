// Sending notifications: a Notifier delivers one message or says why it could not. The log
// notifier (the default) writes messages to the server log; the SMTP notifier sends e-mail
// through libcurl. Messages reach a notifier only through the outbox (app/notify/outbox.h),
// so a sender that is down delays messages but loses none.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"

namespace zj::app {

struct Message {
  std::string recipient;  //!< an e-mail address, or another name the notifier understands
  std::string subject;
  std::string body;
};

class Notifier {
 public:
  virtual ~Notifier() = default;
  //! kUnavailable when the message could not be handed over (it will be retried).
  virtual Result<void> Send(const Message& message) = 0;
};

//! Writes to the log (spdlog, info level) that a message for its recipient was due, without its
//! subject or body: they quote what workers wrote, which the log must not hold.
class LogNotifier final : public Notifier {
 public:
  Result<void> Send(const Message& message) override;
};

struct SmtpConfig {
  std::string url;   //!< smtp://host:25, smtp://host:587 (STARTTLS when offered), smtps://host:465
  std::string from;  //!< the envelope and header sender
  std::string username;
  std::string password;
  long timeout_seconds = 20;
};

//! Sends e-mail through libcurl's SMTP (UTF-8 subject as RFC 2047 encoded-word, UTF-8 body).
//! Recipients without an '@' are not e-mail addresses: they go to `fallback` instead.
class SmtpNotifier final : public Notifier {
 public:
  SmtpNotifier(SmtpConfig config, std::unique_ptr<Notifier> fallback);
  Result<void> Send(const Message& message) override;

 private:
  SmtpConfig config_;
  std::unique_ptr<Notifier> fallback_;
};

}  // namespace zj::app
