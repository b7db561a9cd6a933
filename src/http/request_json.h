// JSON shared by the staff and the portal routes of service requests: a category in the
// caller's language, and the intake fields both sides accept.
#pragma once

#include <nlohmann/json.hpp>

#include "app/requests/request_ref.h"
#include "app/requests/request_service.h"
#include "core/i18n/messages.h"
#include "core/result.h"
#include "http/json_writer.h"

namespace zj::http {

//! The name in the caller's language: English for en, else Chinese.
const std::string& Localized(const std::string& zh, const std::string& en, i18n::Locale locale);

//! The request a case came from: {id, tracking_number}, or null when there is none the caller
//! sees (a hardship file's and a legal case's `request`).
void WriteRequestRef(JsonWriter& w, const std::optional<app::RequestRef>& ref);
//! RequestSummary of the OpenAPI document (a queue's item).
void WriteRequestSummary(JsonWriter& w, const app::RequestView& v, i18n::Locale locale);
//! RequestDetail: the summary, the case's fields, the handler's possible moves, the follow-up
//! visit and the history.
void WriteRequestDetail(JsonWriter& w, const app::RequestView& v, i18n::Locale locale);
//! FollowUpEntry: a visit owed or done, with its request's headline.
void WriteFollowUpEntry(JsonWriter& w, const app::FollowUpEntry& e, i18n::Locale locale);
//! A request as the worker sees it (TrackedRequest of the OpenAPI document): on the tracking
//! page and, with its id, in My requests.
nlohmann::json TrackedJson(const app::TrackedRequest& t, i18n::Locale locale);
nlohmann::json CategoryJson(const store::CategoryRow& c, i18n::Locale locale);

//! category, title, description, contact_name, contact_phone, employer_id?, region_code?,
//! employer_name? from a JSON body; missing or mistyped members become field errors.
app::NewRequest NewRequestFrom(const nlohmann::json& body, Error& invalid);

}  // namespace zj::http
