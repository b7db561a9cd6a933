#include "http/routes/aid_json.h"

#include "app/audit/audit_service.h"

namespace zj::http {

namespace {

void WriteGrantFields(JsonWriter& w, const app::AidGrantView& v, i18n::Locale locale) {
  const store::AidGrantRow& g = v.row;
  w.Key("id").Id(g.id);
  w.Key("file_id").Id(g.file_id);
  w.Key("org").Object().Key("id").Id(g.org_id).Key("name").Str(g.org_name).EndObject();
  w.Key("kind").Str(g.kind);
  w.Key("period").Str(g.period);
  w.Key("amount_fen").Int(g.amount_fen);
  w.Key("status").Str(g.status);
  w.Key("approver_level").Str(g.approver_level);
  w.Key("budget_org_id").Id(g.budget_org_id);
  w.Key("rule").Object();
  w.Key("key").Str(g.rule_text);
  w.Key("args").RawObject(app::JsonObjectOfStrings(v.rule_args));
  w.Key("text").Str(i18n::Translate(locale, g.rule_text, v.rule_args));
  w.EndObject();
  w.Key("proposed_by").OptId(g.proposed_by);
  w.Key("proposed_at").Int(g.proposed_at);
  w.Key("decided_by").OptId(g.decided_by);
  w.Key("decided_at").OptInt(g.decided_at);
  w.Key("refuse_reason").OptStr(g.refuse_reason);
  w.Key("updated_at").Int(g.updated_at);
}

}  // namespace

void WriteAidGrant(JsonWriter& w, const app::AidGrantView& g, i18n::Locale locale) {
  w.Object();
  WriteGrantFields(w, g, locale);
  w.EndObject();
}

void WriteAidGrantDetail(JsonWriter& w, const app::AidGrantDetail& d, i18n::Locale locale) {
  w.Object();
  WriteGrantFields(w, d.grant, locale);
  w.Key("payments").Array();
  for (const auto& p : d.payments) {
    w.Object()
        .Key("id")
        .Id(p.id)
        .Key("paid_on")
        .Str(p.paid_on)
        .Key("amount_fen")
        .Int(p.amount_fen)
        .Key("method")
        .Str(p.method)
        .Key("batch_id")
        .OptStr(p.batch_id)
        .Key("paid_by")
        .OptId(p.paid_by)
        .Key("paid_at")
        .Int(p.paid_at)
        .EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteAidRule(JsonWriter& w, const store::AidRuleRow& r) {
  w.Object()
      .Key("scope_org_id")
      .Id(r.scope_org_id)
      .Key("year")
      .Int(r.year)
      .Key("kind")
      .Str(r.kind)
      .Key("level")
      .Str(r.level)
      .Key("rule")
      .Str(r.rule)
      .Key("months")
      .Int(r.months)
      .Key("amount_fen")
      .Int(r.amount_fen)
      .Key("share_pct")
      .Int(r.share_pct)
      .Key("cap_fen")
      .OptInt(r.cap_fen)
      .Key("per")
      .Str(r.per_unit)
      .Key("loaded_at")
      .Int(r.loaded_at)
      .EndObject();
}

void WriteApprovalLimit(JsonWriter& w, const store::ApprovalLimitRow& l) {
  w.Object()
      .Key("scope_org_id")
      .Id(l.scope_org_id)
      .Key("kind")
      .Str(l.kind)
      .Key("org_level")
      .Str(l.org_level)
      .Key("max_fen")
      .Int(l.max_fen)
      .Key("loaded_at")
      .Int(l.loaded_at)
      .EndObject();
}

void WriteBudget(JsonWriter& w, const store::BudgetRow& b) {
  w.Object()
      .Key("org_id")
      .Id(b.org_id)
      .Key("year")
      .Int(b.year)
      .Key("kind")
      .Str(b.kind)
      .Key("amount_fen")
      .Int(b.amount_fen)
      .Key("committed_fen")
      .Int(b.committed_fen)
      .Key("paid_fen")
      .Int(b.paid_fen)
      .Key("remaining_fen")
      .Int(b.amount_fen - b.committed_fen)
      .Key("loaded_at")
      .Int(b.loaded_at)
      .EndObject();
}

app::AidPaymentInput ReadAidPayment(const nlohmann::json& body, Error& invalid) {
  app::AidPaymentInput in;
  in.paid_on = RequireString(body, "paid_on", invalid).substr(0, 16);
  in.method = RequireString(body, "method", invalid).substr(0, 16);
  if (auto b = OptionalString(body, "batch_id", invalid)) in.batch_id = b->substr(0, 65);
  return in;
}

}  // namespace zj::http
