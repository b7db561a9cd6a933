// The JSON of a roster import run (the Import object of the API, also printed by
// `zhijia members import --json`): counters, unknown columns, and the rejections with their
// messages in the caller's language.
#pragma once

#include <nlohmann/json.hpp>

#include "app/members/roster_import.h"
#include "core/i18n/messages.h"

namespace zj::http {

nlohmann::json MemberImportJson(const app::RosterImportView& view, i18n::Locale locale);
//! A run without its rows (for lists).
nlohmann::json MemberImportSummaryJson(const store::MemberImportRow& run);

}  // namespace zj::http
