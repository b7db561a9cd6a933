// The finance office's payment list (帮扶发放名单, issue 20): the approved grants not yet paid in
// the actor's subtree (one kind, or all), as an XLSX workbook the office pays from — the
// household head's full name beside the masked ID number, the bank and card number (when the
// file has one), the union, kind, period, amount and approval date. It carries personal data of
// hardship households (PIPL art. 28), so it is made only with a reason, and the audit log keeps the
// export (aid.payment_list: how many rows, the kind, the reason) before any byte leaves. After
// paying, the office records the payments: the batch (PayBatch) is AidService::Pay for each grant
// with the same day, method and batch id, each in its own transaction, so a grant that cannot be
// paid (decided meanwhile, another office's) is reported beside the others and never undoes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/aid/aid_service.h"

namespace zj::app {

struct BatchPayment {
  std::int64_t grant_id = 0;
  std::optional<Error> error;  //!< why this grant was not paid; nullopt when it was
};

class AidPaymentList {
 public:
  //! At most this many rows a list: a district pays a few hundred grants a round; more is a
  //! filter forgotten (error.aid.payment_list_too_long {max}, on field kind).
  static constexpr std::size_t kMaxRows = 5000;
  //! At most this many grants a batch.
  static constexpr std::size_t kMaxBatch = 500;

  AidPaymentList(store::Database& db, AuditService& audit, const Vault& vault, AidService& aid)
      : db_(db), audit_(audit), vault_(vault), aid_(aid) {}

  //! The workbook's bytes. Field errors: reason (required, bounded), kind (unknown).
  Result<std::string> Workbook(const Actor& actor, const std::string& kind,
                               const std::string& reason);
  //! Pays each grant of `grant_ids` (1..kMaxBatch, no repeats: field grant_ids otherwise).
  Result<std::vector<BatchPayment>> PayBatch(const Actor& actor,
                                             const std::vector<std::int64_t>& grant_ids,
                                             const AidPaymentInput& payment);

 private:
  store::Database& db_;
  AuditService& audit_;
  const Vault& vault_;
  AidService& aid_;
};

}  // namespace zj::app
