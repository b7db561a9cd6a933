// The role × route matrix's competitions world (issue 21): a competition of each side's district
// (made by the side's builder) with one group of enterprises and the side's enterprise enrolled,
// and fresh ones per case: still enrolling, with an entry (its id kept for {its_entry}), or with
// its list frozen.
#include "app/certificates/certificate_service.h"
#include "app/competitions/honour_service.h"
#include "route_matrix_world.h"
#include "store/orgs.h"
#include "store/worker_accounts.h"

namespace zj::test {

namespace {

app::NewCompetition MatrixCompetition(std::int64_t org_id) {
  app::NewCompetition c;
  c.org_id = org_id;
  c.title = "园区劳动竞赛";
  c.groups = {{"enterprises", "企业组", "enterprise", {{{"effect", "实际效果", 10000, 100}}}}};
  c.veto_items = {{"wage_arrears", "拖欠工资"}};
  return c;
}

}  // namespace

std::int64_t RouteMatrixTest::NewCompetition(const Place& p, int stage) {
  auto made = app_->competitions().Create(p.builder, MatrixCompetition(p.district.id));
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  if (!made) return 0;
  const std::int64_t id = made->row.id;
  if (stage == 0) return id;
  auto entered =
      app_->competitions().Enrol(p.builder, id, {"enterprises", p.enterprise, {}, "", {}});
  EXPECT_TRUE(entered.has_value()) << Describe(entered.error());
  if (entered) last_comp_entry_ = entered->row.id;
  if (stage == 2) {
    auto frozen = app_->competitions().Freeze(p.builder, id);
    EXPECT_TRUE(frozen.has_value()) << Describe(frozen.error());
  }
  return id;
}

std::int64_t RouteMatrixTest::NewHonourRound(const Place& p, int stage) {
  app::HonourService honours(*db_, clock_, random_, app_->audit());
  app::NewHonourRound in;
  in.org_id = p.district.id;
  in.title = "五一劳动奖章评选";
  in.year = 2026;
  in.rules_text = "woman,>=,30\nfrontline,>=,50\n";
  in.opens_on = "2026-11-01";
  in.closes_on = "2026-12-31";
  auto made = honours.CreateRound(p.builder, in);
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  if (!made) return 0;
  const std::int64_t id = made->row.id;
  if (stage == 0) return id;
  app::NewNomination n;
  n.org_id = p.street.id;
  n.member_id = p.member;
  auto listed = honours.Nominate(p.builder, id, n);
  EXPECT_TRUE(listed.has_value()) << Describe(listed.error());
  if (!listed || listed->items.empty()) return id;
  last_nomination_ = listed->items.front().row.id;
  if (stage == 2) {
    auto sent = honours.Forward(p.builder, id, p.street.id, "名额结构暂不满足，先行上报");
    EXPECT_TRUE(sent.has_value()) << Describe(sent.error());
  }
  return id;
}

std::int64_t RouteMatrixTest::NewCertificate(const Place& p, std::optional<std::int64_t> member) {
  auto lease = db_->Acquire();
  EXPECT_TRUE(lease.has_value());
  if (!lease) return 0;
  app::NewCertificate in;
  auto district = store::FindOrgById(**lease, p.district.id);
  EXPECT_TRUE(district.has_value() && district->has_value());
  if (!district || !*district) return 0;
  in.federation_id = (*district)->federation_id;
  in.org_id = p.district.id;
  in.org_path = p.district.path;
  in.source_id = p.comp_entry;
  in.member_id = member;
  in.holder_kind = member ? "member" : "enterprise";
  in.holder_name = member ? "张晓林" : p.enterprise_name;
  in.title = "园区劳动竞赛";
  in.award = "企业组";
  in.place = 1;
  auto issued = app::IssueCertificate(**lease, clock_, random_, in);
  EXPECT_TRUE(issued.has_value()) << Describe(issued.error());
  if (!issued) return 0;
  last_cert_code_ = issued->code;
  return issued->id;
}

std::int64_t RouteMatrixTest::BindCaller(const Place& p, const Caller& c) {
  const std::string id_number = NewMemberWithPhone(p, c.phone);
  const std::string body = nlohmann::json{{"name", "张晓林"}, {"id_number", id_number}}.dump();
  auto res = Send(c, boost::beast::http::verb::post, "/api/v1/me/binding", body);
  EXPECT_EQ(res.result(), boost::beast::http::status::ok) << res.body();
  auto session = app_->sign_in().Authenticate(c.cookie.substr(c.cookie.find('=') + 1));
  EXPECT_TRUE(session.has_value());
  if (!session || !session->actor.worker_id) return 0;
  auto lease = db_->Acquire();
  EXPECT_TRUE(lease.has_value());
  if (!lease) return 0;
  auto account = store::FindWorkerAccount(**lease, *session->actor.worker_id);
  EXPECT_TRUE(account.has_value() && account->has_value());
  return account && *account ? (*account)->member_id.value_or(0) : 0;
}

void RouteMatrixTest::DefineCompetitionPlaceholders() {
  auto& f = placeholders_;
  // Certificates (slice 4): one of the side's, by id or by code (filled left to right).
  f["new_certificate"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewCertificate(p, std::nullopt));
  };
  f["new_certificate_code"] = [this](const Place& p, Side, const Caller&) {
    NewCertificate(p, std::nullopt);
    return last_cert_code_;
  };
  // A worker caller's own certificate on the "in" side (the caller bound to a new member of
  // district A); on the "out" side, and for anyone else, a certificate of someone else's.
  f["my_certificate"] = [this](const Place& p, Side side, const Caller& c) {
    std::optional<std::int64_t> member;
    if (!c.phone.empty()) {
      const std::int64_t bound = BindCaller(PlaceOf(Side::kIn), c);
      if (side == Side::kIn) member = bound;
    }
    return std::to_string(NewCertificate(p, member));
  };
  // A new competition of the side's district with an individual group, open to enrol; a worker
  // caller is bound to a new member of district A first, so the "out" competition is not theirs.
  f["new_open_competition"] = [this](const Place& p, Side, const Caller& c) {
    if (!c.phone.empty()) BindCaller(PlaceOf(Side::kIn), c);
    app::NewCompetition in = MatrixCompetition(p.district.id);
    in.groups.push_back(
        {"workers", "个人组", "individual", {{{"effect", "实际效果", 10000, 100}}}});
    auto made = app_->competitions().Create(p.builder, in);
    EXPECT_TRUE(made.has_value()) << Describe(made.error());
    return made ? std::to_string(made->row.id) : std::string("0");
  };
  f["competition"] = [](const Place& p, Side, const Caller&) {
    return std::to_string(p.competition);
  };
  f["comp_entry"] = [](const Place& p, Side, const Caller&) {
    return std::to_string(p.comp_entry);
  };
  f["new_competition"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewCompetition(p, 0));
  };
  // Filled left to right: the competition first, then the entry it was made with.
  f["new_comp_with_entry"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewCompetition(p, 1));
  };
  f["its_entry"] = [this](const Place&, Side, const Caller&) {
    return std::to_string(last_comp_entry_);
  };
  f["new_frozen_competition"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewCompetition(p, 2));
  };
  // Honour rounds (slice 5): the district's own, fresh ones, and nominations in them.
  f["honour_round"] = [](const Place& p, Side, const Caller&) {
    return std::to_string(p.honour_round);
  };
  f["new_honour_round"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewHonourRound(p, 0));
  };
  f["new_round_with_nomination"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewHonourRound(p, 1));
  };
  f["new_nomination"] = [this](const Place& p, Side, const Caller&) {
    NewHonourRound(p, 1);
    return std::to_string(last_nomination_);
  };
  f["new_forwarded_nomination"] = [this](const Place& p, Side, const Caller&) {
    NewHonourRound(p, 2);
    return std::to_string(last_nomination_);
  };
}

}  // namespace zj::test
