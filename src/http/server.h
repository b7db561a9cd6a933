// The HTTP/1.1 server on Boost.Beast: keep-alive, request size limits, read and idle timeouts,
// an access log line per request, and a graceful stop (SIGTERM/SIGINT or Stop()): no new
// connections, idle ones closed, in-flight requests answered, then Run() returns.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/application.h"
#include "http/server_options.h"

namespace zj::http {

class Server {
 public:
  Server(app::Application& app, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  //! Binds the listening socket; kUnavailable when the address is taken or invalid.
  Result<void> Bind();
  //! The bound port (after Bind; useful with port 0).
  unsigned short port() const;
  //! Serves until a stop signal or Stop(); `on_ready` runs once the server accepts.
  //! Returns after the in-flight requests have been answered.
  void Run(const std::function<void()>& on_ready = {});
  //! Asks Run() to stop gracefully; thread-safe.
  void Stop();

  struct Impl;  //!< opaque (server_impl.h); public only so its connections can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace zj::http
