// Rows of the member registry (`members`, `member_events`, `member_transfers`) and their
// queries. Every list and search is bounded to a subtree range [low, high) of org_path, so a
// caller's scope is part of the statement and never a filter applied afterwards.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

//! One membership, the columns of `members` in order, plus two read-only display names.
struct MemberRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t union_org_id = 0;
  std::string org_path;
  std::string name;
  std::string name_pinyin;    //!< "zhangxiaolin" (app/members/name_keys.h)
  std::string name_initials;  //!< "zxl"
  Blob id_cipher;             //!< vault field "members.id_number"
  std::string id_index;
  std::string id_last4;
  std::string gender;      //!< male, female
  std::string birth_date;  //!< YYYY-MM-DD
  std::optional<std::string> ethnicity;
  std::optional<Blob> phone_cipher;  //!< vault field "members.phone"
  std::optional<std::string> phone_index;
  std::optional<std::string> phone_last4;
  std::optional<std::int64_t> employer_id;
  std::optional<std::string> employer_name;
  std::optional<std::string> join_date;
  std::string card_number;
  bool migrant_worker = false;
  bool model_worker = false;
  std::string status = "active";  //!< active, transferred_out, retired, deceased, left
  std::optional<std::string> status_changed_on;
  std::int64_t key_version = 0;
  std::optional<std::int64_t> import_id;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  // Read only (ignored by writes):
  std::string union_name;                       //!< the union's name
  std::optional<std::string> employer_display;  //!< the enterprise's name, else employer_name
  std::optional<std::string> employer_uscc;     //!< the linked enterprise's USCC
  //! Read by FindMemberById only: whether any transfer names the member (unset elsewhere).
  std::optional<bool> has_transfers;
};

//! A subtree-bounded member query; `status` "" for any; cursor on id (ascending).
struct MemberQuery {
  std::string subtree_low;
  std::string subtree_high;
  std::string status;
  std::int64_t after_id = 0;
  std::int64_t limit = 50;
};

Result<void> InsertMember(Connection& conn, const MemberRow& m);
//! Inserts many rows with multi-row statements (store/multi_row_insert.h), in `rows` order.
Result<void> InsertMembers(Connection& conn, std::span<const MemberRow> rows);
//! Writes every column of `m` (by id) except id and created_at.
Result<void> UpdateMember(Connection& conn, const MemberRow& m);
Result<std::optional<MemberRow>> FindMemberById(Connection& conn, std::int64_t id);
//! Members (any status, any union) whose id_index is one of `indexes`, by id.
Result<std::vector<MemberRow>> FindMembersByIdIndexes(Connection& conn,
                                                      const std::vector<std::string>& indexes);
//! Members in the subtree, by id.
Result<std::vector<MemberRow>> ListMembers(Connection& conn, const MemberQuery& q);
//! Name starting with `prefix`, in (name, id) order (the cursor is not used).
Result<std::vector<MemberRow>> SearchMembersByName(Connection& conn, const MemberQuery& q,
                                                   const std::string& prefix);
//! Full pinyin or initials starting with `prefix` (lower-case ASCII), by id.
Result<std::vector<MemberRow>> SearchMembersByPinyin(Connection& conn, const MemberQuery& q,
                                                     const std::string& prefix);
//! ID or phone ending with `last4`, by id.
Result<std::vector<MemberRow>> SearchMembersByLast4(Connection& conn, const MemberQuery& q,
                                                    const std::string& last4);
//! ID blind index (or, with `phone`, phone blind index) among `indexes`, by id.
Result<std::vector<MemberRow>> SearchMembersByIndexes(Connection& conn, const MemberQuery& q,
                                                      const std::vector<std::string>& indexes,
                                                      bool phone);
Result<std::vector<MemberRow>> SearchMembersByCard(Connection& conn, const MemberQuery& q,
                                                   const std::string& card_number);
//! Active members of one union (for recounts and tests).
Result<std::int64_t> CountActiveMembersOfUnion(Connection& conn, std::int64_t union_org_id);
//! Active members per union: (union_org_id, count), for recounts.
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> ActiveMembersPerUnion(Connection& conn);
//! Unions with members whose org_path is not the union's path: (union_org_id, count).
Result<std::vector<std::pair<std::int64_t, std::int64_t>>> MembersOffTheirUnionsPath(
    Connection& conn);
Result<std::int64_t> CountMembers(Connection& conn);

struct MemberEventRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t member_id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string event;   //!< updated, status, transfer_requested, transferred, revealed, ...
  std::string detail;  //!< JSON object, never personal data in clear
  std::optional<std::string> actor_name;  //!< read only: the user's display name
};
Result<void> InsertMemberEvent(Connection& conn, const MemberEventRow& e);
//! A member's events, oldest first.
Result<std::vector<MemberEventRow>> MemberEvents(Connection& conn, std::int64_t member_id);

struct MemberTransferRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t member_id = 0;
  std::int64_t from_union_id = 0;
  std::int64_t to_union_id = 0;
  std::string from_path;
  std::string to_path;
  std::string requested_side;  //!< from, to
  std::int64_t requested_by = 0;
  std::string reason;
  std::string state = "pending";  //!< pending, approved, rejected, cancelled
  std::int64_t due_at = 0;
  std::optional<std::int64_t> decided_by;
  std::optional<std::int64_t> decided_at;
  std::optional<std::string> decision_note;
  std::optional<std::int64_t> import_id;
  std::int64_t created_at = 0;
  //! The worker account that asked on My membership (requested_by is then 0), else unset.
  std::optional<std::int64_t> requested_by_worker;
  std::optional<std::string> new_employer;  //!< named by the worker who asked
  // Read only:
  std::string member_name;
  std::string member_id_last4;
  std::string from_union_name;
  std::string to_union_name;
  std::optional<std::string> requested_by_name;
  std::optional<std::string> decided_by_name;
};

//! Which transfers a list shows, relative to a subtree [low, high).
enum class TransferBox {
  kIncoming,   //!< to_path in the subtree
  kOutgoing,   //!< from_path in the subtree
  kDecidable,  //!< either path in the subtree (the service decides which it may decide)
};

struct TransferQuery {
  std::string subtree_low;
  std::string subtree_high;
  TransferBox box = TransferBox::kIncoming;
  std::string state;  //!< "" for any
  std::int64_t after_id = 0;
  std::int64_t limit = 50;
};

//! kAlreadyExists when the member has a pending transfer already (partial unique index).
Result<void> InsertMemberTransfer(Connection& conn, const MemberTransferRow& t);
//! Writes state, decided_by, decided_at and decision_note; true when the row was pending.
Result<bool> DecideMemberTransfer(Connection& conn, const MemberTransferRow& t);
Result<std::optional<MemberTransferRow>> FindMemberTransfer(Connection& conn, std::int64_t id);
//! The member's transfers, newest first.
Result<std::vector<MemberTransferRow>> TransfersOfMember(Connection& conn, std::int64_t member_id);
//! The transfers of the box, newest first (the cursor is the last id shown; ids descend).
Result<std::vector<MemberTransferRow>> ListMemberTransfers(Connection& conn,
                                                           const TransferQuery& q);
//! The statement that reads a box's pending transfers (state named as a literal, so the partial
//! indexes member_transfers_pending_from/_to serve it); exposed for the query-plan test.
const Sql& PendingTransfersStatement(TransferBox box);

}  // namespace zj::store
