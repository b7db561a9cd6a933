// The life of a hardship file (困难职工建档, issue 20 slice 2) as a state machine, and the
// dates it keeps: an application is checked first by the union it belongs to (初审), visited at
// home by two people at least (入户走访), reviewed by an org above it (复核: the street or
// district, never the union that checked it first), made public for a number of working days
// (公示, objections recorded and answered), approved (审批) and so made active; an active file
// is reviewed at least once a year, some are drawn for spot checks (抽查), and it is closed
// with a reason (脱困, retired, transferred, died, …); after the retention years it is erased,
// keeping a tombstone without personal data. Pure rules, no I/O: the numbers (publicity days,
// review months, retention years, spot-check share) are data passed in.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::hardship {

enum class Stage {
  kApplied,        //!< opened, waiting for the union's first check
  kFirstReviewed,  //!< 初审 done, waiting for the home visit
  kVisited,        //!< 入户走访 recorded, waiting for the review above
  kReviewed,       //!< 复核 done, waiting for 公示
  kPublicised,     //!< 公示 running or over, waiting for approval
  kActive,         //!< approved: aid may be granted
  kClosed,         //!< with a reason; kept for the retention years
  kErased,         //!< personal data gone, a tombstone left
};

enum class Step {
  kFirstReview,   //!< applied → first_reviewed
  kVisit,         //!< first_reviewed → visited (date and visitors)
  kReview,        //!< visited → reviewed (an org above the file's)
  kPublicise,     //!< reviewed → publicised (the publicity's end date set)
  kObject,        //!< an objection during publicity (stays publicised)
  kAnswer,        //!< an objection answered (stays publicised)
  kApprove,       //!< publicised → active (publicity over, every objection answered)
  kAnnualReview,  //!< active → active (the next review due a year on)
  kSpotCheck,     //!< active → active (a drawn file checked)
  kClose,         //!< any open stage → closed (reason)
  kErase,         //!< closed → erased (the system, after the retention years)
};

//! Who may take a step: someone whose subtree holds the file, someone of an org strictly above
//! the file's org (a second pair of eyes), or the server's own job.
enum class Who { kFileScope, kAboveFile, kSystem };

std::string_view StageName(Stage stage);  //!< "applied", "first_reviewed", …
std::optional<Stage> ParseStage(std::string_view text);
std::string_view StepName(Step step);  //!< "first_review", "visit", …
std::optional<Step> ParseStep(std::string_view text);

//! The stage `step` leads to from `from`, or nothing when it is not allowed there.
std::optional<Stage> NextStage(Stage from, Step step);
Who WhoMay(Step step);
//! Everything before closure: the household counts as in an open file (一户一档).
bool IsOpen(Stage stage);
//! The steps a cadre is offered on a file in `stage`, the main line's next one first (close
//! last; object and answer only while publicised; nothing once closed, erasing is the job's).
std::vector<Step> OfferedSteps(Stage stage);

//! Why a file is closed: 脱困 (lifted out of hardship), retired, transferred, died, other (an
//! application found not eligible, withdrawn, …; a note says which).
inline constexpr std::string_view kCloseReasons[] = {"lifted", "retired", "transferred", "died",
                                                     "other"};
bool IsCloseReason(std::string_view code);

//! The rules a federation sets (data; the defaults are service-rules.md's example).
struct WorkflowRules {
  int publicity_working_days = 5;  //!< 公示 length
  int review_months = 12;          //!< the annual review at least this often
  int reminder_days = 30;          //!< the review shows as due this many days before
  int retention_years = 10;        //!< kept after closure, then erased
  int spot_check_pct = 30;         //!< share of active files drawn each year
};

//! The home visit's facts: on a day not after today nor before the file was opened, by two
//! people at least (named, 1–20 characters each, distinct). Field errors under "visit_on" and
//! "visitors".
std::vector<FieldError> CheckVisit(std::chrono::sys_days visit_on, std::chrono::sys_days opened_on,
                                   std::chrono::sys_days today,
                                   const std::vector<std::string_view>& visitors);

//! Why a publicised file cannot be approved yet, as a message key: the publicity still runs
//! (today before its end day) or objections wait for an answer. Nothing when it can.
std::optional<std::string_view> ApproveBlocker(std::chrono::sys_days today,
                                               std::chrono::sys_days publicity_ends,
                                               int open_objections);

//! The next annual review: `months` after `from` on the same day of the month, or the month's
//! last day when it has none (an approval on 31 January reviewed by 28/29 February's month-end
//! rule: 2026-01-31 + 1 month → 2026-02-28).
std::chrono::sys_days ReviewDue(std::chrono::sys_days from, int months);
//! Whether a review due on `due` shows as due on `today` (`reminder_days` before it, or late).
bool ReviewShowsDue(std::chrono::sys_days due, std::chrono::sys_days today, int reminder_days);
//! The first day a file closed on `closed_on` may be erased: `years` later (29 February → 28th).
std::chrono::sys_days EraseFrom(std::chrono::sys_days closed_on, int years);

//! The files drawn for this year's spot check: ⌈n × pct ÷ 100⌉ of `active_ids` (pct in 0..100),
//! the same draw for the same ids, share and seed (the year), whatever their order — so a
//! rerun of the job draws the same files.
std::vector<std::int64_t> DrawSpotChecks(std::vector<std::int64_t> active_ids, int pct,
                                         std::uint64_t seed);

}  // namespace zj::hardship
