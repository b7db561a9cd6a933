// The JSON forms of legal cases (LegalCase, LegalCaseDetail of the OpenAPI document) and of the
// lawyers' directory. Ids are decimal strings, money integer fen, times Unix ms, days
// YYYY-MM-DD; workers and phones only masked.
#pragma once

#include <nlohmann/json.hpp>

#include "app/legal/lawyer_service.h"
#include "app/legal/legal_case_service.h"
#include "http/json_writer.h"
#include "http/route.h"

namespace zj::http {

void WriteLegalCase(JsonWriter& w, const store::LegalCaseRow& c);
void WriteLegalCaseDetail(JsonWriter& w, const app::LegalCaseDetail& d);
void WriteLawyer(JsonWriter& w, const app::LawyerView& l);

//! The body of POST /api/v1/legal/cases; field errors added to `invalid`.
app::NewLegalCase ReadNewLegalCase(const nlohmann::json& body, Error& invalid);
//! A worker of a case: {member_id} or {name, id_number}; `at` prefixes field names.
app::NewCaseWorker ReadCaseWorker(const nlohmann::json& body, const std::string& at,
                                  Error& invalid);
//! The body of PATCH /api/v1/legal/cases/:id.
app::LegalCaseChange ReadLegalCaseChange(const nlohmann::json& body, Error& invalid);
//! The body of POST / PATCH /api/v1/legal/lawyers.
app::LawyerInput ReadLawyerInput(const nlohmann::json& body, Error& invalid);

}  // namespace zj::http
