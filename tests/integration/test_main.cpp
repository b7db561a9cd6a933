// The integration tests' entry point. When run by hand (no ZHIJIA_TEST_PG_URI or
// ZHIJIA_TEST_PG_URI_FILE), the first PostgreSQL test starts a throwaway cluster; this
// environment drops the migrated templates and stops it after the last test, so runs filtered to
// SQLite never start one.
#include <gtest/gtest.h>

#include "test_databases.h"

namespace {

class OwnedPostgresClusterEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    zj::test::DropMigratedTemplates();
    zj::test::StopOwnedPostgresCluster();
  }
};

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  // GoogleTest takes ownership of the environment.
  ::testing::AddGlobalTestEnvironment(new OwnedPostgresClusterEnvironment);
  return RUN_ALL_TESTS();
}
