// The personal-data vault with injected keys: sealed values open again only for their field
// and key, tampering is detected, blind indexes are stable per key and differ across keys;
// the key file format round-trips and a readable-by-others key file is refused.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "app/personal_data/key_ring.h"
#include "app/personal_data/vault.h"

namespace zj::app {
namespace {

DataKey Key(std::uint8_t version, std::uint8_t seed) {
  DataKey key;
  key.version = version;
  for (std::size_t i = 0; i < 32; ++i) {
    key.encryption[i] = static_cast<std::uint8_t>(seed + i);
    key.index[i] = static_cast<std::uint8_t>(seed ^ (i * 5));
  }
  return key;
}

KeyRing Ring(std::uint8_t version, std::uint8_t seed) {
  KeyRing ring;
  ring.Add(Key(version, seed), true);
  return ring;
}

TEST(Vault, SealedValueOpensAgainForTheSameField) {
  Vault vault(Ring(1, 3));
  auto sealed = vault.Seal("users.phone", "13812345678");
  ASSERT_TRUE(sealed.has_value());
  EXPECT_EQ(sealed->front(), 1);  // the key version leads
  auto plain = vault.Open("users.phone", *sealed);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(*plain, "13812345678");
}

TEST(Vault, SealingTwiceGivesDifferentCiphertexts) {
  Vault vault(Ring(1, 3));
  EXPECT_NE(*vault.Seal("users.phone", "13812345678"), *vault.Seal("users.phone", "13812345678"));
}

TEST(Vault, ValueSealedForAnotherFieldDoesNotOpen) {
  Vault vault(Ring(1, 3));
  auto sealed = vault.Seal("users.phone", "13812345678");
  ASSERT_TRUE(sealed.has_value());
  auto plain = vault.Open("members.national_id", *sealed);
  ASSERT_FALSE(plain.has_value());
  EXPECT_EQ(plain.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(plain.error().message_key, "error.personal_data.unreadable");
}

TEST(Vault, TamperedCiphertextDoesNotOpen) {
  Vault vault(Ring(1, 3));
  auto sealed = vault.Seal("users.phone", "13812345678");
  ASSERT_TRUE(sealed.has_value());
  for (std::size_t i = 1; i < sealed->size(); i += 7) {
    store::Blob tampered = *sealed;
    tampered[i] ^= 0x01;
    auto plain = vault.Open("users.phone", tampered);
    ASSERT_FALSE(plain.has_value()) << "byte " << i;
    EXPECT_EQ(plain.error().message_key, "error.personal_data.unreadable");
  }
  store::Blob truncated(sealed->begin(), sealed->end() - 1);
  EXPECT_FALSE(vault.Open("users.phone", truncated).has_value());
}

TEST(Vault, AnotherKeyOrAMissingVersionCannotOpen) {
  Vault one(Ring(1, 3));
  Vault other(Ring(1, 4));
  Vault later(Ring(2, 3));
  auto sealed = one.Seal("users.phone", "13812345678");
  ASSERT_TRUE(sealed.has_value());
  EXPECT_FALSE(other.Open("users.phone", *sealed).has_value());
  EXPECT_FALSE(later.Open("users.phone", *sealed).has_value());
}

TEST(Vault, BlindIndexIsEqualForEqualInputAndDiffersAcrossKeysAndFields) {
  Vault vault(Ring(1, 3));
  Vault other(Ring(1, 4));
  const auto a = vault.BlindIndex("users.phone", "13812345678");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->size(), 64u);
  EXPECT_EQ(*a, *vault.BlindIndex("users.phone", "13812345678"));
  EXPECT_NE(*a, *vault.BlindIndex("users.phone", "13812345679"));
  EXPECT_NE(*a, *other.BlindIndex("users.phone", "13812345678"));
  EXPECT_NE(*a, *vault.BlindIndex("members.phone", "13812345678"));
}

TEST(Vault, BlindIndexesCoverEveryVersionCurrentFirst) {
  KeyRing ring = Ring(1, 3);
  ring.Add(Key(2, 9), true);
  Vault vault(ring);
  const auto all = vault.BlindIndexes("users.phone", "13812345678");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0], *Vault(Ring(2, 9)).BlindIndex("users.phone", "13812345678"));
  EXPECT_EQ(all[1], *Vault(Ring(1, 3)).BlindIndex("users.phone", "13812345678"));
}

TEST(Vault, WithoutKeysNothingIsSealed) {
  Vault vault;
  auto sealed = vault.Seal("users.phone", "13812345678");
  ASSERT_FALSE(sealed.has_value());
  EXPECT_EQ(sealed.error().message_key, "error.keys.missing");
}

TEST(KeyRing, SerializedRingParsesBackToTheSameKeys) {
  KeyRing ring = Ring(1, 3);
  ring.Add(Key(2, 9), true);
  auto parsed = ParseKeyRing(SerializeKeyRing(ring));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->current_version(), 2);
  ASSERT_EQ(parsed->keys().size(), 2u);
  EXPECT_EQ(parsed->Find(1)->encryption, ring.Find(1)->encryption);
  EXPECT_EQ(parsed->Find(2)->index, ring.Find(2)->index);
  EXPECT_EQ(parsed->CurrentOnly().keys().size(), 1u);
}

TEST(KeyRing, SigningKeysSurviveTheFileAndARotation) {
  KeyRing ring = Ring(1, 3);
  std::array<std::uint8_t, 32> seed{};
  seed.fill(7);
  const SigningKey first = SigningKey::FromSeed(seed);
  seed.fill(8);
  const SigningKey second = SigningKey::FromSeed(seed);
  EXPECT_NE(first.id, second.id);
  ring.AddSigningKey(first, true);
  ring.AddSigningKey(second, false);
  auto parsed = ParseKeyRing(SerializeKeyRing(ring));
  ASSERT_TRUE(parsed.has_value()) << parsed.error().detail;
  ASSERT_EQ(parsed->signing_keys().size(), 2u);
  ASSERT_NE(parsed->CurrentSigningKey(), nullptr);
  EXPECT_EQ(parsed->CurrentSigningKey()->id, first.id);
  EXPECT_EQ(parsed->FindSigningKey(second.id)->public_key, second.public_key);
  // `keys rotate` keeps only the current data key, never the card keys.
  auto rotated = parsed->WithNewVersion();
  ASSERT_TRUE(rotated.has_value());
  const KeyRing after = rotated->CurrentOnly();
  EXPECT_EQ(after.signing_keys().size(), 2u);
  EXPECT_EQ(after.CurrentSigningKey()->id, first.id);
}

TEST(KeyRing, MalformedKeyFileTextIsRefused) {
  for (const std::string& text :
       std::vector<std::string>{"", "zhijia-keys 2\n", "zhijia-keys 1\ncurrent 3\nkey 1 00 00\n",
                                "zhijia-keys 1\ncurrent 2\n",
                                "zhijia-keys 1\ncurrent 1\nkey 1 " + std::string(64, '0') + " " +
                                    std::string(64, '0') + "\nsigning-current 01020304\n"}) {
    auto parsed = ParseKeyRing(text);
    ASSERT_FALSE(parsed.has_value()) << text;
    EXPECT_EQ(parsed.error().message_key, "error.keys.malformed");
  }
}

TEST(KeyRing, NewVersionFollowsTheHighest) {
  auto next = Ring(4, 1).WithNewVersion();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->current_version(), 5);
  EXPECT_NE(next->Find(4), nullptr);
  EXPECT_FALSE(Ring(255, 1).WithNewVersion().has_value());
}

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("zj-keys-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(KeyFileTest, FirstStartCreatesAnOwnerOnlyKeyFileThatLoadsAgain) {
  KeyFile file((dir_ / "data" / "zhijia.key").string());
  auto created = file.LoadOrCreate();
  ASSERT_TRUE(created.has_value()) << created.error().detail;
  struct stat st {};
  ASSERT_EQ(::stat(file.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto loaded = file.Load();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->Current().encryption, created->Current().encryption);
}

TEST_F(KeyFileTest, AKeyFileWithoutASigningKeyGainsOneAtStart) {
  std::filesystem::create_directories(dir_);
  KeyFile file((dir_ / "zhijia.key").string());
  ASSERT_TRUE(file.Save(Ring(1, 5)).has_value());  // as written before member cards
  auto loaded = file.LoadOrCreate();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_NE(loaded->CurrentSigningKey(), nullptr);
  auto again = file.Load();
  ASSERT_TRUE(again.has_value());
  ASSERT_NE(again->CurrentSigningKey(), nullptr);
  EXPECT_EQ(again->CurrentSigningKey()->id, loaded->CurrentSigningKey()->id) << "saved";
  EXPECT_EQ(again->Current().encryption, Key(1, 5).encryption) << "data keys untouched";
}

TEST_F(KeyFileTest, AKeyFileOthersCanReadIsRefused) {
  KeyFile file((dir_ / "zhijia.key").string());
  ASSERT_TRUE(file.LoadOrCreate().has_value());
  std::filesystem::permissions(file.path(), std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  auto loaded = file.LoadOrCreate();
  ASSERT_FALSE(loaded.has_value());
  EXPECT_EQ(loaded.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(loaded.error().message_key, "error.keys.permissions");
}

TEST_F(KeyFileTest, SavingReplacesTheFileAtomicallyWithOwnerOnlyMode) {
  std::filesystem::create_directories(dir_);
  KeyFile file((dir_ / "zhijia.key").string());
  auto ring = file.LoadOrCreate();
  ASSERT_TRUE(ring.has_value());
  auto next = ring->WithNewVersion();
  ASSERT_TRUE(next.has_value());
  ASSERT_TRUE(file.Save(*next).has_value());
  EXPECT_FALSE(std::filesystem::exists(file.path() + ".tmp"));
  struct stat st {};
  ASSERT_EQ(::stat(file.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(file.Load()->current_version(), 2);
}

}  // namespace
}  // namespace zj::app
