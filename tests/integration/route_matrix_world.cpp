#include "route_matrix_world.h"

#include <stdlib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "app/accounts/password.h"
#include "app/calendar/builtin_calendars.h"
#include "app/jobs/job_runner.h"
#include "members_fixture.h"
#include "store/service_requests.h"

namespace zj::test {

namespace bh = boost::beast::http;

namespace {

constexpr const char* kCallerPassword = "Matrix-Caller-Pass-2026";
constexpr const char* kUserPassword = "Matrix-Account-Pass-2026";
constexpr const char* kContactPhone = "13912345678";  //!< of every request made here
constexpr const char* kWage = "rights.wage_arrears";

std::string Id(std::int64_t id) { return std::to_string(id); }

//! RFC 3986 percent-encoding of everything but the unreserved characters.
std::string PercentEncoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Calendar2026() {
  for (const std::string_view text : app::BuiltinCalendarTexts()) {
    if (text.find("\nyear 2026\n") != std::string_view::npos) return std::string(text);
  }
  ADD_FAILURE() << "no shipped calendar for 2026";
  return {};
}

}  // namespace

void RouteMatrixTest::SetUp() {
  CoverageTest::SetUp();
  if (HasFatalFailure()) return;
  router_ = std::make_unique<http::Router>(*app_, http::ServerOptions{});
  // mkdtemp: a name of its own, never one that a run in another checkout picks at the same time
  std::string dir = (std::filesystem::temp_directory_path() / "zj-matrix-XXXXXX").string();
  ASSERT_NE(::mkdtemp(dir.data()), nullptr);
  files_ = dir;
  auto hash = app::HashPassword(kCallerPassword, app::PasswordCost::Minimum());
  ASSERT_OK(hash);
  password_hash_ = *hash;
  DefinePlaceholders();
}

void RouteMatrixTest::TearDown() {
  router_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(files_, ignored);
  CoverageTest::TearDown();
}

void RouteMatrixTest::BuildWorld() {
  // The 低保 lines of both districts for 2026, which the hardship files are measured against.
  for (const auto* streets : {&streets_a_, &streets_b_}) {
    const app::StandardInput standard{
        streets->at(0).code.substr(0, 6), 2026, 145000, std::nullopt, std::nullopt, "样例"};
    EXPECT_TRUE(app_->standards().Load(app::SystemActor(), standard).has_value());
  }
  LoadAidRules();
  a_ = MakePlace(district_a_, streets_a_, staff_a_, "A");
  b_ = MakePlace(district_b_, streets_b_, staff_b_, "B");
  // Transfers and imports reach across: A's transfer comes from B, B's stays inside B.
  a_.transfer = NewTransfer(b_.builder, b_, b_.union1, a_.union1);
  b_.transfer = NewTransfer(b_.builder, b_, b_.union2, b_.union1);
}

RouteMatrixTest::Place RouteMatrixTest::MakePlace(const OrgRef& district,
                                                  const std::vector<Street>& streets,
                                                  const app::Actor& builder,
                                                  const std::string& tag) {
  Place p;
  p.district = district;
  p.street = streets.at(0);
  p.street2 = streets.at(1);
  p.builder = builder;
  static constexpr store::Sql kName{"test.matrix.org_name", "SELECT name FROM orgs WHERE id = $1"};
  {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    auto rows = (**lease).Query(kName, Params(p.street.id));
    EXPECT_TRUE(rows.has_value() && rows->size() == 1u);
    if (rows && !rows->empty()) p.street_name = rows->front().Text(0);
  }
  p.union1 = NewUnion(p, p.street.id);
  p.union2 = NewUnion(p, p.street2.id);
  p.enterprise = NewEnterprise(p, p.union1);
  auto enterprise = app_->enterprises().Get(builder, p.enterprise);
  EXPECT_TRUE(enterprise.has_value());
  if (enterprise) p.enterprise_name = enterprise->row.name;
  p.member = NewMember(p, p.union1);
  const Filed request = NewRequest(p);
  p.request = request.id;
  p.request_tracking = request.tracking_number;
  // Uploaded and run as a job, as the web does: its report is rebuilt from the sealed upload.
  p.import = NewQueuedImport(p);
  {
    app::JobRunnerOptions options;
    options.workers = 0;
    app::JobRunner runner(*app_, options);
    EXPECT_EQ(runner.RunPending(), 1);
  }
  p.job = ExportJob(p);
  p.user = NewCadre(p);
  EXPECT_TRUE(app_->contacts().SetPhone(builder, p.user, "13800138000").has_value()) << tag;
  p.binding = NewBinding(p);
  NewHardshipFile(p);
  p.aid_grant = NewAidGrant(p, false);
  p.legal_case = NewLegalCase(p);
  p.lawyer = NewLawyer(p);
  p.competition = NewCompetition(p, 2);
  p.comp_entry = last_comp_entry_;
  p.activity = NewActivity(p, true);
  p.honour_round = NewHonourRound(p, 0);
  return p;
}

std::int64_t RouteMatrixTest::NewUnion(const Place& p, std::int64_t street_id) {
  const int n = Next();
  app::NewOrg org{"MX-U" + std::to_string(n),
                  "矩阵工会" + std::to_string(n),
                  "grassroots",
                  street_id,
                  std::nullopt,
                  {},
                  {},
                  {}};
  auto created = app_->orgs().Create(p.builder, org);
  EXPECT_TRUE(created.has_value()) << Describe(created.error());
  return created ? created->org.id : 0;
}

std::int64_t RouteMatrixTest::NewEnterprise(const Place& p, std::optional<std::int64_t> union_id) {
  app::NewEnterprise e = Enterprise(Next(), p.street.code, 40, union_id);
  e.name = "矩阵企业" + std::to_string(serial_);
  auto created = app_->enterprises().Create(p.builder, e);
  EXPECT_TRUE(created.has_value()) << Describe(created.error());
  return created ? created->row.id : 0;
}

std::string RouteMatrixTest::NewIdNumber() {
  // A distinct birth date and sequence per serial: valid, and never the same person twice.
  const int n = Next();
  const int k = n / 1000;
  const int month = 1 + (k / 30) % 12;
  const std::string birth =
      std::to_string(1970 + k % 30) + (month < 10 ? "0" : "") + std::to_string(month) + "15";
  return MakeIdNumber("110101", birth, n % 1000);
}

std::int64_t RouteMatrixTest::NewMember(const Place& p, std::int64_t union_id) {
  app::NewMember m;
  m.union_id = union_id;
  m.name = "张晓林";
  m.id_number = NewIdNumber();
  auto created = app_->members().Create(p.builder, m);
  EXPECT_TRUE(created.has_value()) << Describe(created.error());
  return created ? created->row.id : 0;
}

std::int64_t RouteMatrixTest::NewCadre(const Place& p) {
  const int n = Next();
  app::NewUser user{"mx.cadre" + std::to_string(n), "矩阵干部", kUserPassword, "cadre",
                    p.street.id};
  auto created = app_->users().Create(p.builder, user);
  EXPECT_TRUE(created.has_value()) << Describe(created.error());
  return created ? created->id : 0;
}

void RouteMatrixTest::NewHardshipFile(Place& p) {
  app::NewHardshipFile f;
  f.org_id = p.union1;
  f.year = 2026;
  f.main_cause = "illness";
  f.household.push_back({"self", "王秀英", NewIdNumber(), 0, std::nullopt});
  auto opened = app_->hardship().Open(p.builder, f);
  EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
  if (!opened) return;
  p.hardship_file = opened->file.row.id;
  p.hardship_person = opened->household.at(0).id;
}

std::string RouteMatrixTest::NewAddress() {
  const int n = Next();
  return "10.200." + std::to_string((n >> 8) & 255) + "." + std::to_string(n & 255);
}

app::WorkerSessionGrant RouteMatrixTest::SignInWorker(const std::string& phone,
                                                      const std::string& address) {
  auto sent = app_->sign_in().RequestCode(phone, address);
  EXPECT_TRUE(sent.has_value()) << Describe(sent.error());
  auto delivered = app::DeliverSms(*db_, clock_, app_->vault(), sms_);
  EXPECT_TRUE(delivered.has_value()) << Describe(delivered.error());
  std::string code;
  for (const auto& m : sms_.sent) {
    if (m.phone == phone) code = m.code;
  }
  auto grant = app_->sign_in().SignIn(phone, code, address);
  EXPECT_TRUE(grant.has_value()) << Describe(grant.error());
  return grant ? *grant : app::WorkerSessionGrant{};
}

std::string RouteMatrixTest::NewMemberWithPhone(const Place& p, const std::string& phone) {
  app::NewMember m;
  m.union_id = p.union1;
  m.name = "张晓林";
  m.id_number = NewIdNumber();
  m.phone = phone;
  auto created = app_->members().Create(p.builder, m);
  EXPECT_TRUE(created.has_value()) << Describe(created.error());
  return m.id_number;
}

std::int64_t RouteMatrixTest::NewBinding(const Place& p) {
  const std::string id_number = NewMemberWithPhone(p, NewWorkerPhone());
  const auto worker = SignInWorker(NewWorkerPhone(), NewAddress());
  auto asked = app_->bindings().Bind(worker.actor, "张晓林", id_number, NewAddress());
  EXPECT_TRUE(asked.has_value() && asked->pending.has_value());
  return asked && asked->pending ? asked->pending->id : 0;
}

std::int64_t RouteMatrixTest::NewCorrection(const Place& p) {
  const std::string phone = NewWorkerPhone();
  const std::string id_number = NewMemberWithPhone(p, phone);
  const auto worker = SignInWorker(phone, NewAddress());
  auto bound = app_->bindings().Bind(worker.actor, "张晓林", id_number, NewAddress());
  EXPECT_TRUE(bound.has_value() && bound->state == "bound");
  auto session = app_->sign_in().Authenticate(worker.token);
  EXPECT_TRUE(session.has_value());
  if (!session) return 0;
  auto proposed = app_->corrections().Propose(session->actor, {{"name", "张小林"}}, "名字写错了");
  EXPECT_TRUE(proposed.has_value() && proposed->size() == 1u);
  return proposed && !proposed->empty() ? proposed->front().row.id : 0;
}

std::string RouteMatrixTest::NewCardToken(const Place& p) {
  const std::string phone = NewWorkerPhone();
  const std::string id_number = NewMemberWithPhone(p, phone);
  const auto worker = SignInWorker(phone, NewAddress());
  auto bound = app_->bindings().Bind(worker.actor, "张晓林", id_number, NewAddress());
  EXPECT_TRUE(bound.has_value() && bound->state == "bound");
  auto session = app_->sign_in().Authenticate(worker.token);
  EXPECT_TRUE(session.has_value());
  if (!session) return "";
  auto card = app_->cards().MyCard(session->actor);
  EXPECT_TRUE(card.has_value()) << Describe(card.error());
  return card ? card->token : "";
}

std::int64_t RouteMatrixTest::OwnRequest(const Place& p, const Caller& caller, bool resolved) {
  if (caller.phone.empty()) return resolved ? NewResolvedRequest(p).id : NewRequest(p).id;
  const std::string body = nlohmann::json{{"category", kWage},
                                          {"title", "工资拖欠"},
                                          {"description", "三个月未发工资"},
                                          {"contact_name", "王师傅"},
                                          {"contact_phone", caller.phone},
                                          {"region_code", p.street.code}}
                               .dump();
  auto res = Send(caller, bh::verb::post, "/api/v1/portal/requests", body);
  EXPECT_EQ(res.result(), bh::status::created) << res.body();
  const auto sent = nlohmann::json::parse(res.body(), nullptr, false);
  const std::string tracking = sent.is_object() ? sent.value("tracking_number", "") : "";
  std::int64_t id = 0;
  {
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return 0;
    auto row = store::FindRequestByTracking(**lease, tracking);
    EXPECT_TRUE(row.has_value() && row->has_value()) << tracking;
    if (!row || !row->has_value()) return 0;
    id = (*row)->id;
  }
  if (resolved) {
    auto done = app_->requests().Act(p.builder, id, requests::Action::kResolve, "已补发");
    EXPECT_TRUE(done.has_value()) << Describe(done.error());
  }
  return id;
}

std::int64_t RouteMatrixTest::NewWorkerTransfer(const Place& p, const Caller& caller) {
  if (!caller.phone.empty()) {
    const std::string id_number = NewMemberWithPhone(p, caller.phone);
    const std::string bind = nlohmann::json{{"name", "张晓林"}, {"id_number", id_number}}.dump();
    auto bound = Send(caller, bh::verb::post, "/api/v1/me/binding", bind);
    EXPECT_EQ(bound.result(), bh::status::ok) << bound.body();
    const std::string ask =
        nlohmann::json{{"to_union_id", Id(p.union2)}, {"reason", "换工作了"}}.dump();
    auto res = Send(caller, bh::verb::post, "/api/v1/me/transfers", ask);
    EXPECT_EQ(res.result(), bh::status::created) << res.body();
    const auto sent = nlohmann::json::parse(res.body(), nullptr, false);
    return sent.is_object() ? std::stoll(sent.value("id", "0")) : 0;
  }
  const std::string phone = NewWorkerPhone();
  const std::string id_number = NewMemberWithPhone(p, phone);
  const auto worker = SignInWorker(phone, NewAddress());
  auto bound = app_->bindings().Bind(worker.actor, "张晓林", id_number, NewAddress());
  EXPECT_TRUE(bound.has_value() && bound->state == "bound");
  auto session = app_->sign_in().Authenticate(worker.token);
  EXPECT_TRUE(session.has_value());
  if (!session) return 0;
  auto asked = app_->transfers().AskByWorker(session->actor, p.union2, "换工作了", "");
  EXPECT_TRUE(asked.has_value()) << Describe(asked.error());
  return asked ? asked->row.id : 0;
}

std::int64_t RouteMatrixTest::NewNotification(const Place& p, const Caller& caller) {
  if (!caller.phone.empty()) {
    OwnRequest(p, caller, true);
    auto res = Send(caller, bh::verb::get, "/api/v1/me/notifications", "");
    const auto page = nlohmann::json::parse(res.body(), nullptr, false);
    EXPECT_TRUE(page.is_object() && !page["items"].empty()) << res.body();
    if (!page.is_object() || page["items"].empty()) return 0;
    return std::stoll(page["items"][0]["id"].get<std::string>());
  }
  const std::string phone = NewWorkerPhone();
  const auto worker = SignInWorker(phone, NewAddress());
  app::NewRequest in;
  in.channel = "portal";
  in.category = kWage;
  in.title = "工资拖欠";
  in.description = "三个月未发工资";
  in.contact_name = "王师傅";
  in.contact_phone = phone;
  in.region_code = p.street.code;
  auto made = app_->requests().Submit(worker.actor, in, NewAddress());
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  if (!made) return 0;
  auto accepted = app_->requests().Act(p.builder, made->row.id, requests::Action::kAccept, "");
  EXPECT_TRUE(accepted.has_value()) << Describe(accepted.error());
  auto page = app_->inbox().Page(worker.actor, 0, 1);
  EXPECT_TRUE(page.has_value() && !page->items.empty());
  return page && !page->items.empty() ? page->items[0].id : 0;
}

RouteMatrixTest::Filed RouteMatrixTest::NewRequest(const Place& p) {
  app::NewRequest in;
  in.channel = "hotline";
  in.category = kWage;
  in.title = "工资拖欠";
  in.description = "三个月未发工资";
  in.contact_name = "王师傅";
  in.contact_phone = kContactPhone;
  in.region_code = p.street.code;
  auto made = app_->requests().Submit(p.builder, in);
  EXPECT_TRUE(made.has_value()) << Describe(made.error());
  return made ? Filed{made->row.id, made->row.tracking_number} : Filed{};
}

RouteMatrixTest::Filed RouteMatrixTest::NewResolvedRequest(const Place& p) {
  const Filed filed = NewRequest(p);
  auto resolved = app_->requests().Act(p.builder, filed.id, requests::Action::kResolve, "已补发");
  EXPECT_TRUE(resolved.has_value()) << Describe(resolved.error());
  return filed;
}

std::int64_t RouteMatrixTest::NewTransfer(const app::Actor& sender, const Place& from,
                                          std::int64_t from_union, std::int64_t to_union) {
  const std::int64_t member = NewMember(from, from_union);
  auto asked = app_->transfers().RequestFromSender(sender, member, to_union, "调动工作");
  EXPECT_TRUE(asked.has_value()) << Describe(asked.error());
  return asked ? asked->row.id : 0;
}

std::int64_t RouteMatrixTest::Import(const app::Actor& actor, std::int64_t union_id,
                                     const std::string& csv) {
  const std::string path = (files_ / ("roster-" + std::to_string(Next()) + ".csv")).string();
  std::ofstream(path, std::ios::binary) << csv;
  auto run =
      app_->roster_imports().Run(actor, {union_id, path, "roster.csv", "valid-rows", "", path});
  EXPECT_TRUE(run.has_value()) << Describe(run.error());
  return run ? run->run.id : 0;
}

std::int64_t RouteMatrixTest::NewQueuedImport(const Place& p) {
  auto upload = app_->jobs().NewUpload();
  EXPECT_TRUE(upload.has_value()) << Describe(upload.error());
  if (!upload) return 0;
  EXPECT_TRUE(upload->writer->Append("姓名,身份证号\n李明," + NewIdNumber() + "\n").has_value());
  EXPECT_TRUE(upload->writer->Finish().has_value());
  app::MemberImportJobRequest req;
  req.union_id = p.union1;
  req.file_name = "roster.csv";
  auto job = app_->jobs().SubmitMemberImport(p.builder, req, std::move(*upload));
  EXPECT_TRUE(job.has_value()) << Describe(job.error());
  return job ? job->id : 0;
}

std::int64_t RouteMatrixTest::ExportJob(const Place& p) {
  // Every export is a job for a service whose limit is 0 rows.
  app::JobsConfig config = app_->jobs().config();
  config.export_job_rows = 0;
  app::JobService jobs(*db_, clock_, random_, app_->vault(), app_->audit(), config);
  app::MemberExportJobRequest req;
  req.org_id = p.union1;
  req.xlsx = false;
  auto queued = jobs.SubmitMemberExport(p.builder, req);
  EXPECT_TRUE(queued.has_value() && queued->has_value());
  if (!queued || !queued->has_value()) return 0;
  app::JobRunnerOptions options;
  options.workers = 0;
  app::JobRunner runner(*app_, options);
  EXPECT_EQ(runner.RunPending(), 1);
  return (*queued)->id;
}

Caller RouteMatrixTest::NewCaller(const std::string& role) {
  static constexpr store::Sql kInsert{
      "test.matrix.caller",
      "INSERT INTO users (id, username, display_name, password_hash, role, org_id, status,"
      " created_at) VALUES ($1, $2, $3, $4, $5, $6, 'active', $7)"};
  const int n = Next();
  Caller c;
  c.role = role;
  c.username = "mx" + std::to_string(n) + "." + role;
  c.password = kCallerPassword;
  c.address = "10." + std::to_string((n >> 16) & 255) + "." + std::to_string((n >> 8) & 255) + "." +
              std::to_string(n & 255);
  const bool anonymous = role == "anonymous";
  const bool worker = role == "worker";
  {
    // A worker's console account is of the retired role (its console sign-in is refused); the
    // anonymous caller's is an operator's that it never signs in with, but the sign-in row uses.
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    const std::vector<store::Value> p{app::NewId(clock_, random_),
                                      c.username,
                                      "矩阵" + role,
                                      password_hash_,
                                      anonymous ? std::string("operator") : role,
                                      worker ? store::Value() : store::Value(district_a_.id),
                                      clock_.NowMs()};
    auto inserted = (**lease).Execute(kInsert, p);
    EXPECT_TRUE(inserted.has_value()) << Describe(inserted.error());
  }
  if (anonymous) return c;
  if (worker) {
    c.phone = NewWorkerPhone();
    const auto grant = SignInWorker(c.phone, c.address);
    c.cookie = "zj_worker=" + grant.token;
    c.csrf = grant.csrf_token;
    return c;
  }
  auto res = Send(c, bh::verb::post, "/api/v1/session",
                  nlohmann::json{{"username", c.username}, {"password", c.password}}.dump());
  EXPECT_EQ(res.result(), bh::status::ok) << c.username << ": " << res.body();
  const std::string set_cookie(res[bh::field::set_cookie]);
  c.cookie = set_cookie.substr(0, set_cookie.find(';'));
  const auto body = nlohmann::json::parse(res.body(), nullptr, false);
  c.csrf = body.is_object() ? body.value("csrf_token", "") : "";
  return c;
}

http::Response RouteMatrixTest::Send(const Caller& caller, bh::verb method,
                                     const std::string& target, const std::string& body) {
  http::Request req{method, target, 11};
  if (!caller.cookie.empty()) {
    req.set(bh::field::cookie, caller.cookie);
    req.set("X-CSRF-Token", caller.csrf);
  }
  if (!body.empty()) {
    req.set(bh::field::content_type,
            body.front() == '{' ? "application/json" : "text/plain; charset=utf-8");
    req.body() = body;
  }
  req.prepare_payload();
  return router_->Handle(req, http::Peer{caller.address}).response;
}

std::string RouteMatrixTest::Fill(std::string_view text, Case& c, bool in_target) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('{', pos);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const bool is_name = !name.empty() && name.find_first_not_of(
                                              "abcdefghijklmnopqrstuvwxyz0123"
                                              "456789_") == std::string::npos;
    out.append(text.substr(pos, open - pos));
    if (!is_name) {  // JSON's own braces
      out += '{';
      pos = open + 1;
      continue;
    }
    auto value = c.values.find(name);
    if (value == c.values.end()) {
      const auto filler = placeholders_.find(name);
      if (filler == placeholders_.end()) {
        ADD_FAILURE() << "unknown placeholder {" << name << "} in " << text;
        out.append(text.substr(open, close - open + 1));
        pos = close + 1;
        continue;
      }
      value = c.values.emplace(name, filler->second(PlaceOf(c.side), c.side, c.caller)).first;
    }
    out += in_target ? PercentEncoded(value->second) : value->second;
    pos = close + 1;
  }
  out.append(text.substr(std::min(pos, text.size())));
  return out;
}

void RouteMatrixTest::DefinePlaceholders() {
  auto& f = placeholders_;
  // The caller's own account (for signing in and changing the own password).
  f["me"] = [](const Place&, Side, const Caller& c) { return c.username; };
  f["my_password"] = [](const Place&, Side, const Caller& c) { return c.password; };
  f["serial"] = [this](const Place&, Side, const Caller&) { return std::to_string(Next()); };
  f["new_phone"] = [this](const Place&, Side, const Caller&) {
    return "139" + std::to_string(10000000 + Next());
  };
  f["phone_last4"] = [](const Place&, Side, const Caller&) {
    return std::string(kContactPhone).substr(7);
  };
  f["calendar_2026"] = [](const Place&, Side, const Caller&) { return Calendar2026(); };

  // The side's shared objects.
  f["district"] = [](const Place& p, Side, const Caller&) { return Id(p.district.id); };
  f["district_name"] = [](const Place& p, Side, const Caller&) { return p.district.name; };
  f["street"] = [](const Place& p, Side, const Caller&) { return Id(p.street.id); };
  f["street2"] = [](const Place& p, Side, const Caller&) { return Id(p.street2.id); };
  f["street_code"] = [](const Place& p, Side, const Caller&) { return p.street.code; };
  f["street_name"] = [](const Place& p, Side, const Caller&) { return p.street_name; };
  f["union"] = [](const Place& p, Side, const Caller&) { return Id(p.union1); };
  f["union2"] = [](const Place& p, Side, const Caller&) { return Id(p.union2); };
  f["enterprise"] = [](const Place& p, Side, const Caller&) { return Id(p.enterprise); };
  f["enterprise_name"] = [](const Place& p, Side, const Caller&) { return p.enterprise_name; };
  f["member"] = [](const Place& p, Side, const Caller&) { return Id(p.member); };
  f["request"] = [](const Place& p, Side, const Caller&) { return Id(p.request); };
  f["transfer"] = [](const Place& p, Side, const Caller&) { return Id(p.transfer); };
  f["import"] = [](const Place& p, Side, const Caller&) { return Id(p.import); };
  f["job"] = [](const Place& p, Side, const Caller&) { return Id(p.job); };
  f["user"] = [](const Place& p, Side, const Caller&) { return Id(p.user); };
  f["request_tracking"] = [](const Place& p, Side, const Caller&) { return p.request_tracking; };
  f["binding"] = [](const Place& p, Side, const Caller&) { return Id(p.binding); };
  f["hardship_file"] = [](const Place& p, Side, const Caller&) { return Id(p.hardship_file); };
  f["hardship_person"] = [](const Place& p, Side, const Caller&) { return Id(p.hardship_person); };
  f["new_hardship_file"] = [this](const Place& p, Side, const Caller&) {
    Place fresh = p;  // a file of its own, just opened: closing or a step uses it up
    NewHardshipFile(fresh);
    return Id(fresh.hardship_file);
  };
  DefineAidPlaceholders();
  DefineLegalPlaceholders();
  DefineCompetitionPlaceholders();
  DefineActivityPlaceholders();
  DefineMutualAidPlaceholders();
  DefineTrainingPlaceholders();
  DefineTalentPlaceholders();

  // Workers' own things. A worker's "in" is their own; "out" is the side's, someone else's.
  f["new_sign_in"] = [this](const Place&, Side, const Caller&) {
    const std::string phone = NewWorkerPhone();
    auto sent = app_->sign_in().RequestCode(phone, NewAddress());
    EXPECT_TRUE(sent.has_value()) << Describe(sent.error());
    EXPECT_TRUE(app::DeliverSms(*db_, clock_, app_->vault(), sms_).has_value());
    std::string code;
    for (const auto& m : sms_.sent) {
      if (m.phone == phone) code = m.code;
    }
    return R"("phone":")" + phone + R"(","code":")" + code + '"';
  };
  // A new member of the side with the worker's phone (name 张晓林), to bind to: its ID number.
  f["own_id_number"] = [this](const Place& p, Side, const Caller& c) {
    return NewMemberWithPhone(p, c.phone.empty() ? NewWorkerPhone() : c.phone);
  };
  // Binds a worker caller to a new member of the side with its phone; writes nothing.
  f["as_member"] = [this](const Place& p, Side, const Caller& c) {
    if (c.phone.empty()) return std::string();
    const std::string id_number = NewMemberWithPhone(p, c.phone);
    const std::string body = nlohmann::json{{"name", "张晓林"}, {"id_number", id_number}}.dump();
    auto res = Send(c, bh::verb::post, "/api/v1/me/binding", body);
    EXPECT_EQ(res.result(), bh::status::ok) << res.body();
    return std::string();
  };
  // A minute passes: the phone may be sent another code (one a minute); writes nothing.
  f["a_minute_later"] = [this](const Place&, Side, const Caller&) {
    clock_.Advance(60'000);
    return std::string();
  };
  // A fresh code sent to a worker caller's phone (after a minute), as My data's reveal asks.
  f["my_reveal_code"] = [this](const Place&, Side, const Caller& c) {
    if (c.phone.empty()) return std::string("000000");
    clock_.Advance(60'000);
    auto sent = app_->sign_in().RequestCode(c.phone, NewAddress());
    EXPECT_TRUE(sent.has_value()) << Describe(sent.error());
    EXPECT_TRUE(app::DeliverSms(*db_, clock_, app_->vault(), sms_).has_value());
    std::string code;
    for (const auto& m : sms_.sent) {
      if (m.phone == c.phone) code = m.code;
    }
    return code;
  };
  f["my_request"] = [this](const Place& p, Side side, const Caller& c) {
    return Id(side == Side::kIn ? OwnRequest(p, c, false) : NewRequest(p).id);
  };
  f["my_resolved_request"] = [this](const Place& p, Side side, const Caller& c) {
    return Id(side == Side::kIn ? OwnRequest(p, c, true) : NewResolvedRequest(p).id);
  };
  f["my_notification"] = [this](const Place& p, Side side, const Caller& c) {
    return Id(NewNotification(p, side == Side::kIn ? c : Caller{}));
  };
  f["my_transfer"] = [this](const Place& p, Side side, const Caller& c) {
    return Id(NewWorkerTransfer(p, side == Side::kIn ? c : Caller{}));
  };
  f["new_binding"] = [this](const Place& p, Side, const Caller&) { return Id(NewBinding(p)); };
  f["card_token"] = [this](const Place& p, Side, const Caller&) { return NewCardToken(p); };
  f["new_correction"] = [this](const Place& p, Side, const Caller&) {
    return Id(NewCorrection(p));
  };

  // Fresh objects on the side, made for one case.
  f["new_union"] = [this](const Place& p, Side, const Caller&) {
    return Id(NewUnion(p, p.street.id));
  };
  f["new_enterprise"] = [this](const Place& p, Side, const Caller&) {
    return Id(NewEnterprise(p, std::nullopt));
  };
  f["new_member"] = [this](const Place& p, Side, const Caller&) {
    return Id(NewMember(p, p.union1));
  };
  f["new_user"] = [this](const Place& p, Side, const Caller&) { return Id(NewCadre(p)); };
  f["new_id_number"] = [this](const Place&, Side, const Caller&) { return NewIdNumber(); };
  f["new_uscc"] = [this](const Place&, Side, const Caller&) { return Uscc(Next()); };
  f["new_roster"] = [this](const Place&, Side, const Caller&) {
    return "姓名,身份证号\n李秀英," + NewIdNumber() + "\n";
  };
  f["new_request"] = [this](const Place& p, Side, const Caller&) { return Id(NewRequest(p).id); };
  f["new_tracking_number"] = [this](const Place& p, Side, const Caller&) {
    return NewRequest(p).tracking_number;
  };
  f["new_resolved_tracking_number"] = [this](const Place& p, Side, const Caller&) {
    return NewResolvedRequest(p).tracking_number;
  };
  // A request rated 1 after it was resolved: its org owes a follow-up visit (回访).
  f["new_follow_up_request"] = [this](const Place& p, Side, const Caller&) {
    const Filed filed = NewResolvedRequest(p);
    auto rated = app_->requests().Rate(filed.tracking_number, std::string(kContactPhone).substr(7),
                                       1, "", "198.51.100.1");
    EXPECT_TRUE(rated.has_value()) << Describe(rated.error());
    return Id(filed.id);
  };
  // Pending, union1 receiving: in A from B's union1, in B from B's union2 (B's alone).
  f["new_incoming_transfer"] = [this](const Place&, Side side, const Caller&) {
    return Id(side == Side::kIn ? NewTransfer(b_.builder, b_, b_.union1, a_.union1)
                                : NewTransfer(b_.builder, b_, b_.union2, b_.union1));
  };
  // Pending, asked by the side's union1: in A to B's union1, in B to B's union2.
  f["new_outgoing_transfer"] = [this](const Place& p, Side side, const Caller&) {
    return Id(NewTransfer(p.builder, p, p.union1, side == Side::kIn ? b_.union1 : b_.union2));
  };
  f["new_queued_import"] = [this](const Place& p, Side, const Caller&) {
    return Id(NewQueuedImport(p));
  };
  // An import into union1 of a person active in another union: a transfer candidate.
  f["new_candidate_import"] = [this](const Place& p, Side side, const Caller&) {
    const std::string id_number = NewIdNumber();
    app::NewMember m;
    m.union_id = side == Side::kIn ? b_.union1 : b_.union2;
    m.name = "赵丽华";
    m.id_number = id_number;
    auto elsewhere = app_->members().Create(b_.builder, m);
    EXPECT_TRUE(elsewhere.has_value()) << Describe(elsewhere.error());
    return Id(Import(p.builder, p.union1, "姓名,身份证号\n赵丽华," + id_number + "\n"));
  };
}

}  // namespace zj::test
