#include "app/aid/aid_rules_table.h"

#include <array>
#include <cctype>
#include <optional>

#include "app/aid/aid_rules_load.h"
#include "app/hardship/standards_service.h"
#include "core/text/halfwidth.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

enum Col : std::size_t {
  kTable,
  kOrgCode,
  kYear,
  kKind,
  kLevel,
  kRule,
  kMonths,
  kAmount,
  kShare,
  kCap,
  kPer,
  kOrgLevel,
  kCount
};

//! A column: its field name, the Chinese header accepted for it, whether required.
struct Column {
  std::string_view field;
  std::string_view zh;
  bool required;
};
constexpr std::array<Column, kCount> kColumns{{{"table", "表", true},
                                               {"org_code", "组织代码", true},
                                               {"year", "年度", false},
                                               {"kind", "帮扶类别", true},
                                               {"level", "困难类别", false},
                                               {"rule", "计算方式", false},
                                               {"months", "月数", false},
                                               {"amount_yuan", "金额（元）", false},
                                               {"share_pct", "比例（%）", false},
                                               {"cap_yuan", "封顶（元）", false},
                                               {"per", "计发单位", false},
                                               {"org_level", "审批层级", false}}};

//! The column a field of the loads' checks lives in.
std::optional<Col> ColumnOfField(std::string_view field) {
  if (field == "scope_org_id" || field == "org_id") return kOrgCode;
  if (field == "amount_fen" || field == "max_fen") return kAmount;
  if (field == "cap_fen") return kCap;
  if (field == "year") return kYear;
  if (field == "kind") return kKind;
  if (field == "level") return kLevel;
  if (field == "rule") return kRule;
  if (field == "months") return kMonths;
  if (field == "share_pct") return kShare;
  if (field == "per") return kPer;
  if (field == "org_level") return kOrgLevel;
  return std::nullopt;
}

//! The Chinese names a finance office types for the coded columns (the web's labels), read as the
//! codes the loads take; a code itself passes through, anything else is left for the load's
//! own field error.
struct Named {
  Col column;
  std::string_view zh;
  std::string_view code;
};
constexpr std::array kNames{Named{kKind, "生活救助", "living"},
                            Named{kKind, "医疗救助", "medical"},
                            Named{kKind, "助学", "schooling"},
                            Named{kKind, "节日慰问", "festival"},
                            Named{kKind, "送温暖", "festival"},
                            Named{kKind, "临时救助", "emergency"},
                            Named{kLevel, "深度困难", "deep"},
                            Named{kLevel, "相对困难", "relative"},
                            Named{kLevel, "意外致困", "sudden"},
                            Named{kRule, "低保月数", "months_of_dibao"},
                            Named{kRule, "按低保月数", "months_of_dibao"},
                            Named{kRule, "定额", "fixed"},
                            Named{kRule, "费用比例", "share_of_cost"},
                            Named{kRule, "按费用比例", "share_of_cost"},
                            Named{kPer, "每户", "household"},
                            Named{kPer, "户", "household"},
                            Named{kPer, "每名学生", "student"},
                            Named{kPer, "学生", "student"},
                            Named{kPer, "每人", "person"},
                            Named{kPer, "人", "person"},
                            Named{kOrgLevel, "基层工会", "grassroots"},
                            Named{kOrgLevel, "街道", "street"},
                            Named{kOrgLevel, "区", "district"},
                            Named{kOrgLevel, "市", "municipal"}};

std::string CodeOf(Col column, std::string value) {
  for (const Named& n : kNames) {
    if (n.column == column && n.zh == value) return std::string(n.code);
  }
  return value;
}

enum class Which { kRule, kLimit, kBudget };

std::optional<Which> ParseWhich(std::string_view t) {
  if (t == "rule" || t == "帮扶标准") return Which::kRule;
  if (t == "limit" || t == "审批权限") return Which::kLimit;
  if (t == "budget" || t == "预算") return Which::kBudget;
  return std::nullopt;
}

//! 0..999999 written as digits; nullopt otherwise.
std::optional<int> SmallInt(std::string_view t) {
  if (t.empty() || t.size() > 6) return std::nullopt;
  for (char c : t) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
  }
  return std::stoi(std::string(t));
}

//! A load's outcome without its row, counted when it loaded.
template <typename T>
Result<void> Counted(Result<T> loaded, int& count) {
  if (!loaded) return Fail(std::move(loaded).error());
  ++count;
  return {};
}

//! Where each column sits and its header as the file writes it (what a problem names).
struct Layout {
  std::array<std::optional<std::size_t>, kCount> at{};
  std::array<std::string, kCount> written{};

  std::string Cell(const std::vector<std::string>& row, Col k) const {
    if (!at[k] || *at[k] >= row.size()) return "";
    return CodeOf(k, std::string(text::TrimSpaces(row[*at[k]])));
  }
  std::string Name(Col k) const {
    return written[k].empty() ? std::string(kColumns[k].field) : written[k];
  }
};

Result<Layout> ReadHeader(const std::vector<std::string>& header) {
  Layout layout;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h(text::TrimSpaces(header[i]));
    for (std::size_t k = 0; k < kCount; ++k) {
      if (h == kColumns[k].field || h == kColumns[k].zh) {
        layout.at[k] = i;
        layout.written[k] = h;
      }
    }
  }
  for (std::size_t k = 0; k < kCount; ++k) {
    if (kColumns[k].required && !layout.at[k]) {
      Error e{ErrorCode::kInvalidArgument,
              "error.import.missing_column",
              "missing column " + std::string(kColumns[k].field),
              {},
              {}};
      e.args.emplace_back("column", std::string(kColumns[k].field));
      return Fail(std::move(e));
    }
  }
  return layout;
}

//! One data row loaded on `c`; its problems appended (none when it loaded). An error that is
//! no field's (the database) is returned.
Result<void> LoadRow(store::Connection& c, const Clock& clock, AuditService& audit,
                     const Actor& actor, const Layout& l, const std::vector<std::string>& row,
                     std::int64_t number, AidRulesTableReport& report,
                     std::vector<RowProblem>& problems) {
  const auto problem = [&](Col k, std::string key) {
    problems.push_back({number, l.Name(k), std::move(key), {}});
  };
  const auto which = ParseWhich(l.Cell(row, kTable));
  if (!which) problem(kTable, "error.aid.table");
  std::int64_t org_id = 0;
  const std::string code = l.Cell(row, kOrgCode);
  if (code.empty()) {
    problem(kOrgCode, "error.field.required");
  } else {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgByCode(c, code));
    if (org) {
      org_id = org->id;
    } else {
      problem(kOrgCode, "error.org.not_found");
    }
  }
  const auto number_in = [&](Col k, bool needed) -> std::optional<int> {
    const std::string v = l.Cell(row, k);
    if (v.empty() && !needed) return std::nullopt;
    const auto n = SmallInt(v);
    if (!n) problem(k, k == kYear ? "error.standards.year" : "error.aid.whole_number");
    return n;
  };
  const auto yuan_in = [&](Col k, bool needed) -> std::optional<std::int64_t> {
    const std::string v = l.Cell(row, k);
    if (v.empty() && !needed) return std::nullopt;
    const auto fen = ParseYuan(v);
    if (!fen) problem(k, "error.aid.yuan");
    return fen;
  };
  const std::string kind = l.Cell(row, kKind);
  Result<void> loaded;
  if (which == Which::kRule) {
    AidRuleInput in;
    in.scope_org_id = org_id;
    in.year = number_in(kYear, true).value_or(0);
    in.kind = kind;
    in.level = l.Cell(row, kLevel);
    in.rule = l.Cell(row, kRule);
    in.months = number_in(kMonths, false).value_or(0);
    in.amount_fen = yuan_in(kAmount, false).value_or(0);
    in.share_pct = number_in(kShare, false).value_or(0);
    in.cap_fen = yuan_in(kCap, false);
    const std::string per = l.Cell(row, kPer);
    if (!per.empty()) in.per = per;
    if (!problems.empty()) return {};
    loaded = Counted(LoadAidRuleOn(c, clock, audit, actor, in), report.rules);
  } else if (which == Which::kLimit) {
    const ApprovalLimitInput in{org_id, kind, l.Cell(row, kOrgLevel),
                                yuan_in(kAmount, true).value_or(0)};
    if (!problems.empty()) return {};
    loaded = Counted(LoadApprovalLimitOn(c, clock, audit, actor, in), report.limits);
  } else if (which == Which::kBudget) {
    const BudgetInput in{org_id, number_in(kYear, true).value_or(0), kind,
                         yuan_in(kAmount, true).value_or(0)};
    if (!problems.empty()) return {};
    loaded = Counted(LoadBudgetOn(c, clock, audit, actor, in), report.budgets);
  }
  if (loaded) return {};
  if (loaded.error().fields.empty()) return loaded;
  for (const auto& f : loaded.error().fields) {
    const auto k = ColumnOfField(f.field);
    problems.push_back({number, k ? l.Name(*k) : "", f.message_key, f.args});
  }
  return {};
}

}  // namespace

Result<AidRulesTableReport> LoadAidRulesTable(store::Database& db, const Clock& clock,
                                              AuditService& audit, const Actor& actor,
                                              const Table& table) {
  ZJ_RETURN_IF_ERROR(MustLoadAidRules(actor));
  AidRulesTableReport report;
  report.encoding = table.encoding;
  if (table.rows.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "error.import.empty", "no header row");
  }
  ZJ_ASSIGN_OR_RETURN(Layout layout, ReadHeader(table.rows.at(0)));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    std::vector<RowProblem> problems;
    ZJ_RETURN_IF_ERROR(LoadRow(*lease, clock, audit, actor, layout, table.rows[r],
                               table.row_numbers.at(r), report, problems));
    ++report.rows;
    if (problems.empty()) continue;
    ++report.failed_rows;
    report.problems.insert(report.problems.end(), problems.begin(), problems.end());
  }
  if (report.failed_rows > 0) {
    report.rules = report.limits = report.budgets = 0;
    return report;  // `tx` rolls every row back
  }
  ZJ_RETURN_IF_ERROR(tx.Commit());
  report.loaded = true;
  return report;
}

}  // namespace zj::app
