// Every row that carries an org's materialised path follows the org through any sequence of
// moves, on both stores (issue 16). The columns are read from the schema itself (every column
// whose name holds "path"), so a table added later with a path column is checked without
// anyone remembering to list it here; the federation (shard key) columns are checked the same
// way. After a seeded random sequence of moves (unions between streets, streets between
// districts, a district between two federations) interleaved with requests, escalations,
// follow-ups, members, transfers, imports and served marks, each path must equal its org's
// current path, each federation its owner's, and every figure (coverage, 有效覆盖 and the
// service dashboard's counters) a recount.
#include "store/org_paths.h"

#include <fstream>
#include <map>
#include <random>
#include <set>

#include "app/calendar/builtin_calendars.h"
#include "app/requests/request_service.h"
#include "core/orgs/org_path.h"
#include "coverage_fixture.h"
#include "members_fixture.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

struct Column {
  std::string table;
  std::string column;
  bool operator<(const Column& o) const {
    return std::tie(table, column) < std::tie(o.table, o.column);
  }
};

bool Kept(const Column& c) {
  for (const auto& k : store::kKeptOrgColumns) {
    if (k.table == c.table && k.column == c.column) return true;
  }
  return false;
}

//! The registry's federation column of a path column ("" when the row keeps its own).
std::optional<std::string> RegisteredFederation(const Column& c) {
  for (const auto& r : store::kOrgPathColumns) {
    if (r.table == c.table && r.path_column == c.column) return std::string(r.federation_column);
  }
  return std::nullopt;
}

class OrgPathsTest : public CoverageTest {
 protected:
  void SetUp() override {
    CoverageTest::SetUp();
    if (HasFatalFailure()) return;
    requests_ = std::make_unique<app::RequestService>(*db_, clock_, random_, app_->audit(),
                                                      app_->vault(), calendars_);
    admin_ = MakeUser("admin.paths", "admin", std::nullopt);
  }

  //! Every (table, column) of the schema, from the catalogue of the backend.
  std::vector<Column> SchemaColumns() {
    static constexpr store::Sql kSqlite{
        "test.schema.sqlite",
        "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p"
        " WHERE m.type = 'table' ORDER BY 1, 2"};
    static constexpr store::Sql kPostgres{
        "test.schema.postgres",
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT)"
        " FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(GetParam() == store::Backend::kSqlite ? kSqlite : kPostgres, {});
    EXPECT_TRUE(rows.has_value()) << Describe(rows.error());
    std::vector<Column> out;
    for (const auto& r : *rows) out.push_back({r.Text(0), r.Text(1)});
    return out;
  }

  std::vector<store::Row> Select(const std::string& name, const std::string& text) {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(store::Sql{name, text}, {});
    EXPECT_TRUE(rows.has_value()) << text << ": " << Describe(rows.error());
    return rows ? *rows : std::vector<store::Row>{};
  }

  struct OrgPlace {
    std::string path;
    std::int64_t federation_id = 0;
  };

  std::map<std::int64_t, OrgPlace> Orgs() {
    std::map<std::int64_t, OrgPlace> out;
    for (const auto& r : Select("test.paths.orgs", "SELECT id, path, federation_id FROM orgs")) {
      out[r.Int(0)] = {r.Text(1), r.Int(2)};
    }
    return out;
  }

  //! Fails the test for every row whose path column differs from the current path of the org
  //! it names (its last id), and whose federation column differs from that org's. Every column
  //! of the schema named like a path is checked, listed in the registry or not.
  void ExpectEveryPathCurrent() {
    const auto orgs = Orgs();
    int checked = 0;
    for (const auto& c : SchemaColumns()) {
      if (c.column.find("path") == std::string::npos || Kept(c)) continue;
      const std::string federation = RegisteredFederation(c).value_or("");
      const std::string text =
          "SELECT " + c.column + (federation.empty() ? "" : ", " + federation) + " FROM " + c.table;
      for (const auto& r : Select("test.paths." + c.table + "." + c.column, text)) {
        ++checked;
        const std::string stored = r.Text(0);
        const auto ids = OrgPath::FromStored(stored).Ids();
        auto org = ids.empty() ? orgs.end() : orgs.find(ids.back());
        if (org == orgs.end()) {
          ADD_FAILURE() << c.table << "." << c.column << " names no org: " << stored;
          continue;
        }
        EXPECT_EQ(stored, org->second.path) << c.table << "." << c.column;
        if (!federation.empty()) {
          EXPECT_EQ(r.Int(1), org->second.federation_id) << c.table << "." << federation;
        }
      }
    }
    EXPECT_GT(checked, 100);
  }

  //! Rows without a path whose federation follows the row they belong to.
  void ExpectEveryFederationCurrent() {
    for (const auto& f : store::kFollowedFederations) {
      const std::string table(f.table);
      const std::string text =
          "SELECT t." + std::string(f.federation_column) + ", o.federation_id FROM " + table +
          " t JOIN " + std::string(f.owner_table) + " o ON o.id = t." + std::string(f.owner_column);
      for (const auto& r : Select("test.federations." + table, text)) {
        EXPECT_EQ(r.Int(0), r.Int(1)) << table << "." << f.federation_column;
      }
    }
  }

  //! The service dashboard's counters of each org equal what the requests homed in its
  //! subtree add up to (submissions and escalations; no request changes hands in this test).
  void ExpectRequestStatsMatchRequests() {
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> stored, counted;
    for (const auto& r : Select(
             "test.paths.stats",
             "SELECT org_id, SUM(submitted), SUM(escalated) FROM request_stats GROUP BY org_id")) {
      if (r.Int(1) != 0 || r.Int(2) != 0) stored[r.Int(0)] = {r.Int(1), r.Int(2)};
    }
    for (const auto& r :
         Select("test.paths.requests", "SELECT home_path, escalations FROM service_requests")) {
      for (const std::int64_t id : OrgPath::FromStored(r.Text(0)).Ids()) {
        counted[id].first += 1;
        counted[id].second += r.Int(1);
      }
    }
    EXPECT_EQ(stored, counted);
  }

  std::string WriteRoster(int serial) {
    const std::string path = testing::TempDir() + "/zj_paths_roster_" + std::to_string(serial) +
                             "_" + BackendName(GetParam()) + ".csv";
    std::ofstream out(path, std::ios::binary);
    out << "姓名,身份证号\r\n";
    for (int i = 0; i < 3; ++i) {
      out << "名册" << serial << "号" << i << ","
          << MakeIdNumber("110102", "19791111", 500 + serial * 10 + i) << "\r\n";
    }
    return path;
  }

  app::CalendarBook calendars_;
  std::unique_ptr<app::RequestService> requests_;
  app::Actor admin_;
};

TEST_P(OrgPathsTest, EveryRowCarryingAnOrgPathFollowsRandomMoves) {
  const app::Actor system = app::SystemActor();
  std::mt19937_64 rng(16);
  const auto pick = [&rng](std::size_t n) {
    return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(rng));
  };
  const auto create = [&](const std::string& code, const std::string& kind,
                          std::optional<std::int64_t> parent) {
    auto made = app_->orgs().Create(
        system, app::NewOrg{code, code + " 工会", kind, parent, std::nullopt, {}, {}, {}});
    EXPECT_TRUE(made.has_value()) << Describe(made.error());
    return made ? made->org.id : 0;
  };
  // A second federation and a district without a region, which moves between the two; two
  // streets whose region is cleared (as a re-division does) so they may change district.
  const std::int64_t other_root = create("PX-ROOT", "municipal", std::nullopt);
  const std::int64_t district_c = create("PX-C", "district", root_.id);
  std::vector<std::int64_t> districts = {district_a_.id, district_b_.id, district_c};
  std::vector<std::int64_t> movable_streets = {streets_a_[0].id, streets_b_[0].id,
                                               create("PX-S", "street", district_c)};
  for (std::size_t i = 0; i < 2; ++i) {
    app::OrgPatch clear;
    clear.region_code = "";
    ASSERT_OK(app_->orgs().Update(system, movable_streets[i], clear));
  }
  std::vector<std::int64_t> streets = movable_streets;
  streets.push_back(streets_a_[1].id);
  streets.push_back(streets_b_[1].id);
  std::vector<std::int64_t> unions;
  for (std::size_t i = 0; i < streets.size(); ++i) {
    unions.push_back(create("PX-U" + std::to_string(i), "grassroots", streets[i]));
  }
  // Enterprises: unionised ones (their requests go to the union) and bare ones in the streets
  // that keep their region (their requests go to the street).
  std::vector<std::int64_t> employers;
  for (int i = 0; i < 10; ++i) {
    const bool bare = i % 3 == 0;
    const std::string region = i % 2 == 0 ? streets_a_[1].code : streets_b_[1].code;
    employers.push_back(
        AddEnterprise(Enterprise(300 + i, region, 20 + i,
                                 bare ? std::nullopt : std::optional(unions[pick(unions.size())])))
            .row.id);
  }
  std::vector<std::int64_t> members;
  int person = 0;
  const auto add_member = [&] {
    app::NewMember m;
    m.union_id = unions[pick(unions.size())];
    m.name = PersonName(++person);
    m.id_number = MakeIdNumber("110101", "19850101", 100 + person);
    auto made = app_->members().Create(system, m);
    ASSERT_OK(made);
    members.push_back(made->row.id);
  };
  std::vector<std::int64_t> open;
  const auto submit = [&](bool with_member) {
    app::NewRequest r;
    r.channel = "hotline";
    r.category = "rights.wage_arrears";
    r.title = "诉求";
    r.description = "说明";
    r.contact_name = "张师傅";
    r.contact_phone = "13912345678";
    r.employer_id = employers[pick(employers.size())];
    if (with_member && !members.empty()) r.member_id = members[pick(members.size())];
    auto made = requests_->Submit(admin_, r);
    ASSERT_OK(made);
    open.push_back(made->row.id);
  };
  const auto resolve = [&](int rating) {
    if (open.empty()) return;
    const std::size_t i = pick(open.size());
    auto done = requests_->Act(admin_, open[i], requests::Action::kResolve, "已处理");
    ASSERT_OK(done);
    if (rating > 0) ASSERT_OK(requests_->Rate(done->row.tracking_number, "5678", rating, ""));
    open.erase(open.begin() + static_cast<std::ptrdiff_t>(i));
  };
  for (int i = 0; i < 6; ++i) add_member();
  // A worker bound to a new member asks for a correction of the name, left pending (issue 19).
  RecordingSms sms;
  int corrections = 0;
  const auto add_correction = [&] {
    const std::string phone = "1370000" + std::to_string(1000 + corrections++);
    app::NewMember m;
    m.union_id = unions[pick(unions.size())];
    m.name = PersonName(++person);
    m.id_number = MakeIdNumber("110101", "19850101", 100 + person);
    m.phone = phone;
    ASSERT_OK(app_->members().Create(system, m));
    const std::string address = "192.0.2." + std::to_string(corrections);
    ASSERT_OK(app_->sign_in().RequestCode(phone, address));
    ASSERT_OK(app::DeliverSms(*db_, clock_, app_->vault(), sms));
    auto grant = app_->sign_in().SignIn(phone, sms.sent.back().code, address);
    ASSERT_OK(grant);
    auto bound = app_->bindings().Bind(grant->actor, m.name, m.id_number, address);
    ASSERT_TRUE(bound && bound->state == "bound");
    auto session = app_->sign_in().Authenticate(grant->token);
    ASSERT_OK(session);
    ASSERT_OK(app_->corrections().Propose(session->actor, {{"name", "更正" + m.name}}, "名字有误"));
  };

  int imports = 0;
  for (int step = 0; step < 60; ++step) {
    switch (pick(8)) {  // something happens between two moves
      case 0:
        add_member();
        add_correction();
        break;
      case 1:
        submit(true);
        resolve(0);  // a member's resolved request marks them served
        break;
      case 2:
        submit(false);
        break;
      case 3:
        resolve(1);  // a low rating owes a follow-up visit
        break;
      case 4: {  // a transfer, approved once overdue, or left pending
        auto t =
            app_->transfers().RequestByMember(system, members[pick(members.size())],
                                              unions[pick(unions.size())], "调动", std::nullopt);
        if (t && pick(2) == 0) {
          clock_.Advance(t->row.due_at - clock_.NowMs() + 1);
          ASSERT_OK(app_->transfers().Approve(admin_, t->row.id, ""));
        }
        break;
      }
      case 5: {
        const std::string file = WriteRoster(++imports);
        ASSERT_OK(app_->roster_imports().Run(
            system, {unions[pick(unions.size())], file, "roster.csv", "valid-rows", "", {}}));
        break;
      }
      default:  // time passes: lapsed deadlines escalate, up whatever tree there is now
        clock_.Advance(static_cast<std::int64_t>(1 + pick(4)) * kDay);
        ASSERT_OK(requests_->Sweep());
    }
    switch (pick(3)) {
      case 0:
        ASSERT_OK(app_->orgs().Move(system, unions[pick(unions.size())], streets[pick(5)]));
        break;
      case 1:
        ASSERT_OK(app_->orgs().Move(system, movable_streets[pick(3)], districts[pick(3)]));
        break;
      default:
        ASSERT_OK(app_->orgs().Move(system, district_c, pick(2) == 0 ? root_.id : other_root));
    }
  }
  ASSERT_GT(open.size() + static_cast<std::size_t>(imports), 0u);
  ASSERT_GT(corrections, 0);

  ExpectEveryPathCurrent();
  ExpectEveryFederationCurrent();
  ExpectRequestStatsMatchRequests();
  ExpectRollupsMatchRecount();
}

// The registry is the one list a move rewrites: a column named like a path, or a federation id,
// that it neither rewrites nor keeps on purpose fails here, naming the table.
TEST_P(OrgPathsTest, EveryPathAndFederationColumnOfTheSchemaIsInTheRegistry) {
  std::set<Column> registered;
  for (const auto& r : store::kOrgPathColumns) {
    registered.insert({std::string(r.table), std::string(r.path_column)});
    if (!r.federation_column.empty()) {
      registered.insert({std::string(r.table), std::string(r.federation_column)});
    }
  }
  for (const auto& f : store::kFollowedFederations) {
    registered.insert({std::string(f.table), std::string(f.federation_column)});
  }
  for (const auto& k : store::kKeptOrgColumns) {
    registered.insert({std::string(k.table), std::string(k.column)});
  }
  int seen = 0;
  for (const auto& c : SchemaColumns()) {
    if (c.column.find("path") == std::string::npos &&
        c.column.find("federation") == std::string::npos) {
      continue;
    }
    ++seen;
    EXPECT_TRUE(registered.contains(c))
        << c.table << "." << c.column
        << " carries an org's place: add it to store/org_paths.h so that a move rewrites it";
  }
  EXPECT_GT(seen, 20);
  // And nothing listed is missing from the schema (a renamed column would be rewritten nowhere).
  const auto columns = SchemaColumns();
  const std::set<Column> schema(columns.begin(), columns.end());
  for (const auto& c : registered) EXPECT_TRUE(schema.contains(c)) << c.table << "." << c.column;
}

ZJ_INSTANTIATE_ON_BOTH_STORES(OrgPathsTest);

}  // namespace
}  // namespace zj::test
