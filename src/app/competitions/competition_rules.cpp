#include "app/competitions/competition_rules.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>

#include "app/members/member_access.h"
#include "core/competitions/entrants.h"
#include "core/members/calendar_date.h"
#include "core/text/field_limits.h"

namespace zj::app {

namespace {

constexpr std::size_t kMaxGroups = 20;
constexpr std::size_t kMaxVetoItems = 20;

//! Strictly YYYY-MM-DD and a real day.
bool IsDay(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
  }
  const std::chrono::year_month_day day{
      std::chrono::year{std::stoi(text.substr(0, 4))},
      std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
      std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
  return day.ok();
}

}  // namespace

bool IsCode(const std::string& code) {
  if (code.empty() || code.size() > 40) return false;
  for (const char ch : code) {
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  }
  return true;
}

void CheckName(const std::string& field, const std::string& text, std::size_t max, Error& invalid) {
  if (text.empty()) {
    invalid.fields.push_back({field, "error.field.required", {}});
  } else if (zj::text::CodePoints(text) > max) {
    invalid.fields.push_back({field, "error.field.too_long", {{"max", std::to_string(max)}}});
  }
}

std::string TodayText(const Clock& clock) { return members::FormatDate(TodayInChina(clock)); }

Result<void> CheckNewCompetition(const NewCompetition& in) {
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "competition", {}, {}};
  if (in.kind != "labour" && in.kind != "skills" && in.kind != "knowledge") {
    invalid.fields.push_back({"kind", "error.competition.kind", {}});
  }
  CheckName("title", in.title, 200, invalid);
  if (!competitions::ParseMethod(in.method)) {
    invalid.fields.push_back({"method", "error.competition.method", {}});
  }
  if (!competitions::ParseTieBreak(in.tie_break)) {
    invalid.fields.push_back({"tie_break", "error.competition.tie_break", {}});
  }
  if (in.enrol_ends_on && !IsDay(*in.enrol_ends_on)) {
    invalid.fields.push_back({"enrol_ends_on", "error.date.invalid", {}});
  }
  if (in.scoring_ends_on && !IsDay(*in.scoring_ends_on)) {
    invalid.fields.push_back({"scoring_ends_on", "error.date.invalid", {}});
  } else if (in.scoring_ends_on && in.enrol_ends_on && *in.scoring_ends_on < *in.enrol_ends_on) {
    invalid.fields.push_back({"scoring_ends_on", "error.competition.phase_order", {}});
  }
  if (in.groups.empty() || in.groups.size() > kMaxGroups) {
    invalid.fields.push_back(
        {"groups", "error.competition.groups", {{"max", std::to_string(kMaxGroups)}}});
  }
  std::set<std::string> codes;
  for (std::size_t i = 0; i < in.groups.size() && i < kMaxGroups; ++i) {
    const auto& g = in.groups[i];
    const std::string at = "groups." + std::to_string(i) + ".";
    if (!IsCode(g.code) || !codes.insert(g.code).second) {
      invalid.fields.push_back({at + "code", "error.competition.group_code", {}});
    }
    CheckName(at + "name", g.name, 100, invalid);
    if (!competitions::ParseEntrantKind(g.entrant_kind)) {
      invalid.fields.push_back({at + "entrant_kind", "error.competition.entrant_kind", {}});
    }
    if (g.entrant_kind != "individual" && !g.eligibility.empty()) {
      invalid.fields.push_back(
          {at + "eligibility", "error.competition.eligibility_individual", {}});
    }
    for (auto f : competitions::CheckEligibilityRules(g.eligibility)) {
      f.field = at + f.field;
      invalid.fields.push_back(std::move(f));
    }
    if (auto checked = competitions::CheckSheet(g.sheet); !checked) {
      if (checked.error().fields.empty()) {
        invalid.fields.push_back({at + "sheet", checked.error().message_key, {}});
      }
      for (auto f : checked.error().fields) {
        f.field = at + "sheet." + f.field;
        invalid.fields.push_back(std::move(f));
      }
    }
  }
  if (in.certificate_ranks < 0 || in.certificate_ranks > 100) {
    invalid.fields.push_back(
        {"certificate_ranks", "error.field.out_of_range", {{"min", "0"}, {"max", "100"}}});
  }
  if (in.veto_items.size() > kMaxVetoItems) {
    invalid.fields.push_back(
        {"veto_items", "error.competition.veto_items", {{"max", std::to_string(kMaxVetoItems)}}});
  }
  std::set<std::string> vetoes;
  for (std::size_t i = 0; i < in.veto_items.size() && i < kMaxVetoItems; ++i) {
    const std::string at = "veto_items." + std::to_string(i) + ".";
    if (!IsCode(in.veto_items[i].code) || !vetoes.insert(in.veto_items[i].code).second) {
      invalid.fields.push_back({at + "code", "error.competition.veto_code", {}});
    }
    CheckName(at + "name", in.veto_items[i].name, 100, invalid);
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return {};
}

std::string EligibilityJson(const std::vector<competitions::EligibilityRule>& rules) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rules) {
    out.push_back({{"criterion", std::string(competitions::CriterionCode(r.criterion))},
                   {"value", r.value},
                   {"trades", r.trades}});
  }
  return out.dump();
}

Result<std::vector<competitions::EligibilityRule>> EligibilityFromJson(const std::string& json) {
  std::vector<competitions::EligibilityRule> rules;
  try {
    for (const auto& r : nlohmann::json::parse(json)) {
      const auto criterion = competitions::ParseCriterion(r.at("criterion").get<std::string>());
      if (!criterion) return Fail(ErrorCode::kInternal, "error.internal", "stored criterion");
      rules.push_back(
          {*criterion, r.at("value").get<int>(), r.at("trades").get<std::vector<std::string>>()});
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(ErrorCode::kInternal, "error.internal",
                std::string("stored eligibility: ") + e.what());
  }
  return rules;
}

}  // namespace zj::app
