#include "app/aid/aid_payment_list.h"

#include <set>

#include "app/aid/aid_rules_service.h"
#include "app/hardship/hardship_service.h"
#include "app/imports/table_bytes.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "core/aid/aid_rules.h"
#include "core/calendar/work_calendar.h"
#include "core/hardship/hardship_level.h"
#include "core/members/calendar_date.h"
#include "core/personal_data/masking.h"
#include "store/hardship.h"
#include "store/hardship_bank_cards.h"

namespace zj::app {

namespace {

Error Invalid(std::string field, std::string key,
              std::vector<std::pair<std::string, std::string>> args = {}) {
  return Error{ErrorCode::kInvalidArgument,
               "error.invalid_input",
               "payment list",
               {{std::move(field), std::move(key), std::move(args)}},
               {}};
}

// The sheet's columns, in the finance office's words (the workbook is for a Chinese office).
const std::vector<std::string> kHeader{
    "序号",     "帮扶编号", "所属工会", "户主姓名",   "身份证号（脱敏）", "开户银行",
    "银行卡号", "帮扶类别", "期间",     "金额（元）", "批准日期"};

std::string KindZh(const std::string& kind) {
  if (kind == "living") return "生活救助";
  if (kind == "medical") return "医疗救助";
  if (kind == "schooling") return "助学";
  if (kind == "festival") return "送温暖";
  if (kind == "emergency") return "临时救助";
  return kind;
}

}  // namespace

Result<std::string> AidPaymentList::Workbook(const Actor& actor, const std::string& kind,
                                             const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  if (!kind.empty() && !aid::ParseKind(kind)) return Fail(Invalid("kind", "error.aid.kind"));
  std::vector<std::vector<std::string>> rows{kHeader};
  const auto range = ScopeRange(actor);
  if (range) {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    store::AidGrantQuery q;
    q.low = range->first;
    q.high = range->second;
    q.status = "approved";
    q.kind = kind;
    q.limit = 200;
    for (;;) {
      ZJ_ASSIGN_OR_RETURN(auto page, store::ListAidGrants(*lease, q));
      for (const auto& g : page) {
        if (rows.size() > kMaxRows) {
          return Fail(Invalid("kind", "error.aid.payment_list_too_long",
                              {{"max", std::to_string(kMaxRows)}}));
        }
        ZJ_ASSIGN_OR_RETURN(auto household, store::HouseholdOf(*lease, g.file_id));
        std::string name, id_masked;
        if (!household.empty()) {
          ZJ_ASSIGN_OR_RETURN(name,
                              vault_.Open(kHouseholdNameField, household.front().name_cipher));
          ZJ_ASSIGN_OR_RETURN(std::string id,
                              vault_.Open(kHouseholdIdField, household.front().id_cipher));
          id_masked = personal_data::MaskNationalId(id);
        }
        std::string bank, card;
        ZJ_ASSIGN_OR_RETURN(auto bank_card, store::FindBankCard(*lease, g.file_id));
        if (bank_card) {
          bank = bank_card->bank_name;
          ZJ_ASSIGN_OR_RETURN(card, vault_.Open(kHouseholdBankCardField, bank_card->card_cipher));
        }
        const std::string approved_on =
            g.decided_at ? members::FormatDate(
                               std::chrono::year_month_day(calendar::LocalDay(*g.decided_at)))
                         : "";
        rows.push_back({std::to_string(rows.size()), std::to_string(g.id), g.org_name, name,
                        id_masked, bank, card, KindZh(g.kind), g.period,
                        hardship::Yuan(g.amount_fen), approved_on});
      }
      if (static_cast<int>(page.size()) < q.limit) break;
      q.before_id = page.back().id;
    }
  }
  // Personal data leaves only once the export is on record.
  ZJ_RETURN_IF_ERROR(audit_.Record(
      AuditActor::From(actor),
      AuditEvent{"aid.payment_list",
                 "aid_grant",
                 "",
                 "ok",
                 actor.remote_addr,
                 {{"rows", std::to_string(rows.size() - 1)}, {"kind", kind}, {"reason", why}}}));
  TableWriterOptions options;
  options.sheet_name = "帮扶发放名单";
  return XlsxBytes(rows, options);
}

Result<std::vector<BatchPayment>> AidPaymentList::PayBatch(
    const Actor& actor, const std::vector<std::int64_t>& grant_ids,
    const AidPaymentInput& payment) {
  ZJ_RETURN_IF_ERROR(MustWorkWithAid(actor));
  const std::set<std::int64_t> distinct(grant_ids.begin(), grant_ids.end());
  if (grant_ids.empty() || grant_ids.size() > kMaxBatch || distinct.size() != grant_ids.size()) {
    return Fail(Invalid("grant_ids", "error.aid.batch", {{"max", std::to_string(kMaxBatch)}}));
  }
  std::vector<BatchPayment> out;
  for (const std::int64_t id : grant_ids) {
    auto paid = aid_.Pay(actor, id, payment);
    // A bad day or method is the same for every grant: the whole batch is refused at once.
    if (!paid && paid.error().code == ErrorCode::kInvalidArgument) return Fail(paid.error());
    out.push_back(BatchPayment{id, paid ? std::nullopt : std::optional<Error>(paid.error())});
  }
  return out;
}

}  // namespace zj::app
