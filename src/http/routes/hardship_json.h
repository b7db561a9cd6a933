// The JSON forms of hardship files (HardshipFileSummary, HardshipFileDetail of the OpenAPI
// document) and of region standards. Ids are decimal strings, money integer fen, times Unix
// ms; the level's arithmetic comes as its message key, parameters and the text in the caller's
// language. Personal data only masked.
#pragma once

#include <nlohmann/json.hpp>

#include "app/hardship/hardship_service.h"
#include "http/json_writer.h"
#include "http/route.h"

namespace zj::http {

void WriteHardshipSummary(JsonWriter& w, const app::HardshipFileView& f, i18n::Locale locale);
void WriteHardshipDetail(JsonWriter& w, const app::HardshipFileDetail& d, i18n::Locale locale);
void WriteRegionStandard(JsonWriter& w, const store::RegionStandardRow& s);

//! The body of POST /api/v1/hardship/files; field errors added to `invalid`.
app::NewHardshipFile ReadNewHardshipFile(const nlohmann::json& body, Error& invalid);

}  // namespace zj::http
