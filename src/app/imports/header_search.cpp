#include "app/imports/header_search.h"

#include <deque>

namespace zj::app {

namespace {

//! The rows read ahead, then the rest of the stream (owned or borrowed).
class ReadAheadStream final : public TableStream {
 public:
  ReadAheadStream(std::deque<TableRow> ahead, std::unique_ptr<TableStream> owned, TableStream& rest)
      : ahead_(std::move(ahead)), owned_(std::move(owned)), rest_(&rest) {}

  Result<bool> Next(TableRow& row) override {
    if (ahead_.empty()) return rest_->Next(row);
    row = std::move(ahead_.front());
    ahead_.pop_front();
    return true;
  }
  std::string encoding() const override { return rest_->encoding(); }

 private:
  std::deque<TableRow> ahead_;
  std::unique_ptr<TableStream> owned_;
  TableStream* rest_;
};

Result<HeaderedTable> Find(std::unique_ptr<TableStream> owned, TableStream& stream,
                           const imports::KnownColumns& known) {
  std::vector<TableRow> first;
  first.reserve(imports::kHeaderSearchRows);
  while (first.size() < imports::kHeaderSearchRows) {
    TableRow row;
    ZJ_ASSIGN_OR_RETURN(const bool more, stream.Next(row));
    if (!more) break;
    first.push_back(std::move(row));
  }
  std::vector<std::vector<std::string>> cells;
  cells.reserve(first.size());
  for (const auto& row : first) cells.push_back(row.cells);
  const auto at = imports::PickHeaderRow(cells, known);
  if (!at) {
    return Fail(Error{ErrorCode::kInvalidArgument, "error.import.empty", "no header row", {}, {}});
  }
  HeaderedTable table;
  table.above.assign(std::make_move_iterator(first.begin()),
                     std::make_move_iterator(first.begin() + static_cast<std::ptrdiff_t>(*at)));
  table.header = std::move(first[*at]);
  std::deque<TableRow> ahead(
      std::make_move_iterator(first.begin() + static_cast<std::ptrdiff_t>(*at) + 1),
      std::make_move_iterator(first.end()));
  table.rows = std::make_unique<ReadAheadStream>(std::move(ahead), std::move(owned), stream);
  return table;
}

}  // namespace

Result<HeaderedTable> FindHeader(std::unique_ptr<TableStream> stream,
                                 const imports::KnownColumns& known) {
  TableStream& rest = *stream;
  return Find(std::move(stream), rest, known);
}

Result<HeaderedTable> FindHeader(TableStream& stream, const imports::KnownColumns& known) {
  return Find(nullptr, stream, known);
}

}  // namespace zj::app
