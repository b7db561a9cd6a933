// A hardship file opened from a 12351 request, on both stores (issue 20, one case spine): the
// file is linked to the request in the opening transaction, the request's detail lists what it
// became and the file names its request; a request the actor does not see is 404 and opens
// nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hardship_fixture.h"

namespace zj::test {
namespace {

class HardshipLinksTest : public HardshipTest {
 protected:
  //! A phoned-in wage request registered by `actor`, routed by `region`.
  std::int64_t NewRequest(const app::Actor& actor, const std::string& region) {
    app::NewRequest r;
    r.channel = "hotline";
    r.category = "rights.wage_arrears";
    r.title = "生活困难求助";
    r.description = "家人重病，收入不足";
    r.contact_name = "王师傅";
    r.contact_phone = "13912345678";
    r.region_code = region;
    auto made = app_->requests().Submit(actor, r);
    EXPECT_TRUE(made.has_value()) << Describe(made.error());
    return made ? made->row.id : 0;
  }
};

TEST_P(HardshipLinksTest, AFileFromARequestIsLinkedBothWays) {
  LoadStandard(region_a_, 2026, kDibao);
  const std::int64_t request = NewRequest(staff_a_, region_a_);
  auto in = ByHand(union_a_, 101, 2, 0);
  in.request_id = request;
  const auto file = Open(cadre_a_, in);
  ASSERT_TRUE(file.request.has_value());
  EXPECT_EQ(file.request->id, request);
  EXPECT_FALSE(file.request->tracking_number.empty());
  EXPECT_THAT(file.steps.at(0).detail, ::testing::HasSubstr(std::to_string(request)));

  auto seen = app_->requests().Get(cadre_a_, request);
  ASSERT_OK(seen);
  ASSERT_EQ(seen->links.size(), 1u);
  EXPECT_EQ(seen->links[0].target_kind, "hardship_file");
  EXPECT_EQ(seen->links[0].target_id, file.file.row.id);

  // A file without a request names none.
  EXPECT_FALSE(Open(cadre_a_, ByHand(union_a_, 201, 1, 0)).request.has_value());
}

TEST_P(HardshipLinksTest, ARequestTheActorDoesNotSeeIsNotFoundAndOpensNothing) {
  LoadStandard(region_a_, 2026, kDibao);
  LoadStandard(region_b_, 2026, kDibao);
  const std::int64_t theirs = NewRequest(staff_b_, region_b_);
  auto in = ByHand(union_a_, 101, 1, 0);
  in.request_id = theirs;
  ExpectError(app_->hardship().Open(cadre_a_, in), ErrorCode::kNotFound, "error.not_found");
  in.request_id = theirs + 1;  // none at all: the same answer
  ExpectError(app_->hardship().Open(cadre_a_, in), ErrorCode::kNotFound, "error.not_found");
  // Nothing was opened: the household is free, and B's request lists nothing.
  in.request_id.reset();
  Open(cadre_a_, in);
  auto request = app_->requests().Get(staff_b_, theirs);
  ASSERT_OK(request);
  EXPECT_TRUE(request->links.empty());
}

ZJ_INSTANTIATE_ON_BOTH_STORES(HardshipLinksTest);

}  // namespace
}  // namespace zj::test
