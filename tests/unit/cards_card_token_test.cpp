// Member-card tokens with injected keys: a token verifies until it expires; any altered
// character, a token signed by another federation's key and garbage are refused; nothing but
// ids, expiry and signature is in it.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>

#include "app/cards/card_token.h"

namespace zj::app {
namespace {

constexpr std::int64_t kNow = 1795593600000;
constexpr std::int64_t kMember = 7299415112345678901;

KeyRing RingWithSigningSeed(std::uint8_t fill) {
  KeyRing ring;
  DataKey data;
  data.version = 1;
  ring.Add(data, true);
  std::array<std::uint8_t, 32> seed{};
  seed.fill(fill);
  ring.AddSigningKey(SigningKey::FromSeed(seed), true);
  return ring;
}

std::vector<std::uint8_t> Decoded(const std::string& token) {
  std::vector<std::uint8_t> out(token.size());
  std::size_t length = 0;
  EXPECT_EQ(sodium_base642bin(out.data(), out.size(), token.data(), token.size(), nullptr, &length,
                              nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
            0);
  out.resize(length);
  return out;
}

TEST(CardToken, AValidTokenNamesItsMemberUntilItExpires) {
  const Vault vault(RingWithSigningSeed(1));
  auto token = IssueCardToken(vault, kMember, kNow + 5 * 60'000);
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(token->size(), 108u) << "short enough for a small QR code";
  EXPECT_EQ(
      token->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  auto check = CheckCardToken(vault, *token, kNow);
  ASSERT_TRUE(check.claims.has_value());
  EXPECT_EQ(check.claims->member_id, kMember);
  EXPECT_EQ(check.claims->expires_at_ms, kNow + 5 * 60'000);
  EXPECT_TRUE(CheckCardToken(vault, *token, kNow + 5 * 60'000 - 1).claims.has_value());
}

TEST(CardToken, AnExpiredTokenIsRefusedAsExpired) {
  const Vault vault(RingWithSigningSeed(1));
  auto token = IssueCardToken(vault, kMember, kNow + 5 * 60'000);
  ASSERT_TRUE(token.has_value());
  auto check = CheckCardToken(vault, *token, kNow + 5 * 60'000);
  EXPECT_FALSE(check.claims.has_value());
  EXPECT_EQ(check.problem, CardTokenProblem::kExpired);
}

TEST(CardToken, EveryAlteredCharacterIsRefused) {
  const Vault vault(RingWithSigningSeed(1));
  auto token = IssueCardToken(vault, kMember, kNow + 60'000);
  ASSERT_TRUE(token.has_value());
  // 81 bytes are exactly 108 base64url characters: every character carries data.
  for (std::size_t i = 0; i < token->size(); ++i) {
    std::string altered = *token;
    altered[i] = altered[i] == 'A' ? 'B' : 'A';
    auto check = CheckCardToken(vault, altered, kNow);
    EXPECT_FALSE(check.claims.has_value()) << "position " << i;
  }
  // A later expiry written into a genuine token breaks its signature.
  std::vector<std::uint8_t> bytes = Decoded(*token);
  bytes[16] ^= 0x01;
  std::string forged(
      sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(forged.data(), forged.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  forged.resize(std::strlen(forged.c_str()));
  EXPECT_EQ(CheckCardToken(vault, forged, kNow).problem, CardTokenProblem::kSignature);
}

TEST(CardToken, AnotherFederationsKeyIsRefused) {
  const Vault ours(RingWithSigningSeed(1));
  const Vault theirs(RingWithSigningSeed(2));
  auto token = IssueCardToken(theirs, kMember, kNow + 60'000);
  ASSERT_TRUE(token.has_value());
  EXPECT_TRUE(CheckCardToken(theirs, *token, kNow).claims.has_value());
  EXPECT_EQ(CheckCardToken(ours, *token, kNow).problem, CardTokenProblem::kSignature);
}

TEST(CardToken, GarbageIsMalformed) {
  const Vault vault(RingWithSigningSeed(1));
  for (const std::string& text : {std::string(), std::string("not a token"), std::string(108, 'A'),
                                  std::string(300, 'A'), std::string("AQ")}) {
    EXPECT_EQ(CheckCardToken(vault, text, kNow).problem, CardTokenProblem::kMalformed) << text;
  }
}

TEST(CardToken, HoldsNothingButIdsExpiryAndSignature) {
  const Vault vault(RingWithSigningSeed(1));
  auto token = IssueCardToken(vault, kMember, kNow + 60'000);
  ASSERT_TRUE(token.has_value());
  const std::vector<std::uint8_t> bytes = Decoded(*token);
  ASSERT_EQ(bytes.size(), 81u);
  EXPECT_EQ(bytes[0], 1) << "format";
  std::uint64_t member = 0;
  for (int i = 5; i < 13; ++i) member = (member << 8) | bytes[static_cast<std::size_t>(i)];
  EXPECT_EQ(static_cast<std::int64_t>(member), kMember);
}

TEST(CardToken, NoSigningKeyNoToken) {
  KeyRing ring;
  DataKey data;
  data.version = 1;
  ring.Add(data, true);
  const Vault vault(ring);
  auto token = IssueCardToken(vault, kMember, kNow);
  ASSERT_FALSE(token.has_value());
  EXPECT_EQ(token.error().message_key, "error.keys.missing");
}

}  // namespace
}  // namespace zj::app
