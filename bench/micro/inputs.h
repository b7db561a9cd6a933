// Deterministic inputs shaped like roster data: ID numbers of Beijing districts with real birth
// dates (some as 15-digit or full-width variants), dates in every accepted form, names.
#pragma once

#include <string>
#include <vector>

namespace zj::bench {

std::vector<std::string> IdNumbers(std::size_t n);
std::vector<std::string> RosterDates(std::size_t n);
std::vector<std::string> Phones(std::size_t n);
std::vector<std::string> Names(std::size_t n);

}  // namespace zj::bench
