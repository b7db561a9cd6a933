// Fresh databases for integration tests: a new SQLite file in its own temporary folder, or a new
// database `zt_<random>` on the PostgreSQL test cluster; each is removed again when its
// TestDatabase is destroyed, so tests never see each other's data. Empty (Create), or already at
// the newest schema (CreateMigrated: a copy of one migrated template per process, which costs a
// file copy instead of running every migration again for each of the ~480 tests per store).
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace zj::test {

//! "sqlite" or "postgres": the backend's name in test names and messages.
const char* BackendName(store::Backend backend);

//! An error as one line for test failure messages: code, message key and detail.
std::string Describe(const Error& error);

//! One empty database, removed in the destructor. Move-only.
class TestDatabase {
 public:
  //! Creates the database. For PostgreSQL this needs the test cluster (see
  //! PostgresTestClusterUri); when it cannot be reached the error says why, so tests fail
  //! rather than skip.
  static Result<TestDatabase> Create(store::Backend backend);
  //! Like Create, at the newest schema: a copy of this process's migrated template (SQLite: the
  //! file; PostgreSQL: CREATE DATABASE … TEMPLATE, STRATEGY FILE_COPY). store::Migrate on it
  //! finds nothing to do. The template is made on first use, once per backend.
  static Result<TestDatabase> CreateMigrated(store::Backend backend);

  TestDatabase(TestDatabase&& other) noexcept;
  TestDatabase& operator=(TestDatabase&&) = delete;
  ~TestDatabase();

  const store::DbSpec& spec() const { return spec_; }
  //! Opens a pool on this database; may be called again after the previous pool is gone.
  Result<std::unique_ptr<store::Database>> Open(const store::OpenOptions& options = {}) const;

 private:
  TestDatabase(store::DbSpec spec, std::string sqlite_dir, std::string pg_name,
               std::string pg_maintenance_uri);

  store::DbSpec spec_;
  std::string sqlite_dir_;          //!< SQLite: the temporary folder holding the file.
  std::string pg_name_;             //!< PostgreSQL: the database to drop.
  std::string pg_maintenance_uri_;  //!< PostgreSQL: where to connect to drop it.
};

//! The URI of the PostgreSQL test cluster's maintenance database, which may create databases:
//! ZHIJIA_TEST_PG_URI if set, else the contents of the file named by ZHIJIA_TEST_PG_URI_FILE
//! (written by ctest's pg_cluster_start), else a cluster this process starts on first use with
//! tests/integration/pg_cluster.sh. Thread-safe; the outcome is remembered.
Result<std::string> PostgresTestClusterUri();

//! Stops the cluster PostgresTestClusterUri started, if it started one.
void StopOwnedPostgresCluster();

//! Removes the migrated templates CreateMigrated made (call once, after the last test).
void DropMigratedTemplates();

}  // namespace zj::test
