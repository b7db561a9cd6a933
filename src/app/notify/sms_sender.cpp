#include "app/notify/sms_sender.h"

#include <curl/curl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "core/personal_data/masking.h"

namespace zj::app {

namespace {

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string UrlEncoded(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

//! A JSON string's contents (no quotes): the template writes the quotes.
std::string JsonEscaped(const std::string& text) {
  const std::string quoted = nlohmann::json(text).dump();
  return quoted.substr(1, quoted.size() - 2);
}

std::string Replaced(std::string text,
                     const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (std::size_t at = text.find(placeholder); at != std::string::npos;
         at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* out = static_cast<std::string*>(user);
  const std::size_t n = size * count;
  if (out->size() < 64 * 1024) out->append(data, n);  // enough to look for ok_text
  return n;
}

bool OneLine(const std::string& text) {
  return text.find('\r') == std::string::npos && text.find('\n') == std::string::npos;
}

}  // namespace

Result<void> LogSmsSender::Send(const TextMessage& m) {
  spdlog::info("sign-in code {} for {} (valid {} min)", m.code, personal_data::MaskPhone(m.phone),
               m.minutes);
  return {};
}

std::string HmacSha256Hex(const std::string& secret, const std::string& text) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                                text.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

Result<void> CheckHttpSmsConfig(const HttpSmsConfig& c) {
  auto bad = [](std::string what) {
    Error e{ErrorCode::kInvalidArgument, "error.sms.config", what, {}, {}};
    e.args.emplace_back("what", std::move(what));
    return Fail(std::move(e));
  };
  if (!c.url.starts_with("http://") && !c.url.starts_with("https://")) {
    return bad("--sms-url must start with http:// or https://");
  }
  if (c.method != "GET" && c.method != "POST" && c.method != "PUT") {
    return bad("--sms-method must be GET, POST or PUT");
  }
  for (const auto& [name, value] : c.headers) {
    if (name.empty() || !OneLine(name) || !OneLine(value) || name.find(':') != std::string::npos) {
      return bad("--sms-header must be 'Name: value' on one line");
    }
  }
  if (!OneLine(c.token_header) || !OneLine(c.token) || !OneLine(c.hmac_header)) {
    return bad("header names and tokens must be one line");
  }
  if (!c.token_header.empty() && c.token.empty()) {
    return bad("--sms-token-header needs the token in ZHIJIA_SMS_TOKEN");
  }
  if (!c.hmac_header.empty() && c.hmac_secret.empty()) {
    return bad("--sms-hmac-header needs the secret in ZHIJIA_SMS_HMAC_SECRET");
  }
  return {};
}

HttpSmsSender::HttpSmsSender(HttpSmsConfig config) : config_(std::move(config)) { InitCurlOnce(); }

std::pair<std::string, std::string> HttpSmsSender::Render(const TextMessage& m,
                                                          long long now_s) const {
  const std::vector<std::pair<std::string, std::string>> raw{{"phone", m.phone},
                                                             {"code", m.code},
                                                             {"minutes", std::to_string(m.minutes)},
                                                             {"timestamp", std::to_string(now_s)}};
  auto encoded = [&](auto encode) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [name, value] : raw) out.emplace_back(name, encode(value));
    return out;
  };
  const std::string url = Replaced(config_.url, encoded(UrlEncoded));
  std::string body;
  if (config_.content_type.starts_with("application/json")) {
    body = Replaced(config_.body, encoded(JsonEscaped));
  } else if (config_.content_type.starts_with("application/x-www-form-urlencoded")) {
    body = Replaced(config_.body, encoded(UrlEncoded));
  } else {
    body = Replaced(config_.body, raw);
  }
  return {url, body};
}

Result<void> HttpSmsSender::Send(const TextMessage& m) {
  const long long now_s = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
  const auto [url, body] = Render(m, now_s);
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return Fail(ErrorCode::kUnavailable, "error.sms.unavailable", "curl");
  curl_slist* headers = nullptr;
  auto add = [&](const std::string& line) { headers = curl_slist_append(headers, line.c_str()); };
  const bool has_body = config_.method != "GET";
  if (has_body) add("Content-Type: " + config_.content_type);
  for (const auto& [name, value] : config_.headers) add(name + ": " + value);
  if (!config_.token_header.empty()) add(config_.token_header + ": " + config_.token);
  if (!config_.hmac_header.empty()) {
    add(config_.hmac_header + ": sha256=" + HmacSha256Hex(config_.hmac_secret, body));
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  std::string answer;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, config_.method.c_str());
  if (has_body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  } else {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, config_.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    return Fail(ErrorCode::kUnavailable, "error.sms.unavailable", curl_easy_strerror(code));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) {
    return Fail(ErrorCode::kUnavailable, "error.sms.unavailable",
                "gateway answered HTTP " + std::to_string(status));
  }
  if (!config_.ok_text.empty() && answer.find(config_.ok_text) == std::string::npos) {
    return Fail(ErrorCode::kUnavailable, "error.sms.unavailable",
                "gateway answered HTTP " + std::to_string(status) + " without the ok text");
  }
  return {};
}

}  // namespace zj::app
