// 会员关系接转 (member transfers between unions) as use cases. Either side may ask: the sending
// union for one of its members, or the receiving union for a person it knows by ID number
// (found anywhere by blind index; only the sending union's name is revealed). The other side
// approves or rejects; once due_at (10 working days after the request, on the working-day
// calendar) has passed, staff whose scope holds both unions may decide too. The requesting side
// may cancel while pending. Approval moves the member (union, path, federation; employer
// cleared) and its coverage count, records member events and an audit entry, all in one
// transaction. At most one transfer per member is pending. A transfer neither of whose unions
// lies in the actor's scope is kNotFound.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/audit/audit_service.h"
#include "app/calendar/calendar_service.h"
#include "app/clock.h"
#include "app/members/id_lookups.h"
#include "app/personal_data/vault.h"
#include "core/calendar/work_calendar.h"
#include "core/result.h"
#include "store/database.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

//! Working days a request waits for the other side before staff above both may decide.
inline constexpr int kTransferDueWorkingDays = 10;

struct TransferView {
  store::MemberTransferRow row;
  std::string member_id_masked;  //!< "**************1234": only the last four are kept in clear
  bool can_decide = false;
  bool can_cancel = false;
};

struct TransferFilter {
  std::string box = "incoming";  //!< incoming, outgoing, decidable
  std::string state;             //!< "" for any, else pending, approved, rejected, cancelled
  std::int64_t after_id = 0;     //!< cursor: the last id of the previous page (ids descend)
  int limit = 50;                //!< 1..200
};

//! What a worker adds when asking for their own transfer (My membership, changing jobs).
struct WorkerAsk {
  std::int64_t worker_id = 0;
  std::optional<std::string> new_employer;
};

struct TransferPage {
  std::vector<TransferView> items;
  std::optional<std::int64_t> next_cursor;
};

//! The view of a transfer for `actor` at `now_ms` (whether they may decide or cancel it).
TransferView TransferViewFor(const Actor& actor, const store::MemberTransferRow& row,
                             std::int64_t now_ms);

class TransferService {
 public:
  TransferService(store::Database& db, const Clock& clock, Random& random, AuditService& audit,
                  const Vault& vault, const CalendarBook& calendars, IdLookups& lookups)
      : db_(db),
        clock_(clock),
        random_(random),
        audit_(audit),
        vault_(vault),
        calendars_(calendars),
        lookups_(lookups) {}

  //! The sending side asks: the member must lie in the actor's scope and be active; the
  //! receiving union may lie anywhere (it must be an active grassroots union).
  Result<TransferView> RequestFromSender(const Actor& actor, std::int64_t member_id,
                                         std::int64_t to_union_id, const std::string& reason);
  //! As RequestFromSender, the receiving union named by its code (it usually lies outside the
  //! sender's scope, where the sender cannot pick it from a list): an unknown code, or one of
  //! an org that is not an active grassroots union, is a field error on to_union_code
  //! ("error.members.union_code"). The answer shows only that union's id and name.
  Result<TransferView> RequestFromSenderByCode(const Actor& actor, std::int64_t member_id,
                                               const std::string& to_union_code,
                                               const std::string& reason);
  //! The receiving side asks for the person with this ID number, active in any union:
  //! kNotFound on field id_number when there is none. `to_union_id` must lie in the scope.
  //! A look-up of the whole registry: limited and audited (id_lookups.h).
  Result<TransferView> RequestByReceiver(const Actor& actor, const std::string& id_number,
                                         std::int64_t to_union_id, const std::string& reason);
  //! The receiving side asks for a member it already knows by id (an import's transfer
  //! candidate; the member may lie outside the actor's scope). `import_id` is recorded.
  Result<TransferView> RequestByMember(const Actor& actor, std::int64_t member_id,
                                       std::int64_t to_union_id, std::string reason,
                                       std::optional<std::int64_t> import_id);
  //! kPermissionDenied "error.transfers.not_decider" unless can_decide; kConflict
  //! "error.transfers.not_pending" when already decided.
  Result<TransferView> Approve(const Actor& actor, std::int64_t id, const std::string& note);
  //! As Approve; a note (the reason) is required.
  Result<TransferView> Reject(const Actor& actor, std::int64_t id, const std::string& note);
  //! The requesting side withdraws a pending request.
  Result<TransferView> Cancel(const Actor& actor, std::int64_t id);
  Result<TransferView> Get(const Actor& actor, std::int64_t id);
  Result<TransferPage> List(const Actor& actor, const TransferFilter& filter);
  //! The signed-in worker asks to move their bound member to `to_union_id` (an active
  //! grassroots union anywhere): the same pending transfer as RequestFromSender (the receiving
  //! union decides, the sending union may cancel), recording the worker's account and the new
  //! employer. kFailedPrecondition "error.card.not_bound" for a worker not bound to a member;
  //! kAlreadyExists "error.transfers.pending" on field to_union_id when one is pending.
  //! (worker_transfers.cpp)
  Result<TransferView> AskByWorker(const Actor& worker, std::int64_t to_union_id,
                                   const std::string& reason, const std::string& new_employer);
  //! The worker withdraws a pending transfer they asked for; any other id is kNotFound, and a
  //! decided one kConflict "error.transfers.not_pending".
  Result<TransferView> WithdrawByWorker(const Actor& worker, std::int64_t id);
  //! The transfers of the worker's bound member, newest first (no staff rights in the views).
  Result<std::vector<store::MemberTransferRow>> OfWorker(store::Connection& conn,
                                                         const Actor& worker);

  //! A member's transfers as the actor sees them (the member is in scope), newest first.
  Result<std::vector<TransferView>> OfMember(store::Connection& conn, const Actor& actor,
                                             std::int64_t member_id);

 private:
  //! The common part of the three requests, inside the caller's transaction.
  Result<TransferView> Request(store::Connection& conn, const Actor& actor,
                               const store::MemberRow& member, const store::OrgRow& to_union,
                               const std::string& side, const std::string& reason,
                               std::optional<std::int64_t> import_id,
                               const std::optional<WorkerAsk>& by_worker = std::nullopt);
  Result<TransferView> Decide(const Actor& actor, std::int64_t id, const std::string& state,
                              const std::string& note);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
  const Vault& vault_;
  const CalendarBook& calendars_;
  IdLookups& lookups_;
};

}  // namespace zj::app
