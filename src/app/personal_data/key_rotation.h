// Key rotation for personal data (`zhijia keys rotate`): a new key version is added to the key
// store, then every sealed value on an older version is re-encrypted and re-indexed in batches
// (one transaction each), and when none is left the old versions are dropped. A run that stops
// midway leaves the key store holding old and new versions; the next run resumes from there.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "app/audit/audit_service.h"
#include "app/personal_data/key_ring.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct RotationOptions {
  int batch = 500;                 //!< rows per transaction (≥ 1)
  std::optional<int> max_batches;  //!< stop after this many batches (tests, and a time budget)
  std::function<void(std::int64_t done, std::int64_t total)> progress;  //!< after each batch
};

struct RotationReport {
  int from_version = 0;   //!< the oldest version still in use when this run started
  int to_version = 0;     //!< the version everything is re-encrypted to
  bool resumed = false;   //!< a previous run had already added to_version
  std::int64_t rows = 0;  //!< rows re-encrypted by this run
  bool complete = false;  //!< every row is on to_version and old keys were dropped
};

class KeyRotation {
 public:
  KeyRotation(store::Database& db, Vault& vault, KeyStore& keys, AuditService& audit)
      : db_(db), vault_(vault), keys_(keys), audit_(audit) {}

  //! Rotates (or resumes a rotation). The vault is switched to the new ring as soon as it is
  //! saved. Records "keys.rotate" in the audit log when complete.
  Result<RotationReport> Run(const RotationOptions& options);

 private:
  store::Database& db_;
  Vault& vault_;
  KeyStore& keys_;
  AuditService& audit_;
};

}  // namespace zj::app
