#include "app/imports/table_import.h"

#include <charconv>
#include <map>
#include <optional>
#include <string_view>

#include "app/imports/header_search.h"
#include "core/imports/sheet_layout.h"

namespace zj::app {

namespace {

//! A column: its field name, the Chinese header accepted for it, and whether it is required.
struct Column {
  const char* field;
  const char* zh;
  bool required;
};

constexpr Column kOrgColumns[] = {
    {"code", "组织代码", true},
    {"name", "组织名称", true},
    {"kind", "组织类型", true},
    {"parent_code", "上级组织代码", false},
    {"region_code", "行政区划代码", false},
    {"founded_on", "成立日期", false},
    {"chair", "工会主席", false},
    {"contact", "联系方式", false},
};

constexpr Column kEnterpriseColumns[] = {
    {"name", "单位名称", true},
    {"uscc", "统一社会信用代码", true},
    {"region_code", "所在街道代码", true},
    {"industry", "行业门类", true},
    {"ownership", "经济类型", true},
    {"employees", "职工人数", true},
    {"employees_reported_on", "人数填报日期", false},
    {"union_code", "工会组织代码", false},
};

//! Where each known column sits in the header row, and its header text as written.
using HeaderMap = std::map<std::string, std::pair<std::size_t, std::string>>;

//! The header text as compared: without surrounding spaces.
std::string_view Trimmed(std::string_view cell) {
  while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
  while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
  return cell;
}

//! How many cells of `row` name one of `columns` (which row is the header: sheet_layout.h).
template <std::size_t N>
std::size_t KnownColumns(const std::vector<std::string>& row, const Column (&columns)[N]) {
  std::size_t known = 0;
  for (const auto& cell : row) {
    const std::string_view name = Trimmed(cell);
    for (const Column& c : columns) {
      if (name == c.field || name == c.zh) {
        ++known;
        break;
      }
    }
  }
  return known;
}

template <std::size_t N>
Result<HeaderMap> MapHeader(const std::vector<std::string>& header, const Column (&columns)[N]) {
  HeaderMap at;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string_view name = Trimmed(header[i]);
    for (const Column& c : columns) {
      if (name == c.field || name == c.zh) at.emplace(c.field, std::pair{i, header[i]});
    }
  }
  for (const Column& c : columns) {
    if (c.required && !at.contains(c.field)) {
      return Fail(Error{ErrorCode::kInvalidArgument,
                        "error.import.missing_column",
                        std::string("missing column ") + c.field,
                        {},
                        {{"column", c.field}}});
    }
  }
  return at;
}

class RowReader {
 public:
  RowReader(const HeaderMap& at, const std::vector<std::string>& row) : at_(at), row_(row) {}

  //! The cell's text with surrounding spaces removed; nullopt when the column is absent or the
  //! cell is empty.
  std::optional<std::string> Get(const std::string& field) const {
    auto it = at_.find(field);
    if (it == at_.end() || it->second.first >= row_.size()) return std::nullopt;
    std::string v = row_[it->second.first];
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
    std::size_t start = 0;
    while (start < v.size() && (v[start] == ' ' || v[start] == '\t')) ++start;
    v.erase(0, start);
    if (v.empty()) return std::nullopt;
    return v;
  }

  //! The header text of the column a field comes from ("" when the file has no such column).
  std::string Header(const std::string& field) const {
    auto it = at_.find(field);
    return it == at_.end() ? std::string() : it->second.second;
  }

 private:
  const HeaderMap& at_;
  const std::vector<std::string>& row_;
};

//! Adds the error's field errors (or the error itself) as problems of `row`; `rename` maps a
//! use-case field to the column it came from.
void Report(ImportReport& report, std::int64_t row, const RowReader& reader, const Error& error,
            const std::map<std::string, std::string>& rename) {
  ++report.failed_rows;
  if (error.fields.empty()) {
    report.problems.push_back({row, "", error.message_key, error.args});
    return;
  }
  for (const auto& f : error.fields) {
    auto it = rename.find(f.field);
    const std::string field = it == rename.end() ? f.field : it->second;
    report.problems.push_back({row, reader.Header(field), f.message_key, f.args});
  }
}

//! The work options.in_commit adds to a row's transaction (none without options). Its failure
//! is kept apart: it stops the import, where the use case's own refusal is the row's problem.
class RowCommit {
 public:
  RowCommit(const TableImportOptions* options, std::int64_t row, const ImportReport& report)
      : options_(options), row_(row), report_(report) {}
  store::InCommit Hook() {
    if (options_ == nullptr || !options_->in_commit) return {};
    return [this](store::Connection& conn) -> Result<void> {
      auto done = options_->in_commit(conn, row_, report_);
      if (!done) failure_ = done.error();
      return done;
    };
  }
  const std::optional<Error>& failure() const { return failure_; }

 private:
  const TableImportOptions* options_;
  std::int64_t row_;
  const ImportReport& report_;
  std::optional<Error> failure_;
};

//! One data row of an org table: created, or its problems reported. An error only for a
//! failure that is not the row's fault. The row counts in the report before its transaction
//! commits (so that work done in it sees the report with the row), and no longer when it fails.
Result<void> ImportOrgRow(OrgService& orgs, const Actor& actor, const HeaderMap& at,
                          const std::vector<std::string>& cells, std::int64_t row,
                          ImportReport& report, const TableImportOptions* options) {
  static const std::map<std::string, std::string> rename{{"parent_id", "parent_code"}};
  const RowReader r(at, cells);
  NewOrg org;
  org.code = r.Get("code").value_or("");
  org.name = r.Get("name").value_or("");
  org.kind = r.Get("kind").value_or("");
  org.region_code = r.Get("region_code");
  org.founded_on = r.Get("founded_on");
  org.chair = r.Get("chair");
  org.contact = r.Get("contact");
  if (auto parent = r.Get("parent_code")) {
    auto id = orgs.IdByCode(actor, *parent, "parent_code");
    if (!id) {
      Report(report, row, r, id.error(), rename);
      return {};
    }
    org.parent_id = *id;
  }
  RowCommit commit(options, row, report);
  ++report.created;
  auto created = orgs.Create(actor, org, commit.Hook());
  if (!created) {
    --report.created;
    if (commit.failure()) return Fail(*commit.failure());
    Report(report, row, r, created.error(), rename);
  }
  return {};
}

//! One data row of an enterprise table: created, updated (its USCC is known) or reported.
Result<void> ImportEnterpriseRow(OrgService& orgs, EnterpriseService& enterprises,
                                 const Actor& actor, const HeaderMap& at,
                                 const std::vector<std::string>& cells, std::int64_t row,
                                 ImportReport& report, const TableImportOptions* options) {
  static const std::map<std::string, std::string> rename{{"union_org_id", "union_code"}};
  const RowReader r(at, cells);
  NewEnterprise e;
  e.name = r.Get("name").value_or("");
  e.uscc = r.Get("uscc").value_or("");
  e.region_code = r.Get("region_code").value_or("");
  e.industry = r.Get("industry").value_or("");
  e.ownership = r.Get("ownership").value_or("");
  e.employees_reported_on = r.Get("employees_reported_on");
  const std::string employees = r.Get("employees").value_or("");
  const auto [end, ec] =
      std::from_chars(employees.data(), employees.data() + employees.size(), e.employees);
  if (employees.empty() || ec != std::errc() || end != employees.data() + employees.size()) {
    Report(report, row, r,
           Error{ErrorCode::kInvalidArgument,
                 "error.invalid_input",
                 "",
                 {{"employees", "error.field.not_integer", {}}},
                 {}},
           rename);
    return {};
  }
  if (auto union_code = r.Get("union_code")) {
    auto id = orgs.IdByCode(actor, *union_code, "union_code");
    if (!id) {
      Report(report, row, r, id.error(), rename);
      return {};
    }
    e.union_org_id = *id;
  }
  auto existing = enterprises.FindByUscc(actor, e.uscc);
  if (!existing) return Fail(std::move(existing).error());
  if (*existing) {
    EnterprisePatch patch;
    patch.name = e.name;
    patch.region_code = e.region_code;
    patch.industry = e.industry;
    patch.ownership = e.ownership;
    patch.employees = e.employees;
    patch.employees_reported_on = e.employees_reported_on;
    patch.union_set = true;
    patch.union_org_id = e.union_org_id;
    RowCommit commit(options, row, report);
    ++report.updated;
    auto updated = enterprises.Update(actor, (*existing)->row.id, patch, commit.Hook());
    if (!updated) {
      --report.updated;
      if (commit.failure()) return Fail(*commit.failure());
      Report(report, row, r, updated.error(), rename);
    }
    return {};
  }
  RowCommit commit(options, row, report);
  ++report.created;
  auto created = enterprises.Create(actor, e, commit.Hook());
  if (!created) {
    --report.created;
    if (commit.failure()) return Fail(*commit.failure());
    Report(report, row, r, created.error(), rename);
  }
  return {};
}

//! A whole table as a stream, each row with its number in the file (its place when the table
//! has no numbers).
class TableRows final : public TableStream {
 public:
  explicit TableRows(const Table& table) : table_(table) {}
  Result<bool> Next(TableRow& row) override {
    if (next_ >= table_.rows.size()) return false;
    row.cells = table_.rows[next_];
    row.number = next_ < table_.row_numbers.size() ? table_.row_numbers[next_]
                                                   : static_cast<std::int64_t>(next_) + 1;
    ++next_;
    return true;
  }
  std::string encoding() const override { return table_.encoding; }

 private:
  const Table& table_;
  std::size_t next_ = 0;
};

//! Finds the stream's header (under any title rows: sheet_layout.h) and hands every data row
//! after `options.skip_through` to `each`, then `options.after_row`; blank, note and total rows
//! are skipped.
template <std::size_t N, typename Each>
Result<ImportReport> ImportRows(TableStream& stream, const Column (&columns)[N],
                                ImportReport report, const TableImportOptions& options, Each each) {
  report.encoding = stream.encoding();
  ZJ_ASSIGN_OR_RETURN(HeaderedTable table,
                      FindHeader(stream, [&columns](const std::vector<std::string>& row) {
                        return KnownColumns(row, columns);
                      }));
  ZJ_ASSIGN_OR_RETURN(const HeaderMap at, MapHeader(table.header.cells, columns));
  report.header_row = table.header.number;
  if (options.header) options.header(table.header.number);
  TableRow row;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(const bool more, table.rows->Next(row));
    if (!more) break;
    if (imports::KindOfRow(row.cells) != imports::RowKind::kData) continue;
    if (row.number <= options.skip_through) continue;
    ZJ_RETURN_IF_ERROR(each(at, row.cells, row.number, report));
    if (options.after_row) ZJ_RETURN_IF_ERROR(options.after_row(row.number, report));
  }
  return report;
}

}  // namespace

Result<ImportReport> ImportOrgTable(OrgService& orgs, const Actor& actor, const Table& table) {
  TableRows rows(table);
  return ImportOrgRows(orgs, actor, rows, {}, {});
}

Result<ImportReport> ImportEnterpriseTable(OrgService& orgs, EnterpriseService& enterprises,
                                           const Actor& actor, const Table& table) {
  TableRows rows(table);
  return ImportEnterpriseRows(orgs, enterprises, actor, rows, {}, {});
}

Result<ImportReport> ImportOrgRows(OrgService& orgs, const Actor& actor, TableStream& stream,
                                   ImportReport so_far, const TableImportOptions& options) {
  return ImportRows(stream, kOrgColumns, std::move(so_far), options,
                    [&](const HeaderMap& at, const std::vector<std::string>& cells,
                        std::int64_t row, ImportReport& report) {
                      return ImportOrgRow(orgs, actor, at, cells, row, report, &options);
                    });
}

Result<ImportReport> ImportEnterpriseRows(OrgService& orgs, EnterpriseService& enterprises,
                                          const Actor& actor, TableStream& stream,
                                          ImportReport so_far, const TableImportOptions& options) {
  return ImportRows(stream, kEnterpriseColumns, std::move(so_far), options,
                    [&](const HeaderMap& at, const std::vector<std::string>& cells,
                        std::int64_t row, ImportReport& report) {
                      return ImportEnterpriseRow(orgs, enterprises, actor, at, cells, row, report,
                                                 &options);
                    });
}

}  // namespace zj::app
