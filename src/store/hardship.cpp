#include "store/hardship.h"

namespace zj::store {

namespace {

#define ZJ_FILE_COLUMNS                                                                   \
  "f.id, f.federation_id, f.org_id, f.org_path, f.member_id, f.status, f.household_size," \
  " f.annual_income_fen, f.rigid_expenses_fen, f.sudden_cost_fen, f.sudden_medical_fen,"  \
  " f.per_head_monthly_fen, f.region_code, f.standard_year, f.standard_dibao_fen,"        \
  " f.standard_cost_pct, f.standard_medical_pct,"                                         \
  " f.level_computed, f.level_final, f.override_reason, f.overridden_by, f.main_cause,"   \
  " f.secondary_causes, f.exclusions, f.opened_by, f.opened_at, f.updated_at, o.name,"    \
  " f.closed_at, f.close_reason, COALESCE(w.stage, 'applied')"

constexpr Sql kInsertFile{
    "hardship_files.insert",
    "INSERT INTO hardship_files (id, federation_id, org_id, org_path, member_id, status,"
    " household_size, annual_income_fen, rigid_expenses_fen, sudden_cost_fen, sudden_medical_fen,"
    " per_head_monthly_fen, region_code, standard_year, standard_dibao_fen, standard_cost_pct,"
    " standard_medical_pct, level_computed,"
    " level_final, override_reason, overridden_by, main_cause, secondary_causes, exclusions,"
    " opened_by, opened_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
    " $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)"};
constexpr Sql kFindFile{"hardship_files.find",
                        "SELECT " ZJ_FILE_COLUMNS
                        " FROM hardship_files f JOIN orgs o ON o.id = f.org_id"
                        " LEFT JOIN hardship_flows w ON w.file_id = f.id WHERE f.id = $1"};
constexpr Sql kListAll{
    "hardship_files.list",
    "SELECT " ZJ_FILE_COLUMNS
    " FROM hardship_files f JOIN orgs o ON o.id = f.org_id"
    " LEFT JOIN hardship_flows w ON w.file_id = f.id"
    " WHERE f.org_path >= $1 AND f.org_path < $2 AND ($3 = '' OR f.status = $3)"
    " AND (CAST($4 AS BIGINT) = 0 OR f.id < $4) AND ($6 = '' OR f.level_final = $6)"
    " AND ($7 = '' OR w.stage = $7)"
    " AND ($8 = '' OR (w.stage = 'active' AND w.review_due_on <= $8))"
    " AND (CAST($9 AS BIGINT) = 0 OR w.spot_check_due = 1)"
    " ORDER BY f.id DESC LIMIT $5"};
constexpr Sql kOfMember{"hardship_files.of_member",
                        "SELECT " ZJ_FILE_COLUMNS
                        " FROM hardship_files f JOIN orgs o ON o.id = f.org_id"
                        " LEFT JOIN hardship_flows w ON w.file_id = f.id"
                        " WHERE f.member_id = $1 ORDER BY f.id DESC LIMIT $2"};
constexpr Sql kOverride{"hardship_files.override",
                        "UPDATE hardship_files SET level_final = $2, override_reason = $3,"
                        " overridden_by = $4, updated_at = $5 WHERE id = $1"};
constexpr Sql kClose{
    "hardship_files.close",
    "UPDATE hardship_files SET status = 'closed', closed_at = $2, close_reason = $3,"
    " updated_at = $2 WHERE id = $1 AND status = 'open'"};
constexpr Sql kCloseHousehold{"household_members.close",
                              "UPDATE household_members SET file_open = 0 WHERE file_id = $1"};
constexpr Sql kInsertMember{
    "household_members.insert",
    "INSERT INTO household_members (id, file_id, relation, name_cipher, id_cipher, id_blind,"
    " id_last4, income_fen, work_status, key_version, file_open) VALUES ($1, $2, $3, $4, $5, $6,"
    " $7, $8, $9, $10, $11)"};
constexpr Sql kHousehold{"household_members.of_file",
                         "SELECT id, file_id, relation, name_cipher, id_cipher, id_blind,"
                         " id_last4, income_fen, work_status, key_version, file_open"
                         " FROM household_members WHERE file_id = $1 ORDER BY id"};
constexpr Sql kOpenOfPerson{"household_members.open_of_person",
                            "SELECT f.id, f.org_path FROM household_members h"
                            " JOIN hardship_files f ON f.id = h.file_id"
                            " WHERE h.id_blind = $1 AND h.file_open = 1"};
constexpr Sql kInsertExpense{"hardship_expenses.insert",
                             "INSERT INTO hardship_expenses (id, file_id, kind, amount_fen)"
                             " VALUES ($1, $2, $3, $4)"};
constexpr Sql kExpenses{"hardship_expenses.of_file",
                        "SELECT id, file_id, kind, amount_fen FROM hardship_expenses"
                        " WHERE file_id = $1 ORDER BY id"};
constexpr Sql kInsertStep{"hardship_steps.insert",
                          "INSERT INTO hardship_steps (id, file_id, step, actor_id, org_id, at,"
                          " detail, text_cipher, key_version)"
                          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"};
constexpr Sql kSteps{"hardship_steps.of_file",
                     "SELECT id, file_id, step, actor_id, org_id, at, detail, text_cipher,"
                     " key_version FROM hardship_steps WHERE file_id = $1 ORDER BY id"};

#undef ZJ_FILE_COLUMNS

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
Value Opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }

HardshipFileRow FileFromRow(const RowView& r) {
  HardshipFileRow f;
  f.id = r.Int(0);
  f.federation_id = r.Int(1);
  f.org_id = r.Int(2);
  f.org_path = r.Text(3);
  f.member_id = r.OptInt(4);
  f.status = r.Text(5);
  f.household_size = static_cast<int>(r.Int(6));
  f.annual_income_fen = r.Int(7);
  f.rigid_expenses_fen = r.Int(8);
  f.sudden_cost_fen = r.Int(9);
  f.sudden_medical_fen = r.Int(10);
  f.per_head_monthly_fen = r.Int(11);
  f.region_code = r.Text(12);
  f.standard_year = static_cast<int>(r.Int(13));
  f.standard_dibao_fen = r.Int(14);
  f.standard_cost_pct = static_cast<int>(r.Int(15));
  f.standard_medical_pct = static_cast<int>(r.Int(16));
  f.level_computed = r.Text(17);
  f.level_final = r.Text(18);
  f.override_reason = r.OptText(19);
  f.overridden_by = r.OptInt(20);
  f.main_cause = r.Text(21);
  f.secondary_causes = r.Text(22);
  f.exclusions = r.Text(23);
  f.opened_by = r.OptInt(24);
  f.opened_at = r.Int(25);
  f.updated_at = r.Int(26);
  f.org_name = r.Text(27);
  f.closed_at = r.OptInt(28);
  f.close_reason = r.OptText(29);
  f.stage = r.Text(30);
  return f;
}

HouseholdMemberRow MemberFromRow(const RowView& r) {
  HouseholdMemberRow m;
  m.id = r.Int(0);
  m.file_id = r.Int(1);
  m.relation = r.Text(2);
  m.name_cipher = r.Bytes(3);
  m.id_cipher = r.Bytes(4);
  m.id_blind = r.Text(5);
  m.id_last4 = r.Text(6);
  m.income_fen = r.Int(7);
  m.work_status = r.OptText(8);
  m.key_version = static_cast<int>(r.Int(9));
  m.file_open = r.Int(10) != 0;
  return m;
}

}  // namespace

Result<void> InsertHardshipFile(Connection& conn, const HardshipFileRow& f) {
  const std::vector<Value> p{f.id,
                             f.federation_id,
                             f.org_id,
                             f.org_path,
                             Opt(f.member_id),
                             f.status,
                             static_cast<std::int64_t>(f.household_size),
                             f.annual_income_fen,
                             f.rigid_expenses_fen,
                             f.sudden_cost_fen,
                             f.sudden_medical_fen,
                             f.per_head_monthly_fen,
                             f.region_code,
                             static_cast<std::int64_t>(f.standard_year),
                             f.standard_dibao_fen,
                             static_cast<std::int64_t>(f.standard_cost_pct),
                             static_cast<std::int64_t>(f.standard_medical_pct),
                             f.level_computed,
                             f.level_final,
                             Opt(f.override_reason),
                             Opt(f.overridden_by),
                             f.main_cause,
                             f.secondary_causes,
                             f.exclusions,
                             Opt(f.opened_by),
                             f.opened_at,
                             f.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertFile, p));
  return {};
}

Result<void> InsertHouseholdMember(Connection& conn, const HouseholdMemberRow& m) {
  const std::vector<Value> p{m.id,
                             m.file_id,
                             m.relation,
                             m.name_cipher,
                             m.id_cipher,
                             m.id_blind,
                             m.id_last4,
                             m.income_fen,
                             Opt(m.work_status),
                             static_cast<std::int64_t>(m.key_version),
                             static_cast<std::int64_t>(m.file_open ? 1 : 0)};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertMember, p));
  return {};
}

Result<void> InsertHardshipExpense(Connection& conn, const HardshipExpenseRow& e) {
  const std::vector<Value> p{e.id, e.file_id, e.kind, e.amount_fen};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertExpense, p));
  return {};
}

Result<void> InsertHardshipStep(Connection& conn, const HardshipStepRow& s) {
  const std::vector<Value> p{s.id,
                             s.file_id,
                             s.step,
                             Opt(s.actor_id),
                             Opt(s.org_id),
                             s.at,
                             s.detail,
                             s.text_cipher ? Value(*s.text_cipher) : Value(),
                             std::int64_t{s.key_version}};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertStep, p));
  return {};
}

Result<std::optional<HardshipFileRow>> FindHardshipFile(Connection& conn, std::int64_t id) {
  const std::vector<Value> p{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<HardshipFileRow>(conn, kFindFile, p, FileFromRow));
  if (rows.empty()) return std::optional<HardshipFileRow>{};
  return std::optional<HardshipFileRow>{std::move(rows.front())};
}

Result<std::vector<HardshipFileRow>> ListHardshipFiles(Connection& conn,
                                                       const HardshipFileQuery& q) {
  const std::vector<Value> p{q.low,
                             q.high,
                             q.status,
                             q.before_id,
                             static_cast<std::int64_t>(q.limit),
                             q.level,
                             q.stage,
                             q.review_due_by,
                             static_cast<std::int64_t>(q.spot_check_due ? 1 : 0)};
  return Collect<HardshipFileRow>(conn, kListAll, p, FileFromRow);
}

Result<std::vector<HardshipFileRow>> HardshipFilesOfMember(Connection& conn, std::int64_t member_id,
                                                           int limit) {
  const std::vector<Value> p{member_id, static_cast<std::int64_t>(limit)};
  return Collect<HardshipFileRow>(conn, kOfMember, p, FileFromRow);
}

Result<std::vector<HouseholdMemberRow>> HouseholdOf(Connection& conn, std::int64_t file_id) {
  const std::vector<Value> p{file_id};
  return Collect<HouseholdMemberRow>(conn, kHousehold, p, MemberFromRow);
}

Result<std::vector<HardshipExpenseRow>> ExpensesOf(Connection& conn, std::int64_t file_id) {
  const std::vector<Value> p{file_id};
  return Collect<HardshipExpenseRow>(conn, kExpenses, p, [](const RowView& r) {
    return HardshipExpenseRow{r.Int(0), r.Int(1), r.Text(2), r.Int(3)};
  });
}

Result<std::vector<HardshipStepRow>> StepsOf(Connection& conn, std::int64_t file_id) {
  const std::vector<Value> p{file_id};
  return Collect<HardshipStepRow>(conn, kSteps, p, [](const RowView& r) {
    HardshipStepRow s{r.Int(0),  r.Int(1),     r.Text(2), r.OptInt(3), r.OptInt(4), r.Int(5),
                      r.Text(6), std::nullopt, 0};
    if (!r.IsNull(7)) s.text_cipher = r.Bytes(7);
    s.key_version = static_cast<int>(r.Int(8));
    return s;
  });
}

Result<void> OverrideHardshipLevel(Connection& conn, std::int64_t id, const std::string& level,
                                   const std::string& reason, std::int64_t by, std::int64_t at) {
  const std::vector<Value> p{id, level, reason, by, at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kOverride, p));
  return {};
}

Result<void> CloseHardshipFile(Connection& conn, std::int64_t id, const std::string& reason,
                               std::int64_t at) {
  const std::vector<Value> file{id, at, reason};
  ZJ_RETURN_IF_ERROR(conn.Execute(kClose, file));
  const std::vector<Value> household{id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kCloseHousehold, household));
  return {};
}

Result<std::optional<OpenFileOfPerson>> FindOpenFileOfPerson(
    Connection& conn, const std::vector<std::string>& id_blinds) {
  for (const auto& blind : id_blinds) {
    const std::vector<Value> p{blind};
    ZJ_ASSIGN_OR_RETURN(auto rows,
                        Collect<OpenFileOfPerson>(conn, kOpenOfPerson, p, [](const RowView& r) {
                          return OpenFileOfPerson{r.Int(0), r.Text(1)};
                        }));
    if (!rows.empty()) return std::optional<OpenFileOfPerson>{rows.front()};
  }
  return std::optional<OpenFileOfPerson>{};
}

}  // namespace zj::store
