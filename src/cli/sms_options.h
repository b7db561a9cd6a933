// `zhijia serve`'s SMS options: which sender delivers sign-in codes (`log`, the default, or
// `http`) and the HTTP gateway's template. Secrets come from the environment only
// (ZHIJIA_SMS_TOKEN, ZHIJIA_SMS_HMAC_SECRET), never from the command line that `ps` shows.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "app/notify/sms_sender.h"
#include "core/result.h"

namespace zj::cli {

struct SmsOptions {
  std::string sender = "log";  //!< log, http
  app::HttpSmsConfig http;
  std::vector<std::string> headers;  //!< "Name: value"
};

//! Registers --sms-* on `serve`.
void AddSmsOptions(CLI::App& command, SmsOptions& options);

//! The sender the options describe; kInvalidArgument "error.sms.config" when they are wrong.
Result<std::unique_ptr<app::SmsSender>> MakeSmsSender(SmsOptions options);

}  // namespace zj::cli
