// Key versions and rotation on both stores: a row's key_version is what its ciphertexts say,
// even when the key file is reloaded between one seal and the next; a rotation with writes
// between its batches (from servers that have and have not yet seen the new key) leaves every
// value readable with the new key alone; a re-seal replaces only a row still as it was read;
// migration 0012 repairs rows written before; every sealed column of the schema is rotated.
#include <memory>
#include <set>

#include "app/attachments/attachments.h"
#include "app/hardship/hardship_service.h"
#include "app/legal/legal_case_service.h"
#include "app/personal_data/key_rotation.h"
#include "app/worker_accounts/corrections.h"
#include "app/worker_accounts/sign_in_service.h"
#include "members_fixture.h"
#include "store/attachments.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/resealing.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

class KeyVersionsTest : public WorkerTest {
 protected:
  //! Makes the application's vault hold `before` and take up `after` on its `flip`-th look at
  //! the key file: a server whose file was replaced between two uses of the vault.
  void FlipKeysAt(int flip, const app::KeyRing& before, const app::KeyRing& after) {
    app_->vault().Replace(before);
    auto calls = std::make_shared<int>(0);
    app_->vault().Follow(
        [calls, flip, after]() -> std::optional<app::KeyRing> {
          return ++*calls == flip ? std::optional(after) : std::nullopt;
        },
        std::chrono::milliseconds(0));
  }

  static app::KeyRing Both() {
    app::KeyRing ring = TestKeyRing();
    ring.Add(TestDataKey(2, 2), true);
    return ring;
  }

  //! "table id" of every row whose key_version is not the oldest version its ciphertexts name.
  std::set<std::string> Disagreeing() {
    std::set<std::string> out;
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    for (const auto& table : store::kSealedTables) {
      auto rows = store::SealedBelow(**lease, table, 256, 1000000);
      EXPECT_TRUE(rows.has_value());
      for (const auto& r : *rows) {
        const int named = app::Vault::OldestVersion({&r.first, r.second ? &*r.second : nullptr});
        if (named != r.key_version)
          out.insert(std::string(table.name) + " " + std::to_string(r.id));
      }
    }
    return out;
  }

  //! A phoned-in request (as staff: no per-address limit of the anonymous portal).
  app::NewRequest Request(const std::string& phone) {
    app::NewRequest r;
    r.channel = "hotline";
    r.category = "rights.wage_arrears";
    r.title = "三个月工资未发";
    r.description = "车间 12 人未发工资";
    r.contact_name = "王师傅";
    r.contact_phone = phone;
    r.region_code = "110101001";
    return r;
  }

  //! Every sealed value of every table of kSealedTables (in its order) read with `ring` alone.
  //! Counts what could not be read.
  int Unreadable(const app::KeyRing& ring) {
    app::Vault vault(ring);
    const std::array<std::pair<std::string_view, std::string_view>, store::kSealedTables.size()>
        fields{{
            {app::kPhoneField, ""},
            {app::kMemberIdField, app::kMemberPhoneField},
            {app::kRequestPhoneField, ""},
            {app::kWorkerPhoneField, ""},
            {app::kCorrectionValueField, app::kCorrectionValueField},
            {app::kHouseholdIdField, app::kHouseholdNameField},
            {app::kHouseholdBankCardField, ""},
            {app::kLegalWorkerIdField, app::kLegalWorkerNameField},
            {app::kLawyerPhoneField, ""},
            {app::kAttachmentContentField, app::kAttachmentNameField},
            {app::kHardshipStepTextField, ""},
        }};
    int bad = 0;
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    for (std::size_t t = 0; t < store::kSealedTables.size(); ++t) {
      auto rows = store::SealedBelow(**lease, store::kSealedTables[t], 256, 1000000);
      EXPECT_TRUE(rows.has_value());
      for (const auto& r : *rows) {
        bad += !vault.Open(fields[t].first, r.first).has_value();
        if (r.second) bad += !vault.Open(fields[t].second, *r.second).has_value();
      }
    }
    return bad;
  }
};

TEST_P(KeyVersionsTest, AReloadBetweenSealsCannotGiveARowAVersionItsCiphertextLacks) {
  const auto cadre = MakeUser("cadre-s", "cadre", street_a_);
  // Every point at which the file may be replaced while a value is being written.
  for (int flip = 1; flip <= 4; ++flip) {
    FlipKeysAt(flip, TestKeyRing(), Both());
    ASSERT_OK(
        app_->contacts().SetPhone(admin_, cadre.user_id, "1380000000" + std::to_string(flip)));
    FlipKeysAt(flip, TestKeyRing(), Both());
    app::NewMember m = Person(union_a_, "张三", 10 + flip);
    m.phone = "1390000000" + std::to_string(flip);
    const app::MemberView member = Create(staff_a_, m);
    FlipKeysAt(flip, TestKeyRing(), Both());
    app::MemberPatch patch;
    patch.phone = "1370000000" + std::to_string(flip);
    ASSERT_OK(app_->members().Update(staff_a_, member.row.id, patch));
    FlipKeysAt(flip, TestKeyRing(), Both());
    ASSERT_OK(app_->requests().Submit(staff_a_, Request("1360000000" + std::to_string(flip))));
    FlipKeysAt(flip, TestKeyRing(), Both());
    ASSERT_OK(app_->sign_in().EnsureAccount("1350000000" + std::to_string(flip)));
    EXPECT_EQ(Disagreeing(), std::set<std::string>()) << "flip at " << flip;
  }
  // And so a rotation moves them all: nothing needs the old key once it is gone.
  app_->vault().Follow(nullptr, std::chrono::milliseconds(0));
  app::MemoryKeyStore keys(Both());
  app::KeyRotation rotation(*db_, app_->vault(), keys, app_->audit());
  auto report = rotation.Run({});
  ASSERT_OK(report);
  ASSERT_TRUE(report->complete);
  EXPECT_EQ(Unreadable(keys.ring()), 0);
}

TEST_P(KeyVersionsTest, ARotationWithWritesBetweenItsBatchesLosesNothing) {
  app::NewMember first = Person(union_a_, "李四", 1);
  first.phone = "13900000001";
  const app::MemberView early = Create(staff_a_, first);
  for (int i = 2; i <= 6; ++i) Create(staff_a_, Person(union_a_, "王五", i));
  ASSERT_OK(app_->requests().Submit(staff_a_, Request("13600000001")));
  const auto cadre = MakeUser("cadre-s", "cadre", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(admin_, cadre.user_id, "13800000001"));
  // A worker's correction waiting for the union: its proposed and replaced values are sealed.
  const app::Actor worker = BoundWorker("13912340000", "孙七", 40);
  auto correction = app_->corrections().Propose(worker, {{"phone", "13912340001"}}, "换了号码");
  ASSERT_OK(correction);
  // A household's hardship file (issue 20): its ID numbers and names are rotated too, and the
  // one-open-file guard still finds the person once the ID's blind index has changed.
  std::optional<std::string> region;
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto district = store::FindOrgById(**lease, district_a_.id);
    ASSERT_OK(district);
    ASSERT_TRUE(district->has_value());
    region = (*district)->region_code;
  }
  ASSERT_TRUE(region.has_value());
  ASSERT_OK(
      app_->standards().Load(admin_, {*region, 2026, 145000, std::nullopt, std::nullopt, "样例"}));
  app::NewHardshipFile file;
  file.org_id = union_a_.id;
  file.year = 2026;
  file.main_cause = "illness";
  file.household.push_back(
      {"self", "孙七", MakeIdNumber("110101", "19700101", 901), 0, std::nullopt});
  file.household.push_back(
      {"spouse", "周八", MakeIdNumber("110101", "19710101", 902), 0, std::nullopt});
  auto opened_file = app_->hardship().Open(staff_a_, file);
  ASSERT_OK(opened_file);
  // Its trail's free text (a note of the first review) is sealed too.
  app::FlowStepInput reviewed;
  reviewed.step = "first_review";
  reviewed.note = "家中有长期病人，材料齐全";
  ASSERT_OK(app_->hardship_flow().Take(staff_a_, opened_file->file.row.id, reviewed));
  // Its evidence: the bytes and the name are sealed, and rotated like any other value.
  const std::string pdf = "%PDF-1.4\n诊断证明 rotation\n%%EOF\n";
  app::Attachments attachments(*db_, clock_, app_->audit(), app_->vault());
  auto evidence = attachments.Add(staff_a_, {app::kHardshipFileOwner, opened_file->file.row.id, ""},
                                  "诊断书.pdf", pdf);
  ASSERT_OK(evidence);

  // A server that has not yet seen the new key: its own application on the same database.
  app::AppConfig config;
  config.password_cost = app::PasswordCost::Minimum();
  config.keys = TestKeyRing();
  app::Application stale(*db_, clock_, random_, config);

  app::MemoryKeyStore keys(TestKeyRing());
  app::KeyRotation rotation(*db_, app_->vault(), keys, app_->audit());
  app::RotationOptions options;
  options.batch = 1;
  options.max_batches = 2;
  ASSERT_OK(rotation.Run(options));  // the new key is saved; two rows moved
  ASSERT_EQ(keys.ring().keys().size(), 2u);

  int sequence = 20;
  std::string last_phone;
  const auto write_some = [&](app::Application& app, const std::string& tag) {
    SCOPED_TRACE(tag);
    app::NewMember m = Person(union_a_, "赵六", ++sequence);
    m.phone = "135000000" + std::to_string(sequence);
    ASSERT_OK(app.members().Create(staff_a_, m));
    app::MemberPatch patch;
    last_phone = "134000000" + std::to_string(sequence);
    patch.phone = last_phone;  // a new phone on an old ID number
    ASSERT_OK(app.members().Update(staff_a_, early.row.id, patch));
    ASSERT_OK(
        app.contacts().SetPhone(admin_, cadre.user_id, "133000000" + std::to_string(sequence)));
    ASSERT_OK(app.requests().Submit(staff_a_, Request("132000000" + std::to_string(sequence))));
  };
  // Between batches: the stale server writes with the old key, this one with the new.
  for (int round = 0; round < 3; ++round) {
    write_some(stale, "stale");
    write_some(*app_, "current");
    ASSERT_OK(rotation.Run(options));
  }
  // The stale server keeps writing until it reloads; the rotation looks again after settling.
  options.max_batches.reset();
  options.settle = std::chrono::milliseconds(3000);
  int waits = 0;
  options.wait = [&](std::chrono::milliseconds) {
    if (waits++ == 0) write_some(stale, "stale, while settling");
  };
  auto done = rotation.Run(options);
  ASSERT_OK(done);
  EXPECT_TRUE(done->complete);
  EXPECT_EQ(waits, 2);  // one write during the first wait, nothing new after the second
  ASSERT_EQ(keys.ring().keys().size(), 1u);
  EXPECT_EQ(Disagreeing(), std::set<std::string>());
  EXPECT_EQ(Unreadable(keys.ring()), 0);
  // The correction reads under the new key alone: applying it stores the proposed phone.
  auto applied = app_->corrections().Approve(staff_a_, correction->front().row.id);
  ASSERT_OK(applied);
  EXPECT_EQ(applied->new_shown, "139****0001");
  auto last = app_->members().Get(staff_a_, early.row.id);
  ASSERT_OK(last);
  EXPECT_EQ(last->member.row.phone_last4, last_phone.substr(7));  // the last write stands
  ExpectError(app_->hardship().Open(staff_a_, file), ErrorCode::kAlreadyExists,
              "error.hardship.already_open");
  // The trail's note reads under the new key alone.
  auto trail = app_->hardship().Get(staff_a_, opened_file->file.row.id);
  ASSERT_OK(trail);
  ASSERT_GE(trail->steps.size(), 2u);
  EXPECT_NE(trail->steps[1].detail.find("家中有长期病人"), std::string::npos);
  // The evidence reads under the new key alone, its row on the new version.
  app::Vault rotated(keys.ring());
  app::Attachments after(*db_, clock_, app_->audit(), rotated);
  auto read = after.Open(staff_a_, evidence->id, "核对诊断证明");
  ASSERT_OK(read);
  EXPECT_EQ(read->bytes, pdf);
  EXPECT_EQ(read->file_name, "诊断书.pdf");
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto row = store::FindAttachment(**lease, evidence->id);
  ASSERT_OK(row);
  ASSERT_TRUE(row->has_value());
  EXPECT_EQ((*row)->key_version, keys.ring().current_version());
}

TEST_P(KeyVersionsTest, AResealReplacesOnlyARowStillAsItWasRead) {
  app::NewMember m = Person(union_a_, "钱七", 1);
  m.phone = "13900000001";
  const app::MemberView member = Create(staff_a_, m);
  const auto& members = store::kSealedTables[1];
  ASSERT_EQ(members.name, "members");
  std::vector<store::SealedRow> read;
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto rows = store::SealedBelow(**lease, members, 2, 10);
    ASSERT_OK(rows);
    read = *rows;
  }
  ASSERT_EQ(read.size(), 1u);
  // A write after the rotation read the row (same key version: a server not yet reloaded).
  app::MemberPatch patch;
  patch.phone = "13700000002";
  ASSERT_OK(app_->members().Update(staff_a_, member.row.id, patch));

  app::Vault next(Both());
  auto id = next.SealIndexed(app::kMemberIdField, m.id_number);
  auto phone = next.SealIndexed(app::kMemberPhoneField, "13900000001");
  ASSERT_OK(id);
  ASSERT_OK(phone);
  store::ResealedRow resealed{id->cipher, id->index, phone->cipher, phone->index, 2};
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto replaced = store::Reseal(**lease, members, read[0], resealed);
  ASSERT_OK(replaced);
  EXPECT_FALSE(*replaced);
  auto now = app_->members().Get(staff_a_, member.row.id);
  ASSERT_OK(now);
  EXPECT_EQ(now->member.row.phone_last4, "0002");  // the write stands
  EXPECT_EQ(now->member.row.key_version, 1);
  // Read again, the row is replaced.
  auto again = store::SealedBelow(**lease, members, 2, 10);
  ASSERT_OK(again);
  ASSERT_EQ(again->size(), 1u);
  auto phone2 = next.SealIndexed(app::kMemberPhoneField, "13700000002");
  ASSERT_OK(phone2);
  resealed.second = phone2->cipher;
  resealed.second_index = phone2->index;
  replaced = store::Reseal(**lease, members, again->front(), resealed);
  ASSERT_OK(replaced);
  EXPECT_TRUE(*replaced);
}

TEST_P(KeyVersionsTest, EverySealedColumnOfTheSchemaIsRotated) {
  static constexpr store::Sql kSqliteColumns{
      "test.cipher_columns.sqlite",
      "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
      " WHERE m.type = 'table' AND p.name LIKE '%cipher%' ORDER BY 1, 2"};
  static constexpr store::Sql kPostgresColumns{
      "test.cipher_columns.postgres",
      "SELECT table_name, column_name FROM information_schema.columns"
      " WHERE table_schema = current_schema() AND column_name LIKE '%cipher%' ORDER BY 1, 2"};
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto rows = (**lease).Query(
      GetParam() == store::Backend::kSqlite ? kSqliteColumns : kPostgresColumns, {});
  ASSERT_OK(rows);
  ASSERT_FALSE(rows->empty());
  for (const auto& r : *rows) {
    bool listed = false;
    for (const auto& t : store::kSealedTables) {
      listed = listed || (t.name == r.Text(0) &&
                          (t.first_column == r.Text(1) || t.second_column == r.Text(1)));
    }
    EXPECT_TRUE(listed) << r.Text(0) << "." << r.Text(1) << " is sealed but not rotated";
  }
}

TEST_P(KeyVersionsTest, Migration0012SetsEachRowsVersionFromItsCiphertexts) {
  // A database as the old code could leave it: versions that disagree with the ciphertexts.
  app::NewMember m = Person(union_a_, "孙八", 1);
  m.phone = "13900000001";
  const app::MemberView member = Create(staff_a_, m);
  ASSERT_OK(app_->requests().Submit(staff_a_, Request("13600000001")));
  const auto cadre = MakeUser("cadre-s", "cadre", street_a_);
  ASSERT_OK(app_->contacts().SetPhone(admin_, cadre.user_id, "13800000001"));
  static constexpr store::Sql kSkew[] = {
      {"test.skew.users", "UPDATE users SET key_version = 2 WHERE phone_cipher IS NOT NULL"},
      {"test.skew.members", "UPDATE members SET key_version = 2"},
      {"test.skew.requests", "UPDATE service_requests SET key_version = 2"},
      {"test.skew.index", "DROP INDEX service_requests_key_version"},
  };
  // 0012 is made pending again: the versions after it are set aside meanwhile (Migrate applies
  // what lies above the highest recorded version) and put back once 0012 alone has run.
  static constexpr store::Sql kLater{
      "test.skew.later",
      "SELECT version, name, applied_at FROM schema_migrations WHERE version > 12"};
  static constexpr store::Sql kForget{"test.skew.forget",
                                      "DELETE FROM schema_migrations WHERE version >= 12"};
  static constexpr store::Sql kRestore{
      "test.skew.restore",
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"};
  store::Rows later;
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    for (const auto& sql : kSkew) ASSERT_OK((**lease).Execute(sql, {}));
    auto rows = (**lease).Query(kLater, {});
    ASSERT_OK(rows);
    later = std::move(*rows);
    ASSERT_OK((**lease).Execute(kForget, {}));
  }
  EXPECT_GE(Disagreeing().size(), 3u);
  auto upgraded = store::Migrate(*db_, 12);
  ASSERT_OK(upgraded);
  EXPECT_EQ(upgraded->applied, std::vector<int>{12});
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    for (const auto& r : later) {
      ASSERT_OK((**lease).Execute(kRestore, Params(r.Int(0), r.Text(1), r.Int(2))));
    }
  }
  EXPECT_EQ(Disagreeing(), std::set<std::string>());
  auto read = app_->members().Get(staff_a_, member.row.id);
  ASSERT_OK(read);
  EXPECT_EQ(read->member.row.key_version, 1);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(KeyVersionsTest);

}  // namespace
}  // namespace zj::test
