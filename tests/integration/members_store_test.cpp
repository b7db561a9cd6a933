// The member registry's storage on both stores: a member round-trips with every column, is found
// by its ID's blind index in any union, card serials are reserved in consecutive blocks per
// region, and a union without a region issues cards in its nearest ancestor's.
#include <gtest/gtest.h>

#include "app/members/card_numbers.h"
#include "scoped_actors.h"
#include "store/member_cards.h"
#include "store/members.h"

namespace zj::test {
namespace {

class MembersStoreTest : public ScopedActorsTest {};

TEST_P(MembersStoreTest, AMemberRoundTripsAndIsFoundByItsIdIndex) {
  const app::Actor admin = MakeUser("root", "admin", std::nullopt);
  app::NewOrg u{"GU-1", "测试基层工会", "grassroots", street_a_.id, std::nullopt, {}, {}, {}};
  auto created = app_->orgs().Create(admin, u);
  ASSERT_OK(created);
  const store::OrgRow& org = created->org;

  store::MemberRow m;
  m.id = app::NewId(clock_, random_);
  m.federation_id = org.federation_id;
  m.union_org_id = org.id;
  m.org_path = org.path;
  m.name = "张晓林";
  m.name_pinyin = "zhangxiaolin";
  m.name_initials = "zxl";
  m.id_cipher = store::Blob{1, 2, 3, 0, 255};
  m.id_index = "idx-1";
  m.id_last4 = "1234";
  m.gender = "male";
  m.birth_date = "1990-01-02";
  m.ethnicity = "汉族";
  m.phone_cipher = store::Blob{9, 8};
  m.phone_index = "ph-1";
  m.phone_last4 = "5678";
  m.employer_name = "某公司";
  m.join_date = "2020-05-01";
  m.card_number = "1101010000000017";
  m.migrant_worker = true;
  m.key_version = 1;
  m.created_at = m.updated_at = clock_.NowMs();
  ASSERT_OK(store::InsertMember(**db_->Acquire(), m));

  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto found = store::FindMembersByIdIndexes(**lease, {"nothing", "idx-1"});
  ASSERT_OK(found);
  ASSERT_EQ(found->size(), 1u);
  const store::MemberRow& f = found->front();
  EXPECT_EQ(f.name, "张晓林");
  EXPECT_EQ(f.id_cipher, m.id_cipher);
  EXPECT_EQ(f.phone_cipher, m.phone_cipher);
  EXPECT_EQ(f.union_name, "测试基层工会");
  EXPECT_EQ(f.employer_display, "某公司");
  EXPECT_TRUE(f.migrant_worker);
  EXPECT_FALSE(f.model_worker);
  EXPECT_EQ(f.status, "active");
  EXPECT_EQ(f.import_id, std::nullopt);

  // A second active row for the same person is refused by the partial unique index.
  store::MemberRow again = m;
  again.id = app::NewId(clock_, random_);
  again.card_number = "1101010000000025";
  ExpectError(store::InsertMember(**lease, again), ErrorCode::kAlreadyExists, "error.db.unique");
}

TEST_P(MembersStoreTest, CardSerialsAreReservedInConsecutiveBlocksPerRegion) {
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto first = store::ReserveCardSerials(**lease, "110101", 10);
  ASSERT_OK(first);
  EXPECT_EQ(*first, 1);
  auto second = store::ReserveCardSerials(**lease, "110101", 1);
  ASSERT_OK(second);
  EXPECT_EQ(*second, 11);
  auto other = store::ReserveCardSerials(**lease, "110102", 3);
  ASSERT_OK(other);
  EXPECT_EQ(*other, 1);
}

TEST_P(MembersStoreTest, AUnionWithoutRegionIssuesCardsInItsNearestAncestorsRegion) {
  const app::Actor admin = MakeUser("root", "admin", std::nullopt);
  app::NewOrg u{"GU-2", "无区划工会", "grassroots", street_a_.id, std::nullopt, {}, {}, {}};
  auto created = app_->orgs().Create(admin, u);
  ASSERT_OK(created);
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto street = store::FindOrgById(**lease, street_a_.id);
  ASSERT_OK(street);
  ASSERT_TRUE(street->has_value());
  ASSERT_TRUE((*street)->region_code.has_value());
  auto region = members::CardRegionOf(**lease, created->org);
  ASSERT_OK(region);
  EXPECT_EQ(*region, (*street)->region_code->substr(0, 6));
}

}  // namespace

ZJ_INSTANTIATE_ON_BOTH_STORES(MembersStoreTest);

}  // namespace zj::test
