// Rows of the talent pool and innovation studios (migration 0045, issue 22): a member's entry
// (trade, skill level 1..5, since when and from what), the titles typed for a member, the titles
// a member holds from honours awarded and competition certificates (read from their own tables),
// studios and their funding years. The use cases (app/talent) hold every rule; these are plain
// reads and writes in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace zj::store {

struct TalentEntryRow {
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::string org_path;  //!< the member's union path
  std::string trade;
  int skill_level = 1;                 //!< 1..5 (core/talent/skill_level.h)
  std::string level_since;             //!< YYYY-MM-DD
  std::string level_source = "cadre";  //!< certificate, registry, cadre, competition
  std::optional<std::int64_t> source_id;
  std::optional<std::int64_t> updated_by;
  std::int64_t updated_at = 0;
  // Read only:
  std::string member_name;
  std::string id_last4;
  std::string union_name;
};

struct TalentTitleRow {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  std::int64_t federation_id = 0;
  std::string kind;  //!< craftsman, model_worker, honour
  std::string title;
  int year = 0;
  std::string source = "typed";  //!< nomination, competition, typed
  std::optional<std::int64_t> source_id;
  std::optional<std::int64_t> added_by;
  std::int64_t added_at = 0;
};

//! A subtree-bounded search: [low, high) of the entries' paths, the trade ("" any), level ≥
//! `min_level`, after the entry (`after_path`, `after_member`) in the order of (org_path,
//! member_id) — "" and 0 from the start — at most `limit`, in that order.
struct TalentQuery {
  std::string low;
  std::string high;
  std::string trade;
  int min_level = 1;
  std::string after_path;
  std::int64_t after_member = 0;
  int limit = 50;
};

struct StudioRow {
  std::int64_t id = 0;
  std::int64_t federation_id = 0;
  std::int64_t org_id = 0;
  std::string org_path;
  std::string name;
  std::int64_t lead_member_id = 0;
  std::string trade;
  int founded_year = 0;
  std::optional<int> funding_first_year;
  int funding_years = 3;
  std::int64_t funding_amount_fen = 0;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  // Read only:
  std::string org_name;
  std::string lead_name;
};

struct StudioFundingRow {
  std::int64_t studio_id = 0;
  int year = 0;
  int funding_year = 0;  //!< 1..funding_years
  std::int64_t amount_fen = 0;
  std::optional<std::int64_t> recorded_by;
  std::int64_t recorded_at = 0;
};

//! Inserts the entry or replaces the member's (every column but member_id).
Result<void> PutTalentEntry(Connection& conn, const TalentEntryRow& row);
Result<std::optional<TalentEntryRow>> FindTalentEntry(Connection& conn, std::int64_t member_id);
Result<std::vector<TalentEntryRow>> SearchTalent(Connection& conn, const TalentQuery& query);
//! A member's entry follows the member to another union (a transfer).
Result<void> MoveTalentEntry(Connection& conn, std::int64_t member_id, const std::string& org_path,
                             std::int64_t federation_id);

Result<void> InsertTalentTitle(Connection& conn, const TalentTitleRow& row);
//! The member's stored titles, then those of honours awarded to the member (kind honour, source
//! nomination) and of the member's competition certificates not revoked (source competition):
//! at most 200 of each, oldest first.
Result<std::vector<TalentTitleRow>> TitlesOfMember(Connection& conn, std::int64_t member_id);

Result<void> InsertStudio(Connection& conn, const StudioRow& row);
Result<std::optional<StudioRow>> FindStudio(Connection& conn, std::int64_t id);
//! Studios whose org lies in [low, high), newest first, ids below `before_id` (0: from the top).
Result<std::vector<StudioRow>> StudiosUnder(Connection& conn, const std::string& low,
                                            const std::string& high, std::int64_t before_id,
                                            int limit);
//! The studios a member leads (at most 20).
Result<std::vector<StudioRow>> StudiosLedBy(Connection& conn, std::int64_t member_id);
//! kAlreadyExists when the studio's year is recorded already.
Result<void> InsertStudioFunding(Connection& conn, const StudioFundingRow& row);
Result<std::vector<StudioFundingRow>> FundingOfStudio(Connection& conn, std::int64_t studio_id);

}  // namespace zj::store
