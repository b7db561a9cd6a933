#include "http/access_log.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "http/json_writer.h"

namespace zj::http {

namespace {

// Parameters whose values are enumerations, numbers or opaque ids: no one's data.
constexpr std::array<std::string_view, 18> kKeptValues = {
    "after", "box",    "category", "cursor",   "format",    "industry",
    "limit", "mode",   "org_id",   "parent",   "priority",  "role",
    "state", "status", "subtree",  "union_id", "unionised", "weeks"};

constexpr std::size_t kMaxPath = 512;
constexpr std::size_t kMaxName = 32;
constexpr std::size_t kMaxValue = 32;

bool Plain(std::string_view text, std::size_t max, bool allow_comma) {
  return !text.empty() && text.size() <= max && std::all_of(text.begin(), text.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || (allow_comma && c == ',');
  });
}

}  // namespace

std::string LoggedQuery(std::string_view target) {
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return {};
  std::string_view rest = target.substr(question + 1);
  std::string out;
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view name = pair.substr(0, eq);
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (!out.empty()) out += '&';
    if (!Plain(name, kMaxName, false)) {
      out += '?';
      continue;
    }
    out += name;
    if (eq == std::string_view::npos) continue;
    const bool kept = std::find(kKeptValues.begin(), kKeptValues.end(), name) != kKeptValues.end();
    out += '=';
    out += kept && Plain(value, kMaxValue, true) ? value : std::string_view("*");
  }
  return out;
}

std::string AccessLogLine(const Request& request, const Handled& handled, std::string_view peer,
                          double ms) {
  const std::string_view target = request.target();
  const std::string_view path = target.substr(0, std::min(target.find('?'), kMaxPath));
  JsonWriter line;
  line.Object().Key("event").Str("request").Key("remote").Str(peer);
  if (!handled.client.empty() && handled.client != peer) line.Key("client").Str(handled.client);
  line.Key("method").Str(request.method_string()).Key("path").Str(path);
  if (const std::string query = LoggedQuery(target); !query.empty()) {
    line.Key("query").Str(query);
  }
  line.Key("status").Int(handled.response.result_int());
  line.Key("bytes").Int(static_cast<std::int64_t>(handled.response.body().size()));
  line.Key("ms").Real(std::round(ms * 100) / 100).Key("user").Str(handled.user).EndObject();
  return line.Take();
}

}  // namespace zj::http
