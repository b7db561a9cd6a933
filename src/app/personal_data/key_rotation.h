// Key rotation for personal data (`zhijia keys rotate`): a new key version is added to the key
// store, then every sealed value on an older version (every table of store/resealing.h) is
// re-encrypted and re-indexed in batches (one transaction each), and when none is left, also
// after a settling time in which servers following the key file take up the new key, the old
// versions are dropped. A row is replaced only while it is as it was read, so a write racing
// the rotation is kept. A run that stops midway leaves the key store holding old and new
// versions; the next run resumes from there.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "app/audit/audit_service.h"
#include "app/personal_data/key_ring.h"
#include "app/personal_data/vault.h"
#include "core/result.h"
#include "store/database.h"
#include "store/resealing.h"

namespace zj::app {

struct RotationOptions {
  int batch = 500;                 //!< rows per transaction (≥ 1)
  std::optional<int> max_batches;  //!< stop after this many batches (tests, and a time budget)
  std::function<void(std::int64_t done, std::int64_t total)> progress;  //!< after each batch
  //! How long servers take to follow the key file (Vault::Follow), and how long a write sealed
  //! before then may take to commit: the rows are looked for again after it. 0: not at all (a
  //! rotation nothing runs beside).
  std::chrono::milliseconds settle{0};
  //! Waits `settle` (tests pass their own; the thread sleeps otherwise).
  std::function<void(std::chrono::milliseconds)> wait;
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
  //! One batch of `table`: rows read, and those re-encrypted added to `resealed`.
  Result<std::int64_t> Batch(const store::SealedTable& table, int to_version, int limit,
                             std::int64_t& resealed);
  //! One batch of the jobs' file keys (sealed, never indexed; the files stay as they are).
  Result<std::int64_t> JobKeysBatch(int to_version, int limit, std::int64_t& resealed);
  //! Batches over every table until none is left below to_version (true) or max_batches.
  Result<bool> Pass(const RotationOptions& options, RotationReport& report, std::int64_t total,
                    int& batches);

  store::Database& db_;
  Vault& vault_;
  KeyStore& keys_;
  AuditService& audit_;
};

}  // namespace zj::app
