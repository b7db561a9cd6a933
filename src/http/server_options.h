// How the HTTP server listens and what it allows; filled from `zhijia serve`'s options.
#pragma once

#include <chrono>
#include <string>

#include "http/trusted_proxies.h"
#include "http/types.h"

namespace zj::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;         //!< 0 picks a free port (printed on start)
  std::string web_root = "web/dist";  //!< the built front end; empty disables static files
  int threads = 4;                    //!< handlers block on the store, so more than cores
  Limits limits;
  //! A request must arrive (and an answer leave) within this; checked a few times per timeout.
  std::chrono::milliseconds read_timeout{std::chrono::seconds(30)};
  //! An idle keep-alive connection is closed after this.
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(75)};
  std::chrono::seconds shutdown_grace{15};  //!< in-flight requests get this long on SIGTERM
  bool secure_cookies = false;              //!< always mark cookies Secure (served over TLS)
  //! Peers whose X-Forwarded-For / X-Forwarded-Proto are believed (trusted_proxies.h); empty:
  //! nobody's.
  TrustedProxies trusted_proxies;
};

}  // namespace zj::http
