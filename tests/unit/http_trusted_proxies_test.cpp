// Which X-Forwarded-For entry is the client (http/trusted_proxies.h): only a trusted proxy's
// word counts, read from the right, so a client cannot pick its own address.
#include <gtest/gtest.h>

#include "http/trusted_proxies.h"

namespace zj::http {
namespace {

TrustedProxies Proxies(std::string_view list) {
  auto parsed = TrustedProxies::Parse(list);
  EXPECT_TRUE(parsed.has_value()) << list;
  return parsed.value_or(TrustedProxies{});
}

TEST(TrustedProxies, ParsesAddressesAndCidrNetworksOfBothFamilies) {
  const auto p = Proxies("127.0.0.1, 10.0.0.0/8,fd00::/8");
  EXPECT_TRUE(p.Contains("127.0.0.1"));
  EXPECT_FALSE(p.Contains("127.0.0.2"));
  EXPECT_TRUE(p.Contains("10.200.3.4"));
  EXPECT_FALSE(p.Contains("11.0.0.1"));
  EXPECT_TRUE(p.Contains("fd12::1"));
  EXPECT_FALSE(p.Contains("fe80::1"));
  EXPECT_TRUE(p.Contains("::ffff:10.1.2.3"));  // an IPv4 peer on a dual-stack socket
  EXPECT_FALSE(p.Contains("unknown"));
  EXPECT_TRUE(Proxies("192.168.1.77/24").Contains("192.168.1.1"));  // host bits ignored
  EXPECT_TRUE(Proxies("0.0.0.0/0").Contains("203.0.113.9"));
}

TEST(TrustedProxies, LoopbackIsWhatTheFlagAloneMeans) {
  for (const auto& p : {TrustedProxies::Loopback(), Proxies("loopback")}) {
    EXPECT_TRUE(p.Contains("127.0.0.1"));
    EXPECT_TRUE(p.Contains("127.9.9.9"));
    EXPECT_TRUE(p.Contains("::1"));
    EXPECT_FALSE(p.Contains("10.0.0.1"));
  }
  EXPECT_TRUE(TrustedProxies{}.empty());
  EXPECT_FALSE(TrustedProxies{}.Contains("127.0.0.1"));
}

TEST(TrustedProxies, AnEntryThatIsNoAddressOrNetworkIsRefused) {
  for (const char* bad : {"", "proxy.example", "10.0.0.0/33", "::1/129", "10.0.0.0/", "10.0.0.0/8x",
                          "127.0.0.1,,10.0.0.1", "1.2.3.4/-1"}) {
    auto parsed = TrustedProxies::Parse(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().message_key, "error.trust_proxy");
  }
}

TEST(TrustedProxies, ASpoofedLeftmostEntryIsNotTheClient) {
  const auto p = TrustedProxies::Loopback();
  // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy on this machine appended the address
  // it saw.
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {"6.6.6.6, 198.51.100.20"}), "198.51.100.20");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {"6.6.6.6", "198.51.100.20"}), "198.51.100.20");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {"198.51.100.20"}), "198.51.100.20");
}

TEST(TrustedProxies, SeveralProxiesAreSkippedFromTheRight) {
  const auto p = Proxies("127.0.0.1,10.0.0.0/8");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {"6.6.6.6, 198.51.100.20, 10.1.1.1, 10.2.2.2"}),
            "198.51.100.20");
  EXPECT_EQ(p.ClientAddress("10.0.0.3", {"198.51.100.20:51000, 10.1.1.1"}), "198.51.100.20");
  EXPECT_EQ(p.ClientAddress("10.0.0.3", {"[2001:db8::7]:443"}), "2001:db8::7");
  // Every hop is a proxy: the leftmost is the best that is known.
  EXPECT_EQ(p.ClientAddress("10.0.0.3", {"10.9.9.9, 10.1.1.1"}), "10.9.9.9");
}

TEST(TrustedProxies, AnUntrustedPeerIsTheClientWhateverItSays) {
  const auto p = TrustedProxies::Loopback();
  EXPECT_EQ(p.ClientAddress("203.0.113.5", {"127.0.0.1"}), "203.0.113.5");
  EXPECT_EQ(p.ClientAddress("203.0.113.5", {"198.51.100.20"}), "203.0.113.5");
  EXPECT_EQ(TrustedProxies{}.ClientAddress("127.0.0.1", {"6.6.6.6"}), "127.0.0.1");
}

TEST(TrustedProxies, GarbageEndsTheWalkAtTheTrustedHopThatPassedItOn) {
  const auto p = Proxies("127.0.0.1,10.0.0.0/8");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {"198.51.100.20, <script>"}), "127.0.0.1");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {"6.6.6.6, not-an-ip, 10.1.1.1"}), "10.1.1.1");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {""}), "127.0.0.1");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", {}), "127.0.0.1");
}

}  // namespace
}  // namespace zj::http
