#include "app/application.h"

#include "app/calendar/builtin_calendars.h"
#include "app/regions/embedded_regions.h"

namespace zj::app {

Application::Application(store::Database& db, const Clock& clock, Random& random, AppConfig config)
    : db_(db),
      clock_(clock),
      system_(db),
      audit_(db, clock, random),
      vault_(std::move(config.keys)),
      contacts_(db, vault_, audit_),
      accounts_(db, clock, random, audit_, config.password_cost, config.session_policy),
      users_(db, clock, random, audit_, contacts_, config.password_cost, accounts_.session_cache()),
      orgs_(db, clock, random, audit_, BuiltinRegions(), accounts_.session_cache()),
      enterprises_(db, clock, random, audit_, BuiltinRegions()),
      coverage_(db, clock, random, audit_, BuiltinRegions()),
      id_lookups_(clock, audit_),
      transfers_(db, clock, random, audit_, vault_, calendar_book_, id_lookups_),
      members_(db, clock, random, audit_, vault_, transfers_, id_lookups_),
      sign_in_(db, clock, random, audit_, vault_, config.worker_session_policy,
               config.sign_in_codes),
      demo_(db, accounts_, members_, transfers_, sign_in_, vault_, BuiltinRegions(), clock, random),
      calendars_(db, clock, audit_, calendar_book_),
      service_dashboard_(db, clock),
      roster_imports_(db, clock, random, vault_, audit_),
      roster_exports_(db, clock, vault_, audit_),
      requests_(db, clock, random, audit_, vault_, calendar_book_),
      workbench_(db, clock, transfers_),
      bindings_(db, clock, random, audit_, vault_, sign_in_),
      corrections_(db, clock, random, audit_, vault_, members_),
      cards_(db, clock, vault_),
      consents_(db, clock, random, audit_),
      my_data_(db, clock, vault_, audit_, requests_, sign_in_, consents_),
      inbox_(db, clock),
      my_membership_(db, clock, transfers_),
      jobs_(db, clock, random, vault_, audit_, config.jobs),
      standards_(db, clock, audit_, BuiltinRegions()),
      hardship_(db, clock, random, audit_, vault_, standards_),
      my_hardship_(db, hardship_),
      hardship_flow_(db, clock, random, audit_, calendar_book_, vault_),
      hardship_sweep_(db, clock, audit_),
      case_dashboard_(db, clock),
      hardship_bank_cards_(db, clock, audit_, vault_),
      aid_rules_(db, clock, audit_),
      aid_(db, clock, random, audit_, vault_),
      aid_payment_list_(db, audit_, vault_, aid_),
      legal_cases_(db, clock, random, audit_, vault_),
      lawyers_(db, clock, random, audit_, vault_),
      competitions_(db, clock, random, audit_),
      my_competitions_(db, clock, random, audit_),
      certificates_(db, clock, audit_) {}

}  // namespace zj::app
