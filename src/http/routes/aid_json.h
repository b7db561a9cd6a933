// The JSON forms of aid grants (AidGrant, AidGrantDetail of the OpenAPI document) and of the
// rules, approval limits and budgets of aid. Ids are decimal strings, money integer fen, times
// Unix ms; the rule a grant's amount came from as its message key, parameters and the text in
// the caller's language. No personal data: a grant names its file, not the household.
#pragma once

#include "app/aid/aid_service.h"
#include "http/json_writer.h"
#include "http/route.h"
#include "store/aid_standards.h"

namespace zj::http {

void WriteAidGrant(JsonWriter& w, const app::AidGrantView& g, i18n::Locale locale);
void WriteAidGrantDetail(JsonWriter& w, const app::AidGrantDetail& d, i18n::Locale locale);
void WriteAidRule(JsonWriter& w, const store::AidRuleRow& r);
void WriteApprovalLimit(JsonWriter& w, const store::ApprovalLimitRow& l);
void WriteBudget(JsonWriter& w, const store::BudgetRow& b);

//! A payment's day, method and batch id from a request body (bounded), field errors to `invalid`.
app::AidPaymentInput ReadAidPayment(const nlohmann::json& body, Error& invalid);

}  // namespace zj::http
