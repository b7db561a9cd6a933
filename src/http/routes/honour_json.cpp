#include "http/routes/honour_json.h"

#include <algorithm>

namespace zj::http {

namespace {

//! An optional string member cut to `max` bytes plus one (the use case names the bound).
std::string Bounded(const nlohmann::json& body, const std::string& field, std::size_t max,
                    Error& invalid) {
  auto v = OptionalString(body, field, invalid).value_or("");
  if (v.size() > max) v.resize(max + 1);
  return v;
}

const nlohmann::json* Items(const nlohmann::json& body, const std::string& field, std::size_t max,
                            Error& invalid) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return nullptr;
  const auto& v = body[field];
  if (!v.is_array() || v.size() > max) {
    invalid.fields.push_back({field, "error.competition.items", {{"max", std::to_string(max)}}});
    return nullptr;
  }
  return &v;
}

void WriteComposition(JsonWriter& w, const competitions::Composition& c) {
  w.Object().Key("total").Int(c.total).Key("pass").Bool(c.pass).Key("rules").Array();
  for (const auto& o : c.rules) {
    w.Object().Key("category").Str(o.rule.category);
    w.Key("bound").Str(std::string(competitions::BoundCode(o.rule.bound)));
    w.Key("percent").Int(o.rule.percent).Key("count").Int(o.count).Key("total").Int(o.total);
    w.Key("share_bp").Int(o.share_bp).Key("pass").Bool(o.pass).Key("limit").Int(o.limit);
    w.Key("needed").Int(o.needed).Key("needed_changing_size");
    if (o.needed_changing_size) {
      w.Int(*o.needed_changing_size);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray().EndObject();
}

void WriteNomination(JsonWriter& w, const app::NominationView& v) {
  const auto& n = v.row;
  w.Object().Key("id").Id(n.id).Key("round_id").Id(n.round_id);
  w.Key("org_id").Id(n.org_id).Key("org_name").Str(n.org_name);
  w.Key("nominee_kind").Str(n.nominee_kind).Key("nominee_name").Str(n.nominee_name);
  w.Key("member_id").OptId(n.member_id).Key("entry_id").OptId(n.entry_id);
  w.Key("enterprise_id").OptId(n.enterprise_id);
  w.Key("categories").Array();
  for (const auto& c : v.categories) w.Str(c);
  w.EndArray();
  w.Key("status").Str(n.status).Key("forwarded_to").OptId(n.forwarded_to);
  w.Key("forwarded_at").OptInt(n.forwarded_at).Key("flagged").Bool(n.flagged);
  w.Key("forward_reason").OptStr(n.forward_reason);
  w.Key("decided_at").OptInt(n.decided_at).Key("decision_note").OptStr(n.decision_note);
  w.Key("created_at").Int(n.created_at);
  w.EndObject();
}

}  // namespace

void WriteHonourRound(JsonWriter& w, const store::HonourRoundRow& r) {
  w.Object().Key("id").Id(r.id).Key("org_id").Id(r.org_id).Key("org_name").Str(r.org_name);
  w.Key("title").Str(r.title).Key("year").Int(r.year).Key("rules_text").Str(r.rules_text);
  w.Key("opens_on").Str(r.opens_on).Key("closes_on").Str(r.closes_on);
  w.Key("status").Str(r.status).Key("created_at").Int(r.created_at);
  w.EndObject();
}

void WriteHonourRoundDetail(JsonWriter& w, const app::HonourRoundView& v) {
  w.Object().Key("round");
  WriteHonourRound(w, v.row);
  w.Key("rules").Array();
  for (const auto& r : v.rules) {
    w.Object().Key("category").Str(r.category);
    w.Key("bound").Str(std::string(competitions::BoundCode(r.bound)));
    w.Key("percent").Int(r.percent).EndObject();
  }
  w.EndArray().Key("quotas").Array();
  for (const auto& q : v.quotas) {
    w.Object().Key("org_id").Id(q.org_id).Key("org_name").Str(q.org_name);
    w.Key("category").Str(q.category).Key("max").Int(q.max).EndObject();
  }
  w.EndArray().EndObject();
}

void WriteHonourList(JsonWriter& w, const app::HonourList& l, bool with_items) {
  w.Object().Key("round");
  WriteHonourRound(w, l.round);
  w.Key("org_id").Id(l.org_id).Key("org_name").Str(l.org_name);
  if (with_items) {
    w.Key("items").Array();
    for (const auto& n : l.items) WriteNomination(w, n);
    w.EndArray();
  }
  w.Key("composition");
  WriteComposition(w, l.composition);
  w.Key("quotas").Array();
  for (const auto& q : l.quotas) {
    w.Object().Key("org_id").Id(q.quota.org_id).Key("org_name").Str(q.quota.org_name);
    w.Key("category").Str(q.quota.category).Key("max").Int(q.quota.max);
    w.Key("count").Int(q.count).Key("over").Bool(q.over).Key("over_by").Int(q.over_by);
    w.EndObject();
  }
  w.EndArray();
  w.Key("passes").Bool(l.passes).Key("can_forward").Bool(l.can_forward);
  w.Key("can_decide").Bool(l.can_decide).Key("rollup");
  WriteComposition(w, l.rollup);
  w.Key("rollup_flagged").Int(l.rollup_flagged);
  w.EndObject();
}

app::NewHonourRound ReadNewHonourRound(const nlohmann::json& body, Error& invalid) {
  app::NewHonourRound r;
  r.org_id = OptionalId(body, "org_id", invalid);
  r.title = Bounded(body, "title", 800, invalid);
  r.year = static_cast<int>(
      std::clamp<std::int64_t>(OptionalInteger(body, "year", invalid).value_or(0), -1, 10000));
  r.rules_text = Bounded(body, "rules", app::kMaxRulesText, invalid);
  r.opens_on = Bounded(body, "opens_on", 10, invalid);
  r.closes_on = Bounded(body, "closes_on", 10, invalid);
  if (const auto* quotas = Items(body, "quotas", app::kMaxQuotas, invalid)) {
    for (std::size_t i = 0; i < quotas->size(); ++i) {
      const auto& q = (*quotas)[i];
      Error local = InvalidInput();
      app::NewHonourQuota quota;
      quota.org_id = OptionalId(q, "org_id", local).value_or(0);
      quota.category = Bounded(q, "category", 40, local);
      quota.max = static_cast<int>(
          std::clamp<std::int64_t>(OptionalInteger(q, "max", local).value_or(-1), -1, 1'000'000));
      for (auto& e : local.fields) {
        e.field = "quotas." + std::to_string(i) + "." + e.field;
        invalid.fields.push_back(std::move(e));
      }
      r.quotas.push_back(std::move(quota));
    }
  }
  return r;
}

app::NewNomination ReadNewNomination(const nlohmann::json& body, Error& invalid) {
  app::NewNomination n;
  n.org_id = OptionalId(body, "org_id", invalid);
  n.member_id = OptionalId(body, "member_id", invalid);
  n.entry_id = OptionalId(body, "entry_id", invalid);
  if (const auto* ticked = Items(body, "ticked", 10, invalid)) {
    for (std::size_t i = 0; i < ticked->size(); ++i) {
      const auto& t = (*ticked)[i];
      if (!t.is_string() || t.get<std::string>().size() > 40) {
        invalid.fields.push_back({"ticked." + std::to_string(i), "error.honours.tickable", {}});
        continue;
      }
      n.ticked.push_back(t.get<std::string>());
    }
  }
  return n;
}

}  // namespace zj::http
