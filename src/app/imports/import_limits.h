// How much an imported table file may make the program read and keep: every bound in one place.
// An XLSX workbook is a zip archive, so a small upload can declare or inflate to gigabytes (a
// "zip bomb"), a sheet can name column XFD in every cell, and a shared string can be copied into
// every cell; each bound below stops one of these before it costs memory or time, and each
// refusal names its limit (error.import.limit.*). They are sized for the largest roster a union
// keeps: 1,000,000 members in one sheet, which the program's own export writes as a 717 MB
// worksheet (deflated to 74 MB, ratio 9.7:1) with inline strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace zj::app::import_limits {

//! Rows of one sheet: Excel's own limit (1,048,576), which holds a header and a million members.
inline constexpr std::int64_t kMaxRows = 1'048'576;

//! Columns of one row: Excel 2003's limit (IV). A roster has a dozen; a cell beyond this one is
//! refused rather than padding every row with thousands of empty cells (XFD is 16,384).
inline constexpr std::size_t kMaxColumns = 256;

//! Bytes of one cell's text: Excel's limit of 32,767 characters (UTF-16 units), each at most
//! three bytes of UTF-8 (a character outside the BMP is two units and four bytes).
inline constexpr std::size_t kMaxCellBytes = std::size_t{32'767} * 3;

//! Bytes of all cells of one row, so a row of many copies of one long shared string is refused.
inline constexpr std::size_t kMaxRowBytes = std::size_t{1} << 20;

//! Entries of the shared-string table: eight distinct strings for each of a million rows.
inline constexpr std::size_t kMaxSharedStrings = std::size_t{8} << 20;

//! Bytes of the shared-string table's text (kept in memory while the sheet is read).
inline constexpr std::uint64_t kMaxSharedStringBytes = std::uint64_t{256} << 20;

//! Decompressed bytes of one archive member (the worksheet is the big one: 3 × the 717 MB of a
//! million-row sheet).
inline constexpr std::uint64_t kMaxMemberBytes = std::uint64_t{2} << 30;

//! Decompressed bytes of every member read from one workbook, together.
inline constexpr std::uint64_t kMaxArchiveBytes = std::uint64_t{3} << 30;

//! Decompressed bytes of the small parts read whole (workbook.xml and its relationships).
inline constexpr std::uint64_t kMaxPartBytes = std::uint64_t{4} << 20;

//! Decompressed bytes per compressed byte of one member, checked as it inflates once more than
//! kRatioGraceBytes came out: Apache POI's ZipSecureFile refuses the same (its minimum inflate
//! ratio 0.01). Real sheets inflate about 10:1; deflate's own maximum is about 1032:1, which is
//! where bombs sit.
inline constexpr std::uint64_t kMaxInflateRatio = 100;
inline constexpr std::uint64_t kRatioGraceBytes = std::uint64_t{1} << 20;

//! Bytes the XML parser may hold without reporting anything (one tag, comment or attribute):
//! expat buffers a token until it is complete, so a gigabyte-long comment would be buffered whole.
inline constexpr std::uint64_t kMaxXmlTokenBytes = std::uint64_t{1} << 20;

//! Bytes a whole-file table (table_file.h: the small org and enterprise tables) may hold in
//! memory, cells and their bookkeeping counted.
inline constexpr std::uint64_t kMaxTableBytes = std::uint64_t{512} << 20;

//! The bounds as one value, the constants above by default; tests lower them to reach each one
//! with a small file.
struct Limits {
  std::int64_t rows = kMaxRows;
  std::size_t columns = kMaxColumns;
  std::size_t cell_bytes = kMaxCellBytes;
  std::size_t row_bytes = kMaxRowBytes;
  std::size_t shared_strings = kMaxSharedStrings;
  std::uint64_t shared_string_bytes = kMaxSharedStringBytes;
  std::uint64_t member_bytes = kMaxMemberBytes;
  std::uint64_t archive_bytes = kMaxArchiveBytes;
  std::uint64_t part_bytes = kMaxPartBytes;
  std::uint64_t inflate_ratio = kMaxInflateRatio;
  std::uint64_t ratio_grace_bytes = kRatioGraceBytes;
  std::uint64_t xml_token_bytes = kMaxXmlTokenBytes;
  std::uint64_t table_bytes = kMaxTableBytes;
};

//! kInvalidArgument "error.import.limit.<limit>" (e.g. "rows") with the bound as {max}.
inline Error Exceeded(std::string_view limit, std::uint64_t max) {
  std::string key = "error.import.limit.";
  key += limit;
  return Error{ErrorCode::kInvalidArgument,
               key,
               std::string(limit) + " over " + std::to_string(max),
               {},
               {{"limit", std::string(limit)}, {"max", std::to_string(max)}}};
}

}  // namespace zj::app::import_limits
