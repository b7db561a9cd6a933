// RFC 9457 problem details: every error answer of the API is `application/problem+json` with a
// type, a translated title and detail, the failing request path, and per-field messages.
#pragma once

#include <optional>
#include <string_view>

#include "core/i18n/messages.h"
#include "core/result.h"
#include "http/types.h"

namespace zj::http {

//! The HTTP status for each error code (one mapping for the whole API).
beast_http::status StatusFor(ErrorCode code);

//! A problem+json response for `error`, translated into `locale`.
//! `status` overrides the code's usual status where HTTP has a more precise one (405, 413, 431).
Response ProblemResponse(const Error& error, i18n::Locale locale, std::string_view instance,
                         unsigned version, bool keep_alive,
                         std::optional<beast_http::status> status = std::nullopt);

}  // namespace zj::http
