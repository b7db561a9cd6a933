#include "app/system/system_service.h"

#include "store/migrations.h"

namespace zj::app {

VersionInfo SystemService::Version() const {
  return VersionInfo{"zhijia", ZHIJIA_VERSION, store::LatestSchemaVersion(),
                     db_.backend() == store::Backend::kSqlite ? "sqlite" : "postgresql"};
}

Result<void> SystemService::Ready() {
  ZJ_RETURN_IF_ERROR(db_.Ping());
  ZJ_RETURN_IF_ERROR(store::CheckSchemaCurrent(db_));
  return {};
}

}  // namespace zj::app
