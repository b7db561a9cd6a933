// The bare baselines of the import and write benchmarks (bench/run.sh): the rows zhijia wrote
// into TABLE (`members` by a `zhijia members import`, `service_requests` by the API), read back
// from its database into memory with every value as stored (ciphertexts, blind indexes, card
// and tracking numbers), then inserted into a copy of the database as it was before, with one
// prepared INSERT, in transactions of BATCH rows (the import's batch size; 1 for API writes,
// each committed before its answer), with the same connection settings as zhijia (WAL,
// synchronous=FULL, foreign keys; --cache-mib N: the page cache the import's connection uses).
// The rows are those of IMPORTED.db's TABLE that FRESH.db's does not hold. Only the inserting
// is timed. Prints {"rows", "seconds", "rows_per_s"} as JSON.
//
// --crypto (members only): the physical limit of a member row that is sealed and blind-indexed
// as it is written. Each row's ID and phone are sealed again (XChaCha20-Poly1305, random nonce,
// a field-bound additional data) and blind-indexed (keyed BLAKE2b, hex) with libsodium as
// app/personal_data/vault.cpp does, timed with the inserting, and the table keeps its primary
// key and the blind index (members_id_index) only: no search indexes.
// Usage: zhijia_bare_insert [--cache-mib N] [--crypto] IMPORTED.db FRESH.db [BATCH] [TABLE]
#include <sodium.h>
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

//! Keys of the --crypto baseline (random: the cost does not depend on them).
struct Keys {
  unsigned char seal[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
  unsigned char index[crypto_generichash_KEYBYTES];
};

//! `version | nonce | ciphertext+tag` of `plaintext`, bound to `field` (as the vault seals).
std::vector<unsigned char> Seal(const Keys& keys, const std::string& field,
                                const std::string& plaintext) {
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string ad = field;
  ad += '\0';
  ad += '\1';
  std::vector<unsigned char> out(1 + kNonce + plaintext.size() +
                                 crypto_aead_xchacha20poly1305_ietf_ABYTES);
  out[0] = 1;
  randombytes_buf(out.data() + 1, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + 1 + kNonce, &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
      out.data() + 1, keys.seal);
  out.resize(1 + kNonce + written);
  return out;
}

//! The keyed BLAKE2b of `field`\0`value`, 64 hex digits (as the vault's blind index).
std::string BlindIndex(const Keys& keys, const std::string& field, const std::string& value) {
  std::string input = field;
  input += '\0';
  input += value;
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(input.data()),
                     input.size(), keys.index, sizeof keys.index);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

int main(int argc, char** argv) {
  int cache_mib = 0;
  bool crypto = false;
  int arg = 1;
  for (; arg < argc && std::string(argv[arg]).starts_with("--"); ++arg) {
    const std::string flag = argv[arg];
    if (flag == "--crypto") {
      crypto = true;
    } else if (flag == "--cache-mib" && arg + 1 < argc) {
      cache_mib = std::atoi(argv[++arg]);
    } else {
      std::fprintf(stderr, "zhijia_bare_insert: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  argv += arg - 1;
  argc -= arg - 1;
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: zhijia_bare_insert [--cache-mib N] [--crypto] IMPORTED.db FRESH.db "
                 "[BATCH] [TABLE]\n");
    return 2;
  }
  const int batch = argc > 3 ? std::max(1, std::atoi(argv[3])) : 2000;
  const std::string table = argc > 4 ? argv[4] : "members";
  if (crypto && table != "members") {
    std::fprintf(stderr, "zhijia_bare_insert: --crypto is for members\n");
    return 2;
  }
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
  if (cache_mib > 0) {
    Exec(db, ("PRAGMA cache_size = " + std::to_string(-cache_mib * 1024)).c_str());
  }
  // The columns the --crypto baseline seals and indexes again (members' order: see
  // store/members.h): id_cipher, id_index, id_last4, phone_cipher, phone_index, phone_last4.
  constexpr int kIdCipher = 7, kIdIndex = 8, kIdLast4 = 9, kPhoneCipher = 13, kPhoneIndex = 14,
                kPhoneLast4 = 15;
  Keys keys{};
  if (crypto) {
    if (sodium_init() < 0) Die(nullptr, "sodium_init");
    crypto_aead_xchacha20poly1305_ietf_keygen(keys.seal);
    crypto_generichash_keygen(keys.index);
    sqlite3_stmt* list = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name ="
                           " 'members' AND sql IS NOT NULL AND name <> 'members_id_index'",
                           -1, &list, nullptr) != SQLITE_OK) {
      Die(db, "list indexes");
    }
    std::vector<std::string> drop;
    while (sqlite3_step(list) == SQLITE_ROW) {
      drop.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
    }
    sqlite3_finalize(list);
    for (const auto& name : drop) Exec(db, ("DROP INDEX \"" + name + "\"").c_str());
  }
  std::string sql = "INSERT INTO " + table + " VALUES (";
  for (int c = 1; c <= columns; ++c) sql += (c == 1 ? "?" : ", ?");
  sql += ")";
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &insert, nullptr) != SQLITE_OK)
    Die(db, "prepare insert");

  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i % static_cast<std::size_t>(batch) == 0) Exec(db, "BEGIN IMMEDIATE");
    if (crypto) {
      // An ID and a phone of the real lengths (18 and 11 characters); the rows' own are sealed.
      auto& row = rows[i];
      const std::string last4 = std::get<std::string>(row[kIdLast4]);
      const std::string id = "11010119900101" + last4;
      row[kIdCipher] = Seal(keys, "members.id_number", id);
      row[kIdIndex] = BlindIndex(keys, "members.id_number", id);
      if (const auto* phone_last4 = std::get_if<std::string>(&row[kPhoneLast4])) {
        const std::string phone = "1381234" + *phone_last4;
        row[kPhoneCipher] = Seal(keys, "members.phone", phone);
        row[kPhoneIndex] = BlindIndex(keys, "members.phone", phone);
      }
    }
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
