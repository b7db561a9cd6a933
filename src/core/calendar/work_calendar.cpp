#include "core/calendar/work_calendar.h"

#include <charconv>
#include <optional>
#include <vector>

namespace zj::calendar {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMsPerDay = 86'400'000;

// `key` is the message ("error.calendar.<key>"); `reason` the English detail for logs.
Error BadLine(std::size_t line, std::string_view key, const std::string& reason) {
  return Error{ErrorCode::kInvalidArgument,
               "error.calendar." + std::string(key),
               "line " + std::to_string(line) + ": " + reason,
               {},
               {{"line", std::to_string(line)}}};
}

// "2026-01-04" only: the data file is written by people who can be asked for one form.
std::optional<sys_days> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const char* const p = &s.front();  // ten characters, checked above
  if (std::from_chars(p, p + 4, y).ptr != p + 4) return std::nullopt;
  if (std::from_chars(p + 5, p + 7, m).ptr != p + 7) return std::nullopt;
  if (std::from_chars(p + 8, p + 10, d).ptr != p + 10) return std::nullopt;
  const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return sys_days{date};
}

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsWeekend(sys_days day) {
  const std::chrono::weekday wd{day};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

// The rest of the words after `from`, joined by single spaces (a holiday's name).
std::string NameOf(const std::vector<std::string_view>& words, std::size_t from) {
  std::string name;
  for (std::size_t i = from; i < words.size(); ++i) {
    if (!name.empty()) name += ' ';
    name += words[i];
  }
  return name;
}

}  // namespace

Result<CalendarYear> ParseCalendarYear(std::string_view text) {
  CalendarYear out;
  bool has_year = false;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto words = Words(line);
    if (words.empty()) continue;
    if (words[0] == "year") {
      if (has_year) return Fail(BadLine(number, "second_year", "a second year line"));
      if (words.size() != 2 ||
          std::from_chars(words[1].data(), words[1].data() + words[1].size(), out.year).ptr !=
              words[1].data() + words[1].size() ||
          out.year < 1949 || out.year > 9999) {
        return Fail(BadLine(number, "year", "year needs one four-digit year"));
      }
      has_year = true;
      continue;
    }
    if (!has_year) return Fail(BadLine(number, "year_first", "the year line must come first"));
    const bool off = words[0] == "off";
    if (!off && words[0] != "work") {
      return Fail(BadLine(number, "keyword", "unknown keyword " + std::string(words[0])));
    }
    if (words.size() < 2) return Fail(BadLine(number, "date", "a date is missing"));
    const auto first = ParseIsoDate(words[1]);
    if (!first) return Fail(BadLine(number, "date", "not a date: " + std::string(words[1])));
    sys_days last = *first;
    std::size_t name_from = 2;
    if (off && words.size() > 2) {
      if (const auto second = ParseIsoDate(words[2])) {
        last = *second;
        name_from = 3;
      }
    }
    if (last < *first) return Fail(BadLine(number, "backwards", "the range runs backwards"));
    const std::string name = NameOf(words, name_from);
    for (sys_days day = *first; day <= last; day += days{1}) {
      if (static_cast<int>(Date{day}.year()) != out.year) {
        return Fail(
            BadLine(number, "outside_year", "a date outside year " + std::to_string(out.year)));
      }
      if (off) {
        if (out.work.contains(day))
          return Fail(BadLine(number, "both", "a day both off and worked"));
        out.off[day] = name;
      } else {
        if (out.off.contains(day))
          return Fail(BadLine(number, "both", "a day both off and worked"));
        if (!IsWeekend(day))
          return Fail(BadLine(number, "weekday", "a worked day must be a weekend day"));
        out.work[day] = name;
      }
    }
  }
  if (!has_year) return Fail(BadLine(1, "year_first", "no year line"));
  return out;
}

void WorkCalendar::Load(CalendarYear year) { years_[year.year] = std::move(year); }

bool WorkCalendar::IsWorkingDay(sys_days day) const {
  const auto it = years_.find(static_cast<int>(Date{day}.year()));
  if (it != years_.end()) {
    if (it->second.work.contains(day)) return true;
    if (it->second.off.contains(day)) return false;
  }
  return !IsWeekend(day);
}

std::string WorkCalendar::HolidayName(sys_days day) const {
  const auto it = years_.find(static_cast<int>(Date{day}.year()));
  if (it == years_.end()) return {};
  const auto off = it->second.off.find(day);
  return off == it->second.off.end() ? std::string() : off->second;
}

sys_days WorkCalendar::AddWorkingDays(sys_days day, int n) const {
  // At most a few weeks of holidays in a row: the loop is short.
  while (n > 0) {
    day += days{1};
    if (IsWorkingDay(day)) --n;
  }
  return day;
}

sys_days LocalDay(std::int64_t ms, int utc_offset_minutes) {
  const std::int64_t local = ms + utc_offset_minutes * kMsPerMinute;
  // Floor division, so instants before 1970 land on the right day too.
  const std::int64_t day = local >= 0 ? local / kMsPerDay : -((-local + kMsPerDay - 1) / kMsPerDay);
  return sys_days{days{day}};
}

std::int64_t WorkCalendar::DeadlineMs(std::int64_t start_ms, int n, int utc_offset_minutes) const {
  const sys_days due = AddWorkingDays(LocalDay(start_ms, utc_offset_minutes), n);
  const std::int64_t next_midnight_local =
      static_cast<std::int64_t>((due + days{1}).time_since_epoch().count()) * kMsPerDay;
  return next_midnight_local - utc_offset_minutes * kMsPerMinute;
}

int WorkCalendar::WorkingDaysBetween(std::int64_t from_ms, std::int64_t to_ms,
                                     int utc_offset_minutes) const {
  const sys_days from = LocalDay(from_ms, utc_offset_minutes);
  const sys_days to = LocalDay(to_ms, utc_offset_minutes);
  int count = 0;
  for (sys_days day = from + days{1}; day <= to; day += days{1}) count += IsWorkingDay(day);
  return count;
}

}  // namespace zj::calendar
