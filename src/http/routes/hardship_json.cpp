#include "http/routes/hardship_json.h"

#include "http/request_json.h"

namespace zj::http {

namespace {

constexpr std::size_t kMaxListItems = 20;  // people, expenses; codes are fewer still

void WriteCodes(JsonWriter& w, const std::string& joined) {
  w.Array();
  for (const auto& c : hardship::SplitCodes(joined)) w.Str(c);
  w.EndArray();
}

void WriteFileFields(JsonWriter& w, const app::HardshipFileView& f, i18n::Locale locale) {
  const store::HardshipFileRow& r = f.row;
  w.Key("id").Id(r.id);
  w.Key("org").Object().Key("id").Id(r.org_id).Key("name").Str(r.org_name).EndObject();
  w.Key("member_id").OptId(r.member_id);
  w.Key("status").Str(r.status);
  w.Key("stage").Str(r.stage);
  w.Key("head_name_masked").Str(f.head_name_masked);
  w.Key("head_id_masked").Str(f.head_id_masked);
  w.Key("household_size").Int(r.household_size);
  w.Key("annual_income_fen").Int(r.annual_income_fen);
  w.Key("rigid_expenses_fen").Int(r.rigid_expenses_fen);
  w.Key("sudden_cost_fen").Int(r.sudden_cost_fen);
  w.Key("sudden_medical_fen").Int(r.sudden_medical_fen);
  w.Key("per_head_monthly_fen").Int(r.per_head_monthly_fen);
  w.Key("standard")
      .Object()
      .Key("region_code")
      .Str(r.region_code)
      .Key("year")
      .Int(r.standard_year)
      .Key("dibao_monthly_fen")
      .Int(r.standard_dibao_fen)
      .Key("sudden_cost_pct")
      .Int(r.standard_cost_pct)
      .Key("sudden_medical_pct")
      .Int(r.standard_medical_pct)
      .EndObject();
  w.Key("level_computed").Str(r.level_computed);
  w.Key("level").Str(r.level_final);
  w.Key("override_reason").OptStr(r.override_reason);
  w.Key("explanation").Object();
  w.Key("key").Str(f.computed.explanation_key);
  w.Key("args").RawObject(app::JsonObjectOfStrings(f.computed.explanation_args));
  w.Key("text").Str(
      i18n::Translate(locale, f.computed.explanation_key, f.computed.explanation_args));
  w.EndObject();
  w.Key("main_cause").Str(r.main_cause);
  w.Key("secondary_causes");
  WriteCodes(w, r.secondary_causes);
  w.Key("exclusions");
  WriteCodes(w, r.exclusions);
  w.Key("opened_at").Int(r.opened_at);
  w.Key("updated_at").Int(r.updated_at);
  w.Key("closed_at").OptInt(r.closed_at);
  w.Key("close_reason").OptStr(r.close_reason);
}

std::vector<std::string> Codes(const nlohmann::json& body, const std::string& field,
                               Error& invalid) {
  std::vector<std::string> out;
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return out;
  const auto& a = body[field];
  if (!a.is_array() || a.size() > kMaxListItems) {
    invalid.fields.push_back({field, "error.hardship.codes", {}});
    return out;
  }
  for (const auto& v : a) {
    if (!v.is_string()) {
      invalid.fields.push_back({field, "error.hardship.codes", {}});
      return {};
    }
    out.push_back(v.get<std::string>().substr(0, 64));  // bounded: codes are short
  }
  return out;
}

std::int64_t Fen(const nlohmann::json& body, const std::string& field, Error& invalid,
                 const std::string& name) {
  Error local = InvalidInput();
  const auto v = OptionalInteger(body, field, local);
  for (auto& f : local.fields) {
    f.field = name;
    invalid.fields.push_back(f);
  }
  return v.value_or(0);
}

}  // namespace

void WriteHardshipSummary(JsonWriter& w, const app::HardshipFileView& f, i18n::Locale locale) {
  w.Object();
  WriteFileFields(w, f, locale);
  w.EndObject();
}

void WriteHardshipDetail(JsonWriter& w, const app::HardshipFileDetail& d, i18n::Locale locale) {
  w.Object();
  WriteFileFields(w, d.file, locale);
  w.Key("request");
  WriteRequestRef(w, d.request);
  w.Key("household").Array();
  for (const auto& p : d.household) {
    w.Object()
        .Key("id")
        .Id(p.id)
        .Key("relation")
        .Str(p.relation)
        .Key("name_masked")
        .Str(p.name_masked)
        .Key("id_masked")
        .Str(p.id_masked)
        .Key("income_fen")
        .Int(p.income_fen)
        .Key("work_status")
        .OptStr(p.work_status)
        .EndObject();
  }
  w.EndArray();
  w.Key("expenses").Array();
  for (const auto& e : d.expenses) {
    w.Object().Key("kind").Str(e.kind).Key("amount_fen").Int(e.amount_fen).EndObject();
  }
  w.EndArray();
  w.Key("steps").Array();
  for (const auto& s : d.steps) {
    w.Object()
        .Key("step")
        .Str(s.step)
        .Key("actor_id")
        .OptId(s.actor_id)
        .Key("at")
        .Int(s.at)
        .Key("detail")
        .RawObject(s.detail)
        .EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteRegionStandard(JsonWriter& w, const store::RegionStandardRow& s) {
  w.Object()
      .Key("region_code")
      .Str(s.region_code)
      .Key("year")
      .Int(s.year)
      .Key("dibao_monthly_fen")
      .Int(s.dibao_monthly_fen)
      .Key("sudden_cost_pct")
      .Int(s.sudden_cost_pct)
      .Key("sudden_medical_pct")
      .Int(s.sudden_medical_pct)
      .Key("source")
      .Str(s.source)
      .Key("loaded_at")
      .Int(s.loaded_at)
      .EndObject();
}

app::NewHardshipFile ReadNewHardshipFile(const nlohmann::json& body, Error& invalid) {
  app::NewHardshipFile f;
  if (!body.is_object()) {
    invalid.fields.push_back({"body", "error.json.not_object", {}});
    return f;
  }
  f.org_id = OptionalId(body, "org_id", invalid);
  f.member_id = OptionalId(body, "member_id", invalid);
  f.request_id = OptionalId(body, "request_id", invalid);
  f.member_income_fen = Fen(body, "member_income_fen", invalid, "member_income_fen");
  f.sudden_cost_fen = Fen(body, "sudden_cost_fen", invalid, "sudden_cost_fen");
  f.sudden_medical_fen = Fen(body, "sudden_medical_fen", invalid, "sudden_medical_fen");
  f.main_cause = RequireString(body, "main_cause", invalid).substr(0, 64);
  f.secondary_causes = Codes(body, "secondary_causes", invalid);
  f.exclusions = Codes(body, "exclusions", invalid);
  if (auto year = OptionalInteger(body, "year", invalid)) {
    f.year = static_cast<int>(std::clamp<std::int64_t>(*year, 0, 9999));
  }
  if (body.contains("household") && !body["household"].is_null()) {
    const auto& h = body["household"];
    if (!h.is_array() || h.size() > kMaxListItems) {
      invalid.fields.push_back(
          {"household", "error.hardship.household_size", {{"max", std::to_string(kMaxListItems)}}});
    } else {
      for (std::size_t i = 0; i < h.size(); ++i) {
        const std::string at = "household[" + std::to_string(i) + "].";
        Error local = InvalidInput();
        app::NewHouseholdMember m;
        m.relation = RequireString(h[i], "relation", local).substr(0, 32);
        m.name = RequireString(h[i], "name", local).substr(0, 256);
        m.id_number = RequireString(h[i], "id_number", local).substr(0, 64);
        m.income_fen = OptionalInteger(h[i], "income_fen", local).value_or(0);
        if (auto ws = OptionalString(h[i], "work_status", local)) m.work_status = ws->substr(0, 32);
        for (auto& e : local.fields) {
          e.field = at + e.field;
          invalid.fields.push_back(e);
        }
        f.household.push_back(std::move(m));
      }
    }
  }
  if (body.contains("expenses") && !body["expenses"].is_null()) {
    const auto& x = body["expenses"];
    if (!x.is_array() || x.size() > kMaxListItems) {
      invalid.fields.push_back(
          {"expenses", "error.hardship.expenses", {{"max", std::to_string(kMaxListItems)}}});
    } else {
      for (std::size_t i = 0; i < x.size(); ++i) {
        Error local = InvalidInput();
        app::NewExpense e;
        e.kind = RequireString(x[i], "kind", local).substr(0, 32);
        e.amount_fen = OptionalInteger(x[i], "amount_fen", local).value_or(0);
        for (auto& fe : local.fields) {
          fe.field = "expenses[" + std::to_string(i) + "]." + fe.field;
          invalid.fields.push_back(fe);
        }
        f.expenses.push_back(std::move(e));
      }
    }
  }
  return f;
}

}  // namespace zj::http
