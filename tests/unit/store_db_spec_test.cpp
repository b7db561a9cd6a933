#include <gtest/gtest.h>

#include "store/db_spec.h"

namespace zj::store {
namespace {

void ExpectRejected(std::string_view text) {
  auto spec = ParseDbSpec(text);

  ASSERT_FALSE(spec) << "accepted \"" << text << "\"";
  EXPECT_EQ(spec.error().code, ErrorCode::kInvalidArgument) << text;
  EXPECT_EQ(spec.error().message_key, "error.db.spec") << text;
  ASSERT_EQ(spec.error().fields.size(), 1u) << text;
  EXPECT_EQ(spec.error().fields[0].field, "db") << text;
  EXPECT_EQ(spec.error().fields[0].message_key, "error.db.spec") << text;
}

TEST(ParseDbSpec, AcceptsARelativeSqlitePath) {
  auto spec = ParseDbSpec("sqlite:./data/z.db");

  ASSERT_TRUE(spec) << spec.error().detail;
  EXPECT_EQ(spec->backend, Backend::kSqlite);
  EXPECT_EQ(spec->target, "./data/z.db");
}

TEST(ParseDbSpec, AcceptsAnAbsoluteSqlitePathInUriForm) {
  auto spec = ParseDbSpec("sqlite:///abs/path.db");

  ASSERT_TRUE(spec) << spec.error().detail;
  EXPECT_EQ(spec->backend, Backend::kSqlite);
  EXPECT_EQ(spec->target, "/abs/path.db");
}

TEST(ParseDbSpec, AcceptsTheDefaultSpec) {
  auto spec = ParseDbSpec(kDefaultDbSpec);

  ASSERT_TRUE(spec) << spec.error().detail;
  EXPECT_EQ(spec->backend, Backend::kSqlite);
  EXPECT_EQ(spec->target, "./data/zhijia.db");
}

TEST(ParseDbSpec, AcceptsAPostgresqlUriAndKeepsItAsGiven) {
  auto spec = ParseDbSpec("postgresql://u:p@h:5432/db");

  ASSERT_TRUE(spec) << spec.error().detail;
  EXPECT_EQ(spec->backend, Backend::kPostgres);
  EXPECT_EQ(spec->target, "postgresql://u:p@h:5432/db");
}

TEST(ParseDbSpec, AcceptsTheShortPostgresScheme) {
  auto spec = ParseDbSpec("postgres://h/db");

  ASSERT_TRUE(spec) << spec.error().detail;
  EXPECT_EQ(spec->backend, Backend::kPostgres);
  EXPECT_EQ(spec->target, "postgres://h/db");
}

TEST(ParseDbSpec, RejectsAnEmptySpecAsAnInvalidDbField) { ExpectRejected(""); }

TEST(ParseDbSpec, RejectsAnUnsupportedScheme) { ExpectRejected("mysql://x"); }

TEST(ParseDbSpec, RejectsASqliteSpecWithoutAPath) {
  ExpectRejected("sqlite:");
  ExpectRejected("sqlite://");
}

TEST(ParseDbSpec, RejectsAPostgresqlUriContainingWhiteSpace) {
  ExpectRejected("postgresql://h/db name");
}

TEST(ParseDbSpec, PassesTheRejectedSpecAsTheValueArgOfTheMessage) {
  auto spec = ParseDbSpec("mysql://x");

  ASSERT_FALSE(spec);
  ASSERT_EQ(spec.error().args.size(), 1u);
  EXPECT_EQ(spec.error().args[0].first, "value");
  EXPECT_EQ(spec.error().args[0].second, "mysql://x");
}

TEST(DbSpecRedacted, HidesThePasswordInTheUserinfo) {
  const DbSpec spec{Backend::kPostgres, "postgresql://u:secret@h:5432/db"};

  EXPECT_EQ(spec.Redacted(), "postgresql://u:***@h:5432/db");
}

TEST(DbSpecRedacted, HidesThePasswordInTheUserinfoOfTheShortScheme) {
  const DbSpec spec{Backend::kPostgres, "postgres://u:secret@h/db"};

  EXPECT_EQ(spec.Redacted(), "postgres://u:***@h/db");
}

TEST(DbSpecRedacted, HidesThePasswordQueryParameter) {
  const DbSpec spec{Backend::kPostgres, "postgresql://h/db?user=u&password=secret&sslmode=require"};

  EXPECT_EQ(spec.Redacted(), "postgresql://h/db?user=u&password=***&sslmode=require");
}

TEST(DbSpecRedacted, HidesPasswordsGivenBothWays) {
  const DbSpec spec{Backend::kPostgres, "postgresql://u:one@h/db?password=two"};

  EXPECT_EQ(spec.Redacted(), "postgresql://u:***@h/db?password=***");
}

TEST(DbSpecRedacted, LeavesAUriWithoutPasswordUnchanged) {
  const DbSpec with_port{Backend::kPostgres, "postgresql://u@h:5432/db?sslmode=require"};
  const DbSpec bare{Backend::kPostgres, "postgres://h:5432/db"};

  EXPECT_EQ(with_port.Redacted(), "postgresql://u@h:5432/db?sslmode=require");
  EXPECT_EQ(bare.Redacted(), "postgres://h:5432/db");
}

TEST(DbSpecRedacted, ShowsASqliteSpecInFull) {
  const DbSpec spec{Backend::kSqlite, "./data/z.db"};

  EXPECT_EQ(spec.Redacted(), "sqlite:./data/z.db");
}

}  // namespace
}  // namespace zj::store
