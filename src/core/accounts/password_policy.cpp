#include "core/accounts/password_policy.h"

#include <cctype>

namespace zj::accounts {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int Base36(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::size_t CodePoints(std::string_view text) { return text::CodePoints(text); }

void CommonPasswords::Add(std::string_view password) {
  if (CodePoints(password) >= kMinPasswordLength) passwords_.insert(Lower(password));
}

CommonPasswords CommonPasswords::FromLines(std::string_view text) {
  CommonPasswords out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) out.Add(line);
    pos = end + 1;
  }
  return out;
}

CommonPasswords CommonPasswords::FromFxaModule(std::string_view module) {
  CommonPasswords out;
  const std::size_t open = module.find('`');
  const std::size_t close = module.rfind('`');
  if (open == std::string_view::npos || close <= open) return out;
  const std::string_view body = module.substr(open + 1, close - open - 1);
  std::string previous;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    const int shared = Base36(line.front());
    if (shared < 0 || static_cast<std::size_t>(shared) > previous.size()) continue;
    previous = previous.substr(0, static_cast<std::size_t>(shared)) + std::string(line.substr(1));
    out.Add(previous);
  }
  return out;
}

bool CommonPasswords::Contains(std::string_view password) const {
  return passwords_.contains(Lower(password));
}

std::vector<FieldError> CheckPassword(std::string_view password, std::string_view username,
                                      const CommonPasswords& common, const std::string& field) {
  std::vector<FieldError> errors;
  const std::size_t length = CodePoints(password);
  if (length < kMinPasswordLength) {
    errors.push_back(
        {field, "error.password.too_short", {{"min", std::to_string(kMinPasswordLength)}}});
  } else if (length > kMaxPasswordLength) {
    errors.push_back(
        {field, "error.password.too_long", {{"max", std::to_string(kMaxPasswordLength)}}});
  } else if (!username.empty() && Lower(password) == Lower(username)) {
    errors.push_back({field, "error.password.same_as_username", {}});
  } else if (common.Contains(password)) {
    errors.push_back({field, "error.password.common", {}});
  }
  return errors;
}

}  // namespace zj::accounts
