// The arithmetic of judging a competition (劳动竞赛, issue 21 slice 1): an indicator sheet (the
// national guide's 认知度/参与度/认可度/实际效果, or a 100-point sheet split 35/35/30 —
// shared/context/service-rules.md "Competitions and honours"; every figure is data a competition
// loads), a judge's score of an entry against it, the result per entry over its judges (mean,
// trimmed mean or per-judge z-score normalisation), the veto items that put an entrant out, and
// the ranking per group and overall under a named tie-break rule. Pure functions, no I/O.
//
// Numbers. Judges' marks are integers in hundredths of a point ("centi": 32.5 is 3250), as they
// are entered and stored. Everything the ranking compares is an integer in ten-thousandths
// ("e4": 32.5 is 325000): a weighted total is computed from integers and rounded once per
// indicator; means are integer divisions rounded half away from zero. Only the z-score needs a
// square root: it is computed in double, in a fixed order (judges, then entries, by id), and
// rounded to e4 before anything is averaged or compared. So a ranking is the same on every run,
// in every store and on every machine with IEEE doubles, and ties are exact, not "close".
// Raw marks are never changed: the functions take them and return results beside them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace zj::competitions {

inline constexpr std::int64_t kCenti = 100;  //!< a mark of 1 point in centi
inline constexpr std::int64_t kE4 = 10'000;  //!< 1 point (or 1 standard deviation) in e4
inline constexpr int kWeightTotal = 100;     //!< the weights of a sheet add up to this
inline constexpr std::size_t kMaxIndicators = 30;
inline constexpr std::int64_t kMaxIndicatorCenti = 1000 * kCenti;  //!< no indicator above 1,000

//! One line of an indicator sheet. `weight` is the indicator's share of the 100-point total; a
//! judge marks it 0..max and it counts weight × mark ÷ max. A points sheet (35/35/30 with the
//! maxima 35/35/30) thus totals the plain sum of the marks.
struct Indicator {
  std::string code;            //!< stable key, [a-z0-9_], ≤ 40 chars
  std::string name;            //!< shown to judges (认知度)
  std::int64_t max_centi = 0;  //!< 1 .. kMaxIndicatorCenti
  int weight = 0;              //!< ≥ 1; the sheet's weights add up to kWeightTotal
};

struct Sheet {
  std::vector<Indicator> indicators;  //!< in the order judges see them (the tie-break's order)
};

//! kInvalidArgument "error.competition.sheet" with one field error per problem, named by the
//! indicator's place ("indicators.2.weight"): no indicators or more than kMaxIndicators, a code
//! malformed or repeated, a name empty or repeated, a max outside 1..kMaxIndicatorCenti, a
//! weight below 1, weights not adding up to kWeightTotal (field "indicators").
Result<void> CheckSheet(const Sheet& sheet);

struct Mark {
  std::string indicator;  //!< the indicator's code
  std::int64_t centi = 0;
};

//! A judge's weighted total of one entry in e4: Σ weight × mark ÷ max, each term rounded half
//! up to e4. kInvalidArgument "error.competition.score" with field errors ("marks.<code>"): a
//! mark above its indicator's max ("error.competition.mark_above_max", arg max), below 0, for
//! an indicator not on the sheet or given twice, or an indicator of the sheet left unmarked
//! ("error.competition.mark_missing"). An unchecked sheet fails as CheckSheet says.
Result<std::int64_t> WeightedTotal(const Sheet& sheet, const std::vector<Mark>& marks);

//! How the judges' totals of an entry become its result.
enum class Method {
  kMean,         //!< the mean of its judges' totals (e4 points)
  kTrimmedMean,  //!< drop one highest and one lowest total, mean of the rest; with fewer than
                 //!< 3 judges nothing is dropped (the plain mean) and the result says so
  kZScore,       //!< each judge's totals standardised over the entries that judge scored,
                 //!< (total − judge's mean) ÷ judge's population standard deviation, rounded
                 //!< to e4; the entry's result is the mean of its judges' z-scores (e4 standard
                 //!< deviations). A judge whose totals do not vary (one entry, or the same total
                 //!< for all) says nothing about order: it is left out of every entry's mean,
                 //!< and an entry with no other judge gets 0 (the average) and is flagged.
};
std::string_view MethodCode(Method method);  //!< "mean", "trimmed_mean", "z_score"
std::optional<Method> ParseMethod(std::string_view code);

//! How entries with the same result are ordered.
enum class TieBreak {
  kShare,              //!< equal results share a rank (standard competition ranking, 1,2,2,4)
  kIndicatorsInOrder,  //!< the higher mean mark on the first-listed indicator ranks first, then
                       //!< the second, …; still equal on every indicator: the rank is shared
};
std::string_view TieBreakCode(TieBreak tie);  //!< "share", "indicators_in_order"
std::optional<TieBreak> ParseTieBreak(std::string_view code);

//! An entry of the frozen list (参赛名录).
struct Entry {
  std::int64_t id = 0;
  std::string group;                //!< its group (组别); "" when the competition has none
  std::optional<std::string> veto;  //!< a veto item's code (wage_arrears, safety_accident, …)
};

//! One judge's marks of one entry, as entered.
struct JudgeScore {
  std::int64_t judge_id = 0;
  std::int64_t entry_id = 0;
  std::vector<Mark> marks;
};

struct Options {
  Method method = Method::kMean;
  TieBreak tie_break = TieBreak::kShare;
};

//! What one entry came to.
struct EntryResult {
  std::int64_t entry_id = 0;
  std::string group;
  int judges = 0;                     //!< judges who scored it
  std::int64_t raw_mean_e4 = 0;       //!< the plain mean of the judges' totals, whatever the method
  std::int64_t result_e4 = 0;         //!< what it is ranked by (points, or standard deviations)
  bool trimmed = false;               //!< kTrimmedMean dropped the highest and lowest
  bool no_informative_judge = false;  //!< kZScore: every judge of it had no variance
  //! The mean mark per indicator in sheet order (e4 points), for the tie-break and the page.
  std::vector<std::int64_t> indicator_means_e4;
  std::vector<std::int64_t> totals_e4;  //!< each judge's total, by judge id: the raw kept
};

struct Ranked {
  std::int64_t entry_id = 0;
  int rank = 0;  //!< 1-based; equal for a shared rank, and the next rank skips (1,2,2,4)
};

struct Vetoed {
  std::int64_t entry_id = 0;
  std::string group;
  std::string reason;  //!< the veto item's code
};

struct Ranking {
  std::vector<EntryResult> results;  //!< every ranked entry, by entry id
  std::vector<Ranked> overall;       //!< best first; a shared rank listed by entry id
  struct Group {
    std::string group;
    std::vector<Ranked> ranked;
  };
  std::vector<Group> groups;           //!< by group code; each ranked on its own
  std::vector<Vetoed> vetoed;          //!< out of the ranking, with the reason, by entry id
  std::vector<std::int64_t> unscored;  //!< in the list, no judge scored it: not ranked
};

//! Results and rankings of a competition from its frozen list, sheet and judges' scores.
//! CheckSheet's error for a bad sheet; then
//! kInvalidArgument "error.competition.score" when a score is for an entry not in the list
//! ("error.competition.entry_not_listed", field "scores.<i>.entry_id"), a judge scored an entry
//! twice ("error.competition.score_twice"), an entry id repeats in the list
//! ("error.competition.entry_twice"), or marks fail WeightedTotal (fields "scores.<i>.marks.…").
//! Vetoed entries are out before anything is computed: their scores count in no judge's mean
//! or deviation, so a veto found late does not move the others by its marks.
Result<Ranking> Rank(const Sheet& sheet, const std::vector<Entry>& entries,
                     const std::vector<JudgeScore>& scores, const Options& options);

//! n ÷ d rounded half away from zero (d > 0): the one rounding of every mean here.
std::int64_t DivRound(std::int64_t n, std::int64_t d);

}  // namespace zj::competitions
