#include "http/routes/member_json.h"

namespace zj::http {

namespace {

void MemberSummaryFields(JsonWriter& w, const app::MemberView& v) {
  const auto& m = v.row;
  w.Key("id").Id(m.id);
  w.Key("name").Str(m.name);
  w.Key("gender").Str(m.gender);
  w.Key("birth_date").Str(m.birth_date);
  w.Key("id_masked").Str(v.id_masked);
  w.Key("phone_masked").OptStr(v.phone_masked);
  w.Key("card_number").Str(m.card_number);
  w.Key("union").Object().Key("id").Id(m.union_org_id).Key("name").Str(m.union_name).EndObject();
  w.Key("employer").Object();
  w.Key("id").OptId(m.employer_id).Key("name").OptStr(m.employer_display);
  w.EndObject();
  w.Key("join_date").OptStr(m.join_date);
  w.Key("status").Str(m.status);
  w.Key("migrant_worker").Bool(m.migrant_worker);
  w.Key("model_worker").Bool(m.model_worker);
}

}  // namespace

void WriteMemberSummary(JsonWriter& w, const app::MemberView& m) {
  w.Object();
  MemberSummaryFields(w, m);
  w.EndObject();
}

void WriteMemberDetail(JsonWriter& w, const app::MemberDetail& d) {
  const auto& m = d.member.row;
  w.Object();
  MemberSummaryFields(w, d.member);
  w.Key("ethnicity").OptStr(m.ethnicity);
  w.Key("status_changed_on").OptStr(m.status_changed_on);
  w.Key("import_id").OptId(m.import_id);
  w.Key("created_at").Int(m.created_at);
  w.Key("updated_at").Int(m.updated_at);
  w.Key("events").Array();
  for (const auto& e : d.events) {
    w.Object();
    w.Key("at").Int(e.at);
    w.Key("event").Str(e.event);
    w.Key("actor_name").OptStr(e.actor_name);
    w.Key("detail").RawObject(e.detail);
    w.EndObject();
  }
  w.EndArray();
  w.Key("transfers").Array();
  for (const auto& t : d.transfers) WriteTransfer(w, t);
  w.EndArray();
  w.EndObject();
}

void WriteTransfer(JsonWriter& w, const app::TransferView& v) {
  const auto& t = v.row;
  w.Object();
  w.Key("id").Id(t.id);
  w.Key("member").Object();
  w.Key("id").Id(t.member_id).Key("name").Str(t.member_name);
  w.Key("id_masked").Str(v.member_id_masked);
  w.EndObject();
  w.Key("from_union").Object();
  w.Key("id").Id(t.from_union_id).Key("name").Str(t.from_union_name);
  w.EndObject();
  w.Key("to_union").Object();
  w.Key("id").Id(t.to_union_id).Key("name").Str(t.to_union_name);
  w.EndObject();
  w.Key("requested_side").Str(t.requested_side);
  w.Key("requested_by_name").OptStr(t.requested_by_name);
  w.Key("requested_by_worker").Bool(t.requested_by_worker.has_value());
  w.Key("new_employer").OptStr(t.new_employer);
  w.Key("reason").Str(t.reason);
  w.Key("state").Str(t.state);
  w.Key("due_at").Int(t.due_at);
  w.Key("created_at").Int(t.created_at);
  w.Key("decided_at").OptInt(t.decided_at);
  w.Key("decided_by_name").OptStr(t.decided_by_name);
  w.Key("decision_note").OptStr(t.decision_note);
  w.Key("import_id").OptId(t.import_id);
  w.Key("can_decide").Bool(v.can_decide);
  w.Key("can_cancel").Bool(v.can_cancel);
  w.EndObject();
}

}  // namespace zj::http
