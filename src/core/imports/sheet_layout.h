// Where the table starts and which rows hold data in a spreadsheet as unions fill it in: the
// usual 会员花名册 (or register of enterprises, of orgs) has a title row ("XX有限公司工会会员
// 花名册", often merged across the sheet) and blank rows above the header, sometimes a note
// row under it ("填表说明：…"), and a total row (合计/总计) at the end. The header is the row
// among the first kHeaderSearchRows that names the most known columns (the caller counts them:
// each import knows its own columns); the rows below it are data unless blank, a note or a
// total; the template's example row (序号 示例) is skipped too. A row that looks like a person's or
// an enterprise's row is always data, so a bad row is reported, never skipped: a note is a single
// filled cell starting with a note marker, a total starts with 合计/总计/小计/共计.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace zj::imports {

//! How many rows from the top of a file are searched for the header.
inline constexpr std::size_t kHeaderSearchRows = 20;

//! Counts the cells of a row that name a column the import knows.
using KnownColumns = std::function<std::size_t(const std::vector<std::string>& cells)>;

//! Which of `rows` (the first rows of a file, blank ones included) is the header: the one
//! naming the most known columns, the earliest of equals; when none names any, the first row
//! that is not blank (so that the import can say which required column is missing); nullopt
//! when every row is blank.
std::optional<std::size_t> PickHeaderRow(const std::vector<std::vector<std::string>>& rows,
                                         const KnownColumns& known);

enum class RowKind {
  kData,
  kBlank,  //!< every cell empty or only spaces
  kNote,  //!< one filled cell, starting 填表说明, 填报说明, 填写说明, 说明, 注, 备注
  kTotal,  //!< the first filled cell starts 合计, 总计, 小计 or 共计 (spaces inside ignored)
  //! The template's example row: the first filled cell is exactly 示例, 样例, 例 or 填写示例 (a
  //! trailing colon allowed), as a 序号 column marks it; no name or number reads so.
  kExample,
};

//! What a row below the header is.
RowKind KindOfRow(const std::vector<std::string>& cells);

}  // namespace zj::imports
