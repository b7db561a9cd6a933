#include "cli/sms_options.h"

#include <cstdlib>

namespace zj::cli {

void AddSmsOptions(CLI::App& cmd, SmsOptions& o) {
  cmd.add_option("--sms-sender", o.sender,
                 "Who sends sign-in codes: log (the server log; demos and tests) or http")
      ->check(CLI::IsMember({"log", "http"}))
      ->envname("ZHIJIA_SMS_SENDER")
      ->capture_default_str();
  cmd.add_option("--sms-url", o.http.url,
                 "The SMS gateway's URL; {phone} {code} {minutes} {timestamp} are replaced")
      ->envname("ZHIJIA_SMS_URL");
  cmd.add_option("--sms-method", o.http.method, "GET, POST or PUT")
      ->envname("ZHIJIA_SMS_METHOD")
      ->capture_default_str();
  cmd.add_option("--sms-body", o.http.body, "The request body's template (placeholders as the URL)")
      ->envname("ZHIJIA_SMS_BODY")
      ->capture_default_str();
  cmd.add_option("--sms-content-type", o.http.content_type,
                 "The body's type: application/json, application/x-www-form-urlencoded, ...")
      ->envname("ZHIJIA_SMS_CONTENT_TYPE")
      ->capture_default_str();
  cmd.add_option("--sms-header", o.headers, "An extra header 'Name: value' (repeatable)");
  cmd.add_option("--sms-token-header", o.http.token_header,
                 "A header carrying the token in ZHIJIA_SMS_TOKEN (e.g. Authorization)")
      ->envname("ZHIJIA_SMS_TOKEN_HEADER");
  cmd.add_option("--sms-hmac-header", o.http.hmac_header,
                 "A header carrying sha256=<HMAC-SHA256 of the body> keyed by "
                 "ZHIJIA_SMS_HMAC_SECRET")
      ->envname("ZHIJIA_SMS_HMAC_HEADER");
  cmd.add_option("--sms-ok-text", o.http.ok_text,
                 "Text a 2xx answer must contain to count as sent (e.g. \"code\":0)")
      ->envname("ZHIJIA_SMS_OK_TEXT");
}

Result<std::unique_ptr<app::SmsSender>> MakeSmsSender(SmsOptions o) {
  if (o.sender == "log") return std::unique_ptr<app::SmsSender>(new app::LogSmsSender());
  for (const std::string& line : o.headers) {
    const auto colon = line.find(':');
    std::string name = colon == std::string::npos ? line : line.substr(0, colon);
    std::string value = colon == std::string::npos ? "" : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    if (colon == std::string::npos) name.clear();  // refused by the check below
    o.http.headers.emplace_back(std::move(name), std::move(value));
  }
  if (const char* token = std::getenv("ZHIJIA_SMS_TOKEN")) o.http.token = token;
  if (const char* secret = std::getenv("ZHIJIA_SMS_HMAC_SECRET")) o.http.hmac_secret = secret;
  ZJ_RETURN_IF_ERROR(app::CheckHttpSmsConfig(o.http));
  return std::unique_ptr<app::SmsSender>(new app::HttpSmsSender(std::move(o.http)));
}

}  // namespace zj::cli
