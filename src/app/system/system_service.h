// What the running program is and whether it can serve: version, schema, store readiness.
#pragma once

#include <string>

#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct VersionInfo {
  std::string name;
  std::string version;
  int schema_version = 0;
  std::string backend;  //!< "sqlite" or "postgresql"
};

class SystemService {
 public:
  explicit SystemService(store::Database& db) : db_(db) {}
  VersionInfo Version() const;
  //! Ok when the store answers and its schema is the one this program expects.
  Result<void> Ready();

 private:
  store::Database& db_;
};

}  // namespace zj::app
