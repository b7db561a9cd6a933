// The workbench's card registry: one card per id, shown to the roles it names in the order the
// modules registered them, and the standard set's promises per role (a worker gets none).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/requests/workbench_cards.h"
#include "app/workbench/workbench.h"

namespace zj::app {
namespace {

CardSpec Spec(std::string id, std::vector<std::string> roles) {
  return CardSpec{std::move(id), CardKind::kTodo, std::move(roles),
                  [](const CardContext&) -> Result<std::optional<Card>> {
                    return std::optional<Card>(Card{});
                  }};
}

std::vector<std::string> IdsFor(const CardRegistry& registry, std::string_view role) {
  std::vector<std::string> ids;
  for (const CardSpec* spec : registry.For(role)) ids.push_back(spec->id);
  return ids;
}

TEST(WorkbenchRegistry, ShowsACardOnlyToTheRolesItNamesInRegistrationOrder) {
  CardRegistry registry;
  registry.Add(Spec("b_first", {"cadre", "staff"}));
  registry.Add(Spec("a_second", {"staff"}));
  registry.Add(Spec("c_third", {"cadre"}));
  EXPECT_EQ(IdsFor(registry, "staff"), (std::vector<std::string>{"b_first", "a_second"}));
  EXPECT_EQ(IdsFor(registry, "cadre"), (std::vector<std::string>{"b_first", "c_third"}));
  EXPECT_TRUE(registry.For("operator").empty());
}

TEST(WorkbenchRegistry, RefusesASecondCardWithTheSameId) {
  CardRegistry registry;
  registry.Add(Spec("requests_overdue", {"cadre"}));
  EXPECT_THROW(registry.Add(Spec("requests_overdue", {"staff"})), std::logic_error);
  EXPECT_EQ(registry.All().size(), 1u);
}

TEST(WorkbenchRegistry, StandardCardsHaveUniqueIdsRolesAndAFunction) {
  const CardRegistry registry = StandardCards();
  std::set<std::string> ids;
  for (const CardSpec& spec : registry.All()) {
    EXPECT_TRUE(ids.insert(spec.id).second) << spec.id;
    EXPECT_FALSE(spec.roles.empty()) << spec.id;
    EXPECT_TRUE(static_cast<bool>(spec.compute)) << spec.id;
    // The web's label key is workbench.cards.<id>: a dot would split it.
    EXPECT_EQ(spec.id.find('.'), std::string::npos) << spec.id;
  }
}

TEST(WorkbenchRegistry, StandardCardsGiveEachRoleItsOwnWorkAndAWorkerNothing) {
  const CardRegistry registry = StandardCards();
  EXPECT_TRUE(registry.For("worker").empty());
  for (const char* role : {"cadre", "staff", "admin"}) {
    const auto ids = IdsFor(registry, role);
    for (const char* id :
         {"requests_to_accept", "requests_overdue", "requests_escalated", "requests_follow_ups",
          "requests_due_today", "members_transfers", "members_imports_running", "kpi_members",
          "kpi_membership_rate", "kpi_requests_recent", "kpi_on_time_rate"}) {
      EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << role << " " << id;
    }
  }
  // The hotline operator registers and reads requests but neither accepts nor decides.
  const auto operator_ids = IdsFor(registry, "operator");
  EXPECT_EQ(std::find(operator_ids.begin(), operator_ids.end(), "requests_to_accept"),
            operator_ids.end());
  EXPECT_EQ(std::find(operator_ids.begin(), operator_ids.end(), "members_transfers"),
            operator_ids.end());
  EXPECT_NE(std::find(operator_ids.begin(), operator_ids.end(), "requests_overdue"),
            operator_ids.end());
}

TEST(WorkbenchRegistry, StandardCardsPutToDosBeforeFigures) {
  const CardRegistry registry = StandardCards();
  bool seen_kpi = false;
  for (const CardSpec& spec : registry.All()) {
    if (spec.kind == CardKind::kKpi) seen_kpi = true;
    if (seen_kpi) {
      EXPECT_EQ(spec.kind, CardKind::kKpi) << spec.id << " comes after a figure";
    }
  }
}

TEST(WorkbenchDeadlines, TodayEndsAtBeijingMidnight) {
  constexpr std::int64_t kHour = 3600LL * 1000;
  // 2026-12-06 04:00 UTC is noon in Beijing; the day ends at 16:00 UTC.
  const std::int64_t noon = 1796529600000;
  EXPECT_EQ(EndOfLocalDay(noon), noon + 12 * kHour);
  // At 17:00 UTC it is already 01:00 on the 7th in Beijing: that day ends a day later.
  EXPECT_EQ(EndOfLocalDay(noon + 13 * kHour), noon + 36 * kHour);
  // Exactly at midnight the new day has begun.
  EXPECT_EQ(EndOfLocalDay(noon + 12 * kHour), noon + 36 * kHour);
  EXPECT_EQ(EndOfLocalDay(noon + 12 * kHour - 1), noon + 12 * kHour);
}

}  // namespace
}  // namespace zj::app
