// The service dashboard of any org the actor can see, for the whole subtree: volume by
// category and week, on-time acceptance and resolution, the median resolution time's range,
// escalations by child org, satisfaction, and the orgs with the most overdue requests. It
// reads the request_stats counters (a few rows per week and category, whatever the volume)
// and, for "overdue now", the open requests' deadline index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "core/requests/service_stats.h"
#include "core/result.h"
#include "store/database.h"
#include "store/orgs.h"
#include "store/service_requests.h"

namespace zj::app {

struct DashboardCategory {
  std::string code;  //!< a top-level category; sub-types are counted in it
  std::string name_zh;
  std::string name_en;
  requests::StatsDelta figures;
};

struct DashboardWeek {
  std::string week;  //!< its Monday, YYYY-MM-DD
  requests::StatsDelta figures;
  std::vector<std::pair<std::string, std::int64_t>> submitted_by_category;
};

struct DashboardChild {
  std::int64_t org_id = 0;
  std::string name;
  requests::StatsDelta figures;
};

struct ServiceDashboardView {
  store::OrgRow org;
  std::string from_week;
  int weeks = 12;
  requests::StatsDelta total;
  std::vector<DashboardCategory> categories;
  std::vector<DashboardWeek> series;  //!< every week of the window, also empty ones
  std::vector<DashboardChild> children;
  std::vector<store::OverdueCount> most_overdue;
  std::optional<double> accepted_on_time_rate;  //!< of the accepted
  std::optional<double> resolved_on_time_rate;  //!< of the resolved
  std::optional<double> average_rating;         //!< 1..5
  std::optional<std::size_t> median_bucket;     //!< index into requests::kResolveBucketDays
};

class ServiceDashboard {
 public:
  ServiceDashboard(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  //! The dashboard of `org_id` (the actor's own org when nullopt) over the last `weeks` weeks
  //! (1..53) up to now; kNotFound outside the actor's scope.
  Result<ServiceDashboardView> Of(const Actor& actor, std::optional<std::int64_t> org_id,
                                  int weeks = 12);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace zj::app
