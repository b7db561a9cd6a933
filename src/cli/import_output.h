// What the import commands (`members import`, `orgs import`, `enterprises import`) print when a
// run cannot start: a file that cannot be read (missing, unreadable, neither CSV nor XLSX, no
// usable header, larger than a spreadsheet can be) fails the operation, exit code 1, since the
// command line itself was right (2 stays for a bad command line: an unknown union, a wrong
// option). With --json the failure is one JSON object on stdout, as a success is, so a script
// reading stdout always gets one.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/imports/table_file.h"
#include "app/imports/table_import.h"
#include "core/i18n/messages.h"
#include "core/result.h"

namespace zj::cli {

//! Whether the error is about the imported file rather than the command line.
bool IsFileError(const Error& error);

//! {"error": {"code": message key, "type": ErrorCodeName, "message": translated, "errors":
//! [{"field", "code", "message"}] when the error has field errors, and its named arguments
//! (e.g. "file", "column", "row") as strings}}.
nlohmann::json ErrorJson(const Error& error, i18n::Locale locale);

//! Reports an import that could not run, naming `file`: the line on stderr (as ReportError),
//! and with `json` ErrorJson on stdout. Returns the exit code: 1 for a file error, else as
//! ReportError.
int ReportImportFailure(Error error, const std::string& file, bool json);

//! A small table file (standards, the rules of aid: a few hundred rows) read whole, as a JSON
//! route's body would be, not streamed like a roster: CSV (UTF-8 or GBK) or XLSX, at most
//! 4 MiB (kInvalidArgument "error.import.limit.table_bytes"); "error.import.unreadable" {file}.
Result<app::Table> ReadSmallTable(const std::string& path);

//! The rows a table load refused, for --json: [{"row", "column", "code", "message"}].
nlohmann::json RowProblemsJson(const std::vector<app::RowProblem>& problems, i18n::Locale locale);

//! The same, one translated line each on stderr ("cli.import.row_error", naming `file`).
void PrintRowProblems(const std::vector<app::RowProblem>& problems, const std::string& file,
                      i18n::Locale locale);

}  // namespace zj::cli
