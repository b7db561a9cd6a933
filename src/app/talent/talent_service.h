// The talent pool (高技能人才) and innovation studios (工作室) as use cases (issue 22;
// docs/design/activities.md "Rules in app/"): cadres, staff and administrators of the member's
// union or above set a member's trade and skill level (1..5, core/talent/skill_level.h) and add
// titles; a training certificate with a level raises it (RaiseFromCertificate, in the issuing
// transaction); the pool is searched within the actor's subtree by trade and level ≥ (AtLeast),
// paged by member id, ID numbers masked as in the registry. A member's card shows the typed titles
// with the honours awarded and the competition certificates held, read from their own tables.
// Studios of an org are created in the subtree and funded a year at a time within their funding
// years (core FundingYear: which of 3, or none). A worker reads their own level, titles and studio.
// Anything outside the actor's subtree is kNotFound; every write is audited. Constructed per call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "core/talent/skill_level.h"
#include "store/database.h"
#include "store/talent.h"

namespace zj::app {

struct TalentChange {
  std::string trade;                   //!< 1..40 characters
  std::string level;                   //!< "1".."5" or a level's code
  std::string level_since;             //!< YYYY-MM-DD, not after today; "" today
  std::string level_source = "cadre";  //!< cadre, registry
};

struct NewTalentTitle {
  std::string kind;   //!< craftsman, model_worker, honour
  std::string title;  //!< 1..100 characters
  int year = 0;       //!< 1949..this year
};

struct TalentSearch {
  std::optional<std::int64_t> org_id;  //!< that org's subtree (in scope); none: the actor's
  std::string trade;                   //!< "" any
  std::string level_at_least;          //!< "" any; "1".."5" or a code
  std::int64_t after = 0;  //!< cursor: the last member shown (pages go by union path, member id)
  int limit = 50;          //!< 1..200
};

struct TalentEntryView {
  store::TalentEntryRow row;
  std::string id_masked;  //!< "**************1234": the last four only, as the registry's lists
};

struct TalentPage {
  std::vector<TalentEntryView> items;
  std::optional<std::int64_t> next_cursor;
};

//! A member's card: the entry (when the member has one), titles, studios led.
struct TalentCard {
  std::int64_t member_id = 0;
  std::string member_name;
  std::optional<TalentEntryView> entry;
  std::vector<store::TalentTitleRow> titles;
  std::vector<store::StudioRow> studios;
};

struct NewStudio {
  std::int64_t org_id = 0;
  std::string name;  //!< 1..100 characters
  std::int64_t lead_member_id = 0;
  std::string trade;  //!< 1..40 characters
  int founded_year = 0;
  std::optional<int> funding_first_year;
  int funding_years = 3;                         //!< 1..10
  std::int64_t funding_amount_fen = 10'000'000;  //!< ¥100,000; 0..¥10,000,000
};

struct StudioView {
  store::StudioRow row;
  std::vector<store::StudioFundingRow> funding;
  std::optional<int> funding_year_now;  //!< this year's funding year (FundingYear), or none
};

struct StudioPage {
  std::vector<StudioView> items;
  std::optional<std::int64_t> next_cursor;
};

class TalentService {
 public:
  TalentService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  Result<TalentPage> Search(const Actor& actor, const TalentSearch& search);
  Result<TalentCard> Card(const Actor& actor, std::int64_t member_id);
  Result<TalentCard> Set(const Actor& actor, std::int64_t member_id, const TalentChange& change);
  Result<TalentCard> AddTitle(const Actor& actor, std::int64_t member_id,
                              const NewTalentTitle& title);
  //! In the caller's transaction (a training certificate being issued): the member's level
  //! becomes `level` from `day` (source certificate, source_id the certificate) unless it is
  //! higher already; the trade is the course's when given, else the entry's. False when the
  //! level stayed; kNotFound for no such member. Audited as talent.level.certificate.
  Result<bool> RaiseFromCertificate(store::Connection& conn, const Actor& actor,
                                    std::int64_t member_id, std::int64_t certificate_id,
                                    talent::SkillLevel level, const std::string& trade,
                                    const std::string& day);

  Result<StudioView> CreateStudio(const Actor& actor, const NewStudio& in);
  Result<StudioPage> Studios(const Actor& actor, std::optional<std::int64_t> org_id,
                             std::int64_t before_id, int limit);
  //! Records the studio's funding of `year`: 422 error.talent.not_funding_year outside its
  //! funding years, 409 error.talent.funding_recorded for a year recorded already.
  Result<StudioView> RecordFunding(const Actor& actor, std::int64_t studio_id, int year,
                                   std::optional<std::int64_t> amount_fen);

  //! The worker's own card (their bound member's).
  Result<TalentCard> Mine(const Actor& worker);

 private:
  Result<TalentCard> CardOf(store::Connection& conn, std::int64_t member_id,
                            const std::string& member_name);
  Result<StudioView> StudioViewOf(store::Connection& conn, store::StudioRow row);
  Result<void> Audit(store::Connection& conn, const Actor& actor, const std::string& action,
                     const std::string& type, std::int64_t id,
                     std::vector<std::pair<std::string, std::string>> detail = {});

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

//! kPermissionDenied "error.talent.forbidden" unless a cadre, staff or administrator.
Result<void> MustKeepTalent(const Actor& actor);
//! The level of "1".."5" or a code; nullopt else.
std::optional<talent::SkillLevel> LevelOfText(const std::string& text);

}  // namespace zj::app
