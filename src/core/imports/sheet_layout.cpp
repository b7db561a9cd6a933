#include "core/imports/sheet_layout.h"

#include <array>
#include <span>
#include <string_view>

#include "core/text/halfwidth.h"

namespace zj::imports {

namespace {

constexpr std::array<std::string_view, 6> kNoteMarkers = {"填表说明", "填报说明", "填写说明",
                                                          "说明",     "注",       "备注"};
constexpr std::array<std::string_view, 4> kTotalMarkers = {"合计", "总计", "小计", "共计"};
constexpr std::array<std::string_view, 4> kExampleMarkers = {"示例", "样例", "例", "填写示例"};

bool IsExampleMarker(std::string cell) {
  if (cell.ends_with(":")) cell.pop_back();
  for (const auto m : kExampleMarkers) {
    if (cell == m) return true;
  }
  return false;
}

//! The cell half-width, without any space (so "合 计" and "合　计" read as 合计).
std::string Compact(std::string_view cell) {
  std::string out;
  for (const char c : text::ToHalfWidth(text::TrimSpaces(cell))) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

bool StartsWithAny(std::string_view s, std::span<const std::string_view> markers) {
  for (const auto m : markers) {
    if (s.starts_with(m)) return true;
  }
  return false;
}

}  // namespace

std::optional<std::size_t> PickHeaderRow(const std::vector<std::vector<std::string>>& rows,
                                         const KnownColumns& known) {
  std::optional<std::size_t> first_filled;
  std::optional<std::size_t> best;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (KindOfRow(rows[i]) == RowKind::kBlank) continue;
    if (!first_filled) first_filled = i;
    const std::size_t count = known(rows[i]);
    if (count > best_count) {
      best = i;
      best_count = count;
    }
  }
  return best ? best : first_filled;
}

RowKind KindOfRow(const std::vector<std::string>& cells) {
  std::size_t filled = 0;
  std::string first;
  for (const auto& cell : cells) {
    if (text::TrimSpaces(cell).empty()) continue;
    if (filled++ == 0) first = Compact(cell);
  }
  if (filled == 0) return RowKind::kBlank;
  if (StartsWithAny(first, kTotalMarkers)) return RowKind::kTotal;
  if (filled == 1 && StartsWithAny(first, kNoteMarkers)) return RowKind::kNote;
  if (IsExampleMarker(first)) return RowKind::kExample;
  return RowKind::kData;
}

}  // namespace zj::imports
