// My data (我的数据, PIPL art. 44–45): everything Zhijia stores about the signed-in worker, for
// the worker to see and download — the account, its sessions, the member record it is bound to,
// the bindings it asked for, every request of My requests with its timeline, the consents it
// gave and withdrew and the privacy notice it accepted. Phone and ID numbers are masked;
// internal notes, handlers' names and other people's data never appear. Every access is audited as
// the worker's own (worker.my_data, with what for: view, json, html or reveal). The clear numbers
// are shown to the worker only after a fresh one-time code to the account's phone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "app/personal_data/vault.h"
#include "app/requests/request_service.h"
#include "app/worker_accounts/consents.h"
#include "app/worker_accounts/corrections.h"
#include "app/worker_accounts/sign_in_service.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

struct MyDataMember {
  std::int64_t id = 0;
  std::string name;
  std::string card_number;
  std::string id_number_masked;  //!< "110101********1024"
  std::optional<std::string> phone_masked;
  std::string gender;
  std::string birth_date;
  std::optional<std::string> ethnicity;
  std::optional<std::string> employer;
  std::optional<std::string> join_date;
  std::string union_name;
  bool migrant_worker = false;
  bool model_worker = false;
  std::string status;
  std::optional<std::string> status_changed_on;
  std::int64_t recorded_at = 0;
};

struct MyDataBinding {
  std::string state;   //!< pending, approved, rejected, cancelled
  std::string reason;  //!< phone_differs, bound_elsewhere
  std::string member_name;
  std::string union_name;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_at;
};

struct MyDataSession {
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  std::string remote_addr;
};

struct MyData {
  std::int64_t generated_at = 0;
  std::int64_t worker_id = 0;
  std::string phone_masked;
  std::string status;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_sign_in_at;
  std::optional<std::int64_t> bound_at;
  std::vector<MyDataSession> sessions;
  std::optional<MyDataMember> member;
  std::vector<MyDataBinding> bindings;
  std::vector<MyRequestRecord> requests;
  std::vector<CorrectionView> corrections;  //!< of the member record, newest first
  Consents consents;  //!< the optional uses, their history and the privacy notice accepted
};

//! The worker's phone and ID numbers in clear, shown once after a fresh code.
struct RevealedData {
  std::string phone;                        //!< the account's phone
  std::optional<std::string> member_phone;  //!< the bound member's stored phone
  std::optional<std::string> id_number;     //!< the bound member's ID number
};

class MyDataService {
 public:
  //! At most this many requests go into one copy (the newest).
  static constexpr int kMaxRequests = 1000;

  MyDataService(store::Database& db, const Clock& clock, const Vault& vault, AuditService& audit,
                RequestService& requests, SignInService& sign_in, ConsentService& consents)
      : db_(db),
        clock_(clock),
        vault_(vault),
        audit_(audit),
        requests_(requests),
        sign_in_(sign_in),
        consents_(consents) {}

  //! The worker's data; `purpose` (view, json, html) goes into the audit entry.
  //! kPermissionDenied for anyone but a signed-in worker.
  Result<MyData> Of(const Actor& worker, const std::string& purpose);
  //! Sends a fresh one-time code to the account's phone, with sign-in's code machinery and
  //! throttles (SignInService::RequestCode).
  Result<CodeSent> RequestRevealCode(const Actor& worker);
  //! The clear phone and ID numbers, once, when `code` is the fresh code (SignInService::UseCode:
  //! sign-in's refusals and throttles); audited as the worker's own (purpose reveal).
  Result<RevealedData> Reveal(const Actor& worker, const std::string& code);

 private:
  store::Database& db_;
  const Clock& clock_;
  const Vault& vault_;
  AuditService& audit_;
  RequestService& requests_;
  SignInService& sign_in_;
  ConsentService& consents_;
};

}  // namespace zj::app
