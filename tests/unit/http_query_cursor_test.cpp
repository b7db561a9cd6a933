// The page cursor every list route reads through QueryCursor: absent is the first page, an id
// is taken, anything else is a field error on the cursor's own name.
#include <gtest/gtest.h>

#include "http/route.h"

namespace zj::http {
namespace {

TEST(QueryCursor, AbsentIsTheFirstPageAndAnIdIsTaken) {
  Error error = InvalidInput();
  EXPECT_EQ(QueryCursor({}, "cursor", error), 0);
  EXPECT_EQ(QueryCursor({{"cursor", ""}}, "cursor", error), 0);
  EXPECT_EQ(QueryCursor({{"cursor", "913338217271389700"}}, "cursor", error), 913338217271389700);
  EXPECT_TRUE(error.fields.empty());
}

TEST(QueryCursor, ANonIdIsAFieldErrorOnItsName) {
  Error error = InvalidInput();
  EXPECT_EQ(QueryCursor({{"after", "12abc"}}, "after", error), 0);
  ASSERT_EQ(error.fields.size(), 1u);
  EXPECT_EQ(error.fields[0].field, "after");
  EXPECT_EQ(error.fields[0].message_key, "error.field.cursor");
}

}  // namespace
}  // namespace zj::http
