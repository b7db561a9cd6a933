// Training (issue 22): the organiser's GET/POST /api/v1/courses, GET/POST
// /api/v1/courses/:id/classes, GET /api/v1/classes/:id (sessions, enrolments with attendance,
// assessments), GET/POST /api/v1/classes/:id/sessions, POST /api/v1/sessions/:id/check-ins (a
// batch of card scans, as an activity's), GET/POST /api/v1/classes/:id/assessments; the worker's
// GET /api/v1/me/training (classes open to me and mine, my training certificates with expiry)
// and POST /api/v1/me/classes/:id/registration. Who may do what is app/training's; here only
// JSON, every input bounded. Ids are decimal strings, instants Unix ms.
#include <algorithm>

#include "app/training/my_training.h"
#include "app/training/session_check_ins.h"
#include "app/training/training_service.h"
#include "http/route.h"
#include "http/routes/scans_json.h"

namespace zj::http {

namespace {

app::Random& CallRandom() {
  thread_local app::SecureRandom random;
  return random;
}

app::TrainingService Training(Call& call) {
  return {call.app.db(), call.app.clock(), CallRandom(), call.app.audit()};
}

app::MyTrainingService MyTraining(Call& call) {
  return {call.app.db(), call.app.clock(), CallRandom()};
}

//! One past the use case's bound, so the use case names the field.
std::string Text(const nlohmann::json& body, const std::string& field, std::size_t max,
                 Error& invalid) {
  std::string v = RequireString(body, field, invalid);
  if (v.size() > max) v.resize(max + 1);
  return v;
}

int SmallInt(const nlohmann::json& body, const std::string& field, int fallback, Error& invalid) {
  const auto v = OptionalInteger(body, field, invalid);
  if (!v) return fallback;
  return static_cast<int>(std::clamp<std::int64_t>(*v, -1, 10'000'000));
}

std::int64_t Instant(const nlohmann::json& body, const std::string& field, Error& invalid) {
  const auto v = OptionalInteger(body, field, invalid);
  if (!v) invalid.fields.push_back({field, "error.field.required", {}});
  return v.value_or(0);
}

void WriteCourse(JsonWriter& w, const store::CourseRow& c) {
  w.Object().Key("id").Id(c.id).Key("org_id").Id(c.org_id).Key("kind").Str(c.kind);
  w.Key("title").Str(c.title).Key("trade").OptStr(c.trade).Key("level_awarded");
  w.OptInt(c.level_awarded ? std::optional<std::int64_t>(*c.level_awarded) : std::nullopt);
  w.Key("certificate_valid_months").Int(c.certificate_valid_months);
  w.Key("remind_days_before").Int(c.remind_days_before);
  w.Key("min_attendance_percent").Int(c.min_attendance_percent);
  w.Key("created_at").Int(c.created_at).EndObject();
}

void WriteClass(JsonWriter& w, const store::ClassRow& k) {
  w.Object().Key("id").Id(k.id).Key("course_id").Id(k.course_id).Key("org_id").Id(k.org_id);
  w.Key("title").Str(k.title).Key("place").Str(k.place);
  w.Key("starts_at").Int(k.starts_at).Key("ends_at").Int(k.ends_at);
  w.Key("opens_at").Int(k.opens_at).Key("closes_at").Int(k.closes_at);
  w.Key("capacity").Int(k.capacity).Key("waitlist_max");
  w.OptInt(k.waitlist_max ? std::optional<std::int64_t>(*k.waitlist_max) : std::nullopt);
  w.Key("status").Str(k.status).Key("seats_taken").Int(k.seats_taken);
  w.Key("waitlisted").Int(k.waitlisted).Key("sessions").Int(k.sessions);
  w.Key("created_at").Int(k.created_at).EndObject();
}

void WriteSession(JsonWriter& w, const store::ClassSessionRow& s) {
  w.Object().Key("id").Id(s.id).Key("class_id").Id(s.class_id);
  w.Key("starts_at").Int(s.starts_at).Key("ends_at").Int(s.ends_at).Key("place").Str(s.place);
  w.Key("checked_in").Int(s.checked_in).EndObject();
}

void WriteEnrolment(JsonWriter& w, const store::EnrolmentRow& e) {
  w.Object().Key("id").Id(e.id).Key("class_id").Id(e.class_id).Key("member_id").Id(e.member_id);
  w.Key("state").Str(e.state).Key("position").OptInt(e.position);
  w.Key("registered_at").Int(e.registered_at).EndObject();
}

void WriteAssessment(JsonWriter& w, const app::AssessmentView& v) {
  const auto& a = v.row;
  w.Object().Key("id").Id(a.id).Key("class_id").Id(a.class_id).Key("member_id").Id(a.member_id);
  w.Key("result").Str(a.result).Key("score");
  w.OptInt(a.score ? std::optional<std::int64_t>(*a.score) : std::nullopt);
  w.Key("attended").Int(a.attended).Key("certificate_id").OptId(a.certificate_id);
  w.Key("certificate_code").OptStr(v.certificate_code).Key("expires_on").OptStr(v.expires_on);
  w.Key("assessed_at").Int(a.assessed_at).EndObject();
}

void WriteDetail(JsonWriter& w, const app::ClassDetail& d) {
  w.Object().Key("class");
  WriteClass(w, d.row);
  w.Key("course");
  WriteCourse(w, d.course);
  w.Key("sessions_needed").Int(d.sessions_needed).Key("sessions").Array();
  for (const auto& s : d.sessions) WriteSession(w, s);
  w.EndArray().Key("enrolments").Array();
  for (const auto& e : d.enrolments) {
    w.Object().Key("id").Id(e.row.id).Key("member_id").Id(e.row.member_id);
    w.Key("member_name").Str(e.member_name_masked).Key("union_name").Str(e.union_name);
    w.Key("state").Str(e.row.state).Key("position").OptInt(e.row.position);
    w.Key("attended").Int(e.attended).Key("may_be_assessed").Bool(e.may_be_assessed);
    w.EndObject();
  }
  w.EndArray().Key("assessments").Array();
  for (const auto& a : d.assessments) WriteAssessment(w, {a, std::nullopt, std::nullopt});
  w.EndArray().EndObject();
}

void WriteMyClass(JsonWriter& w, const app::MyClass& m) {
  w.Object().Key("class");
  WriteClass(w, m.row);
  w.Key("course_title").Str(m.course_title).Key("org_name").Str(m.org_name).Key("mine");
  if (m.mine) {
    WriteEnrolment(w, *m.mine);
  } else {
    w.Null();
  }
  w.Key("attended").Int(m.attended).Key("can_enrol").Bool(m.can_enrol).EndObject();
}

void WriteMyCertificate(JsonWriter& w, const app::MyCertificate& c) {
  w.Object().Key("id").Id(c.row.id).Key("code").Str(c.display_code);
  w.Key("title").Str(c.row.title).Key("award").Str(c.row.award);
  w.Key("issued_on").Str(c.issued_on).Key("expires_on").OptStr(c.expires_on);
  w.Key("expired").Bool(c.expired).Key("expires_soon").Bool(c.expires_soon);
  w.Key("revoked").Bool(c.row.revoked_at.has_value()).EndObject();
}

Result<Reply> ListCourses(Call& call) {
  const auto query = QueryParams(call.request.target());
  Error invalid = InvalidInput();
  const int limit = QueryLimit(query, 50, invalid);
  const std::int64_t after = QueryCursor(query, "after", invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto page, Training(call).ListCourses(*call.actor, after, limit));
  return PageReply(page.items, page.next_cursor, WriteCourse);
}

Result<Reply> CreateCourse(Call& call) {
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewCourse in;
  in.org_id = OptionalId(body, "org_id", invalid);
  in.kind = Text(body, "kind", 20, invalid);
  in.title = Text(body, "title", 800, invalid);
  in.trade = OptionalString(body, "trade", invalid);
  if (in.trade && in.trade->size() > 400) in.trade->resize(401);
  if (const auto level = OptionalInteger(body, "level_awarded", invalid)) {
    in.level_awarded = static_cast<int>(std::clamp<std::int64_t>(*level, -1, 100));
  }
  in.certificate_valid_months = SmallInt(body, "certificate_valid_months", 24, invalid);
  in.remind_days_before = SmallInt(body, "remind_days_before", 30, invalid);
  in.min_attendance_percent = SmallInt(body, "min_attendance_percent", 80, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto c, Training(call).CreateCourse(*call.actor, in));
  return JsonReply(beast_http::status::created, WriteCourse, c);
}

Result<Reply> ListClasses(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto items, Training(call).ClassesOf(*call.actor, id));
  return PageReply(items, std::nullopt, WriteClass);
}

Result<Reply> CreateClass(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewClass in;
  in.title = Text(body, "title", 800, invalid);
  in.place = Text(body, "place", 800, invalid);
  in.starts_at = Instant(body, "starts_at", invalid);
  in.ends_at = Instant(body, "ends_at", invalid);
  in.opens_at = Instant(body, "opens_at", invalid);
  in.closes_at = Instant(body, "closes_at", invalid);
  in.capacity = SmallInt(body, "capacity", 0, invalid);
  if (body.is_object() && body.contains("waitlist_max") && !body["waitlist_max"].is_null()) {
    in.waitlist_max = SmallInt(body, "waitlist_max", 0, invalid);
  }
  in.cancel_cutoff_hours = SmallInt(body, "cancel_cutoff_hours", 24, invalid);
  in.confirm_hours = SmallInt(body, "confirm_hours", 24, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto k, Training(call).CreateClass(*call.actor, id, in));
  return JsonReply(beast_http::status::created, WriteClass, k);
}

Result<Reply> GetClass(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto d, Training(call).GetClass(*call.actor, id));
  return JsonReply(beast_http::status::ok, WriteDetail, d);
}

Result<Reply> ListSessions(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto items, Training(call).Sessions(*call.actor, id));
  return PageReply(items, std::nullopt, WriteSession);
}

Result<Reply> AddSession(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::NewSession in;
  in.starts_at = Instant(body, "starts_at", invalid);
  in.ends_at = Instant(body, "ends_at", invalid);
  in.place = Text(body, "place", 800, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto s, Training(call).AddSession(*call.actor, id, in));
  return JsonReply(beast_http::status::created, WriteSession, s);
}

Result<Reply> CheckIn(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  const auto scans = ReadScans(body, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  app::SessionCheckInService service(call.app.db(), call.app.clock(), call.app.vault(),
                                     call.app.audit());
  ZJ_ASSIGN_OR_RETURN(auto answers, service.Record(*call.actor, id, scans));
  return PageReply(answers, std::nullopt, WriteScanAnswer);
}

Result<Reply> ListAssessments(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto items, Training(call).Assessments(*call.actor, id));
  return PageReply(items, std::nullopt, WriteAssessment);
}

Result<Reply> Assess(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(nlohmann::json body, JsonBody(call.request));
  Error invalid = InvalidInput();
  app::AssessmentIn in;
  const auto member = OptionalId(body, "member_id", invalid);
  if (!member) invalid.fields.push_back({"member_id", "error.field.required", {}});
  in.member_id = member.value_or(0);
  in.result = Text(body, "result", 20, invalid);
  if (const auto score = OptionalInteger(body, "score", invalid)) {
    in.score = static_cast<int>(std::clamp<std::int64_t>(*score, -1, 1000));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  ZJ_ASSIGN_OR_RETURN(auto v, Training(call).Assess(*call.actor, id, in));
  return JsonReply(beast_http::status::created, WriteAssessment, v);
}

Result<Reply> Mine(Call& call) {
  ZJ_ASSIGN_OR_RETURN(auto t, MyTraining(call).List(*call.actor));
  return JsonReply(beast_http::status::ok, [&](JsonWriter& w) {
    w.Object().Key("classes").Array();
    for (const auto& c : t.classes) WriteMyClass(w, c);
    w.EndArray().Key("certificates").Array();
    for (const auto& c : t.certificates) WriteMyCertificate(w, c);
    w.EndArray().EndObject();
  });
}

Result<Reply> Enrol(Call& call) {
  ZJ_ASSIGN_OR_RETURN(std::int64_t id, PathId(call));
  ZJ_ASSIGN_OR_RETURN(auto m, MyTraining(call).Enrol(*call.actor, id));
  return JsonReply(beast_http::status::created, WriteMyClass, m);
}

}  // namespace

void AddTrainingRoutes(std::vector<Route>& routes) {
  using beast_http::verb;
  routes.push_back({verb::get, "/api/v1/courses", Access::kSession, ListCourses});
  routes.push_back({verb::post, "/api/v1/courses", Access::kSession, CreateCourse});
  routes.push_back({verb::get, "/api/v1/courses/:id/classes", Access::kSession, ListClasses});
  routes.push_back({verb::post, "/api/v1/courses/:id/classes", Access::kSession, CreateClass});
  routes.push_back({verb::get, "/api/v1/classes/:id", Access::kSession, GetClass});
  routes.push_back({verb::get, "/api/v1/classes/:id/sessions", Access::kSession, ListSessions});
  routes.push_back({verb::post, "/api/v1/classes/:id/sessions", Access::kSession, AddSession});
  routes.push_back({verb::post, "/api/v1/sessions/:id/check-ins", Access::kSession, CheckIn});
  routes.push_back(
      {verb::get, "/api/v1/classes/:id/assessments", Access::kSession, ListAssessments});
  routes.push_back({verb::post, "/api/v1/classes/:id/assessments", Access::kSession, Assess});
  routes.push_back({verb::get, "/api/v1/me/training", Access::kWorker, Mine});
  routes.push_back({verb::post, "/api/v1/me/classes/:id/registration", Access::kWorker, Enrol});
}

}  // namespace zj::http
