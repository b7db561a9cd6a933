// Every place where the store keeps an org's position in the tree: its materialised path (see
// core/orgs/org_path.h) copied into other tables so that "everything under this org" is one
// range on their own index, and the federation id (the shard key, DESIGN.md "Scale") that
// follows from it. This list is the only one: moving a subtree rewrites every entry from it in
// the caller's transaction (RewriteOrgPaths), and the integration test org_paths_test reads the
// schema and fails for a column named like a path, or a federation_id, that is not listed here.
// A new table that copies a path is added to kOrgPathColumns (or, with the reason, to
// kKeptOrgColumns).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "store/database.h"

namespace zj::store {

//! A column holding the path of one org (its last id), rewritten by prefix when that org or an
//! ancestor moves, together with the row's federation column ("" when the row keeps the
//! federation it was written in).
struct OrgPathColumn {
  std::string_view table;
  std::string_view path_column;
  std::string_view federation_column;
};

//! A federation column of rows that carry no path: it follows the row it belongs to
//! (`owner_column` = `owner_table`.id), whose path lies in `owner_path_column`.
struct FollowedFederation {
  std::string_view table;
  std::string_view federation_column;
  std::string_view owner_column;
  std::string_view owner_table;
  std::string_view owner_path_column;
};

//! A column that names an org's place as it was when the row was written, on purpose.
struct KeptOrgColumn {
  std::string_view table;
  std::string_view column;
  std::string_view why;
};

inline constexpr OrgPathColumn kOrgPathColumns[] = {
    {"orgs", "path", "federation_id"},
    {"enterprises", "org_path", "federation_id"},
    {"members", "org_path", "federation_id"},
    {"member_imports", "org_path", "federation_id"},
    // Transfers keep the federation they were requested in (a saga between federations).
    {"member_transfers", "from_path", ""},
    {"member_transfers", "to_path", ""},
    {"service_requests", "home_path", "federation_id"},
    {"request_follow_ups", "org_path", "federation_id"},
    // The served_12m figures move with the subtree's rollups, so the expiry must subtract along
    // the path where the mark is counted now.
    {"member_served_marks", "counted_path", "federation_id"},
    // Reach (issue 22) as 有效覆盖: reached_12m moves with the subtree's rollups.
    {"member_reached_marks", "counted_path", "federation_id"},
    // A job is seen by whoever sees its org (an import's union, an export's org).
    {"jobs", "org_path", "federation_id"},
    // A worker's correction is decided by whoever sees the member's union (issue 19).
    {"member_corrections", "org_path", "federation_id"},
    // A hardship file is seen by whoever sees its org (issue 20).
    {"hardship_files", "org_path", "federation_id"},
    // Where a file stands in its workflow: seen by whoever sees the file.
    {"hardship_flows", "org_path", "federation_id"},
    // A request's link to what it became follows the target's org; it has no federation column.
    {"case_links", "org_path", ""},
    // An aid grant is seen, like its file, by whoever sees the file's org (issue 20).
    {"aid_grants", "org_path", "federation_id"},
    // A legal case is seen by whoever sees its handling union; a lawyer by whoever sees the
    // union that keeps it in its directory (issue 20).
    {"legal_cases", "org_path", "federation_id"},
    {"legal_lawyers", "org_path", "federation_id"},
    // A competition is organised by whoever sees its org; an entry is seen, like its entrant,
    // by whoever sees the entrant's org (issue 21). Groups, judges, scores and results follow
    // their competition.
    {"competitions", "org_path", "federation_id"},
    {"comp_entries", "org_path", "federation_id"},
    // A certificate is seen by the organiser where its issuing org is (issue 21); its holder
    // reaches it through member_id or a team entry, not by path.
    {"certificates", "org_path", "federation_id"},
    // An activity is organised by whoever sees its org, and open to the members of its
    // audience under it (issue 22); its registrations follow it.
    {"activities", "org_path", "federation_id"},
    // An honour round is run by whoever sees its org; a nomination is seen, like its list, by
    // whoever sees the nominating org (issue 21). Quotas follow their round.
    {"honour_rounds", "org_path", "federation_id"},
    {"nominations", "org_path", "federation_id"},
    // A mutual-aid plan is run by whoever sees its org (the federation or a district); an
    // enrolment and a claim are seen, like the member, by whoever sees the member's union; a
    // union's additions-and-removals list by whoever sees the union (issue 22). Benefits and
    // periods follow their plan.
    {"ma_plans", "org_path", "federation_id"},
    {"ma_enrolments", "org_path", "federation_id"},
    {"ma_lists", "org_path", "federation_id"},
    {"ma_claims", "org_path", "federation_id"},
    // Evidence is seen by whoever sees its owner (a hardship file, a legal case): the owner's
    // path, carried along with it (issue 20).
    {"attachments", "org_path", "federation_id"},
    // A training course and its classes are organised by whoever sees their org (issue 22);
    // sessions, enrolments, check-ins and assessments follow their class.
    {"courses", "org_path", "federation_id"},
    {"classes", "org_path", "federation_id"},
    // A talent entry is seen, like the member, by whoever sees the member's union; a studio by
    // whoever sees its org (issue 22). Funding years follow their studio.
    {"talent_entries", "org_path", "federation_id"},
    {"studios", "org_path", "federation_id"},
};

inline constexpr FollowedFederation kFollowedFederations[] = {
    {"coverage_rollups", "federation_id", "org_id", "orgs", "path"},
    {"coverage_industries", "federation_id", "org_id", "orgs", "path"},
    {"request_stats", "federation_id", "org_id", "orgs", "path"},
    {"org_counters", "federation_id", "org_id", "orgs", "path"},
    {"org_events", "federation_id", "org_id", "orgs", "path"},
    {"member_events", "federation_id", "member_id", "members", "org_path"},
    {"request_events", "federation_id", "request_id", "service_requests", "home_path"},
    // A worker's account and bindings are the bound (or claimed) member's federation's.
    {"worker_accounts", "federation_id", "member_id", "members", "org_path"},
    {"worker_bindings", "federation_id", "member_id", "members", "org_path"},
    // A registration is its activity's federation's (the activity's row is its seats' lock).
    {"activity_registrations", "federation_id", "activity_id", "activities", "org_path"},
    // A check-in is its activity's federation's, as the registration it follows.
    {"activity_check_ins", "federation_id", "activity_id", "activities", "org_path"},
    // A class's sessions, enrolments, check-ins and assessments are its class's federation's.
    {"class_sessions", "federation_id", "class_id", "classes", "org_path"},
    {"class_enrolments", "federation_id", "class_id", "classes", "org_path"},
    {"session_check_ins", "federation_id", "class_id", "classes", "org_path"},
    {"assessments", "federation_id", "class_id", "classes", "org_path"},
    // A typed title is its member's federation's.
    {"talent_titles", "federation_id", "member_id", "members", "org_path"},
};

inline constexpr KeptOrgColumn kKeptOrgColumns[] = {
    {"audit_log", "actor_org_path",
     "append-only (its triggers refuse UPDATE): where the actor stood when they acted"},
    {"audit_log", "federation_id", "append-only: the actor's federation when they acted"},
    {"member_transfers", "federation_id", "the federation the transfer was requested in"},
    {"hardship_rules", "federation_id",
     "the key: a federation's own workflow numbers, which stay the federation's"},
    {"hardship_spot_draws", "federation_id",
     "the key: the record that a federation drew its year's spot checks"},
    {"legal_rules", "federation_id",
     "the key: a federation's own thresholds of a collective dispute"},
};

//! Rewrites every entry of kOrgPathColumns whose path lies in the subtree `old_path` to start
//! with `new_path` instead, setting its federation column to `federation_id`; then, when the
//! federation changed (`old_federation_id` differs), every kFollowedFederations entry whose
//! owner now lies under `new_path`. Orgs' parent_id is the caller's (MoveOrgSubtree).
Result<void> RewriteOrgPaths(Connection& conn, const std::string& old_path,
                             const std::string& new_path, std::int64_t old_federation_id,
                             std::int64_t federation_id);

}  // namespace zj::store
