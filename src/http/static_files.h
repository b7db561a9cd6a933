// Serves the built front end: files under the web root with their media types, long-lived
// caching for fingerprinted assets, ETags, and index.html for client-side routes (SPA fallback).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/types.h"

namespace zj::http {

//! The media type for a file name's extension ("application/octet-stream" when unknown).
std::string_view MediaTypeFor(std::string_view path);

//! A response for GET/HEAD `target` from `web_root`, or nullopt when nothing there answers it
//! (the caller then sends its 404). Paths escaping the root are never served.
std::optional<Response> ServeStatic(const Request& request, const std::string& web_root);

}  // namespace zj::http
