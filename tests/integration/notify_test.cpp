// Notifications: a new request queues a message for its org in the same transaction; the
// outbox hands it to the notifier, retries after a failure with backoff and never sends a
// delivered message twice; the SMTP notifier talks real SMTP (libcurl) to a small SMTP
// listener in the test, and reports a mail server that is down as unavailable.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

#include "app/calendar/builtin_calendars.h"
#include "app/notify/notifier.h"
#include "app/notify/outbox.h"
#include "app/requests/request_service.h"
#include "captured_log.h"
#include "coverage_fixture.h"
#include "store/outbox.h"

namespace zj::test {
namespace {

class RecordingNotifier final : public app::Notifier {
 public:
  Result<void> Send(const app::Message& m) override {
    if (fail_next > 0) {
      --fail_next;
      return Fail(ErrorCode::kUnavailable, "error.notify.unavailable", "mail server down");
    }
    sent.push_back(m);
    return {};
  }
  int fail_next = 0;
  std::vector<app::Message> sent;
};

class NotifyTest : public CoverageTest {
 protected:
  void SetUp() override {
    CoverageTest::SetUp();
    if (HasFatalFailure()) return;
    requests_ = std::make_unique<app::RequestService>(*db_, clock_, random_, app_->audit(),
                                                      app_->vault(), calendars_);
  }

  app::CalendarBook calendars_;
  std::unique_ptr<app::RequestService> requests_;
};

TEST_P(NotifyTest, ANewRequestIsAnnouncedOnceDespiteAFailingSender) {
  app::NewRequest r;
  r.channel = "portal";
  r.category = "consultation";
  r.title = "劳动合同到期不续签怎么办";
  r.description = "咨询";
  r.contact_name = "李女士";
  r.contact_phone = "13600001111";
  r.region_code = streets_a_[0].code;
  auto submitted = requests_->Submit(std::nullopt, r);
  ASSERT_OK(submitted);

  auto lease = db_->Acquire();
  auto queued = store::RecentOutbox(**lease, 10);
  ASSERT_OK(queued);
  ASSERT_EQ(queued->size(), 1u);
  EXPECT_EQ(queued->at(0).subject, "【新诉求】劳动合同到期不续签怎么办");
  EXPECT_NE(queued->at(0).body.find(submitted->row.tracking_number), std::string::npos);

  RecordingNotifier notifier;
  notifier.fail_next = 1;
  auto report = app::DeliverOutbox(*db_, clock_, notifier);
  ASSERT_OK(report);
  EXPECT_EQ(report->failed, 1);
  EXPECT_TRUE(notifier.sent.empty());
  // Not due again until the backoff has passed.
  report = app::DeliverOutbox(*db_, clock_, notifier);
  ASSERT_OK(report);
  EXPECT_EQ(report->sent + report->failed, 0);
  clock_.Advance(app::RetryDelayMs(1) + 1);
  report = app::DeliverOutbox(*db_, clock_, notifier);
  ASSERT_OK(report);
  EXPECT_EQ(report->sent, 1);
  ASSERT_EQ(notifier.sent.size(), 1u);
  EXPECT_EQ(notifier.sent[0].subject, "【新诉求】劳动合同到期不续签怎么办");
  clock_.Advance(3'600'000);
  report = app::DeliverOutbox(*db_, clock_, notifier);
  ASSERT_OK(report);
  EXPECT_EQ(report->sent, 0) << "a delivered message is not sent again";
}

TEST_P(NotifyTest, RetriesBackOffUpToAnHour) {
  EXPECT_EQ(app::RetryDelayMs(1), 60'000);
  EXPECT_EQ(app::RetryDelayMs(2), 120'000);
  EXPECT_EQ(app::RetryDelayMs(4), 480'000);
  EXPECT_EQ(app::RetryDelayMs(7), 3'600'000);
  EXPECT_EQ(app::RetryDelayMs(50), 3'600'000);
}

//! Accepts one SMTP session on 127.0.0.1 and keeps what the client sent as DATA.
class SmtpListener {
 public:
  SmtpListener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 1);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~SmtpListener() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  const std::string& data() const { return data_; }
  const std::string& commands() const { return commands_; }

 private:
  void Serve() {
    const int c = ::accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    auto say = [c](const std::string& line) { (void)!::write(c, line.data(), line.size()); };
    say("220 test ESMTP\r\n");
    std::string buffer;
    bool in_data = false;
    char chunk[4096];
    for (;;) {
      const ssize_t n = ::read(c, chunk, sizeof chunk);
      if (n <= 0) break;
      buffer.append(chunk, static_cast<std::size_t>(n));
      for (;;) {
        if (in_data) {
          const auto end = buffer.find("\r\n.\r\n");
          if (end == std::string::npos) break;
          data_ = buffer.substr(0, end + 2);
          buffer.erase(0, end + 5);
          in_data = false;
          say("250 queued\r\n");
          continue;
        }
        const auto eol = buffer.find("\r\n");
        if (eol == std::string::npos) break;
        const std::string line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        commands_ += line + "\n";
        if (line.starts_with("EHLO")) {
          say("250 test\r\n");
        } else if (line == "DATA") {
          in_data = true;
          say("354 go on\r\n");
        } else if (line == "QUIT") {
          say("221 bye\r\n");
          ::close(c);
          return;
        } else {
          say("250 ok\r\n");
        }
      }
    }
    ::close(c);
  }

  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::string data_;
  std::string commands_;
};

TEST_P(NotifyTest, MailToNonAddressesGoesToTheFallback) {
  auto fallback = std::make_unique<RecordingNotifier>();
  RecordingNotifier* others = fallback.get();
  {
    SmtpListener listener;
    app::SmtpNotifier smtp(app::SmtpConfig{"smtp://127.0.0.1:" + std::to_string(listener.port()),
                                           "noreply@zhijia.example", "", "", 10},
                           std::move(fallback));
    // No '@': not an e-mail address, so the fallback notifier (the log) gets it.
    ASSERT_OK(smtp.Send({"U-001", "subject", "body"}));
    ASSERT_EQ(others->sent.size(), 1u);
    EXPECT_EQ(others->sent[0].recipient, "U-001");
  }
}

// The log notifier wrote subject and body as they came: a request's title with a newline
// forged a log line of its own, and a worker's words (ID numbers, phones) stayed in the log.
TEST_P(NotifyTest, TheLogNotifierWritesWhoWasNotifiedButNotTheText) {
  CapturedLog log;
  app::LogNotifier notifier;
  ASSERT_OK(notifier.Send({"U-001\n[error] forged",
                           "【新诉求】欠薪\n[2026-12-01 00:00:00.000] [info] forged line",
                           "身份证 110101199003077771，电话 13800138000"}));
  const std::string text = log.Text();
  EXPECT_NE(text.find("notification to \"U-001\\n[error] forged\""), std::string::npos) << text;
  for (const char* hidden : {"欠薪", "forged line", "110101199003077771", "13800138000"}) {
    EXPECT_EQ(text.find(hidden), std::string::npos) << hidden << " in " << text;
  }
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
}

TEST_P(NotifyTest, SmtpCarriesUtf8SubjectAndBody) {
  SmtpListener listener;
  app::SmtpNotifier smtp(app::SmtpConfig{"smtp://127.0.0.1:" + std::to_string(listener.port()),
                                         "noreply@zhijia.example", "", "", 10},
                         std::make_unique<app::LogNotifier>());
  ASSERT_OK(smtp.Send({"union@example.org", "【新诉求】欠薪", "第一行\n.以点开头的一行\n"}));
  // The session is over once Send returns (libcurl sent QUIT).
  for (int i = 0; i < 200 && listener.commands().find("QUIT") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_NE(listener.commands().find("MAIL FROM:<noreply@zhijia.example>"), std::string::npos);
  EXPECT_NE(listener.commands().find("RCPT TO:<union@example.org>"), std::string::npos);
  const std::string& data = listener.data();
  EXPECT_NE(data.find("To: union@example.org\r\n"), std::string::npos) << data;
  // RFC 2047: the UTF-8 subject travels base64-encoded.
  EXPECT_NE(data.find("Subject: =?UTF-8?B?44CQ5paw6K+J5rGC44CR5qyg6Jaq?="), std::string::npos)
      << data;
  EXPECT_NE(data.find("charset=UTF-8"), std::string::npos);
  // The body's leading dot was doubled on the wire (dot-stuffing), so it survives delivery.
  EXPECT_NE(data.find("第一行\r\n..以点开头的一行\r\n"), std::string::npos) << data;
}

TEST_P(NotifyTest, AMailServerThatIsDownIsUnavailable) {
  int port = 0;
  {
    SmtpListener probe;  // a port that was free a moment ago and is closed now
    port = probe.port();
    // Connect once so the listener's thread ends.
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    (void)::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::close(s);
  }
  app::SmtpNotifier smtp(app::SmtpConfig{"smtp://127.0.0.1:" + std::to_string(port),
                                         "noreply@zhijia.example", "", "", 5},
                         std::make_unique<app::LogNotifier>());
  auto sent = smtp.Send({"union@example.org", "s", "b"});
  ASSERT_FALSE(sent.has_value());
  EXPECT_EQ(sent.error().code, ErrorCode::kUnavailable);
}

ZJ_INSTANTIATE_ON_BOTH_STORES(NotifyTest);

}  // namespace
}  // namespace zj::test
