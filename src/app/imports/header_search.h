// Finding the header row of a table read as a stream, under the title, blank and note rows
// that spreadsheet templates put above it (core/imports/sheet_layout.h decides which row): the
// first rows are read ahead, and the stream handed back gives the rows below the header first,
// then reads on, so the file is still read once and in bounded memory.
#pragma once

#include <memory>
#include <vector>

#include "app/imports/table_stream.h"
#include "core/imports/sheet_layout.h"
#include "core/result.h"

namespace zj::app {

struct HeaderedTable {
  std::vector<TableRow> above;        //!< the rows above the header (title, blank, notes)
  TableRow header;                    //!< its number is the spreadsheet's row
  std::unique_ptr<TableStream> rows;  //!< the rows below the header, the first one first
};

//! Reads up to imports::kHeaderSearchRows rows of `stream` and picks the header among them.
//! kInvalidArgument "error.import.empty" when they are all blank (or there are none); the
//! stream's own errors as they come.
Result<HeaderedTable> FindHeader(std::unique_ptr<TableStream> stream,
                                 const imports::KnownColumns& known);
//! The same over a stream the caller keeps, which must outlive the rows handed back.
Result<HeaderedTable> FindHeader(TableStream& stream, const imports::KnownColumns& known);

}  // namespace zj::app
