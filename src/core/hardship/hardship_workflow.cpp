#include "core/hardship/hardship_workflow.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <utility>

namespace zj::hardship {

namespace {

using std::chrono::sys_days;

constexpr std::array<std::pair<Stage, std::string_view>, 8> kStages = {{
    {Stage::kApplied, "applied"},
    {Stage::kFirstReviewed, "first_reviewed"},
    {Stage::kVisited, "visited"},
    {Stage::kReviewed, "reviewed"},
    {Stage::kPublicised, "publicised"},
    {Stage::kActive, "active"},
    {Stage::kClosed, "closed"},
    {Stage::kErased, "erased"},
}};

constexpr std::array<std::pair<Step, std::string_view>, 11> kSteps = {{
    {Step::kFirstReview, "first_review"},
    {Step::kVisit, "visit"},
    {Step::kReview, "review"},
    {Step::kPublicise, "publicise"},
    {Step::kObject, "object"},
    {Step::kAnswer, "answer"},
    {Step::kApprove, "approve"},
    {Step::kAnnualReview, "annual_review"},
    {Step::kSpotCheck, "spot_check"},
    {Step::kClose, "close"},
    {Step::kErase, "erase"},
}};

struct Move {
  Stage from;
  Step step;
  Stage to;
};

//! The main line and the steps that keep a stage (close is allowed from every open stage).
constexpr Move kMoves[] = {
    {Stage::kApplied, Step::kFirstReview, Stage::kFirstReviewed},
    {Stage::kFirstReviewed, Step::kVisit, Stage::kVisited},
    {Stage::kVisited, Step::kReview, Stage::kReviewed},
    {Stage::kReviewed, Step::kPublicise, Stage::kPublicised},
    {Stage::kPublicised, Step::kObject, Stage::kPublicised},
    {Stage::kPublicised, Step::kAnswer, Stage::kPublicised},
    {Stage::kPublicised, Step::kApprove, Stage::kActive},
    {Stage::kActive, Step::kAnnualReview, Stage::kActive},
    {Stage::kActive, Step::kSpotCheck, Stage::kActive},
    {Stage::kClosed, Step::kErase, Stage::kErased},
};

//! A day `months` on, clamped to the month's last day.
sys_days AddMonths(sys_days from, int months) {
  const std::chrono::year_month_day d(from);
  const std::chrono::year_month_day shifted = d + std::chrono::months(months);
  if (shifted.ok()) return sys_days(shifted);
  return sys_days(shifted.year() / shifted.month() / std::chrono::last);
}

//! splitmix64's finaliser: a well-mixed 64-bit hash of one number. Written out (eight lines)
//! rather than taken from a library because the draw must be the same on every platform and
//! standard library, which std::shuffle and the std distributions do not promise.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::string_view StageName(Stage stage) {
  for (const auto& [s, name] : kStages) {
    if (s == stage) return name;
  }
  return "applied";
}

std::optional<Stage> ParseStage(std::string_view text) {
  for (const auto& [s, name] : kStages) {
    if (name == text) return s;
  }
  return std::nullopt;
}

std::string_view StepName(Step step) {
  for (const auto& [s, name] : kSteps) {
    if (s == step) return name;
  }
  return "close";
}

std::optional<Step> ParseStep(std::string_view text) {
  for (const auto& [s, name] : kSteps) {
    if (name == text) return s;
  }
  return std::nullopt;
}

bool IsOpen(Stage stage) { return stage != Stage::kClosed && stage != Stage::kErased; }

std::optional<Stage> NextStage(Stage from, Step step) {
  if (step == Step::kClose) return IsOpen(from) ? std::optional(Stage::kClosed) : std::nullopt;
  for (const Move& m : kMoves) {
    if (m.from == from && m.step == step) return m.to;
  }
  return std::nullopt;
}

Who WhoMay(Step step) {
  switch (step) {
    case Step::kReview:
    case Step::kApprove:
    case Step::kSpotCheck:
      return Who::kAboveFile;
    case Step::kErase:
      return Who::kSystem;
    default:
      return Who::kFileScope;
  }
}

std::vector<Step> OfferedSteps(Stage stage) {
  std::vector<Step> out;
  // The main line's next step first: approve before object and answer while publicised.
  if (stage == Stage::kPublicised) out.push_back(Step::kApprove);
  for (const Move& m : kMoves) {
    if (m.from == stage && m.step != Step::kErase && m.step != Step::kSpotCheck &&
        m.step != Step::kApprove) {
      out.push_back(m.step);
    }
  }
  if (IsOpen(stage)) out.push_back(Step::kClose);
  return out;
}

bool IsCloseReason(std::string_view code) {
  return std::find(std::begin(kCloseReasons), std::end(kCloseReasons), code) !=
         std::end(kCloseReasons);
}

std::vector<FieldError> CheckVisit(sys_days visit_on, sys_days opened_on, sys_days today,
                                   const std::vector<std::string_view>& visitors) {
  std::vector<FieldError> out;
  if (visit_on > today) {
    out.push_back({"visit_on", "error.hardship.visit_future", {}});
  } else if (visit_on < opened_on) {
    out.push_back({"visit_on", "error.hardship.visit_before_file", {}});
  }
  std::set<std::string_view> named;
  bool malformed = false;
  for (const std::string_view v : visitors) {
    // Characters, not bytes: a Chinese name of two characters is six bytes of UTF-8.
    const auto chars = std::count_if(
        v.begin(), v.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    if (chars < 1 || chars > 20) malformed = true;
    named.insert(v);
  }
  if (malformed) {
    out.push_back({"visitors", "error.hardship.visitor_name", {}});
  } else if (named.size() < 2 || named.size() != visitors.size()) {
    out.push_back({"visitors", "error.hardship.visitors_two", {}});
  }
  return out;
}

std::optional<std::string_view> ApproveBlocker(sys_days today, sys_days publicity_ends,
                                               int open_objections) {
  if (today <= publicity_ends) return "error.hardship.publicity_running";
  if (open_objections > 0) return "error.hardship.objections_open";
  return std::nullopt;
}

sys_days ReviewDue(sys_days from, int months) { return AddMonths(from, months); }

bool ReviewShowsDue(sys_days due, sys_days today, int reminder_days) {
  return today + std::chrono::days(reminder_days) >= due;
}

sys_days EraseFrom(sys_days closed_on, int years) { return AddMonths(closed_on, 12 * years); }

std::vector<std::int64_t> DrawSpotChecks(std::vector<std::int64_t> active_ids, int pct,
                                         std::uint64_t seed) {
  pct = std::clamp(pct, 0, 100);
  std::sort(active_ids.begin(), active_ids.end());
  active_ids.erase(std::unique(active_ids.begin(), active_ids.end()), active_ids.end());
  const std::size_t n = active_ids.size();
  const std::size_t k = (n * static_cast<std::size_t>(pct) + 99) / 100;
  // Rank by a hash of (id, seed) and keep the k lowest: independent of the input's order.
  std::vector<std::pair<std::uint64_t, std::int64_t>> ranked;
  ranked.reserve(n);
  for (const std::int64_t id : active_ids) {
    ranked.emplace_back(Mix(static_cast<std::uint64_t>(id) ^ Mix(seed)), id);
  }
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end());
  std::vector<std::int64_t> out;
  out.reserve(k);
  for (std::size_t i = 0; i < k; ++i) out.push_back(ranked[i].second);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace zj::hardship
