#include "http/routes/competition_json.h"

#include <algorithm>

namespace zj::http {

namespace {

constexpr std::size_t kMaxItems = 100;  //!< groups, veto items, team members, indicators, marks

//! An optional string member cut to `max` bytes plus one (the use case names the bound).
std::string Bounded(const nlohmann::json& body, const std::string& field, std::size_t max,
                    Error& invalid) {
  auto v = OptionalString(body, field, invalid).value_or("");
  if (v.size() > max) v.resize(max + 1);
  return v;
}

//! An array member of at most kMaxItems; absent: empty; else a field error.
const nlohmann::json* Items(const nlohmann::json& body, const std::string& field, Error& invalid) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return nullptr;
  const auto& v = body[field];
  if (!v.is_array() || v.size() > kMaxItems) {
    invalid.fields.push_back(
        {field, "error.competition.items", {{"max", std::to_string(kMaxItems)}}});
    return nullptr;
  }
  return &v;
}

void WriteSheet(JsonWriter& w, const competitions::Sheet& sheet) {
  w.Array();
  for (const auto& i : sheet.indicators) {
    w.Object().Key("code").Str(i.code).Key("name").Str(i.name);
    w.Key("max_centi").Int(i.max_centi).Key("weight").Int(i.weight).EndObject();
  }
  w.EndArray();
}

competitions::Sheet ReadSheet(const nlohmann::json& group, const std::string& at, Error& invalid) {
  competitions::Sheet sheet;
  const auto* items = Items(group, "sheet", invalid);
  if (!items) return sheet;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto& x = (*items)[i];
    const std::string f = at + "sheet.indicators." + std::to_string(i) + ".";
    Error local = InvalidInput();
    competitions::Indicator ind;
    ind.code = Bounded(x, "code", 40, local);
    ind.name = Bounded(x, "name", 300, local);
    ind.max_centi = OptionalInteger(x, "max_centi", local).value_or(0);
    ind.weight = static_cast<int>(
        std::clamp<std::int64_t>(OptionalInteger(x, "weight", local).value_or(0), -1, 1000));
    for (auto& e : local.fields) {
      e.field = f + e.field;
      invalid.fields.push_back(std::move(e));
    }
    sheet.indicators.push_back(std::move(ind));
  }
  return sheet;
}

//! A group's eligibility rules [{criterion, value, trades}] (individual groups).
std::vector<competitions::EligibilityRule> ReadEligibility(const nlohmann::json& group,
                                                           const std::string& at, Error& invalid) {
  std::vector<competitions::EligibilityRule> rules;
  const auto* items = Items(group, "eligibility", invalid);
  if (!items) return rules;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const auto& x = (*items)[i];
    const std::string f = at + "eligibility." + std::to_string(i) + ".";
    Error local = InvalidInput();
    competitions::EligibilityRule rule;
    const auto criterion = competitions::ParseCriterion(Bounded(x, "criterion", 40, local));
    if (!criterion)
      local.fields.push_back({"criterion", "error.competition.eligibility_criterion", {}});
    rule.criterion = criterion.value_or(competitions::Criterion::kMinAge);
    rule.value = static_cast<int>(
        std::clamp<std::int64_t>(OptionalInteger(x, "value", local).value_or(0), -1, 1000));
    if (const auto* trades = Items(x, "trades", local)) {
      for (const auto& t : *trades) {
        rule.trades.push_back(t.is_string() ? t.get<std::string>().substr(0, 41) : std::string());
      }
    }
    for (auto& e : local.fields) {
      e.field = f + e.field;
      invalid.fields.push_back(std::move(e));
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace

void WriteCompetition(JsonWriter& w, const store::CompetitionRow& c) {
  w.Object();
  w.Key("id").Id(c.id).Key("org_id").Id(c.org_id);
  w.Key("kind").Str(c.kind).Key("title").Str(c.title);
  w.Key("method").Str(c.method).Key("tie_break").Str(c.tie_break).Key("blind").Bool(c.blind);
  w.Key("status").Str(c.status);
  w.Key("enrol_ends_on").OptStr(c.enrol_ends_on).Key("scoring_ends_on").OptStr(c.scoring_ends_on);
  w.Key("listed_at").OptInt(c.listed_at).Key("published_at").OptInt(c.published_at);
  w.Key("created_at").Int(c.created_at).Key("updated_at").Int(c.updated_at);
  w.Key("certificate_ranks").Int(c.certificate_ranks);
  w.EndObject();
}

void WriteCompetitionDetail(JsonWriter& w, const app::CompetitionDetail& d) {
  w.Object();
  w.Key("competition");
  WriteCompetition(w, d.row);
  w.Key("groups").Array();
  for (const auto& g : d.groups) {
    w.Object().Key("id").Id(g.row.id).Key("code").Str(g.row.code).Key("name").Str(g.row.name);
    w.Key("entrant_kind").Str(g.row.entrant_kind).Key("sheet");
    WriteSheet(w, g.sheet);
    w.Key("eligibility").Array();
    for (const auto& r : g.eligibility) {
      w.Object().Key("criterion").Str(std::string(competitions::CriterionCode(r.criterion)));
      w.Key("value").Int(r.value).Key("trades").Array();
      for (const auto& t : r.trades) w.Str(t);
      w.EndArray().EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("veto_items").Array();
  for (const auto& v : d.veto_items) {
    w.Object().Key("code").Str(v.code).Key("name").Str(v.name).EndObject();
  }
  w.EndArray();
  w.Key("entries").Int(d.entries).Key("judges").Int(d.judges);
  w.EndObject();
}

void WriteCompEntry(JsonWriter& w, const app::EntryView& e) {
  const auto& r = e.row;
  w.Object();
  w.Key("id").Id(r.id).Key("competition_id").Id(r.competition_id).Key("group").Str(e.group);
  w.Key("number").OptInt(r.number).Key("entrant_kind").Str(r.entrant_kind);
  w.Key("enterprise_id").OptId(r.enterprise_id).Key("member_id").OptId(r.member_id);
  w.Key("team_name").OptStr(r.team_name);
  w.Key("team_member_ids").Array();
  for (const std::int64_t m : e.team_member_ids) w.Id(m);
  w.EndArray();
  w.Key("status").Str(r.status).Key("enrolled_via").Str(r.enrolled_via);
  w.Key("veto").OptStr(r.veto_code).Key("veto_note").OptStr(r.veto_note);
  w.Key("veto_at").OptInt(r.veto_at).Key("created_at").Int(r.created_at);
  w.EndObject();
}

void WriteCompJudge(JsonWriter& w, const app::JudgeView& j) {
  w.Object();
  w.Key("id").Id(j.row.id).Key("user_id").Id(j.row.user_id);
  w.Key("display_name").Str(j.display_name);
  w.Key("enterprise_id").OptId(j.row.enterprise_id).Key("member_id").OptId(j.row.member_id);
  w.Key("groups").Array();
  for (const auto& g : j.groups) w.Str(g);
  w.EndArray();
  w.Key("conflicts").Array();
  for (const std::int64_t e : j.conflicts) w.Id(e);
  w.EndArray();
  w.Key("added_at").Int(j.row.added_at);
  w.EndObject();
}

void WriteJudgingCard(JsonWriter& w, const app::JudgingCard& c) {
  w.Object();
  w.Key("competition")
      .Object()
      .Key("id")
      .Id(c.competition_id)
      .Key("title")
      .Str(c.competition_title);
  w.Key("blind").Bool(c.blind).Key("published").Bool(c.published).EndObject();
  w.Key("entry_id").Id(c.entry_id).Key("group").Str(c.group).Key("number").OptInt(c.number);
  w.Key("entrant_kind").Str(c.entrant_kind).Key("team_name").OptStr(c.team_name);
  w.Key("sheet");
  WriteSheet(w, c.sheet);
  w.Key("my_total_e4").OptInt(c.my_total_e4);
  w.EndObject();
}

void WriteRanking(JsonWriter& w, const app::RankingView& r) {
  w.Object();
  w.Key("published").Bool(r.published).Key("method").Str(r.method);
  w.Key("lines").Array();
  for (const auto& l : r.lines) {
    w.Object().Key("entry_id").Id(l.entry_id).Key("group").Str(l.group);
    w.Key("number").OptInt(l.number).Key("rank_group").Int(l.rank_group);
    w.Key("rank_overall").Int(l.rank_overall).Key("result_e4").Int(l.result_e4);
    w.Key("raw_mean_e4").Int(l.raw_mean_e4).Key("judges").Int(l.judges).EndObject();
  }
  w.EndArray();
  w.Key("vetoed").Array();
  for (const auto& v : r.vetoed) {
    w.Object().Key("entry_id").Id(v.entry_id).Key("group").Str(v.group);
    w.Key("reason").Str(v.reason).Key("note").Str(v.note).EndObject();
  }
  w.EndArray();
  w.Key("unscored").Array();
  for (const std::int64_t e : r.unscored) w.Id(e);
  w.EndArray();
  w.EndObject();
}

app::NewCompetition ReadNewCompetition(const nlohmann::json& body, Error& invalid) {
  app::NewCompetition c;
  c.org_id = OptionalId(body, "org_id", invalid);
  c.kind = Bounded(body, "kind", 32, invalid);
  if (c.kind.empty()) c.kind = "labour";
  c.title = Bounded(body, "title", 800, invalid);
  c.method = Bounded(body, "method", 32, invalid);
  if (c.method.empty()) c.method = "mean";
  c.tie_break = Bounded(body, "tie_break", 32, invalid);
  if (c.tie_break.empty()) c.tie_break = "share";
  if (body.is_object() && body.contains("blind")) {
    if (body["blind"].is_boolean()) {
      c.blind = body["blind"].get<bool>();
    } else {
      invalid.fields.push_back({"blind", "error.field.boolean", {}});
    }
  }
  c.enrol_ends_on = OptionalString(body, "enrol_ends_on", invalid);
  if (c.enrol_ends_on) c.enrol_ends_on->resize(std::min<std::size_t>(c.enrol_ends_on->size(), 32));
  c.certificate_ranks = static_cast<int>(std::clamp<std::int64_t>(
      OptionalInteger(body, "certificate_ranks", invalid).value_or(0), -1, 1000));
  c.scoring_ends_on = OptionalString(body, "scoring_ends_on", invalid);
  if (c.scoring_ends_on) {
    c.scoring_ends_on->resize(std::min<std::size_t>(c.scoring_ends_on->size(), 32));
  }
  if (const auto* groups = Items(body, "groups", invalid)) {
    for (std::size_t i = 0; i < groups->size(); ++i) {
      const auto& g = (*groups)[i];
      const std::string at = "groups." + std::to_string(i) + ".";
      app::NewCompGroup group;
      group.code = Bounded(g, "code", 40, invalid);
      group.name = Bounded(g, "name", 400, invalid);
      group.entrant_kind = Bounded(g, "entrant_kind", 32, invalid);
      group.sheet = ReadSheet(g, at, invalid);
      group.eligibility = ReadEligibility(g, at, invalid);
      c.groups.push_back(std::move(group));
    }
  }
  if (const auto* items = Items(body, "veto_items", invalid)) {
    for (const auto& v : *items) {
      c.veto_items.push_back({Bounded(v, "code", 40, invalid), Bounded(v, "name", 400, invalid)});
    }
  }
  return c;
}

app::NewEntry ReadNewEntry(const nlohmann::json& body, Error& invalid) {
  app::NewEntry e;
  e.group = RequireString(body, "group", invalid).substr(0, 41);
  e.enterprise_id = OptionalId(body, "enterprise_id", invalid);
  e.member_id = OptionalId(body, "member_id", invalid);
  e.team_name = Bounded(body, "team_name", 400, invalid);
  if (const auto* members = Items(body, "team_member_ids", invalid)) {
    for (std::size_t i = 0; i < members->size(); ++i) {
      const auto& m = (*members)[i];
      const auto id = m.is_string() ? ParseId(m.get<std::string>()) : std::nullopt;
      if (!id) {
        invalid.fields.push_back(
            {"team_member_ids." + std::to_string(i), "error.field.invalid_id", {}});
        continue;
      }
      e.team_member_ids.push_back(*id);
    }
  }
  return e;
}

app::NewJudge ReadNewJudge(const nlohmann::json& body, Error& invalid) {
  app::NewJudge j;
  const auto user = OptionalId(body, "user_id", invalid);
  if (!user) invalid.fields.push_back({"user_id", "error.field.required", {}});
  j.user_id = user.value_or(0);
  j.enterprise_id = OptionalId(body, "enterprise_id", invalid);
  j.member_id = OptionalId(body, "member_id", invalid);
  if (const auto* groups = Items(body, "groups", invalid)) {
    for (const auto& g : *groups) {
      j.groups.push_back(g.is_string() ? g.get<std::string>().substr(0, 41) : std::string());
    }
  }
  return j;
}

std::vector<competitions::Mark> ReadMarks(const nlohmann::json& body, Error& invalid) {
  std::vector<competitions::Mark> marks;
  if (!body.is_object() || !body.contains("marks") || !body["marks"].is_object() ||
      body["marks"].size() > kMaxItems) {
    invalid.fields.push_back({"marks", "error.field.required", {}});
    return marks;
  }
  const nlohmann::json& given = body["marks"];
  for (auto it = given.begin(); it != given.end(); ++it) {
    const std::string& code = it.key();
    const nlohmann::json& value = it.value();
    if (!value.is_number_integer() || code.size() > 40) {
      invalid.fields.push_back({"marks." + code.substr(0, 40), "error.field.not_integer", {}});
      continue;
    }
    marks.push_back({code, value.get<std::int64_t>()});
  }
  return marks;
}

}  // namespace zj::http
