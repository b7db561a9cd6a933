// Rows of `worker_bindings` (migration 0015): a worker's claim to a member record that a
// union's cadre must decide, listed per subtree through the member's current org path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct WorkerBindingRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t worker_id = 0;
  std::int64_t member_id = 0;
  std::string reason;             //!< phone_differs, bound_elsewhere
  std::string state = "pending";  //!< pending, approved, rejected, cancelled
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> decision_note;
  // Read only (ignored by writes):
  std::string member_name;
  std::string card_number;
  Blob member_id_cipher;  //!< vault field "members.id_number", shown masked
  std::optional<Blob> member_phone_cipher;
  std::string org_path;  //!< the member's union's path, now
  std::string union_name;
  Blob worker_phone_cipher;  //!< vault field "worker_accounts.phone", shown masked
  std::optional<std::string> decided_by_name;
};

struct WorkerBindingQuery {
  std::string subtree_low;
  std::string subtree_high;
  std::string state;           //!< "" for any
  std::int64_t before_id = 0;  //!< ids below this (the cursor; newest first); 0 for the first page
  std::int64_t limit = 50;
};

//! kAlreadyExists when the worker has a pending binding already.
Result<void> InsertWorkerBinding(Connection& conn, const WorkerBindingRow& row);
Result<std::optional<WorkerBindingRow>> FindWorkerBinding(Connection& conn, std::int64_t id);
Result<std::optional<WorkerBindingRow>> PendingBindingOfWorker(Connection& conn,
                                                               std::int64_t worker_id);
//! Bindings whose member lies in the subtree, newest first.
Result<std::vector<WorkerBindingRow>> ListWorkerBindings(Connection& conn,
                                                         const WorkerBindingQuery& q);
//! Every binding the worker asked for, newest first (My data).
Result<std::vector<WorkerBindingRow>> WorkerBindingsOfWorker(Connection& conn,
                                                             std::int64_t worker_id);
//! How many bindings are pending whose member lies in [subtree_low, subtree_high): the
//! workbench's "bindings to approve", the count of ListWorkerBindings' first pages.
Result<std::int64_t> CountPendingBindings(Connection& conn, const std::string& subtree_low,
                                          const std::string& subtree_high);
//! Writes state, decided_by, decided_at, decision_note; false when it was no longer pending.
Result<bool> DecideWorkerBinding(Connection& conn, const WorkerBindingRow& row);
//! Cancels the worker's pending binding, if any.
Result<void> CancelPendingBinding(Connection& conn, std::int64_t worker_id, std::int64_t at);

}  // namespace zj::store
