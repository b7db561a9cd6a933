// Honour rounds and nominations (荣誉评选, issue 21 slice 5) as use cases over the store. A
// cadre, staff member or administrator of an org creates a round of that org (title, year, its
// composition rules as text — core ParseRules, field errors naming the line —, the days it is
// open and quotas per org and category). Cadres of the orgs inside the round's subtree nominate,
// onto their org's list, members of the registry and listed entries of published competitions
// (teams, enterprises, individuals) of their subtree; the categories a nominee counts for are
// computed from the registry (woman, migrant_worker, non_public) plus the ones the cadre ticks
// (industrial_worker, frontline, unit_head) and frozen at nomination. Every answer about a list
// carries core Evaluate and CheckQuotas over it. An org forwards the list it holds to its parent
// (its drafts and what was forwarded to it): when a rule or a quota fails only with a reason,
// and then flagged. The round's org sees the roll-up of its subtree and awards or refuses;
// an awarded member gets a member_events `honour` entry. A round is seen by whoever sees its
// org and by the orgs inside it; anything else is kNotFound, as everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/audit/audit_service.h"
#include "app/clock.h"
#include "core/competitions/honours.h"
#include "core/result.h"
#include "store/database.h"
#include "store/honours.h"
#include "store/orgs.h"

namespace zj::app {

inline constexpr std::size_t kMaxQuotas = 200;
inline constexpr std::size_t kMaxRulesText = 10'000;

struct NewHonourQuota {
  std::int64_t org_id = 0;  //!< an org of the round's subtree
  std::string category;     //!< "" for the org's whole list
  int max = 0;              //!< 0..100,000
};

struct NewHonourRound {
  std::optional<std::int64_t> org_id;  //!< default: the actor's org
  std::string title;                   //!< 1..200 characters
  int year = 0;                        //!< 2000..2100
  std::string rules_text;              //!< ParseRules' CSV, ≤ kMaxRulesText bytes
  std::string opens_on;                //!< YYYY-MM-DD
  std::string closes_on;               //!< YYYY-MM-DD, not before opens_on
  std::vector<NewHonourQuota> quotas;  //!< ≤ kMaxQuotas, (org, category) once each
};

struct HonourRoundView {
  store::HonourRoundRow row;
  std::vector<competitions::CompositionRule> rules;
  std::vector<store::HonourQuotaRow> quotas;
};

struct HonourRoundPage {
  std::vector<store::HonourRoundRow> items;
  std::optional<std::int64_t> next_cursor;
};

//! A nominee: a member of the registry, or a competition entry (its kind decides the
//! nominee's: an individual entry nominates its member).
struct NewNomination {
  std::optional<std::int64_t> org_id;  //!< the nominating org; default: the actor's org
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> entry_id;
  //! Categories the registry does not know, ticked by the cadre: industrial_worker, frontline,
  //! unit_head.
  std::vector<std::string> ticked;
};

struct NominationView {
  store::NominationRow row;
  std::vector<std::string> categories;
};

struct QuotaLine {
  store::HonourQuotaRow quota;
  int count = 0;
  bool over = false;
  int over_by = 0;
};

//! The list an org holds in a round, with the rules evaluated on it live.
struct HonourList {
  store::HonourRoundRow round;
  std::int64_t org_id = 0;
  std::string org_name;
  std::vector<NominationView> items;  //!< its drafts and what was forwarded to it
  //! Over the items not refused.
  competitions::Composition composition;
  std::vector<QuotaLine> quotas;  //!< the quotas of the org and of the orgs on its list
  bool passes = true;             //!< every rule passes and no quota is over
  bool can_forward = false;       //!< not the round's org, and something to forward
  bool can_decide = false;        //!< the round's org, seen by the actor
  //! One Evaluate over every forwarded or awarded nomination of the org's subtree.
  competitions::Composition rollup;
  int rollup_flagged = 0;  //!< of those, how many were forwarded breaking a rule
};

class HonourService {
 public:
  HonourService(store::Database& db, const Clock& clock, Random& random, AuditService& audit)
      : db_(db), clock_(clock), random_(random), audit_(audit) {}

  Result<HonourRoundView> CreateRound(const Actor& actor, const NewHonourRound& in);
  Result<HonourRoundView> GetRound(const Actor& actor, std::int64_t id);
  //! The rounds of the actor's subtree and of the orgs above it, newest first.
  Result<HonourRoundPage> ListRounds(const Actor& actor, std::int64_t before_id, int limit);

  //! The list org_id holds (default: the actor's org when inside the round, else the round's).
  Result<HonourList> List(const Actor& actor, std::int64_t round_id,
                          std::optional<std::int64_t> org_id);
  //! kConflict "error.honours.closed" outside the round's days; kAlreadyExists
  //! "error.honours.nominated_twice" for a nominee in the round already.
  Result<HonourList> Nominate(const Actor& actor, std::int64_t round_id, const NewNomination& in);
  //! A draft off its list; kConflict "error.honours.not_draft" once forwarded.
  Result<HonourList> Remove(const Actor& actor, std::int64_t nomination_id);
  //! The list org_id holds to its parent. A list breaking a rule or a quota needs a reason
  //! (kInvalidArgument "error.honours.reason_required", field reason) and is flagged.
  Result<HonourList> Forward(const Actor& actor, std::int64_t round_id,
                             std::optional<std::int64_t> org_id, const std::string& reason);
  //! At the round's org, on a nomination forwarded to it: awarded (a member's record gets an
  //! `honour` event) or refused (with a reason). kConflict "error.honours.not_forwarded" else.
  Result<HonourList> Decide(const Actor& actor, std::int64_t nomination_id, bool award,
                            const std::string& note);

 private:
  //! The round when the actor sees its org or works inside its subtree (kNotFound else).
  Result<store::HonourRoundRow> Load(store::Connection& conn, const Actor& actor, std::int64_t id);
  //! The nominating (or viewing) org: in the actor's scope and the round's subtree.
  Result<store::OrgRow> ListOrg(store::Connection& conn, const Actor& actor,
                                const store::HonourRoundRow& round,
                                std::optional<std::int64_t> org_id);
  Result<HonourList> ListOf(store::Connection& conn, const Actor& actor,
                            const store::HonourRoundRow& round, const store::OrgRow& org);
  Result<void> Audit(store::Connection& conn, const Actor& actor, const std::string& action,
                     const std::string& type, std::int64_t id,
                     std::vector<std::pair<std::string, std::string>> detail = {});

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
  AuditService& audit_;
};

//! The categories a nomination counts for, as stored (JSON array of strings) and back.
std::vector<std::string> CategoriesFromJson(const std::string& json);

}  // namespace zj::app
