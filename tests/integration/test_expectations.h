// Assertions on Result values shared by the integration tests: fail with the error's code, key
// and detail instead of a bare "false".
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/database.h"
#include "test_databases.h"

//! Fails the current test (returning from it) when `expr`, a Result, holds an error.
#define ASSERT_OK(expr)                                                      \
  do {                                                                       \
    const auto& zj_ok_ = (expr);                                             \
    ASSERT_TRUE(zj_ok_.has_value()) << ::zj::test::Describe(zj_ok_.error()); \
  } while (0)

namespace zj::test {

//! Parameters for a statement: `Params(std::int64_t{1}, std::string("x"))`.
template <typename... T>
std::vector<store::Value> Params(T... values) {
  return {store::Value(std::move(values))...};
}

//! Expects `result` to have failed with exactly this code and message key.
template <typename T>
void ExpectError(const Result<T>& result, ErrorCode code, std::string_view key) {
  ASSERT_FALSE(result.has_value()) << "expected " << ErrorCodeName(code) << " " << key;
  EXPECT_EQ(ErrorCodeName(result.error().code), std::string(ErrorCodeName(code)))
      << Describe(result.error());
  EXPECT_EQ(result.error().message_key, key) << Describe(result.error());
}

//! Expects `result` to have failed with a field error of this key on this field.
template <typename T>
void ExpectFieldError(const Result<T>& result, std::string_view field, std::string_view key) {
  ASSERT_FALSE(result.has_value()) << "expected " << key << " on " << field;
  for (const auto& f : result.error().fields) {
    if (f.field == field && f.message_key == key) return;
  }
  ADD_FAILURE() << "no " << key << " on " << field << ": " << Describe(result.error());
}

}  // namespace zj::test
