#include "test_databases.h"

#include <stdlib.h>  // mkdtemp

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <utility>

#include "store/migrations.h"
#include "store/postgres/postgres_connection.h"

namespace zj::test {

namespace {

using store::Backend;

struct PipeCloser {
  void operator()(std::FILE* f) const { pclose(f); }
};

std::string TrimmedLine(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// Runs `command` through the shell; returns its exit status and everything it printed.
std::pair<int, std::string> Run(const std::string& command) {
  std::unique_ptr<std::FILE, PipeCloser> pipe(popen((command + " 2>&1").c_str(), "r"));
  if (!pipe) return {-1, "cannot run: " + command};
  std::string output;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe.get()))
    output.append(buf.data(), n);
  const int status = pclose(pipe.release());
  return {status, output};
}

Result<std::string> ReadUriFile(const std::string& path) {
  std::ifstream in(path);
  std::string uri;
  if (!in || !std::getline(in, uri) || TrimmedLine(uri).empty()) {
    return Fail(ErrorCode::kUnavailable, "error.db.unreachable",
                "ZHIJIA_TEST_PG_URI_FILE names " + path +
                    ", which holds no URI: did ctest's pg_cluster_start test fail?");
  }
  return TrimmedLine(uri);
}

// The cluster this process started itself (tests run by hand, outside ctest).
struct OwnedCluster {
  std::mutex mutex;
  std::optional<Result<std::string>> uri;  // remembered, so a failed start is not retried per test
  std::string dir;
};

OwnedCluster& Owned() {
  static OwnedCluster cluster;
  return cluster;
}

Result<std::string> StartOwnedCluster(OwnedCluster& cluster) {
  const std::string script = ZHIJIA_PG_CLUSTER_SCRIPT;
  auto [status, output] = Run("sh '" + script + "' start");
  if (status != 0) {
    return Fail(ErrorCode::kUnavailable, "error.db.unreachable",
                "could not start a PostgreSQL test cluster with " + script +
                    " (set ZHIJIA_TEST_PG_URI to use an existing server):\n" + output);
  }
  const std::string out = TrimmedLine(output);
  cluster.dir = out.substr(out.find_last_of('\n') + 1);  // the script prints DIR last
  return ReadUriFile(cluster.dir + "/uri");
}

// `uri` with its database name replaced by `name`: postgresql://host/OLD?x → .../NAME?x.
std::string WithDatabase(const std::string& uri, const std::string& name) {
  const std::size_t authority = uri.find("://") + 3;
  const std::size_t query = uri.find('?', authority);
  const std::size_t slash = uri.find('/', authority);
  if (slash == std::string::npos || slash > query) {
    return uri.substr(0, query) + "/" + name +
           (query == std::string::npos ? "" : uri.substr(query));
  }
  const std::size_t end = query == std::string::npos ? uri.size() : query;
  return uri.substr(0, slash + 1) + name + uri.substr(end);
}

std::string RandomSuffix() {
  std::random_device device;
  std::uniform_int_distribution<std::uint64_t> dist;
  std::ostringstream out;
  out << std::hex << dist(device);
  return out.str();
}

// CREATE DATABASE zt_<random><clause> on the cluster of `maintenance`; returns the name.
Result<std::string> CreatePostgresDatabase(const std::string& maintenance,
                                           const std::string& clause) {
  ZJ_ASSIGN_OR_RETURN(auto conn, store::OpenPostgresConnection(maintenance, {}));
  std::string name = "zt_" + RandomSuffix();
  ZJ_RETURN_IF_ERROR(conn->ExecScript("CREATE DATABASE " + name + clause));
  return name;
}

}  // namespace

const char* BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgres";
}

std::string Describe(const Error& error) {
  std::string out =
      std::string(ErrorCodeName(error.code)) + " " + error.message_key + ": " + error.detail;
  for (const auto& f : error.fields) out += " [" + f.field + ": " + f.message_key + "]";
  return out;
}

Result<std::string> PostgresTestClusterUri() {
  if (const char* uri = std::getenv("ZHIJIA_TEST_PG_URI"); uri != nullptr && *uri != '\0') {
    return std::string(uri);
  }
  if (const char* file = std::getenv("ZHIJIA_TEST_PG_URI_FILE"); file != nullptr && *file != '\0') {
    return ReadUriFile(file);
  }
  OwnedCluster& cluster = Owned();
  std::lock_guard lock(cluster.mutex);
  if (!cluster.uri) cluster.uri = StartOwnedCluster(cluster);
  return *cluster.uri;
}

void StopOwnedPostgresCluster() {
  OwnedCluster& cluster = Owned();
  std::lock_guard lock(cluster.mutex);
  if (cluster.dir.empty()) return;
  auto [status, output] =
      Run("sh '" + std::string(ZHIJIA_PG_CLUSTER_SCRIPT) + "' stop '" + cluster.dir + "'");
  if (status != 0) std::cerr << "could not stop the PostgreSQL test cluster: " << output << "\n";
  cluster.dir.clear();
  cluster.uri.reset();
}

Result<TestDatabase> TestDatabase::Create(Backend backend) {
  if (backend == Backend::kSqlite) {
    std::string pattern = (std::filesystem::temp_directory_path() / "zjsqlite.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      return Fail(ErrorCode::kInternal, "error.internal", "mkdtemp failed for " + pattern);
    }
    return TestDatabase({Backend::kSqlite, pattern + "/store.db"}, pattern, "", "");
  }
  ZJ_ASSIGN_OR_RETURN(std::string maintenance, PostgresTestClusterUri());
  ZJ_ASSIGN_OR_RETURN(std::string name, CreatePostgresDatabase(maintenance, ""));
  return TestDatabase({Backend::kPostgres, WithDatabase(maintenance, name)}, "", name, maintenance);
}

namespace {

// The migrated template of one backend, made once per process and kept until
// DropMigratedTemplates; a failure is remembered, so it is not retried for every test.
struct MigratedTemplate {
  std::mutex mutex;
  std::optional<TestDatabase> db;
  std::optional<Error> failed;
};

MigratedTemplate& TemplateOf(Backend backend) {
  static MigratedTemplate sqlite;
  static MigratedTemplate postgres;
  return backend == Backend::kSqlite ? sqlite : postgres;
}

// Every pool on `database` is gone when this returns: PostgreSQL copies a template only while
// nobody is connected to it, and SQLite's file is whole (its WAL checkpointed) once closed.
Result<void> MigrateAndClose(const TestDatabase& database) {
  ZJ_ASSIGN_OR_RETURN(auto db, database.Open());
  ZJ_RETURN_IF_ERROR(store::Migrate(*db));
  return {};
}

}  // namespace

Result<TestDatabase> TestDatabase::CreateMigrated(Backend backend) {
  MigratedTemplate& tpl = TemplateOf(backend);
  std::lock_guard lock(tpl.mutex);
  if (tpl.failed) return Fail(*tpl.failed);
  if (!tpl.db) {
    auto made = Create(backend);
    auto migrated = made ? MigrateAndClose(*made) : Result<void>(Fail(made.error()));
    if (!migrated) {
      tpl.failed = migrated.error();
      return Fail(migrated.error());
    }
    tpl.db.emplace(std::move(*made));
  }
  if (backend == Backend::kSqlite) {
    ZJ_ASSIGN_OR_RETURN(TestDatabase copy, Create(backend));
    std::error_code ec;
    std::filesystem::copy_file(tpl.db->spec().target, copy.spec().target,
                               std::filesystem::copy_options::overwrite_existing, ec);
    if (ec) {
      return Fail(ErrorCode::kInternal, "error.internal",
                  "copying the migrated template to " + copy.spec().target + ": " + ec.message());
    }
    return copy;
  }
  const std::string& maintenance = tpl.db->pg_maintenance_uri_;
  // FILE_COPY: a small database is copied faster than WAL_LOG (PostgreSQL 15's default) writes it.
  ZJ_ASSIGN_OR_RETURN(
      std::string name,
      CreatePostgresDatabase(maintenance, " TEMPLATE " + tpl.db->pg_name_ + " STRATEGY FILE_COPY"));
  return TestDatabase({Backend::kPostgres, WithDatabase(maintenance, name)}, "", name, maintenance);
}

void DropMigratedTemplates() {
  for (Backend backend : {Backend::kSqlite, Backend::kPostgres}) {
    MigratedTemplate& tpl = TemplateOf(backend);
    std::lock_guard lock(tpl.mutex);
    tpl.db.reset();
  }
}

TestDatabase::TestDatabase(store::DbSpec spec, std::string sqlite_dir, std::string pg_name,
                           std::string pg_maintenance_uri)
    : spec_(std::move(spec)),
      sqlite_dir_(std::move(sqlite_dir)),
      pg_name_(std::move(pg_name)),
      pg_maintenance_uri_(std::move(pg_maintenance_uri)) {}

TestDatabase::TestDatabase(TestDatabase&& other) noexcept
    : spec_(std::move(other.spec_)),
      sqlite_dir_(std::exchange(other.sqlite_dir_, {})),
      pg_name_(std::exchange(other.pg_name_, {})),
      pg_maintenance_uri_(std::exchange(other.pg_maintenance_uri_, {})) {}

TestDatabase::~TestDatabase() {
  if (!sqlite_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(sqlite_dir_, ec);
  }
  if (!pg_name_.empty()) {
    // FORCE ends sessions a failed test may have left behind (PostgreSQL 13+).
    auto conn = store::OpenPostgresConnection(pg_maintenance_uri_, {});
    auto dropped =
        conn ? (*conn)->ExecScript("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)")
             : Result<void>(Fail(conn.error()));
    if (!dropped)
      std::cerr << "could not drop " << pg_name_ << ": " << Describe(dropped.error()) << "\n";
  }
}

Result<std::unique_ptr<store::Database>> TestDatabase::Open(
    const store::OpenOptions& options) const {
  return store::Database::Open(spec_, options);
}

}  // namespace zj::test
