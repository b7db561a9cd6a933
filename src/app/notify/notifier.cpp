#include "app/notify/notifier.h"

#include <curl/curl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <mutex>

namespace zj::app {

namespace {

std::string Base64(const std::string& text) {
  std::string out(sodium_base64_encoded_len(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

//! A header value safe from injection: no CR or LF survives.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return text;
}

//! The message as RFC 5322 text with CRLF line ends; a line starting with '.' is left to
//! libcurl, which dot-stuffs the DATA it sends.
std::string Compose(const SmtpConfig& config, const Message& m) {
  std::string body;
  for (std::size_t i = 0; i < m.body.size(); ++i) {
    if (m.body[i] == '\n' && (i == 0 || m.body[i - 1] != '\r')) body += '\r';
    body += m.body[i];
  }
  return "From: " + OneLine(config.from) + "\r\nTo: " + OneLine(m.recipient) +
         "\r\nSubject: =?UTF-8?B?" + Base64(OneLine(m.subject)) +
         "?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\n\r\n" +
         body + "\r\n";
}

struct Upload {
  const std::string* text;
  std::size_t sent = 0;
};

std::size_t ReadPayload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->text->size() - upload->sent;
  const std::size_t n = left < room ? left : room;
  std::memcpy(buffer, upload->text->data() + upload->sent, n);
  upload->sent += n;
  return n;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

Result<void> LogNotifier::Send(const Message& message) {
  // The subject and body quote what a worker wrote (a request's title): personal data and, with
  // a newline in it, a forged log line. The log keeps who was notified; the text stays in the
  // outbox (and the request itself), where staff read it.
  spdlog::info("notification to {:?} ({}-byte subject, {}-byte body; the text stays in the outbox)",
               message.recipient, message.subject.size(), message.body.size());
  return {};
}

SmtpNotifier::SmtpNotifier(SmtpConfig config, std::unique_ptr<Notifier> fallback)
    : config_(std::move(config)), fallback_(std::move(fallback)) {
  InitCurlOnce();
}

Result<void> SmtpNotifier::Send(const Message& message) {
  if (message.recipient.find('@') == std::string::npos) return fallback_->Send(message);
  const std::string payload = Compose(config_, message);
  Upload upload{&payload};
  CURL* curl = curl_easy_init();
  if (curl == nullptr) return Fail(ErrorCode::kUnavailable, "error.notify.unavailable", "curl");
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + message.recipient + ">").c_str());
  const std::string from = "<" + config_.from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadPayload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, config_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  if (!config_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
  }
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    return Fail(ErrorCode::kUnavailable, "error.notify.unavailable", curl_easy_strerror(code));
  }
  return {};
}

}  // namespace zj::app
