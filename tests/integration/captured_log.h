// The program's log (spdlog's default logger) captured for a test's lifetime, to assert what a
// log line holds and what it never holds. Installed before any thread logs (a fixture member is
// constructed before SetUp starts a server) and removed after they stopped.
#pragma once

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace zj::test {

class CapturedLog {
 public:
  CapturedLog()
      : logger_(spdlog::default_logger()),
        previous_sinks_(logger_->sinks()),
        previous_level_(logger_->level()) {
    logger_->sinks() = {std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_)};
    logger_->set_level(spdlog::level::info);
  }
  ~CapturedLog() {
    logger_->flush();
    logger_->sinks() = previous_sinks_;
    logger_->set_level(previous_level_);
  }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;

  //! Everything logged so far.
  std::string Text() {
    logger_->flush();
    return stream_.str();
  }

 private:
  std::shared_ptr<spdlog::logger> logger_;
  std::vector<spdlog::sink_ptr> previous_sinks_;
  spdlog::level::level_enum previous_level_;
  std::ostringstream stream_;
};

}  // namespace zj::test
