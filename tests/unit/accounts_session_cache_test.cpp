// The session cache on its own: an entry lives for its ttl from the moment it was read, a user's
// entries can be forgotten together, a full cache drops lapsed entries before live ones, and a
// ttl of 0 caches nothing.
#include <gtest/gtest.h>

#include <string>

#include "app/accounts/session_cache.h"

namespace zj::app {
namespace {

SessionCache::Entry EntryOf(std::int64_t user_id, const std::string& csrf) {
  SessionCache::Entry e;
  e.session.actor.user_id = user_id;
  e.session.actor.username = "u" + std::to_string(user_id);
  e.session.csrf_token = csrf;
  e.last_seen_at = 100;
  e.expires_at = 1'000'000;
  return e;
}

TEST(SessionCache, AnEntryLivesForItsTtlFromTheMomentItWasRead) {
  SessionCache cache(1000);
  cache.Put("h1", EntryOf(7, "c1"), 5000);
  auto hit = cache.Find("h1", 5999);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->session.actor.username, "u7");
  EXPECT_EQ(hit->session.csrf_token, "c1");
  EXPECT_EQ(hit->read_at, 5000);
  EXPECT_FALSE(cache.Find("h1", 6000).has_value());
  EXPECT_FALSE(cache.Find("h1", 4999).has_value()) << "a clock set back does not extend it";
  EXPECT_FALSE(cache.Find("other", 5000).has_value());
}

TEST(SessionCache, ForgettingASessionOrAUserOrAll) {
  SessionCache cache(1000);
  cache.Put("a1", EntryOf(1, "x"), 0);
  cache.Put("a2", EntryOf(1, "y"), 0);
  cache.Put("b1", EntryOf(2, "z"), 0);
  cache.Forget("a1");
  EXPECT_FALSE(cache.Find("a1", 1).has_value());
  EXPECT_TRUE(cache.Find("a2", 1).has_value());
  cache.ForgetUser(1);
  EXPECT_FALSE(cache.Find("a2", 1).has_value());
  EXPECT_TRUE(cache.Find("b1", 1).has_value());
  cache.Clear();
  EXPECT_EQ(cache.size(), 0U);
}

TEST(SessionCache, AFullCacheDropsLapsedEntriesFirstThenEverything) {
  SessionCache cache(1000, 3);
  cache.Put("old", EntryOf(1, "x"), 0);
  cache.Put("new1", EntryOf(2, "y"), 900);
  cache.Put("new2", EntryOf(3, "z"), 950);
  cache.Put("newest", EntryOf(4, "w"), 1200);  // "old" is past its ttl at 1200 and goes
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_TRUE(cache.Find("new1", 1200).has_value());
  EXPECT_TRUE(cache.Find("newest", 1200).has_value());
  cache.Put("one-more", EntryOf(5, "v"), 1300);  // all three still live: the cache starts over
  EXPECT_EQ(cache.size(), 1U);
  EXPECT_TRUE(cache.Find("one-more", 1300).has_value());
  cache.Put("one-more", EntryOf(5, "v2"), 1301);  // replacing an entry never evicts
  EXPECT_EQ(cache.Find("one-more", 1301)->session.csrf_token, "v2");
}

TEST(SessionCache, ATtlOfZeroCachesNothing) {
  SessionCache cache(0);
  cache.Put("h1", EntryOf(7, "c1"), 5000);
  EXPECT_EQ(cache.size(), 0U);
  EXPECT_FALSE(cache.Find("h1", 5000).has_value());
}

}  // namespace
}  // namespace zj::app
