#include "app/hardship/standards_service.h"

#include <array>
#include <cctype>

#include "app/members/member_access.h"
#include "core/orgs/org_path.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr std::int64_t kMaxDibaoFen = 10'000'000;  // ¥100,000 a month: far above any line

Result<void> MustLoadStandards(const Actor& actor) {
  if (actor.role == "admin") return {};
  return Fail(ErrorCode::kPermissionDenied, "error.standards.forbidden",
              actor.role + " does not load standards");
}

Result<void> MustReadStandards(const Actor& actor) {
  if (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre" ||
      actor.role == "operator") {
    return {};
  }
  return Fail(ErrorCode::kPermissionDenied, "error.standards.forbidden",
              actor.role + " does not read standards");
}

//! A table column: its field name, the Chinese header accepted for it, whether required.
struct Column {
  std::string_view field;
  std::string_view zh;
  bool required;
};
constexpr std::array<Column, 6> kColumns{{{"region_code", "地区代码", true},
                                          {"year", "年度", true},
                                          {"dibao_monthly_yuan", "低保标准（元/月）", true},
                                          {"source", "来源", true},
                                          {"sudden_cost_pct", "意外支出占比（%）", false},
                                          {"sudden_medical_pct", "医疗支出占比（%）", false}}};

std::optional<int> SmallInt(std::string_view text) {
  const std::string t(text::TrimSpaces(text));
  if (t.empty() || t.size() > 6) return std::nullopt;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
  }
  return std::stoi(t);
}

}  // namespace

std::optional<std::int64_t> ParseYuan(std::string_view input) {
  std::string t(text::TrimSpaces(input));
  std::string digits;
  int decimals = -1;
  for (char c : t) {
    if (c == ',' && decimals < 0) continue;
    if (c == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
    if (decimals >= 0) {
      ++decimals;
      if (decimals > 2) return std::nullopt;
    }
    digits += c;
  }
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  std::int64_t fen = std::stoll(digits);
  for (int i = std::max(decimals, 0); i < 2; ++i) fen *= 10;
  return fen;
}

Result<store::RegionStandardRow> StandardsService::Check(const StandardInput& in,
                                                         Error& invalid) const {
  store::RegionStandardRow row;
  row.region_code = std::string(text::TrimSpaces(in.region_code));
  if (text::TooLong(row.region_code, text::TextKind::kCode) ||
      regions_.Find(row.region_code) == nullptr) {
    invalid.fields.push_back({"region_code", "error.region.unknown", {}});
  }
  row.year = in.year;
  if (in.year < 2000 || in.year > 2100) {
    invalid.fields.push_back({"year", "error.standards.year", {}});
  }
  row.dibao_monthly_fen = in.dibao_monthly_fen;
  if (in.dibao_monthly_fen < 100 || in.dibao_monthly_fen > kMaxDibaoFen) {
    invalid.fields.push_back({"dibao_monthly_fen", "error.standards.dibao", {}});
  }
  row.sudden_cost_pct = in.sudden_cost_pct.value_or(80);
  row.sudden_medical_pct = in.sudden_medical_pct.value_or(50);
  if (row.sudden_cost_pct < 1 || row.sudden_cost_pct > 100) {
    invalid.fields.push_back({"sudden_cost_pct", "error.standards.pct", {}});
  }
  if (row.sudden_medical_pct < 1 || row.sudden_medical_pct > 100) {
    invalid.fields.push_back({"sudden_medical_pct", "error.standards.pct", {}});
  }
  row.source = std::string(text::TrimSpaces(in.source));
  if (row.source.empty()) {
    invalid.fields.push_back({"source", "error.field.required", {}});
  } else if (auto e = text::CheckLength("source", row.source, text::TextKind::kOrgName)) {
    invalid.fields.push_back(*e);
  }
  if (!invalid.fields.empty()) return Fail(invalid);
  return row;
}

Result<store::RegionStandardRow> StandardsService::Load(const Actor& actor,
                                                        const StandardInput& input) {
  ZJ_RETURN_IF_ERROR(MustLoadStandards(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "standard", {}, {}};
  ZJ_ASSIGN_OR_RETURN(store::RegionStandardRow row, Check(input, invalid));
  if (actor.user_id != 0) row.loaded_by = actor.user_id;
  row.loaded_at = clock_.NowMs();
  const AuditEvent event{"standards.load",
                         "region_standard",
                         row.region_code + "/" + std::to_string(row.year),
                         "ok",
                         actor.remote_addr,
                         {{"dibao_monthly_fen", std::to_string(row.dibao_monthly_fen)}}};
  ZJ_RETURN_IF_ERROR(store::InTransaction(db_, [&](store::Connection& c) -> Result<void> {
    ZJ_RETURN_IF_ERROR(store::UpsertRegionStandard(c, row));
    return audit_.Record(c, AuditActor::From(actor), event);
  }));
  return row;
}

Result<ImportReport> StandardsService::LoadTable(const Actor& actor, const Table& table) {
  ZJ_RETURN_IF_ERROR(MustLoadStandards(actor));
  ImportReport report;
  report.encoding = table.encoding;
  if (table.rows.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "error.import.empty", "no header row");
  }
  report.header_row = table.row_numbers.at(0);
  // Where each column sits, and its header as the file writes it (what a problem names).
  std::array<std::optional<std::size_t>, kColumns.size()> at{};
  std::array<std::string, kColumns.size()> written{};
  const auto& header = table.rows.at(0);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h(text::TrimSpaces(header[i]));
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      if (h == kColumns[k].field || h == kColumns[k].zh) {
        at[k] = i;
        written[k] = h;
      }
    }
  }
  for (std::size_t k = 0; k < kColumns.size(); ++k) {
    if (kColumns[k].required && !at[k]) {
      Error e{ErrorCode::kInvalidArgument,
              "error.import.missing_column",
              "missing column " + std::string(kColumns[k].field),
              {},
              {}};
      e.args.emplace_back("column", std::string(kColumns[k].field));
      return Fail(std::move(e));
    }
  }
  const auto cell = [&](const std::vector<std::string>& row, std::size_t k) -> std::string {
    if (!at[k] || *at[k] >= row.size()) return "";
    return row[*at[k]];
  };
  // The field a check names, as the column the file calls it.
  const auto column_of = [&](const std::string& field) -> std::string {
    for (std::size_t k = 0; k < kColumns.size(); ++k) {
      if (kColumns[k].field == field ||
          (field == "dibao_monthly_fen" && kColumns[k].field == "dibao_monthly_yuan")) {
        return written[k].empty() ? std::string(kColumns[k].field) : written[k];
      }
    }
    return "";
  };
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    const std::int64_t number = table.row_numbers.at(r);
    std::vector<RowProblem> problems;
    StandardInput in;
    in.region_code = cell(row, 0);
    const auto year = SmallInt(cell(row, 1));
    if (!year) problems.push_back({number, written[1], "error.standards.year", {}});
    in.year = year.value_or(0);
    const auto fen = ParseYuan(cell(row, 2));
    if (!fen) problems.push_back({number, written[2], "error.standards.dibao", {}});
    in.dibao_monthly_fen = fen.value_or(0);
    in.source = cell(row, 3);
    for (std::size_t k : {std::size_t{4}, std::size_t{5}}) {
      const std::string v(text::TrimSpaces(cell(row, k)));
      if (v.empty()) continue;
      const auto pct = SmallInt(v);
      if (!pct) problems.push_back({number, written[k], "error.standards.pct", {}});
      (k == 4 ? in.sudden_cost_pct : in.sudden_medical_pct) = pct.value_or(0);
    }
    if (problems.empty()) {
      auto loaded = Load(actor, in);
      if (loaded) {
        ++report.created;
        continue;
      }
      for (const auto& f : loaded.error().fields) {
        problems.push_back({number, column_of(f.field), f.message_key, f.args});
      }
      if (problems.empty()) return Fail(std::move(loaded).error());
    }
    ++report.failed_rows;
    report.problems.insert(report.problems.end(), problems.begin(), problems.end());
  }
  return report;
}

Result<std::vector<store::RegionStandardRow>> StandardsService::List(const Actor& actor) {
  ZJ_RETURN_IF_ERROR(MustReadStandards(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::AllRegionStandards(*lease);
}

Result<store::RegionStandardRow> StandardsService::ForOrg(store::Connection& conn,
                                                          const store::OrgRow& org,
                                                          int year) const {
  // The org's region, else the nearest org above it with one (the path's ids, nearest last).
  std::optional<std::string> region = org.region_code;
  if (!region) {
    const auto ids = OrgPath::FromStored(org.path).Ids();
    for (auto it = ids.rbegin(); it != ids.rend() && !region; ++it) {
      if (*it == org.id) continue;
      ZJ_ASSIGN_OR_RETURN(auto above, store::FindOrgById(conn, *it));
      if (above) region = above->region_code;
    }
  }
  std::string code = region.value_or("");
  const std::string asked = code;
  while (!code.empty()) {
    ZJ_ASSIGN_OR_RETURN(auto standard, store::FindRegionStandard(conn, code, year));
    if (standard) return *standard;
    const Region* r = regions_.Find(code);
    code = r != nullptr ? r->parent_code : "";
  }
  Error e{ErrorCode::kUnprocessable,
          "error.hardship.no_standard",
          "no standard for " + asked + " in " + std::to_string(year),
          {},
          {}};
  e.args = {{"region", asked.empty() ? "-" : asked}, {"year", std::to_string(year)}};
  return Fail(std::move(e));
}

}  // namespace zj::app
