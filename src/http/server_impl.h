// The server's state shared by server.cpp (accepting, sweeping, stopping) and its connections
// (connection.h): options, router, the I/O context and the live connections. Internal to http/.
#pragma once

#include <atomic>
#include <boost/asio.hpp>
#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <vector>

#include "http/router.h"
#include "http/server.h"

namespace zj::http {

class Connection;

struct Server::Impl {
  Impl(app::Application& app, ServerOptions opts)
      : options(std::move(opts)),
        router(app, options),
        acceptor(ioc),
        signals(ioc, SIGINT, SIGTERM),
        sweeper(ioc) {}

  void Accept();
  void BeginStop();
  void Sweep();

  ServerOptions options;
  Router router;
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::acceptor acceptor;
  boost::asio::signal_set signals;
  //! Closes the connections past their deadline (see Connection::Deadline).
  boost::asio::steady_timer sweeper;

  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::condition_variable changed;
  bool stop_requested = false;
  int active_sessions = 0;
  std::vector<std::weak_ptr<Connection>> sessions;
};

}  // namespace zj::http
