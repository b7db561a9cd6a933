#include "store/multi_row_insert.h"

#include <algorithm>
#include <span>

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

}  // namespace

Result<void> InsertRows(Connection& conn, std::string_view name, std::string_view head,
                        std::size_t width, const std::vector<Value>& values) {
  if (width == 0 || values.size() % width != 0) {
    return Fail(ErrorCode::kInternal, "error.internal",
                std::string(name) + ": values are not whole rows");
  }
  const std::size_t total = values.size() / width;
  for (std::size_t first = 0; first < total; first += kRowsPerStatement) {
    const std::size_t rows = std::min(kRowsPerStatement, total - first);
    const std::string statement_name = std::string(name) + "." + std::to_string(rows);
    const std::string text = ValuesText(head, rows, width);
    const std::span<const Value> chunk(values.data() + first * width, rows * width);
    ZJ_RETURN_IF_ERROR(conn.Execute(Sql{statement_name, text}, chunk));
  }
  return {};
}

}  // namespace zj::store
