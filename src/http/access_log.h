// The access log's line for one request: one JSON object on one line (so nothing a client sends
// can start a line of its own) with what running the server needs (method, path, status, size,
// time, user, addresses) and no personal data. Query values are as often as not a person's data
// (`GET /api/v1/members?q=110101199003077771` searches members by ID number; ASVS 7.1.2), so
// the line names the query's parameters and keeps the values of a few that hold no one's data
// (limit, cursor, state, ...); every other value is written as "*". No route carries personal
// data in its path (ids, years and codes only); the path is cut at 512 bytes.
#pragma once

#include <string>
#include <string_view>

#include "http/router.h"
#include "http/types.h"

namespace zj::http {

//! The query of `target` as the log keeps it: "q=*&limit=20" for "?q=张三&limit=20"; a name
//! that is not a plain identifier becomes "?"; "" without a query.
std::string LoggedQuery(std::string_view target);

//! The whole line: {"event":"request","remote":…,"client":…,"method":…,"path":…,"query":…,
//! "status":…,"bytes":…,"ms":…,"user":…}; "client" only when a trusted proxy named another
//! address than the peer's, "query" only when there is one.
std::string AccessLogLine(const Request& request, const Handled& handled, std::string_view peer,
                          double ms);

}  // namespace zj::http
