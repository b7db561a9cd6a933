// The use cases wired to one store, clock and random source: what http/ and cli/ call.
#pragma once

#include "app/accounts/account_service.h"
#include "app/accounts/contact_service.h"
#include "app/accounts/user_directory.h"
#include "app/aid/aid_payment_list.h"
#include "app/aid/aid_rules_service.h"
#include "app/aid/aid_service.h"
#include "app/audit/audit_service.h"
#include "app/calendar/calendar_service.h"
#include "app/cards/card_service.h"
#include "app/certificates/certificate_service.h"
#include "app/clock.h"
#include "app/competitions/competition_service.h"
#include "app/competitions/my_competitions.h"
#include "app/coverage/coverage_service.h"
#include "app/demo/demo_service.h"
#include "app/enterprises/enterprise_service.h"
#include "app/hardship/bank_cards.h"
#include "app/hardship/case_dashboard.h"
#include "app/hardship/hardship_flow.h"
#include "app/hardship/hardship_service.h"
#include "app/hardship/hardship_sweep.h"
#include "app/hardship/my_hardship.h"
#include "app/hardship/standards_service.h"
#include "app/jobs/job_service.h"
#include "app/legal/lawyer_service.h"
#include "app/legal/legal_case_service.h"
#include "app/members/id_lookups.h"
#include "app/members/member_service.h"
#include "app/members/roster_export.h"
#include "app/members/roster_import.h"
#include "app/members/transfer_service.h"
#include "app/orgs/org_service.h"
#include "app/personal_data/key_ring.h"
#include "app/personal_data/vault.h"
#include "app/requests/request_service.h"
#include "app/requests/service_dashboard.h"
#include "app/system/system_service.h"
#include "app/workbench/workbench.h"
#include "app/worker_accounts/binding_service.h"
#include "app/worker_accounts/consents.h"
#include "app/worker_accounts/corrections.h"
#include "app/worker_accounts/inbox.h"
#include "app/worker_accounts/my_data.h"
#include "app/worker_accounts/my_membership.h"
#include "app/worker_accounts/sign_in_service.h"
#include "store/database.h"

namespace zj::app {

struct AppConfig {
  PasswordCost password_cost = PasswordCost::Interactive();
  SessionPolicy session_policy;
  KeyRing keys;  //!< personal-data keys (from the key file); empty → personal data refused
  SessionPolicy worker_session_policy = WorkerSessionPolicy();
  worker_accounts::SignInCodePolicy sign_in_codes;
  JobsConfig jobs;
};

class Application {
 public:
  Application(store::Database& db, const Clock& clock, Random& random, AppConfig config = {});

  store::Database& db() { return db_; }
  const Clock& clock() const { return clock_; }
  SystemService& system() { return system_; }
  AuditService& audit() { return audit_; }
  Vault& vault() { return vault_; }
  ContactService& contacts() { return contacts_; }
  AccountService& accounts() { return accounts_; }
  UserDirectory& users() { return users_; }
  OrgService& orgs() { return orgs_; }
  EnterpriseService& enterprises() { return enterprises_; }
  CoverageService& coverage() { return coverage_; }
  TransferService& transfers() { return transfers_; }
  MemberService& members() { return members_; }
  DemoService& demo() { return demo_; }
  //! The working-day calendar in use (shipped years, then loaded ones after Reload).
  CalendarBook& calendar_book() { return calendar_book_; }
  CalendarService& calendars() { return calendars_; }
  ServiceDashboard& service_dashboard() { return service_dashboard_; }
  RosterImportService& roster_imports() { return roster_imports_; }
  RosterExportService& roster_exports() { return roster_exports_; }
  RequestService& requests() { return requests_; }
  Workbench& workbench() { return workbench_; }
  //! Workers' sign-in by phone and code, and their sessions.
  SignInService& sign_in() { return sign_in_; }
  //! Workers' accounts bound to the registry, and the cadres' decisions.
  BindingService& bindings() { return bindings_; }
  CorrectionService& corrections() { return corrections_; }
  CardService& cards() { return cards_; }
  //! What is stored about a signed-in worker (PIPL), audited as the worker's own access.
  MyDataService& my_data() { return my_data_; }
  //! The worker's consents for optional uses and the privacy notice accepted.
  ConsentService& consents() { return consents_; }
  InboxService& inbox() { return inbox_; }
  //! The worker's membership: history, contacts, the transfers they ask for.
  MyMembershipService& my_membership() { return my_membership_; }
  JobService& jobs() { return jobs_; }
  //! Region-year standards (低保 lines) and hardship files (issue 20).
  StandardsService& standards() { return standards_; }
  HardshipService& hardship() { return hardship_; }
  //! The worker's own hardship files and aid (My help) and their application from My account.
  MyHardshipService& my_hardship() { return my_hardship_; }
  //! The hardship file's workflow (applied → … → active, annual review) and its rules.
  HardshipFlowService& hardship_flow() { return hardship_flow_; }
  //! The workflow's job: the yearly spot-check draw and erasure after the retention years.
  HardshipSweep& hardship_sweep() { return hardship_sweep_; }
  //! The hardship and aid dashboard of a subtree, from the org_counters rows.
  CaseDashboard& case_dashboard() { return case_dashboard_; }
  //! A hardship file's bank card: recorded sealed, shown masked, revealed with a reason.
  HardshipBankCards& hardship_bank_cards() { return hardship_bank_cards_; }
  //! Aid grants to hardship files and the rules, limits and budgets of aid (issue 20).
  AidRulesService& aid_rules() { return aid_rules_; }
  AidService& aid() { return aid_; }
  //! The finance office's payment list (XLSX, with a reason) and batch payments.
  AidPaymentList& aid_payment_list() { return aid_payment_list_; }
  //! Legal aid and rights cases, the lawyers' directory and the collective rule (issue 20).
  LegalCaseService& legal_cases() { return legal_cases_; }
  LawyerService& lawyers() { return lawyers_; }
  //! Labour and skills competitions: entries, the frozen list, judges, scores, ranking (21).
  CompetitionService& competitions() { return competitions_; }
  //! Competitions in My account: open to the worker, their entries, enrolment (21).
  MyCompetitionService& my_competitions() { return my_competitions_; }
  //! Certificates: verified by code (public), the holder's list and PDF, revocation.
  CertificateService& certificates() { return certificates_; }

 private:
  store::Database& db_;
  const Clock& clock_;
  SystemService system_;
  AuditService audit_;  // before accounts_, which may record to it
  Vault vault_;
  ContactService contacts_;
  AccountService accounts_;
  UserDirectory users_;
  OrgService orgs_;
  EnterpriseService enterprises_;
  CoverageService coverage_;
  CalendarBook calendar_book_;  // before transfers_, whose due dates run on it
  IdLookups id_lookups_;        // before transfers_ and members_, which look IDs up
  TransferService transfers_;   // before members_, which shows a member's transfers
  MemberService members_;
  SignInService sign_in_;  // before demo_, which opens the demo worker's account
  DemoService demo_;
  CalendarService calendars_;
  ServiceDashboard service_dashboard_;
  RosterImportService roster_imports_;
  RosterExportService roster_exports_;
  RequestService requests_;  // after calendar_book_, which it reads
  Workbench workbench_;      // after transfers_, whose rule it counts by
  BindingService bindings_;  // after sign_in_, whose session cache it updates
  CorrectionService corrections_;
  CardService cards_;
  ConsentService consents_;
  MyDataService my_data_;  // after requests_, sign_in_ and consents_, which it uses
  InboxService inbox_;
  MyMembershipService my_membership_;  // after transfers_, which it reads
  JobService jobs_;
  StandardsService standards_;
  HardshipService hardship_;       // after standards_, which it measures files against
  MyHardshipService my_hardship_;  // after hardship_, through which the worker applies
  HardshipFlowService hardship_flow_;
  HardshipSweep hardship_sweep_;
  CaseDashboard case_dashboard_;
  HardshipBankCards hardship_bank_cards_;
  AidRulesService aid_rules_;
  AidService aid_;
  AidPaymentList aid_payment_list_;  // after aid_, whose Pay it uses
  LegalCaseService legal_cases_;
  LawyerService lawyers_;
  CompetitionService competitions_;
  MyCompetitionService my_competitions_;
  CertificateService certificates_;
};

}  // namespace zj::app
