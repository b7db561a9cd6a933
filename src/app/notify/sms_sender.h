// Sending text messages (SMS) with a worker's sign-in code. An SmsSender hands one message to
// a gateway or says why it could not; messages reach it only through the outbox (sms_outbox.h),
// so a gateway that is down delays codes but loses none. Two senders: `log` (the default; the
// server log gets the code and the masked phone, for demos and tests) and `http`, one request
// per message built from a template, which fits the common SMS gateways' HTTP APIs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace zj::app {

//! One sign-in code for one phone.
struct TextMessage {
  std::string phone;  //!< 11 digits
  std::string code;   //!< 6 digits
  int minutes = 5;    //!< how long the code is valid
};

class SmsSender {
 public:
  virtual ~SmsSender() = default;
  //! kUnavailable when the gateway did not take the message (it will be retried).
  virtual Result<void> Send(const TextMessage& message) = 0;
};

//! Writes "sign-in code NNNNNN for 138****5678" to the log (spdlog, info level): the code and
//! the masked phone only.
class LogSmsSender final : public SmsSender {
 public:
  Result<void> Send(const TextMessage& message) override;
};

//! A gateway's HTTP API as a template. The placeholders {phone}, {code}, {minutes} and
//! {timestamp} (Unix seconds) are replaced in the URL (URL-encoded) and in the body (encoded
//! for the body's content type: JSON string contents for application/json, form encoding for
//! application/x-www-form-urlencoded, as they are otherwise).
struct HttpSmsConfig {
  std::string url;              //!< e.g. https://sms.example.com/send or …?mobile={phone}
  std::string method = "POST";  //!< GET, POST or PUT
  std::string body = R"({"phone":"{phone}","code":"{code}","minutes":{minutes}})";
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;  //!< sent as they are
  std::string token_header;  //!< e.g. "Authorization": sent with `token` as its value
  std::string token;
  //! When set, e.g. "X-Signature": sent as "sha256=<hex HMAC-SHA256 of the body by hmac_secret>".
  std::string hmac_header;
  std::string hmac_secret;
  //! When set, a 2xx answer must also contain this text (gateways that answer 200 with an error
  //! code in the body, e.g. "\"code\":0").
  std::string ok_text;
  long timeout_seconds = 10;
};

//! One HTTP request per message through libcurl; a 2xx answer (holding ok_text when set) is
//! delivered, anything else (and no answer) is kUnavailable with the status, never the body.
class HttpSmsSender final : public SmsSender {
 public:
  explicit HttpSmsSender(HttpSmsConfig config);
  Result<void> Send(const TextMessage& message) override;

  //! The URL and body the message becomes, at Unix time `now_s` (for tests).
  std::pair<std::string, std::string> Render(const TextMessage& message, long long now_s) const;

 private:
  HttpSmsConfig config_;
};

//! The hex HMAC-SHA256 of `text` under `secret`.
std::string HmacSha256Hex(const std::string& secret, const std::string& text);

//! kInvalidArgument "error.sms.config" naming what is wrong: a URL that is not http(s), a
//! method other than GET, POST or PUT, a header that is not "Name: value" or holds CR/LF.
Result<void> CheckHttpSmsConfig(const HttpSmsConfig& config);

}  // namespace zj::app
