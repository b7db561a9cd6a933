// One data row of a member roster, normalised and checked: what a row must hold to become a
// member (a name and a valid ID; a phone, dates, gender, ethnicity and yes/no flags valid
// when given, the gender agreeing with the ID), or the first problem found, naming its column
// and a message key. Also the within-file duplicate check, keyed by the ID's 17 digits (a
// uint64), so a million-row file is checked without keeping its IDs as strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/members/calendar_date.h"
#include "core/members/national_id.h"
#include "core/members/roster_columns.h"

namespace zj::members {

//! What is wrong with a row: the column (nullopt when no single column is to blame), the
//! message key and its arguments.
struct RosterRowProblem {
  std::optional<RosterColumn> column;
  std::string code;
  std::vector<std::pair<std::string, std::string>> args;
};

//! A row that can become a member, every field normalised.
struct RosterMember {
  std::string name;  //!< a person's name, normalised (core/text/person_name.h)
  NationalId id;
  std::optional<std::string> phone;          //!< 11 digits
  std::optional<std::string> ethnicity;      //!< GB/T 3304 name
  std::optional<std::string> employer_name;  //!< trimmed
  std::optional<std::string> employer_uscc;  //!< normalised, check character verified
  std::optional<Date> join_date;
  bool migrant_worker = false;
  bool model_worker = false;
};

struct RosterRowCheck {
  std::optional<RosterMember> member;
  std::optional<RosterRowProblem> problem;  //!< set exactly when member is not
};

//! True when every cell is empty or only spaces (such rows are skipped without a word).
bool IsBlankRow(const std::vector<std::string>& cells);

//! Checks one row. Columns are looked at in a fixed order (name, ID, gender, phone, join date,
//! ethnicity, employer USCC, the yes/no flags), and the first problem is reported. `today` is
//! for the birth date rule. The name must be a person's name (core/text/person_name.h).
RosterRowCheck CheckRosterRow(const RosterHeader& header, const std::vector<std::string>& cells,
                              const Date& today);

//! The first 17 digits of a normalised 18-character ID as a number (the check character is
//! implied by them).
std::uint64_t IdKey(std::string_view id18);

//! Which row first held each ID of a file.
class RosterDuplicates {
 public:
  //! Records `row` for `key` and returns nothing, or returns the earlier row holding it.
  std::optional<std::int64_t> Check(std::uint64_t key, std::int64_t row) {
    auto [it, inserted] = first_.try_emplace(key, row);
    if (inserted) return std::nullopt;
    return it->second;
  }
  //! The problem to report for a duplicate of `first_row`.
  static RosterRowProblem Problem(std::int64_t first_row);

 private:
  std::unordered_map<std::uint64_t, std::int64_t> first_;
};

}  // namespace zj::members
