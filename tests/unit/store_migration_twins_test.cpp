#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>

#include "store/migrations.h"

namespace zj::store {
namespace {

// A text with comments dropped, runs of blanks made one, and the type of bytes written as the
// portable placeholder: what a pair of twins must still differ in to be worth two files.
std::string Statements(std::string_view sql) {
  static const std::regex kComment("--[^\n]*");
  static const std::regex kBytes(R"(\b(BLOB|BYTEA)\b)");
  static const std::regex kBlanks(R"(\s+)");
  std::string text = std::regex_replace(std::string(sql), kComment, "");
  text = std::regex_replace(text, kBytes, "{{bytes}}");
  return std::regex_replace(text, kBlanks, " ");
}

TEST(MigrationTwins, DifferInMoreThanTheTypeOfBytes) {
  std::map<int, std::map<std::string_view, std::string_view>> by_version;
  for (const MigrationFile& f : EmbeddedMigrations()) by_version[f.version][f.backend] = f.sql;
  int pairs = 0;
  for (const auto& [version, files] : by_version) {
    if (!files.contains("sqlite") || !files.contains("postgres")) continue;
    ++pairs;
    EXPECT_NE(Statements(files.at("sqlite")), Statements(files.at("postgres")))
        << "migration " << version
        << ": its twins run the same statements; write one text (README.md in migrations)";
  }
  EXPECT_GE(pairs, 5) << "0003, 0009, 0012, 0024 and 0038 are twins";
}

TEST(MigrationTwins, NoVersionHasAPortableTextBesideTwins) {
  std::map<int, std::map<std::string_view, int>> by_version;
  for (const MigrationFile& f : EmbeddedMigrations()) ++by_version[f.version][f.backend];
  for (const auto& [version, files] : by_version) {
    // A portable text beside both twins would never run: the twins replace it.
    EXPECT_FALSE(files.contains("") && files.contains("sqlite") && files.contains("postgres"))
        << "migration " << version;
    for (const auto& [backend, count] : files) EXPECT_EQ(count, 1) << version << " " << backend;
  }
}

}  // namespace
}  // namespace zj::store
