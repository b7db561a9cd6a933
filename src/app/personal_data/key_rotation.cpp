#include "app/personal_data/key_rotation.h"

#include <sodium.h>

#include <array>
#include <thread>

#include "app/accounts/contact_service.h"
#include "app/attachments/attachments.h"
#include "app/hardship/hardship_service.h"
#include "app/jobs/sealed_file.h"
#include "app/legal/legal_case_service.h"
#include "app/members/member_service.h"
#include "app/requests/request_service.h"
#include "app/worker_accounts/corrections.h"
#include "app/worker_accounts/sign_in_service.h"
#include "store/jobs.h"
#include "store/resealing.h"

namespace zj::app {

namespace {

//! The fields (the vault's additional data) of each sealed table's columns.
struct SealedFields {
  std::string_view table;
  std::string_view first;
  std::string_view second;
};

constexpr std::array<SealedFields, store::kSealedTables.size()> kFields{{
    {"users", kPhoneField, ""},
    {"members", kMemberIdField, kMemberPhoneField},
    {"service_requests", kRequestPhoneField, ""},
    {"worker_accounts", kWorkerPhoneField, ""},
    {"member_corrections", kCorrectionValueField, kCorrectionValueField},
    {"household_members", kHouseholdIdField, kHouseholdNameField},
    {"hardship_bank_cards", kHouseholdBankCardField, ""},
    {"legal_case_workers", kLegalWorkerIdField, kLegalWorkerNameField},
    {"legal_lawyers", kLawyerPhoneField, ""},
    {"attachments", kAttachmentContentField, kAttachmentNameField},
    {"hardship_steps", kHardshipStepTextField, ""},
}};

const SealedFields& FieldsOf(const store::SealedTable& table) {
  for (const auto& f : kFields) {
    if (f.table == table.name) return f;
  }
  throw std::logic_error("no fields for sealed table " + std::string(table.name));
}

Error RingChanged() {
  return Error{ErrorCode::kConflict,
               "error.keys.changed",
               "the key ring changed while rotating (another rotation?)",
               {},
               {}};
}

}  // namespace

Result<std::int64_t> KeyRotation::Batch(const store::SealedTable& table, int to_version, int limit,
                                        std::int64_t& resealed) {
  const SealedFields& fields = FieldsOf(table);
  return store::InTransaction(db_, [&](store::Connection& conn) -> Result<std::int64_t> {
    ZJ_ASSIGN_OR_RETURN(auto rows, store::SealedBelow(conn, table, to_version, limit));
    for (const auto& row : rows) {
      store::ResealedRow now;
      ZJ_ASSIGN_OR_RETURN(std::string first, vault_.Open(fields.first, row.first));
      ZJ_ASSIGN_OR_RETURN(SealedValue first_sealed, vault_.SealIndexed(fields.first, first));
      now.first = std::move(first_sealed.cipher);
      now.first_index = std::move(first_sealed.index);
      if (row.second) {
        ZJ_ASSIGN_OR_RETURN(std::string second, vault_.Open(fields.second, *row.second));
        ZJ_ASSIGN_OR_RETURN(SealedValue second_sealed, vault_.SealIndexed(fields.second, second));
        now.second = std::move(second_sealed.cipher);
        now.second_index = std::move(second_sealed.index);
      }
      // The row's version is read from what was sealed, never from the ring apart (vault.h).
      now.key_version = Vault::OldestVersion({&now.first, now.second ? &*now.second : nullptr});
      if (now.key_version != to_version) return Fail(RingChanged());
      ZJ_ASSIGN_OR_RETURN(const bool replaced, store::Reseal(conn, table, row, now));
      resealed += replaced ? 1 : 0;  // not replaced: written meanwhile; a later batch sees it
    }
    return static_cast<std::int64_t>(rows.size());
  });
}

Result<std::int64_t> KeyRotation::JobKeysBatch(int to_version, int limit, std::int64_t& resealed) {
  return store::InTransaction(db_, [&](store::Connection& conn) -> Result<std::int64_t> {
    ZJ_ASSIGN_OR_RETURN(auto jobs, store::JobKeysBelowVersion(conn, to_version, limit));
    for (const auto& job : jobs) {
      if (!job.file_key) continue;
      ZJ_ASSIGN_OR_RETURN(std::string key, vault_.Open(kFileKeyField, *job.file_key));
      auto sealed = vault_.Seal(kFileKeyField, key);
      sodium_memzero(key.data(), key.size());
      ZJ_RETURN_IF_ERROR(sealed);
      const int version = Vault::OldestVersion({&*sealed});
      if (version != to_version) return Fail(RingChanged());
      ZJ_ASSIGN_OR_RETURN(const bool replaced, store::SetJobKey(conn, job, *sealed, version));
      resealed += replaced ? 1 : 0;
    }
    return static_cast<std::int64_t>(jobs.size());
  });
}

Result<bool> KeyRotation::Pass(const RotationOptions& options, RotationReport& report,
                               std::int64_t total, int& batches) {
  for (const auto& table : store::kSealedTables) {
    for (;;) {
      if (options.max_batches && batches >= *options.max_batches) return false;
      ++batches;
      ZJ_ASSIGN_OR_RETURN(const std::int64_t read,
                          Batch(table, report.to_version, options.batch, report.rows));
      if (read == 0) break;
      if (options.progress) options.progress(std::min(report.rows, total), total);
    }
  }
  for (;;) {
    if (options.max_batches && batches >= *options.max_batches) return false;
    ++batches;
    ZJ_ASSIGN_OR_RETURN(const std::int64_t read,
                        JobKeysBatch(report.to_version, options.batch, report.rows));
    if (read == 0) break;
    if (options.progress) options.progress(std::min(report.rows, total), total);
  }
  return true;
}

Result<RotationReport> KeyRotation::Run(const RotationOptions& options) {
  if (options.batch < 1) {
    return Fail(ErrorCode::kInvalidArgument, "error.keys.batch", "batch size must be at least 1");
  }
  ZJ_ASSIGN_OR_RETURN(KeyRing ring, keys_.Load());
  if (ring.empty()) return Fail(ErrorCode::kFailedPrecondition, "error.keys.missing", "no keys");
  RotationReport report;
  report.from_version = ring.keys().front().version;
  if (ring.keys().size() > 1) {
    report.resumed = true;  // an earlier run added the new version and stopped before the end
  } else {
    ZJ_ASSIGN_OR_RETURN(ring, ring.WithNewVersion());
    ZJ_RETURN_IF_ERROR(keys_.Save(ring));  // saved before any row uses the new key
  }
  report.to_version = ring.current_version();
  vault_.Replace(ring);

  std::int64_t total = 0;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    for (const auto& table : store::kSealedTables) {
      ZJ_ASSIGN_OR_RETURN(std::int64_t rows,
                          store::CountSealedBelow(*lease, table, report.to_version));
      total += rows;
    }
    ZJ_ASSIGN_OR_RETURN(std::int64_t jobs,
                        store::CountJobKeysBelowVersion(*lease, report.to_version));
    total += jobs;
  }
  if (options.progress) options.progress(0, total);
  // Until a pass after the settling time finds nothing: a server that had not yet reloaded the
  // key file may have sealed rows with the old key meanwhile, and they must move before the
  // old key leaves the ring.
  int batches = 0;
  for (bool settled = false;;) {
    const std::int64_t before = report.rows;
    ZJ_ASSIGN_OR_RETURN(const bool finished, Pass(options, report, total, batches));
    if (!finished) return report;  // stopped after max_batches; the next run resumes
    if (options.settle.count() <= 0 || (settled && report.rows == before)) break;
    if (options.wait) {
      options.wait(options.settle);
    } else {
      std::this_thread::sleep_for(options.settle);
    }
    settled = true;
  }

  ZJ_RETURN_IF_ERROR(audit_.Record(
      AuditActor::System(), AuditEvent{"keys.rotate",
                                       "key_file",
                                       std::to_string(report.to_version),
                                       "ok",
                                       {},
                                       {{"from_version", std::to_string(report.from_version)},
                                        {"to_version", std::to_string(report.to_version)},
                                        {"rows", std::to_string(report.rows)},
                                        {"resumed", report.resumed ? "true" : "false"}}}));
  KeyRing current = ring.CurrentOnly();
  ZJ_RETURN_IF_ERROR(keys_.Save(current));
  vault_.Replace(std::move(current));
  report.complete = true;
  return report;
}

}  // namespace zj::app
