#include "http/routes/legal_json.h"

#include "http/request_json.h"

namespace zj::http {

namespace {

constexpr std::size_t kMaxWorkersInBody = 200;

//! An optional string member cut to `max` bytes (the use case checks characters).
std::optional<std::string> Bounded(const nlohmann::json& body, const std::string& field,
                                   std::size_t max, Error& invalid) {
  auto v = OptionalString(body, field, invalid);
  if (v && v->size() > max) v->resize(max + 1);  // still too long for the use case's check
  return v;
}

std::optional<bool> OptionalBoolean(const nlohmann::json& body, const std::string& field,
                                    Error& invalid) {
  if (!body.is_object() || !body.contains(field) || body[field].is_null()) return std::nullopt;
  if (!body[field].is_boolean()) {
    invalid.fields.push_back({field, "error.field.boolean", {}});
    return std::nullopt;
  }
  return body[field].get<bool>();
}

}  // namespace

void WriteLegalCase(JsonWriter& w, const store::LegalCaseRow& c) {
  w.Object();
  w.Key("id").Id(c.id);
  w.Key("org").Object().Key("id").Id(c.org_id).Key("name").Str(c.org_name).EndObject();
  w.Key("type").Str(c.type);
  w.Key("title").Str(c.title);
  w.Key("employer")
      .Object()
      .Key("uscc")
      .Str(c.employer_uscc)
      .Key("name")
      .Str(c.employer_name)
      .Key("enterprise_id")
      .OptId(c.enterprise_id)
      .EndObject();
  w.Key("stage").Str(c.stage);
  w.Key("claimed_fen").Int(c.claimed_fen);
  w.Key("recovered_fen").Int(c.recovered_fen);
  w.Key("outcome").OptStr(c.outcome);
  w.Key("lawyer");
  if (c.lawyer_id) {
    w.Object()
        .Key("id")
        .Id(*c.lawyer_id)
        .Key("name")
        .OptStr(c.lawyer_name)
        .Key("firm")
        .OptStr(c.lawyer_firm)
        .EndObject();
  } else {
    w.Null();
  }
  w.Key("worker_count").Int(c.worker_count);
  w.Key("collective").Bool(c.collective);
  w.Key("alerted_at").OptInt(c.alerted_at);
  w.Key("alert_acknowledged_at").OptInt(c.alert_ack_at);
  w.Key("opened_at").Int(c.opened_at);
  w.Key("closed_at").OptInt(c.closed_at);
  w.Key("updated_at").Int(c.updated_at);
  w.EndObject();
}

void WriteLegalCaseDetail(JsonWriter& w, const app::LegalCaseDetail& d) {
  w.Object();
  w.Key("case");
  WriteLegalCase(w, d.row);
  w.Key("request");
  WriteRequestRef(w, d.request);
  w.Key("workers").Array();
  for (const auto& x : d.workers) {
    w.Object()
        .Key("id")
        .Id(x.id)
        .Key("member_id")
        .OptId(x.member_id)
        .Key("name_masked")
        .Str(x.name_masked)
        .Key("id_masked")
        .Str(x.id_masked)
        .Key("added_at")
        .Int(x.added_at)
        .EndObject();
  }
  w.EndArray();
  w.Key("stages").Array();
  for (const auto& s : d.stages) {
    w.Object()
        .Key("stage")
        .Str(s.stage)
        .Key("started_on")
        .Str(s.started_on)
        .Key("ended_on")
        .OptStr(s.ended_on)
        .Key("note")
        .Str(s.note)
        .Key("at")
        .Int(s.at)
        .EndObject();
  }
  w.EndArray();
  w.Key("collective_rule")
      .Object()
      .Key("workers")
      .Int(d.collective_workers)
      .Key("amount_fen")
      .Int(d.collective_amount_fen)
      .EndObject();
  w.EndObject();
}

void WriteLawyer(JsonWriter& w, const app::LawyerView& l) {
  const store::LawyerRow& r = l.row;
  w.Object();
  w.Key("id").Id(r.id);
  w.Key("org").Object().Key("id").Id(r.org_id).Key("name").Str(r.org_name).EndObject();
  w.Key("kind").Str(r.kind);
  w.Key("name").Str(r.name);
  w.Key("firm").Str(r.firm);
  w.Key("phone_masked").OptStr(l.phone_masked);
  w.Key("active").Bool(r.active);
  w.Key("updated_at").Int(r.updated_at);
  w.EndObject();
}

app::NewCaseWorker ReadCaseWorker(const nlohmann::json& body, const std::string& at,
                                  Error& invalid) {
  app::NewCaseWorker w;
  if (!body.is_object()) {
    invalid.fields.push_back({at.empty() ? "body" : at, "error.json.not_object", {}});
    return w;
  }
  Error local = InvalidInput();
  w.member_id = OptionalId(body, "member_id", local);
  if (!w.member_id && local.fields.empty()) {
    w.name = RequireString(body, "name", local).substr(0, 256);
    w.id_number = RequireString(body, "id_number", local).substr(0, 64);
  }
  for (auto& f : local.fields) {
    f.field = at + f.field;
    invalid.fields.push_back(f);
  }
  return w;
}

app::NewLegalCase ReadNewLegalCase(const nlohmann::json& body, Error& invalid) {
  app::NewLegalCase c;
  if (!body.is_object()) {
    invalid.fields.push_back({"body", "error.json.not_object", {}});
    return c;
  }
  c.org_id = OptionalId(body, "org_id", invalid);
  c.request_id = OptionalId(body, "request_id", invalid);
  c.lawyer_id = OptionalId(body, "lawyer_id", invalid);
  c.type = RequireString(body, "type", invalid).substr(0, 32);
  c.title = RequireString(body, "title", invalid).substr(0, 801);
  c.employer_uscc = OptionalString(body, "employer_uscc", invalid).value_or("").substr(0, 64);
  c.employer_name = Bounded(body, "employer_name", 800, invalid).value_or("");
  c.claimed_fen = OptionalInteger(body, "claimed_fen", invalid).value_or(0);
  if (auto day = OptionalString(body, "opened_on", invalid)) c.opened_on = day->substr(0, 32);
  if (body.contains("workers") && !body["workers"].is_null()) {
    const auto& ws = body["workers"];
    if (!ws.is_array() || ws.size() > kMaxWorkersInBody) {
      invalid.fields.push_back({"workers", "error.legal.workers", {{"max", "200"}}});
    } else {
      for (std::size_t i = 0; i < ws.size(); ++i) {
        c.workers.push_back(ReadCaseWorker(ws[i], "workers[" + std::to_string(i) + "].", invalid));
      }
    }
  }
  return c;
}

app::LegalCaseChange ReadLegalCaseChange(const nlohmann::json& body, Error& invalid) {
  app::LegalCaseChange c;
  if (!body.is_object()) {
    invalid.fields.push_back({"body", "error.json.not_object", {}});
    return c;
  }
  if (auto t = OptionalString(body, "type", invalid)) c.type = t->substr(0, 32);
  c.title = Bounded(body, "title", 800, invalid);
  c.outcome = Bounded(body, "outcome", 8000, invalid);
  c.claimed_fen = OptionalInteger(body, "claimed_fen", invalid);
  c.recovered_fen = OptionalInteger(body, "recovered_fen", invalid);
  if (body.contains("lawyer_id")) {
    c.set_lawyer = true;
    c.lawyer_id = OptionalId(body, "lawyer_id", invalid);
  }
  c.acknowledge_alert = OptionalBoolean(body, "acknowledge_alert", invalid).value_or(false);
  return c;
}

app::LawyerInput ReadLawyerInput(const nlohmann::json& body, Error& invalid) {
  app::LawyerInput in;
  if (!body.is_object()) {
    invalid.fields.push_back({"body", "error.json.not_object", {}});
    return in;
  }
  in.org_id = OptionalId(body, "org_id", invalid);
  if (auto k = OptionalString(body, "kind", invalid)) in.kind = k->substr(0, 32);
  in.name = Bounded(body, "name", 400, invalid);
  in.firm = Bounded(body, "firm", 800, invalid);
  if (auto p = OptionalString(body, "phone", invalid)) in.phone = p->substr(0, 32);
  in.active = OptionalBoolean(body, "active", invalid);
  return in;
}

}  // namespace zj::http
