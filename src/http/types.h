// The HTTP types shared by the router, the routes and the server (Boost.Beast stays in http/).
#pragma once

#include <boost/beast/core/file.hpp>
#include <boost/beast/http.hpp>
#include <memory>

namespace zj::http {

namespace beast_http = boost::beast::http;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

//! The limits the server enforces on every request.
struct Limits {
  std::size_t body_bytes = std::size_t{1024} * 1024;  //!< larger bodies get 413
  std::size_t header_bytes = std::size_t{16} * 1024;  //!< larger header blocks get 431
  //! The body limit of roster uploads (POST /api/v1/members/imports) only.
  std::size_t upload_bytes = std::size_t{64} * 1024 * 1024;
};

}  // namespace zj::http
