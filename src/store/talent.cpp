#include "store/talent.h"

#include <algorithm>
#include <chrono>

namespace zj::store {

namespace {

#define ZJ_ENTRY_SELECT                                                                     \
  "SELECT t.member_id, t.federation_id, t.org_path, t.trade, t.skill_level, t.level_since," \
  " t.level_source, t.source_id, t.updated_by, t.updated_at, m.name, m.id_last4, o.name"    \
  " FROM talent_entries t JOIN members m ON m.id = t.member_id"                             \
  " JOIN orgs o ON o.id = m.union_org_id"
#define ZJ_TITLE_COLUMNS \
  "id, member_id, federation_id, kind, title, year, source, source_id, added_by, added_at"
#define ZJ_STUDIO_SELECT                                                                        \
  "SELECT s.id, s.federation_id, s.org_id, s.org_path, s.name, s.lead_member_id, s.trade,"      \
  " s.founded_year, s.funding_first_year, s.funding_years, s.funding_amount_fen, s.created_by," \
  " s.created_at, o.name, m.name FROM studios s JOIN orgs o ON o.id = s.org_id"                 \
  " JOIN members m ON m.id = s.lead_member_id"

constexpr Sql kPutEntry{
    "talent_entries.put",
    "INSERT INTO talent_entries (member_id, federation_id, org_path, trade, skill_level,"
    " level_since, level_source, source_id, updated_by, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (member_id) DO UPDATE SET"
    " federation_id = excluded.federation_id, org_path = excluded.org_path,"
    " trade = excluded.trade, skill_level = excluded.skill_level,"
    " level_since = excluded.level_since, level_source = excluded.level_source,"
    " source_id = excluded.source_id, updated_by = excluded.updated_by,"
    " updated_at = excluded.updated_at"};
constexpr Sql kFindEntry{"talent_entries.find", ZJ_ENTRY_SELECT " WHERE t.member_id = $1"};
// Read in the order of the trade's index (trade, org_path, member_id, skill_level), or with no
// trade of the path's: $1 is the later of the subtree's low end and the cursor's path, so the
// scan starts at the cursor; rows of the cursor's own union up to its member are skipped.
constexpr Sql kSearchTrade{"talent_entries.search_trade", ZJ_ENTRY_SELECT
                           " WHERE t.trade = $3 AND t.org_path >= $1 AND t.org_path < $2"
                           " AND t.skill_level >= $4 AND (t.org_path > $5 OR t.member_id > $6)"
                           " ORDER BY t.org_path, t.member_id LIMIT $7"};
constexpr Sql kSearchAny{"talent_entries.search_any", ZJ_ENTRY_SELECT
                         " WHERE t.org_path >= $1 AND t.org_path < $2"
                         " AND t.skill_level >= $3 AND (t.org_path > $4 OR t.member_id > $5)"
                         " ORDER BY t.org_path, t.member_id LIMIT $6"};
constexpr Sql kMoveEntry{"talent_entries.move",
                         "UPDATE talent_entries SET org_path = $2, federation_id = $3"
                         " WHERE member_id = $1"};

constexpr Sql kInsertTitle{"talent_titles.insert",
                           "INSERT INTO talent_titles (" ZJ_TITLE_COLUMNS
                           ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Sql kTitles{"talent_titles.of_member", "SELECT " ZJ_TITLE_COLUMNS
                                                 " FROM talent_titles WHERE member_id = $1"
                                                 " ORDER BY year, id LIMIT 200"};
constexpr Sql kHonourTitles{"talent_titles.honours",
                            "SELECT n.id, n.federation_id, r.title, r.year, n.decided_by,"
                            " n.decided_at FROM nominations n"
                            " JOIN honour_rounds r ON r.id = n.round_id"
                            " WHERE n.member_id = $1 AND n.status = 'awarded'"
                            " ORDER BY r.year, n.id LIMIT 200"};
constexpr Sql kCertificateTitles{"talent_titles.certificates",
                                 "SELECT id, federation_id, title, award, place, issued_at"
                                 " FROM certificates WHERE member_id = $1"
                                 " AND kind = 'competition' AND revoked_at IS NULL"
                                 " ORDER BY issued_at, id LIMIT 200"};

constexpr Sql kInsertStudio{"studios.insert",
                            "INSERT INTO studios (id, federation_id, org_id, org_path, name,"
                            " lead_member_id, trade, founded_year, funding_first_year,"
                            " funding_years, funding_amount_fen, created_by, created_at)"
                            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"};
constexpr Sql kFindStudio{"studios.find", ZJ_STUDIO_SELECT " WHERE s.id = $1"};
constexpr Sql kStudiosUnder{"studios.under", ZJ_STUDIO_SELECT
                            " WHERE s.org_path >= $1 AND s.org_path < $2"
                            " AND (CAST($3 AS BIGINT) = 0 OR s.id < $3) ORDER BY s.id DESC"
                            " LIMIT $4"};
constexpr Sql kStudiosLedBy{"studios.led_by", ZJ_STUDIO_SELECT
                            " WHERE s.lead_member_id = $1 ORDER BY s.id"
                            " LIMIT 20"};
constexpr Sql kInsertFunding{"studio_funding.insert",
                             "INSERT INTO studio_funding (studio_id, year, funding_year,"
                             " amount_fen, recorded_by, recorded_at)"
                             " VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Sql kFunding{"studio_funding.of",
                       "SELECT studio_id, year, funding_year, amount_fen, recorded_by,"
                       " recorded_at FROM studio_funding WHERE studio_id = $1 ORDER BY year"
                       " LIMIT 100"};

#undef ZJ_ENTRY_SELECT
#undef ZJ_TITLE_COLUMNS
#undef ZJ_STUDIO_SELECT

Value Opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }

template <typename T>
std::optional<T> First(std::vector<T> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

TalentEntryRow EntryFrom(const RowView& r) {
  TalentEntryRow e;
  e.member_id = r.Int(0);
  e.federation_id = r.Int(1);
  e.org_path = r.Text(2);
  e.trade = r.Text(3);
  e.skill_level = static_cast<int>(r.Int(4));
  e.level_since = r.Text(5);
  e.level_source = r.Text(6);
  e.source_id = r.OptInt(7);
  e.updated_by = r.OptInt(8);
  e.updated_at = r.Int(9);
  e.member_name = r.Text(10);
  e.id_last4 = r.Text(11);
  e.union_name = r.Text(12);
  return e;
}

TalentTitleRow TitleFrom(const RowView& r) {
  return TalentTitleRow{
      r.Int(0),  r.Int(1),    r.Int(2),    r.Text(3), r.Text(4), static_cast<int>(r.Int(5)),
      r.Text(6), r.OptInt(7), r.OptInt(8), r.Int(9)};
}

StudioRow StudioFrom(const RowView& r) {
  StudioRow s;
  s.id = r.Int(0);
  s.federation_id = r.Int(1);
  s.org_id = r.Int(2);
  s.org_path = r.Text(3);
  s.name = r.Text(4);
  s.lead_member_id = r.Int(5);
  s.trade = r.Text(6);
  s.founded_year = static_cast<int>(r.Int(7));
  if (const auto first = r.OptInt(8)) s.funding_first_year = static_cast<int>(*first);
  s.funding_years = static_cast<int>(r.Int(9));
  s.funding_amount_fen = r.Int(10);
  s.created_by = r.OptInt(11);
  s.created_at = r.Int(12);
  s.org_name = r.Text(13);
  s.lead_name = r.Text(14);
  return s;
}

//! The year (Beijing time, UTC+8) of an instant in Unix ms.
int BeijingYear(std::int64_t ms) {
  const std::chrono::sys_days day =
      std::chrono::floor<std::chrono::days>(std::chrono::sys_time<std::chrono::milliseconds>(
          std::chrono::milliseconds(ms) + std::chrono::hours(8)));
  return static_cast<int>(std::chrono::year_month_day(day).year());
}

}  // namespace

Result<void> PutTalentEntry(Connection& conn, const TalentEntryRow& e) {
  const std::vector<Value> v{e.member_id,
                             e.federation_id,
                             e.org_path,
                             e.trade,
                             static_cast<std::int64_t>(e.skill_level),
                             e.level_since,
                             e.level_source,
                             Opt(e.source_id),
                             Opt(e.updated_by),
                             e.updated_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kPutEntry, v));
  return {};
}

Result<std::optional<TalentEntryRow>> FindTalentEntry(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> v{member_id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<TalentEntryRow>(conn, kFindEntry, v, EntryFrom));
  return First(std::move(rows));
}

Result<std::vector<TalentEntryRow>> SearchTalent(Connection& conn, const TalentQuery& q) {
  const auto level = static_cast<std::int64_t>(q.min_level);
  const auto limit = static_cast<std::int64_t>(q.limit);
  const std::string from = std::max(q.low, q.after_path);
  if (q.trade.empty()) {
    const std::vector<Value> v{from, q.high, level, q.after_path, q.after_member, limit};
    return Collect<TalentEntryRow>(conn, kSearchAny, v, EntryFrom);
  }
  const std::vector<Value> v{from, q.high, q.trade, level, q.after_path, q.after_member, limit};
  return Collect<TalentEntryRow>(conn, kSearchTrade, v, EntryFrom);
}

Result<void> MoveTalentEntry(Connection& conn, std::int64_t member_id, const std::string& org_path,
                             std::int64_t federation_id) {
  const std::vector<Value> v{member_id, org_path, federation_id};
  ZJ_RETURN_IF_ERROR(conn.Execute(kMoveEntry, v));
  return {};
}

Result<void> InsertTalentTitle(Connection& conn, const TalentTitleRow& t) {
  const std::vector<Value> v{t.id,      t.member_id,      t.federation_id,
                             t.kind,    t.title,          static_cast<std::int64_t>(t.year),
                             t.source,  Opt(t.source_id), Opt(t.added_by),
                             t.added_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertTitle, v));
  return {};
}

Result<std::vector<TalentTitleRow>> TitlesOfMember(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> v{member_id};
  ZJ_ASSIGN_OR_RETURN(auto out, Collect<TalentTitleRow>(conn, kTitles, v, TitleFrom));
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kHonourTitles, v, [&](const RowView& r) {
    out.push_back(TalentTitleRow{r.Int(0), member_id, r.Int(1), "honour", r.Text(2),
                                 static_cast<int>(r.Int(3)), "nomination", r.Int(0), r.OptInt(4),
                                 r.OptInt(5).value_or(0)});
  }));
  ZJ_RETURN_IF_ERROR(conn.QueryEach(kCertificateTitles, v, [&](const RowView& r) {
    std::string title = r.Text(2) + " · " + r.Text(3);
    if (const auto place = r.OptInt(4)) title += " · " + std::to_string(*place);
    out.push_back(TalentTitleRow{r.Int(0), member_id, r.Int(1), "honour", std::move(title),
                                 BeijingYear(r.Int(5)), "competition", r.Int(0), std::nullopt,
                                 r.Int(5)});
  }));
  return out;
}

Result<void> InsertStudio(Connection& conn, const StudioRow& s) {
  const std::vector<Value> v{
      s.id,
      s.federation_id,
      s.org_id,
      s.org_path,
      s.name,
      s.lead_member_id,
      s.trade,
      static_cast<std::int64_t>(s.founded_year),
      s.funding_first_year ? Value(static_cast<std::int64_t>(*s.funding_first_year)) : Value(),
      static_cast<std::int64_t>(s.funding_years),
      s.funding_amount_fen,
      Opt(s.created_by),
      s.created_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertStudio, v));
  return {};
}

Result<std::optional<StudioRow>> FindStudio(Connection& conn, std::int64_t id) {
  const std::vector<Value> v{id};
  ZJ_ASSIGN_OR_RETURN(auto rows, Collect<StudioRow>(conn, kFindStudio, v, StudioFrom));
  return First(std::move(rows));
}

Result<std::vector<StudioRow>> StudiosUnder(Connection& conn, const std::string& low,
                                            const std::string& high, std::int64_t before_id,
                                            int limit) {
  const std::vector<Value> v{low, high, before_id, static_cast<std::int64_t>(limit)};
  return Collect<StudioRow>(conn, kStudiosUnder, v, StudioFrom);
}

Result<std::vector<StudioRow>> StudiosLedBy(Connection& conn, std::int64_t member_id) {
  const std::vector<Value> v{member_id};
  return Collect<StudioRow>(conn, kStudiosLedBy, v, StudioFrom);
}

Result<void> InsertStudioFunding(Connection& conn, const StudioFundingRow& f) {
  const std::vector<Value> v{f.studio_id,
                             static_cast<std::int64_t>(f.year),
                             static_cast<std::int64_t>(f.funding_year),
                             f.amount_fen,
                             Opt(f.recorded_by),
                             f.recorded_at};
  ZJ_RETURN_IF_ERROR(conn.Execute(kInsertFunding, v));
  return {};
}

Result<std::vector<StudioFundingRow>> FundingOfStudio(Connection& conn, std::int64_t studio_id) {
  const std::vector<Value> v{studio_id};
  return Collect<StudioFundingRow>(conn, kFunding, v, [](const RowView& r) {
    return StudioFundingRow{
        r.Int(0), static_cast<int>(r.Int(1)), static_cast<int>(r.Int(2)), r.Int(3), r.OptInt(4),
        r.Int(5)};
  });
}

}  // namespace zj::store
