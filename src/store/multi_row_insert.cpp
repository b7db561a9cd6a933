#include "store/multi_row_insert.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <span>
#include <unordered_map>

namespace zj::store {

namespace {

std::string ValuesText(std::string_view head, std::size_t rows, std::size_t width) {
  std::string text(head);
  text += " VALUES ";
  std::size_t n = 1;
  for (std::size_t r = 0; r < rows; ++r) {
    text += r == 0 ? "(" : ", (";
    for (std::size_t c = 0; c < width; ++c) {
      if (c > 0) text += ", ";
      text += '$';
      text += std::to_string(n++);
    }
    text += ')';
  }
  return text;
}

//! The text of statement `name` (ValuesText), made once per process: building its 1,400
//! placeholders again for every 50 rows cost ~4,500 instructions a row (callgrind), 7 % of
//! SQLite inserting the row with its 13 indexes. A process-wide table, like a constant: each
//! text depends only on its name's shape, and the shapes are few (rows 1-50 per statement).
const std::string& CachedText(const std::string& name, std::string_view head, std::size_t rows,
                              std::size_t width) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<const std::string>> texts;
  std::lock_guard lock(mutex);
  auto& text = texts[name];
  if (!text) text = std::make_unique<const std::string>(ValuesText(head, rows, width));
  return *text;
}

}  // namespace

Result<void> InsertRows(Connection& conn, std::string_view name, std::string_view head,
                        std::size_t width, const std::vector<Value>& values) {
  if (width == 0 || values.size() % width != 0) {
    return Fail(ErrorCode::kInternal, "error.internal",
                std::string(name) + ": values are not whole rows");
  }
  const std::size_t total = values.size() / width;
  const std::size_t per_statement = conn.backend() == Backend::kSqlite ? 1 : kRowsPerStatement;
  for (std::size_t first = 0; first < total; first += per_statement) {
    const std::size_t rows = std::min(per_statement, total - first);
    const std::string statement_name = std::string(name) + "." + std::to_string(rows);
    const std::string& text = CachedText(statement_name, head, rows, width);
    const std::span<const Value> chunk(values.data() + first * width, rows * width);
    ZJ_RETURN_IF_ERROR(conn.Execute(Sql{statement_name, text}, chunk));
  }
  return {};
}

}  // namespace zj::store
