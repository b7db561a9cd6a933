// Mutual-aid plans on the member card (互助保障, issue 22; shared/context/service-rules.md
// "Member card and mutual aid": a period such as 1 June – 31 May; fire or burst pipes 10 % of
// the loss up to ¥20,000; injury items from a list with amounts up to ¥5,000; headcount changes
// due 15 days before the period ends): the period a date falls in, whether a member was covered
// on an incident's date, what the benefit table pays, and the key that finds a second claim of
// the same incident. Money is integer fen, shares in basis points; pure functions.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::mutual_aid {

using Date = std::chrono::year_month_day;

//! A plan's yearly period starts on this month and day (1 June) and runs one year, ending the
//! day before (31 May), across the year's end. Day 1..28 in February, so every year has it.
struct PeriodStart {
  unsigned month = 1;
  unsigned day = 1;
};
bool IsPeriodStart(PeriodStart start);

struct Period {
  Date starts_on;
  Date ends_on;  //!< inclusive
  bool Contains(Date d) const { return starts_on <= d && d <= ends_on; }
};

//! The period containing `day`: 2026-03-10 with a 1 June start is 2025-06-01 – 2026-05-31.
Period PeriodOf(PeriodStart start, Date day);
//! The next period after `period`.
Period NextPeriod(PeriodStart start, const Period& period);
//! The day the next period's headcount changes are due: `days_before` days before the end
//! (15: 2026-05-16 for a period ending 2026-05-31).
Date ChangesDueOn(const Period& period, int days_before);

//! A member's enrolment in one period of a plan: from the day the union confirmed it (or the
//! period's start) until removed (the day after the last covered day), if removed.
struct Enrolment {
  Period period;
  Date covered_from;
  std::optional<Date> removed_on;  //!< first day no longer covered
};

//! The member's registry status changes in order (core/members: active, transferred_out,
//! retired, deceased, left). A change takes effect the day AFTER its date: a member who retired
//! or died on a day was still a member that day (an accident on the day of death is covered).
struct StatusChange {
  Date on;
  std::string status;
};

//! Active on `day`: joined on or before it (unknown join date: joined long ago), and the last
//! change dated before `day` left the member active.
bool ActiveOn(std::optional<Date> joined_on, const std::vector<StatusChange>& changes, Date day);

//! Why a member was not covered on an incident's date, as a field error on "incident_date":
//! "error.mutual_aid.not_enrolled" (no enrolment whose period contains the date, or before
//! covered_from, or from removed_on on), "error.mutual_aid.not_active" (enrolled but no longer
//! a member that day). nullopt: covered.
std::optional<FieldError> CoverageRefusal(const std::vector<Enrolment>& enrolments,
                                          std::optional<Date> joined_on,
                                          const std::vector<StatusChange>& changes,
                                          Date incident_date);

//! One kind of benefit of a plan's table.
enum class BenefitKind {
  kShareOfLoss,  //!< share_bp of the loss (fire, burst pipes), up to cap_fen
  kItemised,     //!< each listed item's amount (injury items), the sum up to cap_fen
};
std::string_view BenefitKindCode(BenefitKind kind);
std::optional<BenefitKind> ParseBenefitKind(std::string_view code);

struct Item {
  std::string code;  //!< [a-z0-9_.-], ≤ 40: "fracture.femur"
  std::int64_t amount_fen = 0;
};

struct BenefitRule {
  std::string code;  //!< the benefit's code in the plan: "fire", "injury"
  BenefitKind kind = BenefitKind::kShareOfLoss;
  int share_bp = 0;                     //!< kShareOfLoss: 1..10,000 (10 % = 1,000)
  std::optional<std::int64_t> cap_fen;  //!< per incident
  std::vector<Item> items;              //!< kItemised: 1..1,000, codes once each
};

//! Field errors of a rule as loaded, under "benefits.<index>.": code, share_bp (1..10,000),
//! cap_fen (¥0.01..¥1,000,000), items (1..1,000, none repeated, amounts ¥0.01..¥1,000,000).
std::vector<FieldError> CheckBenefitRule(const BenefitRule& rule, std::size_t index);

struct ClaimFacts {
  std::int64_t loss_fen = 0;       //!< kShareOfLoss: the assessed loss after other payers
  std::vector<std::string> items;  //!< kItemised: the items the evidence shows
};

struct Benefit {
  std::int64_t fen = 0;
  bool capped = false;
};

//! What the rule pays: ⌊loss × share_bp ÷ 10,000⌋ or the listed items' amounts (an item named
//! twice counts once), then the cap. kInvalidArgument "error.mutual_aid.claim" with field
//! "items.<i>" key "error.mutual_aid.item_unknown" for an item not on the list, "loss_fen"
//! key "error.mutual_aid.loss" for a negative loss or above ¥100,000,000.
Result<Benefit> Compute(const BenefitRule& rule, const ClaimFacts& facts);

//! The key under which one incident is claimed once: plan, benefit, member, incident date
//! ("p12:fire:m345:2026-03-10"); the store holds it unique among claims not refused.
std::string IncidentKey(std::int64_t plan_id, std::string_view benefit_code, std::int64_t member_id,
                        Date incident_date);

}  // namespace zj::mutual_aid
