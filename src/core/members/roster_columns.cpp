#include "core/members/roster_columns.h"

#include <cctype>

#include "core/text/halfwidth.h"

namespace zj::members {

namespace {

struct Synonyms {
  RosterColumn column;
  std::string_view canonical;
  std::string_view chinese;
  std::array<std::string_view, 6> also;  // "" fills unused places
};

constexpr std::array<Synonyms, kRosterColumnCount> kColumns = {{
    {RosterColumn::kName, "name", "姓名", {"会员姓名", "职工姓名", "", "", "", ""}},
    {RosterColumn::kIdNumber,
     "id_number",
     "身份证号",
     {"身份证号码", "公民身份号码", "证件号码", "身份证", "idnumber", "idno"}},
    {RosterColumn::kGender, "gender", "性别", {"sex", "", "", "", "", ""}},
    {RosterColumn::kPhone,
     "phone",
     "手机号",
     {"手机号码", "联系电话", "手机", "电话", "mobile", ""}},
    {RosterColumn::kJoinDate, "join_date", "入会时间", {"入会日期", "入会年月", "", "", "", ""}},
    {RosterColumn::kEmployer, "employer", "工作单位", {"单位名称", "所在单位", "单位", "", "", ""}},
    {RosterColumn::kEmployerUscc,
     "employer_uscc",
     "统一社会信用代码",
     {"单位统一社会信用代码", "uscc", "", "", "", ""}},
    {RosterColumn::kEthnicity, "ethnicity", "民族", {"", "", "", "", "", ""}},
    {RosterColumn::kMigrantWorker, "migrant_worker", "是否农民工", {"农民工", "", "", "", "", ""}},
    {RosterColumn::kModelWorker, "model_worker", "是否劳模", {"劳模", "劳动模范", "", "", "", ""}},
}};

// The header text reduced to what is compared: half-width, lower case, no spaces, no "*"
// required marks and no bracketed notes, ASCII or full-width brackets.
std::string Key(std::string_view cell) {
  const std::string half = text::ToHalfWidth(text::TrimSpaces(cell));
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < half.size(); ++i) {
    const char c = half[i];
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (half.compare(i, 3, "【") == 0 || half.compare(i, 3, "〔") == 0) {
      ++depth;
      i += 2;
    } else if ((half.compare(i, 3, "】") == 0 || half.compare(i, 3, "〕") == 0) && depth > 0) {
      --depth;
      i += 2;
    } else if (depth == 0 && c != ' ' && c != '*' && c != '_' && c != '-') {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::string WithoutSeparators(std::string_view canonical) {
  std::string out;
  for (const char c : canonical) {
    if (c != '_') out += c;
  }
  return out;
}

std::optional<RosterColumn> Match(const std::string& key) {
  for (const auto& s : kColumns) {
    if (key == WithoutSeparators(s.canonical) || key == s.chinese) return s.column;
    for (const auto alt : s.also) {
      if (!alt.empty() && key == alt) return s.column;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view CanonicalName(RosterColumn column) {
  return kColumns[static_cast<std::size_t>(column)].canonical;
}

std::string_view ChineseName(RosterColumn column) {
  return kColumns[static_cast<std::size_t>(column)].chinese;
}

HeaderParse ParseRosterHeader(const std::vector<std::string>& cells) {
  HeaderParse out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string key = Key(cells[i]);
    if (key.empty() || key == "序号" || key == "no" || key == "no.") continue;
    const auto column = Match(key);
    if (!column) {
      out.header.unknown.emplace_back(text::TrimSpaces(cells[i]));
      continue;
    }
    auto& slot = out.header.index[static_cast<std::size_t>(*column)];
    if (slot) {
      out.problems.push_back(
          {i, "error.roster.duplicate_column", std::string(text::TrimSpaces(cells[i]))});
      continue;
    }
    slot = i;
  }
  for (const RosterColumn required : {RosterColumn::kName, RosterColumn::kIdNumber}) {
    if (!out.header.Of(required)) {
      out.problems.push_back(
          {0, "error.roster.missing_column", std::string(ChineseName(required))});
    }
  }
  return out;
}

std::size_t KnownRosterColumns(const std::vector<std::string>& cells) {
  std::size_t known = 0;
  for (const auto& cell : cells) {
    if (Match(Key(cell))) ++known;
  }
  return known;
}

std::optional<bool> ParseYesNo(std::string_view input) {
  std::string s = text::ToHalfWidth(text::TrimSpaces(input));
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "是" || s == "y" || s == "yes" || s == "true" || s == "1" || s == "√") return true;
  if (s == "否" || s == "n" || s == "no" || s == "false" || s == "0" || s == "×") return false;
  return std::nullopt;
}

}  // namespace zj::members
