// The header row of a member roster as unions really write it: Chinese or English column
// names, in any order, with the synonyms different templates use (身份证号 / 身份证号码 /
// 公民身份号码 / 证件号码 …). Unknown columns are ignored and listed; 序号 (a row counter) is
// ignored silently; a column named twice, or a missing 姓名 or ID column, is an error.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zj::members {

enum class RosterColumn {
  kName,
  kIdNumber,
  kGender,
  kPhone,
  kJoinDate,
  kEmployer,
  kEmployerUscc,
  kEthnicity,
  kMigrantWorker,
  kModelWorker,
};
inline constexpr std::size_t kRosterColumnCount = 10;

//! The canonical English name of a column ("name", "id_number", …), as templates and exports
//! write it.
std::string_view CanonicalName(RosterColumn column);
//! The Chinese name templates and exports write ("姓名", "身份证号", …).
std::string_view ChineseName(RosterColumn column);

struct RosterHeader {
  //! For each RosterColumn, the index of the file's column holding it.
  std::array<std::optional<std::size_t>, kRosterColumnCount> index{};
  std::vector<std::string> unknown;  //!< header texts matched to nothing (序号 not included)

  std::optional<std::size_t> Of(RosterColumn c) const { return index[static_cast<std::size_t>(c)]; }
};

struct HeaderProblem {
  std::size_t column = 0;   //!< 0-based index in the file
  std::string message_key;  //!< error.roster.duplicate_column, error.roster.missing_column
  std::string column_name;  //!< the column concerned (for a missing one, its Chinese name)
};

struct HeaderParse {
  RosterHeader header;
  std::vector<HeaderProblem> problems;  //!< empty when the header can be used
};

//! Matches a header row. Names are compared after trimming, full-width to half-width,
//! lower-casing Latin letters and dropping spaces, "*" marks of required columns and bracketed
//! notes ("身份证号（必填）").
HeaderParse ParseRosterHeader(const std::vector<std::string>& cells);

//! How many cells of a row name a roster column, compared as ParseRosterHeader does (序号 and
//! unknown names not counted): what finds the header under a title row (core/imports/
//! sheet_layout.h).
std::size_t KnownRosterColumns(const std::vector<std::string>& cells);

//! 是/否, Y/N, yes/no, true/false, 1/0 (trimmed, any case, full-width); empty → nothing.
std::optional<bool> ParseYesNo(std::string_view text);

}  // namespace zj::members
