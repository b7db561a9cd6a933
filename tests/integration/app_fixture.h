// An Application on a fresh, migrated database of the test's backend, with a clock the test
// controls and seeded randomness, so every run repeats exactly.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <random>

#include "app/application.h"
#include "store/migrations.h"
#include "test_databases.h"
#include "test_expectations.h"
#include "test_keys.h"

namespace zj::test {

//! Deterministic randomness for tests (never for production: not cryptographic).
class SeededRandom final : public app::Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
  std::uint32_t Next32() override { return static_cast<std::uint32_t>(engine_()); }
  std::string Token(std::size_t bytes) override {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    for (std::size_t i = 0; i < (bytes * 4 + 2) / 3; ++i) out += kAlphabet[engine_() % 64];
    return out;
  }

 private:
  std::mt19937_64 engine_;
};

//! 2026-11-25T08:00:00Z, a Wednesday.
inline constexpr std::int64_t kTestNowMs = 1795593600000;

class AppTest : public ::testing::TestWithParam<store::Backend> {
 protected:
  void SetUp() override {
    auto created = TestDatabase::CreateMigrated(GetParam());
    ASSERT_TRUE(created.has_value()) << Describe(created.error());
    database_.emplace(std::move(*created));
    auto opened = database_->Open();
    ASSERT_TRUE(opened.has_value()) << Describe(opened.error());
    db_ = std::move(*opened);
    ASSERT_OK(store::Migrate(*db_));  // nothing to do on the template's copy; kept as a check
    app::AppConfig config;
    config.password_cost = app::PasswordCost::Minimum();
    config.keys = TestKeyRing();
    // Each test's sealed uploads and results in a folder of its own, removed afterwards.
    files_dir_ = testing::TempDir() + "zj_files_" + std::to_string(::getpid()) + "_" +
                 std::to_string(files_seq_++);
    config.jobs.files_dir = files_dir_;
    app_ = std::make_unique<app::Application>(*db_, clock_, random_, config);
  }

  void TearDown() override {
    app_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(files_dir_, ec);
  }

  //! Loads the demo tree and admin with a known password.
  void LoadDemo(const std::string& password = "Demo-Pass-2026") {
    app::DemoOptions options;
    options.admin_password = password;
    ASSERT_OK(app_->demo().Load(options));
  }

  app::FixedClock clock_{kTestNowMs};
  SeededRandom random_{20261125};
  std::optional<TestDatabase> database_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<app::Application> app_;
  std::string files_dir_;
  static inline int files_seq_ = 0;
};

//! Instantiates a parameterised suite on both backends, named ".../sqlite" and ".../postgres".
#define ZJ_INSTANTIATE_ON_BOTH_STORES(suite)                                             \
  INSTANTIATE_TEST_SUITE_P(                                                              \
      Stores, suite,                                                                     \
      ::testing::Values(::zj::store::Backend::kSqlite, ::zj::store::Backend::kPostgres), \
      [](const auto& info) { return std::string(::zj::test::BackendName(info.param)); })

}  // namespace zj::test
