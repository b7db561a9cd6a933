#include "cli/server_log.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <ext/stdio_filebuf.h>  // libstdc++: a stream buffer over a file descriptor
#include <ostream>
#include <vector>

#include "cli/command_context.h"

namespace zj::cli {

struct BufferedServerLog::State {
  explicit State(int fd) : buffer(fd, std::ios::out, kBytes), stream(&buffer) {}
  static constexpr std::size_t kBytes = std::size_t{64} * 1024;
  __gnu_cxx::stdio_filebuf<char> buffer;  // owns (and closes) the duplicated descriptor
  std::ostream stream;
  std::vector<spdlog::sink_ptr> previous_sinks;
  spdlog::level::level_enum previous_flush_level = spdlog::level::off;
};

BufferedServerLog::BufferedServerLog() {
  if (isatty(STDERR_FILENO) != 0) return;
  const int fd = dup(STDERR_FILENO);
  if (fd < 0) return;  // keep the console sink
  state_ = std::make_unique<State>(fd);
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(state_->stream);
  sink->set_pattern(kLogPattern);
  auto logger = spdlog::default_logger();
  logger->flush();
  state_->previous_sinks = logger->sinks();
  state_->previous_flush_level = logger->flush_level();
  logger->sinks() = {sink};
  logger->flush_on(spdlog::level::warn);
}

BufferedServerLog::~BufferedServerLog() {
  if (!state_) return;
  auto logger = spdlog::default_logger();
  logger->flush();
  logger->sinks() = state_->previous_sinks;
  logger->flush_on(state_->previous_flush_level);
}

}  // namespace zj::cli
