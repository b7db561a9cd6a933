#include "core/members/calendar_date.h"

#include <charconv>
#include <cstdio>
#include <vector>

#include "core/text/halfwidth.h"

namespace zj::members {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

std::optional<Date> Make(int y, unsigned m, unsigned d) {
  if (y < 1000 || y > 9999) return std::nullopt;
  const Date date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

// Splits "2015-7-25" (one separator kind, used twice) into its three parts.
std::optional<std::vector<std::string_view>> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  if (parts.size() != 3) return std::nullopt;
  return parts;
}

std::optional<Date> FromParts(std::string_view y, std::string_view m, std::string_view d) {
  if (y.size() != 4 || m.empty() || m.size() > 2 || d.empty() || d.size() > 2) return std::nullopt;
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return std::nullopt;
  return Make(ToInt(y), static_cast<unsigned>(ToInt(m)), static_cast<unsigned>(ToInt(d)));
}

}  // namespace

std::optional<Date> FromExcelSerial(long serial) {
  // 1 is 1900-01-01 and Excel counts a 1900-02-29 that never was (serial 60), so from 61 on a
  // serial is days since 1899-12-30, and before 60 days since 1899-12-31.
  if (serial < 1 || serial > 2958465 || serial == 60) return std::nullopt;
  const std::chrono::sys_days epoch =
      std::chrono::sys_days{year{1899} / 12 / (serial > 60 ? day{30} : day{31})};
  return Date{epoch + std::chrono::days{serial}};
}

std::optional<Date> ParseRosterDate(std::string_view input) {
  std::string text = zj::text::ToHalfWidth(zj::text::TrimSpaces(input));
  std::string_view s = text;
  for (const std::string_view midnight : {" 00:00:00", " 00:00", "T00:00:00"}) {
    if (s.ends_with(midnight)) s.remove_suffix(midnight.size());
  }
  if (s.empty()) return std::nullopt;

  // 2015年7月25日
  static constexpr std::string_view kYear = "年", kMonth = "月", kDay = "日";
  if (const auto y = s.find(kYear); y != std::string_view::npos) {
    const auto m = s.find(kMonth, y);
    if (m == std::string_view::npos || !s.ends_with(kDay)) return std::nullopt;
    return FromParts(s.substr(0, y), s.substr(y + kYear.size(), m - y - kYear.size()),
                     s.substr(m + kMonth.size(), s.size() - m - kMonth.size() - kDay.size()));
  }
  for (const char sep : {'-', '/', '.'}) {
    if (s.find(sep) == std::string_view::npos) continue;
    if (sep == '.' && s.find('.') == s.rfind('.')) break;  // one dot: an Excel serial "42210.0"
    const auto parts = SplitOn(s, sep);
    if (!parts) return std::nullopt;
    return FromParts((*parts)[0], (*parts)[1], (*parts)[2]);
  }
  if (s.size() == 8 && AllDigits(s)) {  // 20150725
    return FromParts(s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
  }
  // An Excel serial: whole days, possibly written with a zero fraction.
  std::string_view whole = s;
  if (const auto dot = s.find('.'); dot != std::string_view::npos) {
    const std::string_view fraction = s.substr(dot + 1);
    for (const char c : fraction) {
      if (c != '0') return std::nullopt;
    }
    whole = s.substr(0, dot);
  }
  if (whole.empty() || whole.size() > 7 || !AllDigits(whole)) return std::nullopt;
  return FromExcelSerial(ToInt(whole));
}

std::string FormatDate(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

int YearsBetween(const Date& birth, const Date& on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  if (on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day())) {
    --years;
  }
  return years;
}

}  // namespace zj::members
