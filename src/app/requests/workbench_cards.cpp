#include "app/requests/workbench_cards.h"

#include "core/requests/service_stats.h"
#include "store/request_stats.h"
#include "store/workbench_counts.h"

namespace zj::app {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::int64_t kWeekMs = 7 * kDayMs;
constexpr std::int64_t kUtcOffsetMs = 8LL * 3600 * 1000;  // as requests::WeekOf: Beijing time
constexpr int kDeadlineItems = 5;

const std::vector<std::string> kHandlers{"cadre", "staff", "admin"};
const std::vector<std::string> kViewers{"cadre", "staff", "operator", "admin"};

CardLink Queue(std::vector<std::pair<std::string, std::string>> query) {
  return CardLink{"/requests", std::move(query)};
}

Card Count(std::int64_t n, CardLink link) {
  Card c;
  c.count = n;
  c.link = std::move(link);
  return c;
}

// The queue "mine" filtered to submitted: requests/:box=mine&status=submitted.
Result<std::optional<Card>> ToAccept(const CardContext& ctx) {
  if (!ctx.actor.org_id) return std::optional<Card>();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  ZJ_ASSIGN_OR_RETURN(
      std::int64_t n,
      store::CountWaitingForAcceptance(*lease, *ctx.actor.org_id, ctx.scope_low, ctx.scope_high));
  return std::optional(Count(n, Queue({{"box", "mine"}, {"status", "submitted"}})));
}

Result<std::optional<Card>> Overdue(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  ZJ_ASSIGN_OR_RETURN(std::int64_t n,
                      store::CountOverdue(*lease, ctx.scope_low, ctx.scope_high, ctx.now_ms));
  return std::optional(Count(n, Queue({{"box", "overdue"}})));
}

// The queue "escalated" filtered to the open statuses (a comma list in the query).
Result<std::optional<Card>> Escalated(const CardContext& ctx) {
  if (!ctx.actor.org_id) return std::optional<Card>();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  ZJ_ASSIGN_OR_RETURN(std::int64_t n, store::CountOpenEscalatedTo(*lease, *ctx.actor.org_id,
                                                                  ctx.scope_low, ctx.scope_high));
  return std::optional(
      Count(n, Queue({{"box", "escalated"}, {"status", "submitted,accepted,in_progress"}})));
}

Result<std::optional<Card>> FollowUps(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  ZJ_ASSIGN_OR_RETURN(std::int64_t n,
                      store::CountOpenFollowUps(*lease, ctx.scope_low, ctx.scope_high));
  return std::optional(Count(n, Queue({{"box", "follow_up"}})));
}

// Deadlines (of whatever milestone is next) still ahead today; the lapsed ones are "overdue".
Result<std::optional<Card>> DueToday(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  // A deadline is the end of its day, the coming local midnight itself (WorkCalendar::
  // DeadlineMs): today's are those up to and including that instant.
  const std::int64_t end = EndOfLocalDay(ctx.now_ms) + 1;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::DeadlinesBetween(*lease, ctx.scope_low, ctx.scope_high,
                                                         ctx.now_ms, end, kDeadlineItems));
  Card c;
  if (static_cast<int>(rows.size()) < kDeadlineItems) {
    c.count = static_cast<std::int64_t>(rows.size());
  } else {
    ZJ_ASSIGN_OR_RETURN(c.count, store::CountDeadlinesBetween(*lease, ctx.scope_low, ctx.scope_high,
                                                              ctx.now_ms, end));
  }
  for (auto& r : rows) {
    c.items.push_back(CardItem{std::move(r.title), r.tracking_number + " · " + r.org_name,
                               std::move(r.status), r.next_due,
                               CardLink{"/requests/" + std::to_string(r.id), {}}});
  }
  return std::optional(std::move(c));
}

// The service dashboard's figures of the actor's own org over its last kWorkbenchWeeks weeks.
Result<std::optional<requests::StatsDelta>> RecentFigures(const CardContext& ctx) {
  if (!ctx.actor.org_id) return std::optional<requests::StatsDelta>();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, ctx.db.Acquire());
  const std::string from = requests::WeekOf(ctx.now_ms - (kWorkbenchWeeks - 1) * kWeekMs);
  ZJ_ASSIGN_OR_RETURN(auto rows, store::RequestStatsOf(*lease, *ctx.actor.org_id, from));
  requests::StatsDelta total;
  for (const auto& row : rows) total += row.figures;
  return std::optional(total);
}

CardLink Dashboard() {
  return CardLink{"/requests/dashboard", {{"weeks", std::to_string(kWorkbenchWeeks)}}};
}

Result<std::optional<Card>> RecentRequests(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(auto figures, RecentFigures(ctx));
  if (!figures) return std::optional<Card>();
  return std::optional(Count(figures->submitted, Dashboard()));
}

Result<std::optional<Card>> OnTimeRate(const CardContext& ctx) {
  ZJ_ASSIGN_OR_RETURN(auto figures, RecentFigures(ctx));
  if (!figures) return std::optional<Card>();
  Card c;
  c.is_rate = true;
  c.rate = requests::Rate(figures->resolved_on_time, figures->resolved);
  c.link = Dashboard();
  return std::optional(std::move(c));
}

}  // namespace

std::int64_t EndOfLocalDay(std::int64_t now_ms) {
  const std::int64_t local = now_ms + kUtcOffsetMs;
  const std::int64_t day = local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
  return (day + 1) * kDayMs - kUtcOffsetMs;
}

void AddRequestCards(CardRegistry& registry) {
  registry.Add({"requests_to_accept", CardKind::kTodo, kHandlers, ToAccept});
  registry.Add({"requests_overdue", CardKind::kTodo, kViewers, Overdue});
  registry.Add({"requests_escalated", CardKind::kTodo, kHandlers, Escalated});
  registry.Add({"requests_follow_ups", CardKind::kTodo, kViewers, FollowUps});
  registry.Add({"requests_due_today", CardKind::kList, kHandlers, DueToday});
}

void AddRequestKpis(CardRegistry& registry) {
  registry.Add({"kpi_requests_recent", CardKind::kKpi, kHandlers, RecentRequests});
  registry.Add({"kpi_on_time_rate", CardKind::kKpi, kHandlers, OnTimeRate});
}

}  // namespace zj::app
