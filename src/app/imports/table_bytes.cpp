#include "app/imports/table_bytes.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace zj::app {

namespace {

struct TempPath {
  std::string path;
  ~TempPath() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

Error WriteFailed(const std::string& why) {
  return Error{ErrorCode::kInternal, "error.internal", "xlsx answer: " + why, {}, {}};
}

}  // namespace

Result<std::string> XlsxBytes(const std::vector<std::vector<std::string>>& rows,
                              const TableWriterOptions& options) {
  const char* dir = std::getenv("TMPDIR");
  std::string pattern =
      std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/zhijia-answer-XXXXXX.xlsx";
  const int fd = ::mkstemps(pattern.data(), 5);
  if (fd < 0) return Fail(WriteFailed("cannot create a temporary file"));
  ::close(fd);
  TempPath temp{pattern};
  {
    ZJ_ASSIGN_OR_RETURN(auto writer, OpenTableWriter(temp.path, options));
    for (const auto& row : rows) ZJ_RETURN_IF_ERROR(writer->Add(row));
    ZJ_RETURN_IF_ERROR(writer->Close());
  }
  std::ifstream in(temp.path, std::ios::binary);
  if (!in) return Fail(WriteFailed("cannot read back"));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace zj::app
