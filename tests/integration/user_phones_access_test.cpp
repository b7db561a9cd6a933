// Who may see, set and reveal an account's phone, on both stores: its owner, and whoever manages
// the account (core/accounts/roles.h CanManage, within their subtree). A cadre sees no one's but
// their own, staff no worker's and no administrator's; for everyone else the account does not
// exist (404), and a refused reveal is audited as denied. Also: /readyz tells anyone only that
// the service is not ready, never why.
#include <nlohmann/json.hpp>

#include "http/router.h"
#include "scoped_actors.h"
#include "store/audit.h"

namespace zj::test {
namespace {

namespace bh = boost::beast::http;

class UserPhonesAccessTest : public ScopedActorsTest {
 protected:
  //! Sets `user`'s phone as the administrator (who manages every account).
  void GivePhone(const app::Actor& user, const std::string& phone) {
    const auto admin = MakeUser("root-admin-" + user.username, "admin", root_);
    ASSERT_OK(app_->contacts().SetPhone(admin, user.user_id, phone));
  }

  //! Whether `actor` can read, set, reveal and find `user`'s phone; all four must agree.
  bool Reaches(const app::Actor& actor, const app::Actor& user, const std::string& phone) {
    const bool get = app_->contacts().Get(actor, user.user_id).has_value();
    const bool reveal = app_->contacts().RevealPhone(actor, user.user_id, "核实身份").has_value();
    auto found = app_->contacts().FindByPhone(actor, phone);
    EXPECT_TRUE(found.has_value());
    bool listed = false;
    for (const auto& c : *found) listed = listed || c.user_id == user.user_id;
    const bool set = app_->contacts().SetPhone(actor, user.user_id, phone).has_value();
    EXPECT_EQ(get, reveal) << actor.username << " → " << user.username;
    EXPECT_EQ(get, listed) << actor.username << " → " << user.username;
    EXPECT_EQ(get, set) << actor.username << " → " << user.username;
    return get && reveal && listed && set;
  }

  std::int64_t DeniedReveals() {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    store::AuditQuery q;
    q.path_low = "";
    q.path_high = "~";
    q.include_system = true;
    q.action = "personal_data.reveal";
    q.limit = 100;
    auto rows = store::SearchAudit(**lease, q);
    EXPECT_TRUE(rows.has_value());
    std::int64_t denied = 0;
    for (const auto& r : *rows) denied += r.outcome == "denied";
    return denied;
  }
};

TEST_P(UserPhonesAccessTest, ACadreReachesOnlyTheirOwnPhone) {
  const auto cadre = MakeUser("cadre-d", "cadre", district_a_);
  const auto other_cadre = MakeUser("cadre-s", "cadre", street_a_);
  const auto operator_ = MakeUser("operator-s", "operator", street_a_);
  const auto staff = MakeUser("staff-s", "staff", street_a_);
  const auto worker = MakeUser("worker-s", "worker", street_a_);
  int n = 0;
  for (const auto* user : {&other_cadre, &operator_, &staff, &worker}) {
    const std::string phone = "1380000000" + std::to_string(n++);
    GivePhone(*user, phone);
    EXPECT_FALSE(Reaches(cadre, *user, phone)) << user->username;
  }
  EXPECT_EQ(DeniedReveals(), 4);  // every refused reveal is in the audit log
  GivePhone(cadre, "13900000000");
  EXPECT_TRUE(Reaches(cadre, cadre, "13900000000"));
}

TEST_P(UserPhonesAccessTest, StaffReachTheAccountsTheyManageInTheirSubtreeAndNoOthers) {
  const auto staff = MakeUser("staff-d", "staff", district_a_);
  const auto cadre = MakeUser("cadre-s", "cadre", street_a_);
  const auto operator_ = MakeUser("operator-s", "operator", street_a_);
  const auto peer = MakeUser("staff-s", "staff", street_a_);
  const auto worker = MakeUser("worker-s", "worker", street_a_);
  const auto admin = MakeUser("admin-s", "admin", street_a_);
  const auto elsewhere = MakeUser("cadre-b", "cadre", district_b_);
  GivePhone(cadre, "13800000001");
  GivePhone(operator_, "13800000002");
  GivePhone(peer, "13800000003");
  GivePhone(worker, "13800000004");
  GivePhone(admin, "13800000005");
  GivePhone(elsewhere, "13800000006");
  EXPECT_TRUE(Reaches(staff, cadre, "13800000001"));
  EXPECT_TRUE(Reaches(staff, operator_, "13800000002"));
  EXPECT_TRUE(Reaches(staff, peer, "13800000003"));
  EXPECT_FALSE(Reaches(staff, worker, "13800000004"));
  EXPECT_FALSE(Reaches(staff, admin, "13800000005"));
  EXPECT_FALSE(Reaches(staff, elsewhere, "13800000006"));
}

TEST_P(UserPhonesAccessTest, AnAdministratorReachesEveryAccountAWorkerOnlyTheirOwn) {
  const auto admin = MakeUser("admin-root", "admin", root_);
  const auto worker = MakeUser("worker-free", "worker", std::nullopt);  // a portal account
  const auto cadre = MakeUser("cadre-s", "cadre", street_a_);
  GivePhone(worker, "13800000001");
  GivePhone(cadre, "13800000002");
  EXPECT_TRUE(Reaches(admin, worker, "13800000001"));
  EXPECT_TRUE(Reaches(admin, cadre, "13800000002"));
  EXPECT_TRUE(Reaches(worker, worker, "13800000001"));
  EXPECT_FALSE(Reaches(worker, cadre, "13800000002"));
}

TEST_P(UserPhonesAccessTest, ACadreGets404FromThePhoneRoutesOfAnotherAccount) {
  const auto staff = MakeUser("staff-s", "staff", street_a_);
  GivePhone(staff, "13800000001");
  ASSERT_OK(app_->users().Create(
      app::SystemActor(),
      app::NewUser{"cadre.http", "Cadre", "Cadre-Http-Pass-2026", "cadre", street_a_.id}));
  http::Router router(*app_, {});
  const auto send = [&](bh::verb verb, const std::string& target, const std::string& body,
                        const std::string& cookie, const std::string& csrf) {
    http::Request req{verb, target, 11};
    req.set(bh::field::content_type, "application/json");
    if (!cookie.empty()) req.set(bh::field::cookie, cookie);
    if (!csrf.empty()) req.set("X-CSRF-Token", csrf);
    req.body() = body;
    req.prepare_payload();
    return router.Handle(req, http::Peer{"192.0.2.7"}).response;
  };
  auto login = send(bh::verb::post, "/api/v1/session",
                    R"({"username":"cadre.http","password":"Cadre-Http-Pass-2026"})", "", "");
  ASSERT_EQ(login.result(), bh::status::ok) << login.body();
  const std::string set_cookie(login[bh::field::set_cookie]);
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string csrf = nlohmann::json::parse(login.body()).value("csrf_token", "");
  const std::string id = std::to_string(staff.user_id);
  EXPECT_EQ(send(bh::verb::put, "/api/v1/users/" + id + "/phone", R"({"phone":"13900000000"})",
                 cookie, csrf)
                .result(),
            bh::status::not_found);
  EXPECT_EQ(send(bh::verb::post, "/api/v1/users/" + id + "/phone/reveal", R"({"reason":"看看"})",
                 cookie, csrf)
                .result(),
            bh::status::not_found);
}

TEST_P(UserPhonesAccessTest, ReadinessTellsAnyoneOnlyThatTheServiceIsNotReady) {
  static constexpr store::Sql kHide{"test.hide_migrations",
                                    "ALTER TABLE schema_migrations RENAME TO hidden_migrations"};
  {
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    ASSERT_OK((**lease).Execute(kHide, {}));
  }
  http::Router router(*app_, {});
  for (const char* language : {"zh-CN", "en"}) {
    http::Request req{bh::verb::get, "/readyz", 11};
    req.set(bh::field::accept_language, language);
    const auto res = router.Handle(req, http::Peer{"192.0.2.7"}).response;
    EXPECT_EQ(res.result(), bh::status::service_unavailable);
    const auto body = nlohmann::json::parse(res.body());
    EXPECT_EQ(body.value("code", ""), "error.not_ready");
    EXPECT_EQ(body.value("detail", ""),
              i18n::Translate(i18n::NegotiateLocale(language), "error.not_ready", {}));
    // Neither the store's words nor what it found: the log has them.
    for (const char* hidden : {"schema", "migrat", "version", "数据库", "版本"}) {
      EXPECT_EQ(res.body().find(hidden), std::string::npos) << hidden << ": " << res.body();
    }
  }
}

ZJ_INSTANTIATE_ON_BOTH_STORES(UserPhonesAccessTest);

}  // namespace
}  // namespace zj::test
