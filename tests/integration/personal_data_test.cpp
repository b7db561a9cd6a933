// Phone numbers as protected personal data on both stores: stored sealed (never as plaintext),
// found through the blind index within the actor's subtree, revealed only with a reason that
// the audit log keeps, and re-encrypted by a key rotation that can stop and resume.
#include <unistd.h>

#include <filesystem>

#include "app/personal_data/key_rotation.h"
#include "scoped_actors.h"
#include "store/audit.h"
#include "store/user_phones.h"

namespace zj::test {
namespace {

class PersonalDataTest : public ScopedActorsTest {
 protected:
  struct RawPhone {
    store::Blob cipher;
    std::string index;
    std::int64_t key_version = 0;
  };

  RawPhone Raw(std::int64_t user_id) {
    static constexpr store::Sql kRaw{
        "test.users.raw_phone",
        "SELECT phone_cipher, phone_index, key_version FROM users WHERE id = $1"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kRaw, Params(user_id));
    EXPECT_TRUE(rows.has_value() && rows->size() == 1);
    const auto& r = rows->front();
    return RawPhone{r.Bytes(0), r.OptText(1).value_or(""), r.OptInt(2).value_or(0)};
  }

  std::vector<store::AuditRow> AuditOf(const std::string& action) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    store::AuditQuery q;
    q.path_low = "";
    q.path_high = "~";
    q.include_system = true;
    q.action = action;
    q.limit = 100;
    auto rows = store::SearchAudit(**lease, q);
    EXPECT_TRUE(rows.has_value());
    return *rows;
  }

  static bool Contains(const store::Blob& haystack, const std::string& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
  }
};

TEST_P(PersonalDataTest, APhoneIsStoredSealedWithABlindIndexAndShownMasked) {
  const auto staff = MakeUser("staff-a", "staff", district_a_);
  const auto cadre = MakeUser("cadre-a", "cadre", street_a_);
  auto contact = app_->contacts().SetPhone(staff, cadre.user_id, " 13812345678 ");
  ASSERT_OK(contact);
  EXPECT_EQ(contact->phone_masked, "138****5678");

  const RawPhone raw = Raw(cadre.user_id);
  EXPECT_FALSE(raw.cipher.empty());
  EXPECT_FALSE(Contains(raw.cipher, "13812345678"));
  EXPECT_FALSE(Contains(raw.cipher, "5678"));
  EXPECT_EQ(raw.index.size(), 64u);
  EXPECT_EQ(raw.index.find("13812345678"), std::string::npos);
  EXPECT_EQ(raw.key_version, 1);

  auto read = app_->contacts().Get(staff, cadre.user_id);
  ASSERT_OK(read);
  EXPECT_EQ(read->phone_masked, "138****5678");

  // The account pages show the same masked form, in the list and in the detail.
  auto one = app_->users().Get(staff, cadre.user_id);
  ASSERT_OK(one);
  EXPECT_EQ(one->phone_masked, "138****5678");
  app::UserFilter filter;
  filter.q = "cadre-a";
  auto page = app_->users().List(staff, filter);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].phone_masked, "138****5678");
  auto without = app_->users().Get(staff, staff.user_id);
  ASSERT_OK(without);
  EXPECT_FALSE(without->phone_masked.has_value());
}

TEST_P(PersonalDataTest, FullWidthDigitsAreNormalisedAndBadNumbersRejected) {
  const auto staff = MakeUser("staff-a", "staff", district_a_);
  const auto cadre = MakeUser("cadre-a", "cadre", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(staff, cadre.user_id, "１３９００００１１１１"));
  auto found = app_->contacts().FindByPhone(staff, "13900001111");
  ASSERT_OK(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().user_id, cadre.user_id);

  auto bad = app_->contacts().SetPhone(staff, cadre.user_id, "2390000111");
  ExpectError(bad, ErrorCode::kInvalidArgument, "error.invalid_input");
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].message_key, "error.phone.invalid");
  EXPECT_EQ(Raw(cadre.user_id).key_version, 1);  // unchanged
}

TEST_P(PersonalDataTest, LookupByPhoneFindsOnlyUsersInTheActorsSubtree) {
  const auto staff_a = MakeUser("staff-a", "staff", district_a_);
  const auto staff_b = MakeUser("staff-b", "staff", district_b_);
  const auto cadre_a = MakeUser("cadre-a", "cadre", street_a_);
  const auto cadre_b = MakeUser("cadre-b", "cadre", district_b_);
  ASSERT_OK(app_->contacts().SetPhone(staff_a, cadre_a.user_id, "13800000001"));
  ASSERT_OK(app_->contacts().SetPhone(staff_b, cadre_b.user_id, "13800000001"));

  auto in_a = app_->contacts().FindByPhone(staff_a, "13800000001");
  ASSERT_OK(in_a);
  ASSERT_EQ(in_a->size(), 1u);
  EXPECT_EQ(in_a->front().username, "cadre-a");
  EXPECT_EQ(in_a->front().phone_masked, "138****0001");
  auto none = app_->contacts().FindByPhone(staff_a, "13800000002");
  ASSERT_OK(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(PersonalDataTest, SettingAPhoneOutsideTheSubtreeIsNotFound) {
  const auto staff_a = MakeUser("staff-a", "staff", district_a_);
  const auto cadre_b = MakeUser("cadre-b", "cadre", district_b_);
  ExpectError(app_->contacts().SetPhone(staff_a, cadre_b.user_id, "13800000001"),
              ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->contacts().SetPhone(staff_a, 424242, "13800000001"), ErrorCode::kNotFound,
              "error.not_found");
  EXPECT_TRUE(Raw(cadre_b.user_id).cipher.empty());
}

TEST_P(PersonalDataTest, RevealNeedsAReasonAndIsAuditedWithIt) {
  const auto staff = MakeUser("staff-a", "staff", district_a_);
  const auto cadre = MakeUser("cadre-a", "cadre", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(staff, cadre.user_id, "13812345678"));

  auto no_reason = app_->contacts().RevealPhone(staff, cadre.user_id, " x ");
  ExpectError(no_reason, ErrorCode::kInvalidArgument, "error.invalid_input");
  ASSERT_EQ(no_reason.error().fields.size(), 1u);
  EXPECT_EQ(no_reason.error().fields[0].field, "reason");
  EXPECT_EQ(no_reason.error().fields[0].message_key, "error.personal_data.reason");
  EXPECT_TRUE(AuditOf("personal_data.reveal").empty());

  auto phone = app_->contacts().RevealPhone(staff, cadre.user_id, "回访", "198.51.100.4");
  ASSERT_OK(phone);
  EXPECT_EQ(*phone, "13812345678");
  const auto entries = AuditOf("personal_data.reveal");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor_username, "staff-a");
  EXPECT_EQ(entries[0].target_type, "user");
  EXPECT_EQ(entries[0].target_id, std::to_string(cadre.user_id));
  EXPECT_EQ(entries[0].outcome, "ok");
  EXPECT_EQ(entries[0].remote_addr, "198.51.100.4");
  EXPECT_EQ(entries[0].detail, R"({"field":"phone","reason":"回访"})");
  EXPECT_EQ(entries[0].detail.find("13812345678"), std::string::npos);
}

TEST_P(PersonalDataTest, RevealOutsideTheSubtreeIsNotFoundAndAuditedAsDenied) {
  const auto staff_a = MakeUser("staff-a", "staff", district_a_);
  const auto staff_b = MakeUser("staff-b", "staff", district_b_);
  const auto cadre_b = MakeUser("cadre-b", "cadre", district_b_);
  const auto cadre_a = MakeUser("cadre-a", "cadre", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(staff_b, cadre_b.user_id, "13812345678"));
  ExpectError(app_->contacts().RevealPhone(staff_a, cadre_b.user_id, "核实身份"),
              ErrorCode::kNotFound, "error.not_found");
  ExpectError(app_->contacts().RevealPhone(cadre_a, cadre_b.user_id, "核实身份"),
              ErrorCode::kNotFound, "error.not_found");
  const auto entries = AuditOf("personal_data.reveal");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].outcome, "denied");
  EXPECT_EQ(entries[1].outcome, "denied");
}

// Cadres manage no account (core/accounts/roles.h): the phones of the staff above them, of other
// cadres and of workers in their subtree do not exist for them, as for anyone else's; staff
// keep the numbers of the accounts they manage and of workers, not an administrator's.
TEST_P(PersonalDataTest, ACadreSeesNoPhoneButItsOwnAndStaffNoAdministrators) {
  const auto admin = MakeUser("admin-a", "admin", district_a_);
  const auto staff = MakeUser("staff-a", "staff", district_a_);
  const auto cadre = MakeUser("cadre-a", "cadre", district_a_);
  const auto other_cadre = MakeUser("cadre-a2", "cadre", street_a_);
  const auto worker = MakeUser("worker-a", "worker", street_a_);
  for (const auto* user : {&admin, &staff, &cadre, &other_cadre, &worker}) {
    ASSERT_OK(app_->contacts().SetPhone(admin, user->user_id, "13812345678"));
  }
  for (const auto* user : {&staff, &other_cadre, &worker}) {
    ExpectError(app_->contacts().RevealPhone(cadre, user->user_id, "核实身份"),
                ErrorCode::kNotFound, "error.not_found");
    ExpectError(app_->contacts().SetPhone(cadre, user->user_id, "13900000000"),
                ErrorCode::kNotFound, "error.not_found");
    ExpectError(app_->contacts().Get(cadre, user->user_id), ErrorCode::kNotFound,
                "error.not_found");
  }
  auto found = app_->contacts().FindByPhone(cadre, "13812345678");
  ASSERT_OK(found);
  ASSERT_EQ(found->size(), 1u) << "only its own";
  EXPECT_EQ(found->front().user_id, cadre.user_id);
  ASSERT_OK(app_->contacts().RevealPhone(cadre, cadre.user_id, "核对本人号码"));

  ExpectError(app_->contacts().RevealPhone(staff, admin.user_id, "核实身份"), ErrorCode::kNotFound,
              "error.not_found");
  for (const auto* user : {&cadre, &other_cadre}) {
    ASSERT_OK(app_->contacts().RevealPhone(staff, user->user_id, "核实身份"));
  }
  // A worker's account is not one staff manage (core/accounts/roles.h), so neither its phone.
  ExpectError(app_->contacts().RevealPhone(staff, worker.user_id, "核实身份"), ErrorCode::kNotFound,
              "error.not_found");
  ASSERT_OK(app_->contacts().RevealPhone(admin, staff.user_id, "核实身份"));
}

TEST_P(PersonalDataTest, UsersMayRevealTheirOwnNumber) {
  const auto worker = MakeUser("worker-a", "worker", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(worker, worker.user_id, "13812345678"));
  auto own = app_->contacts().RevealPhone(worker, worker.user_id, "check my own number");
  ASSERT_OK(own);
  EXPECT_EQ(*own, "13812345678");
}

TEST_P(PersonalDataTest, NoNumberIsRevealedWhenTheAuditEntryCannotBeWritten) {
  const auto staff = MakeUser("staff-a", "staff", district_a_);
  const auto cadre = MakeUser("cadre-a", "cadre", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(staff, cadre.user_id, "13812345678"));
  {
    static constexpr store::Sql kDrop{"test.audit.drop", "DROP TABLE audit_log"};
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((**lease).Execute(kDrop, {}));
  }
  auto phone = app_->contacts().RevealPhone(staff, cadre.user_id, "回访");
  ASSERT_FALSE(phone.has_value());
  EXPECT_NE(phone.error().code, ErrorCode::kNotFound);
}

TEST_P(PersonalDataTest, ACopyOfTheDatabaseWithoutTheKeyFileRevealsNothing) {
  const auto staff = MakeUser("staff-a", "staff", district_a_);
  const auto cadre = MakeUser("cadre-a", "cadre", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(staff, cadre.user_id, "13812345678"));
  app::KeyRing other;  // what a thief's fresh install would generate
  other.Add(TestDataKey(1, 99), true);
  app::AppConfig config;
  config.password_cost = app::PasswordCost::Minimum();
  config.keys = other;
  app::Application thief(*db_, clock_, random_, config);
  const auto root_admin = MakeUser("root-admin", "admin", root_);
  auto revealed = thief.contacts().RevealPhone(root_admin, cadre.user_id, "curious");
  ExpectError(revealed, ErrorCode::kFailedPrecondition, "error.personal_data.unreadable");
  auto found = thief.contacts().FindByPhone(root_admin, "13812345678");
  ASSERT_OK(found);
  EXPECT_TRUE(found->empty());
  EXPECT_FALSE(Contains(Raw(cadre.user_id).cipher, "13812345678"));
}

TEST_P(PersonalDataTest, RotationStoppedMidwayResumesAndLeavesEveryPhoneReadableAndFindable) {
  const auto admin = MakeUser("root-admin", "admin", root_);
  std::vector<std::pair<std::int64_t, std::string>> users;
  for (int i = 0; i < 5; ++i) {
    const auto worker = MakeUser("worker-" + std::to_string(i), "worker", street_a_);
    const std::string phone = "1390000000" + std::to_string(i);
    ASSERT_OK(app_->contacts().SetPhone(admin, worker.user_id, phone));
    users.emplace_back(worker.user_id, phone);
  }
  const auto before = Raw(users[0].first);

  app::MemoryKeyStore keys(TestKeyRing());
  app::KeyRotation rotation(*db_, app_->vault(), keys, app_->audit());
  app::RotationOptions options;
  options.batch = 2;
  options.max_batches = 1;  // interrupted after the first batch
  auto first = rotation.Run(options);
  ASSERT_OK(first);
  EXPECT_FALSE(first->complete);
  EXPECT_FALSE(first->resumed);
  EXPECT_EQ(first->to_version, 2);
  EXPECT_EQ(keys.ring().keys().size(), 2u);  // old and new, saved before any row moved
  EXPECT_EQ(keys.ring().current_version(), 2);
  int moved = 0;
  for (const auto& [id, phone] : users) moved += Raw(id).key_version == 2;
  EXPECT_EQ(moved, 2);
  // Midway, every number still opens and is found, on whichever version it is.
  for (const auto& [id, phone] : users) {
    auto found = app_->contacts().FindByPhone(admin, phone);
    ASSERT_OK(found);
    ASSERT_EQ(found->size(), 1u) << phone;
    auto shown = app_->contacts().RevealPhone(admin, id, "rotation check");
    ASSERT_OK(shown);
    EXPECT_EQ(*shown, phone);
  }
  EXPECT_TRUE(AuditOf("keys.rotate").empty());

  std::vector<std::pair<std::int64_t, std::int64_t>> progress;
  options.max_batches.reset();
  options.progress = [&](std::int64_t done, std::int64_t total) {
    progress.emplace_back(done, total);
  };
  auto second = rotation.Run(options);
  ASSERT_OK(second);
  EXPECT_TRUE(second->complete);
  EXPECT_TRUE(second->resumed);
  EXPECT_EQ(second->to_version, 2);
  // The 3 phones left, and the demo worker's account phone (worker_accounts) after them.
  EXPECT_EQ(second->rows, 4);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), (std::pair<std::int64_t, std::int64_t>{4, 4}));
  ASSERT_EQ(keys.ring().keys().size(), 1u);  // the old version is dropped
  EXPECT_EQ(keys.ring().current_version(), 2);
  EXPECT_EQ(keys.ring().Find(1), nullptr);

  const auto after = Raw(users[0].first);
  EXPECT_EQ(after.key_version, 2);
  EXPECT_NE(after.cipher, before.cipher);
  EXPECT_NE(after.index, before.index);
  // A vault holding only the new key reads and finds everything.
  app::AppConfig config;
  config.password_cost = app::PasswordCost::Minimum();
  config.keys = keys.ring();
  app::Application fresh(*db_, clock_, random_, config);
  for (const auto& [id, phone] : users) {
    auto shown = fresh.contacts().RevealPhone(admin, id, "after rotation");
    ASSERT_OK(shown);
    EXPECT_EQ(*shown, phone);
    auto found = fresh.contacts().FindByPhone(admin, phone);
    ASSERT_OK(found);
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().user_id, id);
  }
  // The old key alone no longer opens anything.
  app::AppConfig old_config = config;
  old_config.keys = TestKeyRing();
  app::Application stale(*db_, clock_, random_, old_config);
  ExpectError(stale.contacts().RevealPhone(admin, users[0].first, "old key"),
              ErrorCode::kFailedPrecondition, "error.personal_data.unreadable");

  const auto rotations = AuditOf("keys.rotate");
  ASSERT_EQ(rotations.size(), 1u);
  EXPECT_EQ(rotations[0].actor_username, "system");
  EXPECT_EQ(rotations[0].detail.find("\"to_version\":\"2\""), rotations[0].detail.find("\"to"));
}

TEST_P(PersonalDataTest, RotationWithNothingToReencryptStillMovesToANewKey) {
  {
    // The demo's one sealed value, the demo worker's account phone, goes: nothing is sealed.
    static constexpr store::Sql kForget{"test.worker_accounts.delete",
                                        "DELETE FROM worker_accounts"};
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((**lease).Execute(kForget, {}));
  }
  app::MemoryKeyStore keys(TestKeyRing());
  app::KeyRotation rotation(*db_, app_->vault(), keys, app_->audit());
  auto report = rotation.Run({});
  ASSERT_OK(report);
  EXPECT_TRUE(report->complete);
  EXPECT_EQ(report->rows, 0);
  EXPECT_EQ(keys.ring().current_version(), 2);
  EXPECT_EQ(keys.ring().keys().size(), 1u);
  EXPECT_EQ(app_->vault().current_version(), 2);
}

TEST_P(PersonalDataTest, AServerFollowingItsKeyFileKeepsWorkingThroughARotationBesideIt) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("zhijia-keys-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(static_cast<int>(GetParam())));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "zhijia.key").string();
  ASSERT_OK(app::KeyFile(path).Save(app_->vault().keys()));

  // The "server": this application's vault follows the file (checked on every use here).
  auto followed = std::make_shared<app::KeyFile>(path);
  app_->vault().Follow(
      [followed]() -> std::optional<app::KeyRing> {
        auto ring = followed->LoadIfChanged();
        return ring ? *ring : std::nullopt;
      },
      std::chrono::milliseconds(0));
  const auto admin = MakeUser("root-admin", "admin", root_);
  const auto worker = MakeUser("worker-f", "worker", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(admin, worker.user_id, "13912345678"));
  EXPECT_EQ(Raw(worker.user_id).key_version, 1);

  // The "command line": its own vault and its own view of the same file.
  app::Vault cli_vault(app_->vault().keys());
  app::KeyFile cli_file(path);
  app::KeyRotation rotation(*db_, cli_vault, cli_file, app_->audit());
  auto report = rotation.Run({});
  ASSERT_OK(report);
  ASSERT_TRUE(report->complete);
  EXPECT_EQ(Raw(worker.user_id).key_version, 2);

  // The server reads the moved row, finds it by number, and seals new values with version 2.
  auto read = app_->contacts().Get(admin, worker.user_id);
  ASSERT_OK(read);
  EXPECT_EQ(read->phone_masked, "139****5678");
  auto found = app_->contacts().FindByPhone(admin, "13912345678");
  ASSERT_OK(found);
  EXPECT_EQ(found->size(), 1u);
  ASSERT_OK(app_->contacts().SetPhone(admin, worker.user_id, "13800001111"));
  EXPECT_EQ(Raw(worker.user_id).key_version, 2);
  EXPECT_EQ(app_->vault().current_version(), 2);
  std::filesystem::remove_all(dir);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(PersonalDataTest);

}  // namespace
}  // namespace zj::test
