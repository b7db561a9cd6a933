#include "http/openapi.h"

namespace zj::http {

nlohmann::json OpenApiDocument(const std::string& version) {
  static const nlohmann::json document = nlohmann::json::parse(EmbeddedOpenApiJson());
  nlohmann::json out = document;
  out["info"]["version"] = version;
  return out;
}

}  // namespace zj::http
