// Rules the legal case use cases share: the bounds of a case's input (title 1..200 characters,
// money within ¥0..¥100,000,000, days as YYYY-MM-DD not after today), a worker as the page
// shows it (masked), the lawyers a case may take (active, of the case's federation, kept by an
// org the actor sees or by one above the case), and the district a collective case alerts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/actor.h"
#include "app/legal/legal_case_service.h"
#include "app/personal_data/vault.h"
#include "core/members/calendar_date.h"
#include "core/result.h"
#include "store/legal_cases.h"
#include "store/orgs.h"

namespace zj::app {

//! Adds a field error to `invalid` when the title is empty or longer than 200 characters.
void CheckTitle(const std::string& title, Error& invalid, const std::string& field = "title");
//! Adds a field error when the amount is negative or above core's kMaxFen.
void CheckFen(const std::string& field, std::int64_t fen, Error& invalid);
//! The day of `text` (strictly YYYY-MM-DD) when it exists, is not after `today` and not before
//! `not_before`; else adds a field error and returns nullopt.
std::optional<members::Date> CheckDay(const std::string& field, const std::string& text,
                                      const std::optional<std::string>& not_before,
                                      const members::Date& today, Error& invalid);

CaseWorkerView MaskedWorker(const Vault& vault, const store::LegalCaseWorkerRow& w);

//! Field error lawyer_id "error.legal.lawyer_unknown" unless the lawyer exists, is active, is of
//! the case's federation and is kept by an org in the actor's scope or on the case's path.
Result<void> CheckLawyer(store::Connection& conn, const Actor& actor, const store::LegalCaseRow& c,
                         std::int64_t lawyer_id);

//! The district federation above (or at) `path`; the nearest org of the path when none is a
//! district (a case of the municipal federation alerts the federation itself).
Result<store::OrgRow> AlertedOrg(store::Connection& conn, const std::string& path);

//! True when the actor's own org is a district or municipal federation (or an administrator):
//! those who acknowledge a collective dispute's alert.
Result<bool> MayAcknowledgeAlerts(store::Connection& conn, const Actor& actor);

}  // namespace zj::app
