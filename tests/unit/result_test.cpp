#include "core/result.h"

#include <gtest/gtest.h>

#include <memory>

namespace zj {
namespace {

Result<int> ParsePositive(int value) {
  if (value <= 0) {
    return Fail(ErrorCode::kInvalidArgument, "error.field.not_positive",
                "got " + std::to_string(value));
  }
  return value;
}

Result<void> RequireEven(int value) {
  if (value % 2 != 0) return Fail(ErrorCode::kConflict, "error.not_even");
  return {};
}

// Counts how far the functions below got, to prove that an error stops them.
struct Steps {
  int after_first = 0;
};

Result<int> DoubledPositive(int value, Steps& steps) {
  ZJ_ASSIGN_OR_RETURN(const int parsed, ParsePositive(value));
  ++steps.after_first;
  return parsed * 2;
}

Result<int> HalvedEven(int value, Steps& steps) {
  ZJ_RETURN_IF_ERROR(RequireEven(value));
  ++steps.after_first;
  return value / 2;
}

Result<int> SumOfTwoPositives(int a, int b) {
  ZJ_ASSIGN_OR_RETURN(int x, ParsePositive(a));
  ZJ_ASSIGN_OR_RETURN(int y, ParsePositive(b));
  return x + y;
}

Result<void> CheckPositiveThenEven(int value) {
  ZJ_RETURN_IF_ERROR(ParsePositive(value));
  ZJ_RETURN_IF_ERROR(RequireEven(value));
  return {};
}

Result<std::unique_ptr<int>> MakeBox(int value) {
  if (value < 0) return Fail(ErrorCode::kInvalidArgument, "error.negative");
  return std::make_unique<int>(value);
}

Result<int> Unbox(int value) {
  ZJ_ASSIGN_OR_RETURN(std::unique_ptr<int> box, MakeBox(value));
  return *box;
}

TEST(AssignOrReturn, ContinuesWithTheValueOnSuccess) {
  Steps steps;

  auto result = DoubledPositive(21, steps);

  ASSERT_TRUE(result);
  EXPECT_EQ(*result, 42);
  EXPECT_EQ(steps.after_first, 1);
}

TEST(AssignOrReturn, ReturnsTheOriginalErrorAndStops) {
  Steps steps;

  auto result = DoubledPositive(-3, steps);

  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message_key, "error.field.not_positive");
  EXPECT_EQ(result.error().detail, "got -3");
  EXPECT_EQ(steps.after_first, 0);
}

TEST(AssignOrReturn, WorksTwiceInOneFunctionAndReportsTheFirstFailure) {
  EXPECT_EQ(SumOfTwoPositives(2, 3).value_or(-1), 5);

  auto result = SumOfTwoPositives(2, -7);

  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().detail, "got -7");
}

TEST(AssignOrReturn, MovesAMoveOnlyValueOut) {
  auto ok = Unbox(7);
  auto failed = Unbox(-1);

  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 7);
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message_key, "error.negative");
}

TEST(ReturnIfError, ContinuesOnSuccess) {
  Steps steps;

  auto result = HalvedEven(8, steps);

  ASSERT_TRUE(result);
  EXPECT_EQ(*result, 4);
  EXPECT_EQ(steps.after_first, 1);
}

TEST(ReturnIfError, ReturnsTheOriginalErrorAndStops) {
  Steps steps;

  auto result = HalvedEven(7, steps);

  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kConflict);
  EXPECT_EQ(result.error().message_key, "error.not_even");
  EXPECT_EQ(steps.after_first, 0);
}

TEST(ReturnIfError, PropagatesTheErrorOfAResultWithAValueIntoAVoidResult) {
  auto not_positive = CheckPositiveThenEven(-2);
  auto odd = CheckPositiveThenEven(3);
  auto fine = CheckPositiveThenEven(4);

  ASSERT_FALSE(not_positive);
  EXPECT_EQ(not_positive.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(not_positive.error().message_key, "error.field.not_positive");
  ASSERT_FALSE(odd);
  EXPECT_EQ(odd.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(fine);
}

TEST(ReturnIfError, KeepsFieldErrorsAndArgs) {
  auto failing = []() -> Result<void> {
    Error e{ErrorCode::kInvalidArgument,
            "error.invalid_input",
            "",
            {{"password", "error.field.required", {}}},
            {}};
    return Fail(std::move(e).With("limit", "8"));
  };
  auto caller = [&]() -> Result<int> {
    ZJ_RETURN_IF_ERROR(failing());
    return 1;
  };

  auto result = caller();

  ASSERT_FALSE(result);
  ASSERT_EQ(result.error().fields.size(), 1u);
  EXPECT_EQ(result.error().fields[0].field, "password");
  ASSERT_EQ(result.error().args.size(), 1u);
  EXPECT_EQ(result.error().args[0].second, "8");
}

}  // namespace
}  // namespace zj
