// The JSON forms of honour rounds and nominations (HonourRound, HonourRoundDetail, HonourList
// of the OpenAPI document), the readers of their bodies, and the routes (routes/honours.cpp).
// Ids are decimal strings, shares basis points (hundredths of a per cent), days YYYY-MM-DD.
#pragma once

#include <nlohmann/json.hpp>

#include "app/competitions/honour_service.h"
#include "http/json_writer.h"
#include "http/route.h"

namespace zj::http {

void WriteHonourRound(JsonWriter& w, const store::HonourRoundRow& r);
void WriteHonourRoundDetail(JsonWriter& w, const app::HonourRoundView& v);
//! The org's list; `with_items` false for the composition alone.
void WriteHonourList(JsonWriter& w, const app::HonourList& l, bool with_items);

//! The body of POST /api/v1/honour-rounds; field errors added to `invalid`.
app::NewHonourRound ReadNewHonourRound(const nlohmann::json& body, Error& invalid);
app::NewNomination ReadNewNomination(const nlohmann::json& body, Error& invalid);

//! GET/POST /api/v1/honour-rounds and the rest of routes/honours.cpp.
void AddHonourRoutes(std::vector<Route>& routes);

}  // namespace zj::http
