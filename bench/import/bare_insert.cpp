// The bare baseline of the import and write benchmarks (bench/run.sh): the rows zhijia wrote
// into TABLE (`members` by a `zhijia members import`, `service_requests` by the API), read back
// from its database into memory with every value as stored (ciphertexts, blind indexes, card
// and tracking numbers), then inserted into a copy of the database as it was before, with one
// prepared INSERT, in transactions of BATCH rows (the import's batch size; 1 for API writes,
// each committed before its answer), with the same connection settings as zhijia (WAL,
// synchronous=FULL, foreign keys). The rows are those of IMPORTED.db's TABLE that FRESH.db's
// does not hold. Only the inserting is timed. Prints {"rows", "seconds", "rows_per_s"} as JSON.
// Usage: zhijia_bare_insert IMPORTED.db FRESH.db [BATCH] [TABLE]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

namespace {

using Value =
    std::variant<std::monostate, sqlite3_int64, double, std::string, std::vector<unsigned char>>;

[[noreturn]] void Die(sqlite3* db, const char* what) {
  std::fprintf(stderr, "zhijia_bare_insert: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  std::exit(1);
}

void Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) Die(db, sql);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: zhijia_bare_insert IMPORTED.db FRESH.db [BATCH] [TABLE]\n");
    return 2;
  }
  const int batch = argc > 3 ? std::max(1, std::atoi(argv[3])) : 2000;
  const std::string table = argc > 4 ? argv[4] : "members";
  if (table.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
    std::fprintf(stderr, "zhijia_bare_insert: bad table name %s\n", table.c_str());
    return 2;
  }
  sqlite3* src = nullptr;
  if (sqlite3_open_v2(argv[1], &src, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) Die(src, "open");
  const std::string attach = std::string("ATTACH DATABASE '") + argv[2] + "' AS fresh";
  Exec(src, attach.c_str());
  const std::string select = "SELECT * FROM main." + table +
                             " WHERE rowid NOT IN (SELECT rowid FROM fresh." + table +
                             ") ORDER BY rowid";
  sqlite3_stmt* read = nullptr;
  if (sqlite3_prepare_v2(src, select.c_str(), -1, &read, nullptr) != SQLITE_OK) {
    Die(src, "prepare select");
  }
  const int columns = sqlite3_column_count(read);
  std::vector<std::vector<Value>> rows;
  while (sqlite3_step(read) == SQLITE_ROW) {
    std::vector<Value> row(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(read, c)) {
        case SQLITE_INTEGER:
          row[c] = sqlite3_column_int64(read, c);
          break;
        case SQLITE_FLOAT:
          row[c] = sqlite3_column_double(read, c);
          break;
        case SQLITE_TEXT:
          row[c] = std::string(reinterpret_cast<const char*>(sqlite3_column_text(read, c)),
                               static_cast<std::size_t>(sqlite3_column_bytes(read, c)));
          break;
        case SQLITE_BLOB: {
          const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(read, c));
          row[c] = std::vector<unsigned char>(p, p + sqlite3_column_bytes(read, c));
          break;
        }
        default:
          break;
      }
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(read);
  sqlite3_close(src);

  sqlite3* db = nullptr;
  if (sqlite3_open(argv[2], &db) != SQLITE_OK) Die(db, "open fresh");
  Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  std::string sql = "INSERT INTO " + table + " VALUES (";
  for (int c = 1; c <= columns; ++c) sql += (c == 1 ? "?" : ", ?");
  sql += ")";
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &insert, nullptr) != SQLITE_OK)
    Die(db, "prepare insert");

  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i % static_cast<std::size_t>(batch) == 0) Exec(db, "BEGIN IMMEDIATE");
    for (int c = 0; c < columns; ++c) {
      const Value& v = rows[i][static_cast<std::size_t>(c)];
      if (const auto* n = std::get_if<sqlite3_int64>(&v))
        sqlite3_bind_int64(insert, c + 1, *n);
      else if (const auto* d = std::get_if<double>(&v))
        sqlite3_bind_double(insert, c + 1, *d);
      else if (const auto* s = std::get_if<std::string>(&v))
        sqlite3_bind_text(insert, c + 1, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
      else if (const auto* b = std::get_if<std::vector<unsigned char>>(&v))
        sqlite3_bind_blob(insert, c + 1, b->data(), static_cast<int>(b->size()), SQLITE_STATIC);
      else
        sqlite3_bind_null(insert, c + 1);
    }
    if (sqlite3_step(insert) != SQLITE_DONE) Die(db, "insert");
    sqlite3_reset(insert);
    if ((i + 1) % static_cast<std::size_t>(batch) == 0 || i + 1 == rows.size()) Exec(db, "COMMIT");
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sqlite3_finalize(insert);
  sqlite3_close(db);
  std::printf("{\"rows\": %zu, \"seconds\": %.3f, \"rows_per_s\": %.1f}\n", rows.size(), seconds,
              seconds > 0 ? static_cast<double>(rows.size()) / seconds : 0.0);
  return 0;
}
