#include "store/hardship_erase.h"

#include <vector>

#include "store/hardship_flow.h"

namespace zj::store {

namespace {

constexpr Sql kFlowErased{"hardship_erase.flow",
                          "UPDATE hardship_flows SET stage = 'erased', spot_check_due = 0,"
                          " publicity_ends_on = NULL, review_due_on = NULL, updated_at = $2"
                          " WHERE file_id = $1 AND stage = 'closed'"};
constexpr Sql kHousehold{"hardship_erase.household",
                         "DELETE FROM household_members WHERE file_id = $1"};
constexpr Sql kExpenses{"hardship_erase.expenses",
                        "DELETE FROM hardship_expenses WHERE file_id = $1"};
constexpr Sql kSteps{"hardship_erase.steps",
                     "UPDATE hardship_steps SET detail = '{}', text_cipher = NULL, key_version = 0"
                     " WHERE file_id = $1"};
constexpr Sql kFile{"hardship_erase.file",
                    "UPDATE hardship_files SET member_id = NULL, override_reason = NULL,"
                    " updated_at = $2 WHERE id = $1"};
constexpr Sql kAidOnce{"hardship_erase.aid_once",
                       "DELETE FROM aid_once WHERE grant_id IN"
                       " (SELECT id FROM aid_grants WHERE file_id = $1)"};
constexpr Sql kBankCard{"hardship_erase.bank_card",
                        "DELETE FROM hardship_bank_cards WHERE id = $1"};
constexpr Sql kAttachments{"hardship_erase.attachments",
                           "DELETE FROM attachments WHERE owner_kind = 'hardship_file'"
                           " AND owner_id = $1"};
constexpr Sql kAidNotes{"hardship_erase.aid_notes",
                        "UPDATE aid_grants SET refuse_reason = NULL WHERE file_id = $1"};

}  // namespace

Result<bool> EraseHardshipFile(Connection& conn, std::int64_t id, std::int64_t at) {
  const std::vector<Value> with_time{id, at};
  const std::vector<Value> just_id{id};
  // The flow first: its stage guard makes a second sweep (or a reopened file) a no-op.
  ZJ_ASSIGN_OR_RETURN(std::int64_t moved, conn.Execute(kFlowErased, with_time));
  if (moved != 1) return false;
  ZJ_ASSIGN_OR_RETURN(auto flow, FindHardshipFlow(conn, id));
  if (flow)
    ZJ_RETURN_IF_ERROR(
        CountFlowStage(conn, flow->org_path, flow->federation_id, "closed", "erased"));
  for (const Sql* sql :
       {&kHousehold, &kExpenses, &kSteps, &kBankCard, &kAttachments, &kAidOnce, &kAidNotes}) {
    ZJ_RETURN_IF_ERROR(conn.Execute(*sql, just_id));
  }
  ZJ_RETURN_IF_ERROR(conn.Execute(kFile, with_time));
  return true;
}

}  // namespace zj::store
