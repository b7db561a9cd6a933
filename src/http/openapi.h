// The OpenAPI 3.1 description of the JSON API, served at /api/v1/openapi.json. It is kept as
// src/http/openapi.json (embedded at build time); each capability adds its paths and schemas
// there when it adds routes, and a test checks that every route is described.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace zj::http {

//! The embedded document's text (generated at build time).
std::string_view EmbeddedOpenApiJson();

//! The document with info.version set to the running program's version.
nlohmann::json OpenApiDocument(const std::string& version);

}  // namespace zj::http
