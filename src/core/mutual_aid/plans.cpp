#include "core/mutual_aid/plans.h"

#include <algorithm>
#include <array>
#include <set>

#include "core/members/calendar_date.h"

namespace zj::mutual_aid {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year;

constexpr std::int64_t kMaxAmountFen = 100'000'000;   // ¥1,000,000
constexpr std::int64_t kMaxLossFen = 10'000'000'000;  // ¥100,000,000
constexpr std::size_t kMaxItems = 1'000;
constexpr std::array<std::string_view, 2> kKindCodes{"share_of_loss", "itemised"};

Date Start(PeriodStart s, int y) {
  return Date{year{y}, std::chrono::month{s.month}, std::chrono::day{s.day}};
}

Period PeriodFrom(PeriodStart s, int y) {
  return {Start(s, y), Date{sys_days{Start(s, y + 1)} - days{1}}};
}

bool IsCode(std::string_view code) {
  return !code.empty() && code.size() <= 40 && std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

bool AmountOk(std::int64_t fen) { return fen >= 1 && fen <= kMaxAmountFen; }

}  // namespace

bool IsPeriodStart(PeriodStart s) {
  if (s.month < 1 || s.month > 12 || s.day < 1) return false;
  // A day every year has: 28 in February, the month's length otherwise.
  const unsigned last =
      s.month == 2 ? 28
                   : static_cast<unsigned>(
                         (year{2001} / std::chrono::month{s.month} / std::chrono::last).day());
  return s.day <= last;
}

Period PeriodOf(PeriodStart s, Date day) {
  const int y = static_cast<int>(day.year());
  return day >= Start(s, y) ? PeriodFrom(s, y) : PeriodFrom(s, y - 1);
}

Period NextPeriod(PeriodStart s, const Period& period) {
  return PeriodFrom(s, static_cast<int>(period.starts_on.year()) + 1);
}

Date ChangesDueOn(const Period& period, int days_before) {
  return Date{sys_days{period.ends_on} - days{days_before}};
}

bool ActiveOn(std::optional<Date> joined_on, const std::vector<StatusChange>& changes, Date day) {
  if (joined_on && *joined_on > day) return false;
  const StatusChange* last = nullptr;
  for (const StatusChange& c : changes) {
    if (c.on < day && (last == nullptr || !(c.on < last->on))) last = &c;
  }
  return last == nullptr || last->status == "active";
}

std::optional<FieldError> CoverageRefusal(const std::vector<Enrolment>& enrolments,
                                          std::optional<Date> joined_on,
                                          const std::vector<StatusChange>& changes,
                                          Date incident_date) {
  const bool enrolled = std::any_of(enrolments.begin(), enrolments.end(), [&](const Enrolment& e) {
    return e.period.Contains(incident_date) && e.covered_from <= incident_date &&
           (!e.removed_on || incident_date < *e.removed_on);
  });
  if (!enrolled) return FieldError{"incident_date", "error.mutual_aid.not_enrolled", {}};
  if (!ActiveOn(joined_on, changes, incident_date)) {
    return FieldError{"incident_date", "error.mutual_aid.not_active", {}};
  }
  return std::nullopt;
}

std::string_view BenefitKindCode(BenefitKind kind) {
  return kKindCodes[static_cast<std::size_t>(kind)];
}

std::optional<BenefitKind> ParseBenefitKind(std::string_view code) {
  for (std::size_t i = 0; i < kKindCodes.size(); ++i) {
    if (kKindCodes[i] == code) return static_cast<BenefitKind>(i);
  }
  return std::nullopt;
}

std::vector<FieldError> CheckBenefitRule(const BenefitRule& rule, std::size_t index) {
  std::vector<FieldError> errors;
  const std::string at = "benefits." + std::to_string(index) + ".";
  const auto add = [&](const std::string& field) {
    errors.push_back({at + field, "error.mutual_aid.benefit_" + field, {}});
  };
  if (!IsCode(rule.code)) add("code");
  if (rule.cap_fen && !AmountOk(*rule.cap_fen)) add("cap_fen");
  if (rule.kind == BenefitKind::kShareOfLoss) {
    if (rule.share_bp < 1 || rule.share_bp > 10'000) add("share_bp");
  } else {
    std::set<std::string_view> seen;
    const bool ok = !rule.items.empty() && rule.items.size() <= kMaxItems &&
                    std::all_of(rule.items.begin(), rule.items.end(), [&](const Item& i) {
                      return IsCode(i.code) && AmountOk(i.amount_fen) && seen.insert(i.code).second;
                    });
    if (!ok) add("items");
  }
  return errors;
}

Result<Benefit> Compute(const BenefitRule& rule, const ClaimFacts& facts) {
  Error refused{ErrorCode::kInvalidArgument, "error.mutual_aid.claim", {}, {}, {}};
  std::int64_t fen = 0;
  if (rule.kind == BenefitKind::kShareOfLoss) {
    if (facts.loss_fen < 0 || facts.loss_fen > kMaxLossFen) {
      refused.fields.push_back({"loss_fen", "error.mutual_aid.loss", {}});
      return Fail(std::move(refused));
    }
    fen = facts.loss_fen * rule.share_bp / 10'000;
  } else {
    std::set<std::string_view> counted;
    for (std::size_t i = 0; i < facts.items.size(); ++i) {
      const std::string& code = facts.items[i];
      const auto it = std::find_if(rule.items.begin(), rule.items.end(),
                                   [&](const Item& item) { return item.code == code; });
      if (it == rule.items.end()) {
        refused.fields.push_back(
            {"items." + std::to_string(i), "error.mutual_aid.item_unknown", {{"item", code}}});
      } else if (counted.insert(it->code).second) {
        fen += it->amount_fen;
      }
    }
    if (!refused.fields.empty()) return Fail(std::move(refused));
  }
  if (rule.cap_fen && fen > *rule.cap_fen) return Benefit{*rule.cap_fen, true};
  return Benefit{fen, false};
}

std::string IncidentKey(std::int64_t plan_id, std::string_view benefit_code, std::int64_t member_id,
                        Date incident_date) {
  std::string key = "p" + std::to_string(plan_id) + ":";
  key += benefit_code;
  key += ":m" + std::to_string(member_id) + ":" + members::FormatDate(incident_date);
  return key;
}

}  // namespace zj::mutual_aid
