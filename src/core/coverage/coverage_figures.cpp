#include "core/coverage/coverage_figures.h"

namespace zj::coverage {

Figures& Figures::operator+=(const Figures& o) {
  enterprises += o.enterprises;
  unionised_enterprises += o.unionised_enterprises;
  employees += o.employees;
  members += o.members;
  founding_gap += o.founding_gap;
  return *this;
}

Figures& Figures::operator-=(const Figures& o) {
  enterprises -= o.enterprises;
  unionised_enterprises -= o.unionised_enterprises;
  employees -= o.employees;
  members -= o.members;
  founding_gap -= o.founding_gap;
  return *this;
}

Figures Contribution(std::int64_t employees, bool unionised) {
  Figures f;
  f.enterprises = 1;
  f.unionised_enterprises = unionised ? 1 : 0;
  f.employees = employees;
  f.founding_gap = (!unionised && employees >= kFoundingThreshold) ? 1 : 0;
  return f;
}

std::optional<double> Rate(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace zj::coverage
