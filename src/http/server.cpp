#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio.hpp>
#include <thread>

#include "http/connection.h"
#include "http/server_impl.h"

namespace zj::http {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

void Server::Impl::Accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || stopping) return;
      spdlog::warn("accept failed: {}", ec.message());
    } else {
      auto session = std::make_shared<Connection>(std::move(socket), *this);
      {
        std::lock_guard lock(mutex);
        std::erase_if(sessions, [](const auto& w) { return w.expired(); });
        sessions.push_back(session);
      }
      session->Start();
    }
    if (!stopping) Accept();
  });
}

void Server::Impl::Sweep() {
  // A few checks per timeout, so a connection overstays by at most a quarter of it (and never
  // less often than once a second).
  const auto period = std::clamp(std::min(options.read_timeout, options.idle_timeout) / 4,
                                 std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
  sweeper.expires_after(period);
  sweeper.async_wait([this](beast::error_code ec) {
    if (ec || stopping) return;
    std::vector<std::shared_ptr<Connection>> overdue;
    {
      std::lock_guard lock(mutex);
      std::erase_if(sessions, [](const auto& w) { return w.expired(); });
      for (const auto& w : sessions) {
        if (auto s = w.lock(); s && s->Overdue()) overdue.push_back(std::move(s));
      }
    }
    for (auto& s : overdue) s->Expire();
    Sweep();
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  net::post(ioc, [this] {
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    sweeper.cancel();
    std::vector<std::shared_ptr<Connection>> live;
    {
      std::lock_guard lock(mutex);
      for (auto& w : sessions) {
        if (auto s = w.lock()) live.push_back(std::move(s));
      }
    }
    for (auto& s : live) s->Shutdown();
  });
  std::lock_guard lock(mutex);
  stop_requested = true;
  changed.notify_all();
}

Server::Server(app::Application& app, ServerOptions options)
    : impl_(std::make_unique<Impl>(app, std::move(options))) {}

Server::~Server() = default;

Result<void> Server::Bind() {
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) {
    return Fail(Error{ErrorCode::kInvalidArgument,
                      "error.listen_address",
                      "",
                      {},
                      {{"value", impl_->options.host}}});
  }
  const tcp::endpoint endpoint{address, impl_->options.port};
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Fail(Error{ErrorCode::kUnavailable,
                      "error.listen",
                      "",
                      {},
                      {{"address", impl_->options.host + ":" + std::to_string(impl_->options.port)},
                       {"reason", ec.message()}}});
  }
  return {};
}

unsigned short Server::port() const {
  beast::error_code ec;
  return impl_->acceptor.local_endpoint(ec).port();
}

void Server::Run(const std::function<void()>& on_ready) {
  Impl& s = *impl_;
  s.signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("received signal {}, stopping gracefully", signal);
    impl_->BeginStop();
  });
  s.Accept();
  s.Sweep();
  std::vector<std::thread> threads;
  const int n = std::max(1, s.options.threads);
  threads.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  if (on_ready) on_ready();

  std::unique_lock lock(s.mutex);
  s.changed.wait(lock, [&] { return s.stop_requested; });
  const auto deadline = std::chrono::steady_clock::now() + s.options.shutdown_grace;
  if (!s.changed.wait_until(lock, deadline, [&] { return s.active_sessions == 0; })) {
    spdlog::warn("{} connection(s) still open after the grace period; closing them",
                 s.active_sessions);
  }
  lock.unlock();
  s.ioc.stop();
  for (auto& t : threads) t.join();
  spdlog::info("server stopped");
}

void Server::Stop() { impl_->BeginStop(); }

}  // namespace zj::http
