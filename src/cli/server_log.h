// The server's log lines (one per request) when stderr is not a terminal (a service manager's
// journal, a file): spdlog's ostream sink over a buffered copy of stderr, written out when the
// buffer fills, by the serve command's once-a-second flush job, and at once for warnings and
// errors. The console sink writes each line with its own
// write(2) under a process-wide mutex, which was 7 % of the CPU of a member's GET (issue 8).
// On a terminal nothing changes. The last second of info lines is lost if the process is
// killed with SIGKILL; a graceful stop and every warning or error flush.
#pragma once

#include <memory>

namespace zj::cli {

//! While it lives, the default logger writes through a buffer (when stderr is not a terminal).
//! Create it before the server's threads start and destroy it after they stopped: the
//! logger's sinks are swapped without a lock.
class BufferedServerLog {
 public:
  BufferedServerLog();
  ~BufferedServerLog();
  BufferedServerLog(const BufferedServerLog&) = delete;
  BufferedServerLog& operator=(const BufferedServerLog&) = delete;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace zj::cli
