// Sign-in codes through the outbox and an HTTP SMS gateway, on both stores: the `http` sender
// fills its template (URL-encoded URL, JSON or form body, token and HMAC headers) and talks
// real HTTP (libcurl) to a small gateway in the test, which fails first and then accepts: the
// code is retried and delivered once, nothing lost; a code that expired undelivered is given
// up; the log sender writes only the code and the masked phone.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <deque>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "store/outbox.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";

//! An HTTP/1.1 server on 127.0.0.1 answering each request with the next status of `statuses`
//! (200 when they run out) and keeping what it was sent.
class FakeGateway {
 public:
  explicit FakeGateway(std::deque<int> statuses) : statuses_(std::move(statuses)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 8);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~FakeGateway() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable()) thread_.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  std::vector<std::string> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void Serve() {
    for (;;) {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::string text;
      char chunk[4096];
      std::size_t want = std::string::npos;
      while (want == std::string::npos || text.size() < want) {
        const ssize_t n = ::read(c, chunk, sizeof chunk);
        if (n <= 0) break;
        text.append(chunk, static_cast<std::size_t>(n));
        const auto end = text.find("\r\n\r\n");
        if (end != std::string::npos && want == std::string::npos) {
          std::size_t length = 0;
          const auto at = text.find("Content-Length: ");
          if (at != std::string::npos && at < end) length = std::stoul(text.substr(at + 16));
          want = end + 4 + length;
        }
      }
      int status = 200;
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(text);
        if (!statuses_.empty()) {
          status = statuses_.front();
          statuses_.pop_front();
        }
      }
      const std::string body = status == 200 ? R"({"code":0})" : R"({"code":1})";
      const std::string answer =
          "HTTP/1.1 " + std::to_string(status) +
          " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
          "\r\nConnection: close\r\n\r\n" + body;
      (void)!::write(c, answer.data(), answer.size());
      ::close(c);
    }
  }

  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::deque<int> statuses_;
  std::vector<std::string> requests_;
};

class WorkerSmsTest : public WorkerTest {};

TEST_P(WorkerSmsTest, TheHttpSenderRetriesUntilTheGatewayTakesTheCode) {
  FakeGateway gateway({500, 200});
  app::HttpSmsConfig config;
  config.url = gateway.url("/sms/send?to={phone}");
  config.token_header = "Authorization";
  config.token = "Bearer demo-token";
  config.hmac_header = "X-Signature";
  config.hmac_secret = "s3cret";
  config.ok_text = R"("code":0)";
  ASSERT_OK(app::CheckHttpSmsConfig(config));
  app::HttpSmsSender sender(config);

  ASSERT_OK(app_->sign_in().RequestCode(kPhone, "192.0.2.10"));
  auto first = app::DeliverSms(*db_, clock_, app_->vault(), sender);
  ASSERT_OK(first);
  EXPECT_EQ(first->failed, 1) << "the gateway answered 500";
  EXPECT_EQ(first->sent, 0);
  auto early = app::DeliverSms(*db_, clock_, app_->vault(), sender);
  ASSERT_OK(early);
  EXPECT_EQ(early->sent + early->failed, 0) << "not due again before the backoff";
  clock_.Advance(app::SmsRetryDelayMs(1));
  auto second = app::DeliverSms(*db_, clock_, app_->vault(), sender);
  ASSERT_OK(second);
  EXPECT_EQ(second->sent, 1);
  clock_.Advance(60'000);
  auto third = app::DeliverSms(*db_, clock_, app_->vault(), sender);
  ASSERT_OK(third);
  EXPECT_EQ(third->sent + third->failed, 0) << "delivered once";

  const auto requests = gateway.requests();
  ASSERT_EQ(requests.size(), 2u);
  const std::string& request = requests[1];
  EXPECT_TRUE(request.starts_with("POST /sms/send?to=13912345678 HTTP/1.1\r\n")) << request;
  EXPECT_NE(request.find("Authorization: Bearer demo-token\r\n"), std::string::npos);
  const std::string body = request.substr(request.find("\r\n\r\n") + 4);
  const auto json = nlohmann::json::parse(body);
  EXPECT_EQ(json["phone"], kPhone);
  EXPECT_EQ(json["minutes"], 5);
  const std::string code = json["code"];
  EXPECT_EQ(code.size(), 6u);
  EXPECT_NE(request.find("X-Signature: sha256=" + app::HmacSha256Hex("s3cret", body)),
            std::string::npos)
      << request;
  // The code the gateway got signs in.
  ASSERT_OK(app_->sign_in().SignIn(kPhone, code, "192.0.2.10"));
}

TEST_P(WorkerSmsTest, AGatewayAnsweringWithoutTheOkTextHasNotSent) {
  FakeGateway gateway({});
  app::HttpSmsConfig config;
  config.url = gateway.url("/send");
  config.ok_text = R"("code":7)";  // this gateway's 200s never say it
  app::HttpSmsSender sender(config);
  auto sent = sender.Send({kPhone, "123456", 5});
  ASSERT_FALSE(sent.has_value());
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);
}

TEST_P(WorkerSmsTest, AFormTemplateIsUrlEncoded) {
  app::HttpSmsConfig config;
  config.url = "https://sms.example.com/api?mobile={phone}&t={timestamp}";
  config.content_type = "application/x-www-form-urlencoded";
  config.body = "apikey=k&mobile={phone}&text=【职工之家】验证码{code}，{minutes}分钟内有效";
  app::HttpSmsSender sender(config);
  const auto [url, body] = sender.Render({kPhone, "042917", 5}, 1795593600);
  EXPECT_EQ(url, "https://sms.example.com/api?mobile=13912345678&t=1795593600");
  EXPECT_EQ(body, "apikey=k&mobile=13912345678&text=【职工之家】验证码042917，5分钟内有效");
}

TEST_P(WorkerSmsTest, BadGatewaySettingsAreRefused) {
  app::HttpSmsConfig config;
  config.url = "ftp://x";
  ExpectError(app::CheckHttpSmsConfig(config), ErrorCode::kInvalidArgument, "error.sms.config");
  config.url = "https://x";
  config.method = "DELETE";
  ExpectError(app::CheckHttpSmsConfig(config), ErrorCode::kInvalidArgument, "error.sms.config");
  config.method = "POST";
  config.headers.emplace_back("X-A", "1\r\nX-Injected: 2");
  ExpectError(app::CheckHttpSmsConfig(config), ErrorCode::kInvalidArgument, "error.sms.config");
  config.headers.clear();
  config.hmac_header = "X-Signature";
  ExpectError(app::CheckHttpSmsConfig(config), ErrorCode::kInvalidArgument, "error.sms.config");
}

TEST_P(WorkerSmsTest, ACodeThatExpiredUndeliveredIsGivenUp) {
  sms_.fail_next = 100;  // the gateway stays down
  ASSERT_OK(app_->sign_in().RequestCode(kPhone, "192.0.2.10"));
  for (int i = 0; i < 12; ++i) {
    ASSERT_OK(app::DeliverSms(*db_, clock_, app_->vault(), sms_));
    clock_.Advance(30'000);
  }
  sms_.fail_next = 0;
  clock_.Advance(60'000);
  auto after = app::DeliverSms(*db_, clock_, app_->vault(), sms_);
  ASSERT_OK(after);
  EXPECT_EQ(after->sent, 0);
  EXPECT_TRUE(sms_.sent.empty());
  auto lease = db_->Acquire();
  ASSERT_OK(lease);
  auto queued = store::RecentOutbox(**lease, 1);
  ASSERT_OK(queued);
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_FALSE(queued->at(0).sent_at.has_value());
  EXPECT_EQ(queued->at(0).last_error, "code expired before delivery");
}

TEST_P(WorkerSmsTest, TheGeneralOutboxLeavesTextMessagesAlone) {
  ASSERT_OK(app_->sign_in().RequestCode(kPhone, "192.0.2.10"));
  class Refusing final : public app::Notifier {
   public:
    Result<void> Send(const app::Message&) override {
      ADD_FAILURE() << "a text message reached the e-mail notifier";
      return {};
    }
  } refusing;
  auto report = app::DeliverOutbox(*db_, clock_, refusing);
  ASSERT_OK(report);
  EXPECT_EQ(report->sent, 0);
  EXPECT_EQ(Deliver(kPhone).size(), 6u);
}

TEST_P(WorkerSmsTest, TheLogSenderWritesTheCodeAndTheMaskedPhoneOnly) {
  std::ostringstream out;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "sms-test", std::make_shared<spdlog::sinks::ostream_sink_mt>(out)));
  app::LogSmsSender sender;
  auto sent = sender.Send({kPhone, "042917", 5});
  spdlog::set_default_logger(previous);
  ASSERT_OK(sent);
  EXPECT_NE(out.str().find("sign-in code 042917"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("139****5678"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find(kPhone), std::string::npos) << out.str();
}

ZJ_INSTANTIATE_ON_BOTH_STORES(WorkerSmsTest);

}  // namespace
}  // namespace zj::test
