// Coverage arithmetic (覆盖面): the figures one enterprise contributes to the rollup of every
// org above it, adding and subtracting such contributions, and the rates shown on dashboards.
// A rollup is the sum of its subtree's contributions, so a change is a delta
// (Contribution(after) - Contribution(before)) applied to each ancestor.
#pragma once

#include <cstdint>
#include <optional>

namespace zj::coverage {

//! An enterprise with this many employees or more should found a union (工会法 §11: 25 members
//! may found a grassroots committee); without one it is on the founding list.
inline constexpr std::int64_t kFoundingThreshold = 25;

struct Figures {
  std::int64_t enterprises = 0;
  std::int64_t unionised_enterprises = 0;
  std::int64_t employees = 0;
  std::int64_t members = 0;       //!< maintained by the member registry; 0 until it exists
  std::int64_t founding_gap = 0;  //!< enterprises >= kFoundingThreshold employees, no union

  Figures& operator+=(const Figures& o);
  Figures& operator-=(const Figures& o);
  friend Figures operator+(Figures a, const Figures& b) { return a += b; }
  friend Figures operator-(Figures a, const Figures& b) { return a -= b; }
  friend Figures operator-(const Figures& a) { return Figures{} - a; }
  bool operator==(const Figures&) const = default;
  bool IsZero() const { return *this == Figures{}; }
};

//! What one enterprise adds to its own org's subtree totals.
Figures Contribution(std::int64_t employees, bool unionised);

//! part / whole as a number in 0..1, or nullopt when `whole` is 0 (no meaningful rate).
std::optional<double> Rate(std::int64_t part, std::int64_t whole);

}  // namespace zj::coverage
