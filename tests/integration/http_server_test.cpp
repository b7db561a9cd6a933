// The server over real loopback sockets: keep-alive, size limits answered with problem+json
// while the server keeps serving, malformed requests, and a stop that returns promptly even
// with idle keep-alive connections open.
// clang-format off
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
// clang-format on
#include <sys/socket.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cerrno>
#include <future>
#include <thread>

#include "app_fixture.h"
#include "captured_log.h"
#include "http/server.h"

namespace zj::test {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bh = boost::beast::http;
using tcp = net::ip::tcp;

class ServerTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (HasFatalFailure()) return;
    http::ServerOptions options;
    options.port = 0;
    options.web_root = "";
    options.threads = 2;
    options.limits.body_bytes = 4096;
    options.shutdown_grace = std::chrono::seconds(5);
    Configure(options);
    server_ = std::make_unique<http::Server>(*app_, options);
    ASSERT_OK(server_->Bind());
    std::promise<void> ready;
    auto started = ready.get_future();
    runner_ = std::thread([this, &ready] { server_->Run([&ready] { ready.set_value(); }); });
    started.wait();
  }

  void TearDown() override {
    if (server_) {
      server_->Stop();
      if (runner_.joinable()) runner_.join();
      server_.reset();
    }
    AppTest::TearDown();
  }

  virtual void Configure(http::ServerOptions& /*options*/) {}

  tcp::socket Connect() {
    tcp::socket socket(ioc_);
    socket.connect({net::ip::make_address("127.0.0.1"), server_->port()});
    return socket;
  }

  static bh::response<bh::string_body> Exchange(tcp::socket& socket,
                                                bh::request<bh::string_body> req) {
    req.set(bh::field::host, "127.0.0.1");
    req.prepare_payload();
    bh::write(socket, req);
    beast::flat_buffer buffer;
    bh::response<bh::string_body> res;
    bh::read(socket, buffer, res);
    return res;
  }

  net::io_context ioc_;
  std::unique_ptr<http::Server> server_;
  std::thread runner_;
};

TEST_P(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  auto socket = Connect();
  for (int i = 0; i < 3; ++i) {
    auto res = Exchange(socket, {bh::verb::get, "/healthz", 11});
    EXPECT_EQ(res.result(), bh::status::ok);
    EXPECT_TRUE(res.keep_alive());
  }
}

TEST_P(ServerTest, OversizedBodyIs413ProblemAndTheServerKeepsServing) {
  auto socket = Connect();
  bh::request<bh::string_body> big{bh::verb::post, "/api/v1/session", 11};
  big.set(bh::field::content_type, "application/json");
  big.set(bh::field::accept_language, "en");
  big.body() = std::string(64 * 1024, 'x');
  auto res = Exchange(socket, big);
  EXPECT_EQ(res.result(), bh::status::payload_too_large);
  EXPECT_EQ(res[bh::field::content_type], "application/problem+json");
  EXPECT_NE(res.body().find("\"status\":413"), std::string::npos) << res.body();
  EXPECT_NE(res.body().find("limit 4096 bytes"), std::string::npos) << res.body();

  auto fresh = Connect();
  EXPECT_EQ(Exchange(fresh, {bh::verb::get, "/healthz", 11}).result(), bh::status::ok);
}

TEST_P(ServerTest, GarbledRequestLineIs400Problem) {
  auto socket = Connect();
  net::write(socket, net::buffer(std::string("NOT HTTP AT ALL\r\n\r\n")));
  beast::flat_buffer buffer;
  bh::response<bh::string_body> res;
  bh::read(socket, buffer, res);
  EXPECT_EQ(res.result(), bh::status::bad_request);
  EXPECT_EQ(res[bh::field::content_type], "application/problem+json");
  auto fresh = Connect();
  EXPECT_EQ(Exchange(fresh, {bh::verb::get, "/healthz", 11}).result(), bh::status::ok);
}

TEST_P(ServerTest, StopReturnsPromptlyWithIdleKeepAliveConnectionsOpen) {
  auto idle = Connect();
  ASSERT_EQ(Exchange(idle, {bh::verb::get, "/healthz", 11}).result(), bh::status::ok);
  const auto started = std::chrono::steady_clock::now();
  server_->Stop();
  runner_.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  // The idle connection was closed by the server.
  beast::flat_buffer buffer;
  bh::response<bh::string_body> res;
  beast::error_code ec;
  bh::read(idle, buffer, res, ec);
  EXPECT_TRUE(ec) << "expected the connection to be closed";
  server_.reset();
}

// The access log put `?q=110101199003077771` into its line as it came (issue 16, ASVS 7.1.2).
class LoggedServerTest : public ServerTest {
 protected:
  CapturedLog log_;  // constructed before SetUp starts the server's threads
};

TEST_P(LoggedServerTest, TheAccessLogNamesQueryParametersButKeepsNoIdNumberOrPhone) {
  auto socket = Connect();
  auto res = Exchange(
      socket,
      {bh::verb::get, "/api/v1/members?q=110101199003077771&limit=20&phone=13800138000", 11});
  EXPECT_EQ(res.result(), bh::status::unauthorized);
  res = Exchange(socket, {bh::verb::get, "/api/v1/members?q=%E5%BC%A0%E4%B8%89", 11});
  EXPECT_EQ(res.result(), bh::status::unauthorized);
  server_->Stop();
  runner_.join();
  server_.reset();
  const std::string text = log_.Text();
  EXPECT_NE(text.find(R"("path":"/api/v1/members","query":"q=*&limit=20&phone=*")"),
            std::string::npos)
      << text;
  for (const char* secret : {"110101199003077771", "13800138000", "%E5%BC%A0", "张三"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
  }
}

INSTANTIATE_TEST_SUITE_P(Stores, LoggedServerTest, ::testing::Values(store::Backend::kSqlite),
                         [](const auto& info) { return std::string(BackendName(info.param)); });

INSTANTIATE_TEST_SUITE_P(Stores, ServerTest, ::testing::Values(store::Backend::kSqlite),
                         [](const auto& info) { return std::string(BackendName(info.param)); });

// Short timeouts, to see the server close connections that send too slowly or sit idle.
class ServerTimeoutTest : public ServerTest {
 protected:
  static constexpr std::chrono::milliseconds kRead{400};
  static constexpr std::chrono::milliseconds kIdle{800};

  void Configure(http::ServerOptions& options) override {
    options.read_timeout = kRead;
    options.idle_timeout = kIdle;
  }

  struct Closed {
    bool by_server = false;  // end of stream or reset, not our own 5 s receive limit
    std::chrono::milliseconds after{0};
  };

  // Reads until the server closes the connection (or 5 s pass), from `since`.
  static Closed WaitForClose(tcp::socket& socket, std::chrono::steady_clock::time_point since) {
    // recv itself, not Asio's read_some: Asio waits again when the receive limit strikes.
    const timeval limit{5, 0};
    setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    std::array<char, 4096> sink{};
    ssize_t n = 0;
    while ((n = recv(socket.native_handle(), sink.data(), sink.size(), 0)) > 0) {
    }
    return {n == 0 || (n < 0 && errno == ECONNRESET),
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  since)};
  }
};

TEST_P(ServerTimeoutTest, AConnectionThatSendsHalfARequestIsClosedAfterTheReadTimeout) {
  auto slow = Connect();
  const auto sent = std::chrono::steady_clock::now();
  net::write(slow, net::buffer(std::string("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")));
  const Closed closed = WaitForClose(slow, sent);
  EXPECT_TRUE(closed.by_server);
  EXPECT_GE(closed.after, kRead);
  EXPECT_LT(closed.after, kRead * 3);
  // Others are served meanwhile and after.
  auto fresh = Connect();
  EXPECT_EQ(Exchange(fresh, {bh::verb::get, "/healthz", 11}).result(), bh::status::ok);
}

TEST_P(ServerTimeoutTest, AKeepAliveConnectionStaysWhileUsedAndClosesOnceIdle) {
  auto socket = Connect();
  // Requests closer together than the idle timeout, for longer than it: each moves it on.
  const auto until = std::chrono::steady_clock::now() + kIdle * 2;
  int served = 0;
  while (std::chrono::steady_clock::now() < until) {
    ASSERT_EQ(Exchange(socket, {bh::verb::get, "/healthz", 11}).result(), bh::status::ok);
    ++served;
    std::this_thread::sleep_for(kIdle / 4);
  }
  EXPECT_GE(served, 6);
  const auto last = std::chrono::steady_clock::now();
  ASSERT_EQ(Exchange(socket, {bh::verb::get, "/healthz", 11}).result(), bh::status::ok);
  const Closed closed = WaitForClose(socket, last);
  EXPECT_TRUE(closed.by_server);
  EXPECT_GE(closed.after, kIdle);
  EXPECT_LT(closed.after, kIdle * 3);
}

INSTANTIATE_TEST_SUITE_P(Stores, ServerTimeoutTest, ::testing::Values(store::Backend::kSqlite),
                         [](const auto& info) { return std::string(BackendName(info.param)); });

}  // namespace
}  // namespace zj::test
