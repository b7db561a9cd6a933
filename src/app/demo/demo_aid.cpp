// The demo's aid (帮扶, issue 20): on the first morning the administrator loads the city's aid
// rules, approval limits and each district's yearly budgets from the sample file
// docs/samples/aid-rules-beijing.csv (embedded; the very file `zhijia aid load` takes, through
// the same table loader): sample figures after service-rules.md's example province — living
// allowance 10 months of 低保 for 深度 and 8 for 相对, 送温暖 ¥1,000 a household, medical 80 %
// up to ¥16,000, 15 % of a sudden cost up to ¥10,000 — a union approving up to ¥2,000, a street
// up to ¥10,000, the district above. A year of the demo the file has no rows for takes the rows
// of the nearest year it has. Then every four weeks the local
// accounts go through the active files: a 送温暖 grant and a living allowance (or, after a
// sudden cost, emergency aid) proposed by the file's handler, approved by whoever the amount
// needs — the street for small grants, the district's staff (or the administrator) above —
// and paid a few days later. The last round, two days ago, leaves its larger proposals waiting in
// the district's queue. Everything goes through AidService, so the no-double-aid guard, the limits
// and the budget counters are the real ones.
#include <set>

#include "app/aid/aid_rules_table.h"
#include "app/demo/demo_history_parts.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "store/hardship_flow.h"

namespace zj::app::demo {

namespace {

constexpr std::int64_t kYuan = 100;

//! The sample file's rows, with those of its nearest year copied for each year of `from..to`
//! it has none for.
Result<Table> SampleRules(int from, int to) {
  ZJ_ASSIGN_OR_RETURN(Table table, ParseTable(EmbeddedAidRulesSample()));
  if (table.rows.empty()) return table;
  std::optional<std::size_t> year_at;
  for (std::size_t i = 0; i < table.rows[0].size(); ++i) {
    if (table.rows[0][i] == "year") year_at = i;
  }
  if (!year_at) return table;
  std::set<int> years;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    if (*year_at < row.size() && !row[*year_at].empty()) years.insert(std::stoi(row[*year_at]));
  }
  if (years.empty()) return table;
  const std::size_t rows = table.rows.size();
  for (int year = from; year <= to; ++year) {
    if (years.contains(year)) continue;
    const int nearest = year < *years.begin() ? *years.begin() : *years.rbegin();
    for (std::size_t r = 1; r < rows; ++r) {
      auto row = table.rows[r];
      if (*year_at >= row.size() || row[*year_at] != std::to_string(nearest)) continue;
      row[*year_at] = std::to_string(year);
      table.rows.push_back(std::move(row));
      table.row_numbers.push_back(table.row_numbers[r]);
    }
  }
  return table;
}

int YearOf(std::int64_t ms) {
  return static_cast<int>(std::chrono::year_month_day(World::DayOf(ms)).year());
}

class AidHistory : public std::enable_shared_from_this<AidHistory> {
 public:
  explicit AidHistory(World& w) : w_(w) {}

  Result<void> LoadRules() {
    ZJ_ASSIGN_OR_RETURN(Table table, SampleRules(YearOf(w_.start_ms), YearOf(w_.now_ms)));
    ZJ_ASSIGN_OR_RETURN(
        AidRulesTableReport report,
        LoadAidRulesTable(w_.app.db(), w_.app.clock(), w_.app.audit(), w_.admin, table));
    if (!report.loaded) {
      const RowProblem& p = report.problems.front();
      return Fail(ErrorCode::kInternal, p.message_key,
                  "sample aid rules: row " + std::to_string(p.row) + ", column " + p.column);
    }
    return {};
  }

  //! Grants for every active file of the demo not granted this year yet; decided and paid
  //! unless `leave_waiting`.
  Result<void> Round(bool leave_waiting) {
    const std::string year = std::to_string(YearOf(w_.clock.NowMs()));
    HardshipFilter all;
    all.status = "open";
    all.limit = 200;
    for (;;) {
      ZJ_ASSIGN_OR_RETURN(HardshipPage page, w_.app.hardship().List(w_.admin, all));
      for (const auto& f : page.items) {
        if (granted_.contains({f.row.id, year}) || !Active(f.row.id)) continue;
        granted_.insert({f.row.id, year});
        const bool sudden = f.row.level_final == "sudden";
        ZJ_RETURN_IF_ERROR(Grant(f.row, "festival", year, std::nullopt, leave_waiting));
        if (sudden) {
          // Emergency aid is granted for a month (YYYY-MM).
          const std::string month =
              members::FormatDate(World::DayOf(w_.clock.NowMs())).substr(0, 7);
          ZJ_RETURN_IF_ERROR(
              Grant(f.row, "emergency", month, f.row.sudden_cost_fen, leave_waiting));
        } else {
          ZJ_RETURN_IF_ERROR(Grant(f.row, "living", year, std::nullopt, leave_waiting));
        }
      }
      if (!page.next_cursor) break;
      all.before_id = *page.next_cursor;
    }
    return {};
  }

 private:
  bool Active(std::int64_t file_id) {
    auto lease = w_.app.db().Acquire();
    if (!lease) return false;
    auto flow = store::FindHardshipFlow(**lease, file_id);
    return flow && *flow && (*flow)->stage == "active";
  }

  //! The district's account for a place: its staff in 东城 and 西城, the administrator elsewhere.
  const Actor& DistrictAccount(const std::string& path) const {
    for (const auto& [org, actor] : {std::pair{&w_.dongcheng, &w_.dongcheng_staff},
                                     std::pair{&w_.xicheng, &w_.xicheng_staff}}) {
      if (OrgPath::FromStored(org->path).Contains(OrgPath::FromStored(path))) return *actor;
    }
    return w_.admin;
  }

  Result<void> Grant(const store::HardshipFileRow& file, const char* kind,
                     const std::string& period, std::optional<std::int64_t> cost,
                     bool leave_waiting) {
    const Actor& handler = w_.HandlerFor(file.org_path);
    NewAidGrant grant{file.id, kind, period, std::nullopt, cost.value_or(0), 0};
    ZJ_ASSIGN_OR_RETURN(AidGrantDetail proposed, w_.app.aid().Propose(handler, grant));
    ++w_.report.aid_grants;
    // Small grants are the handler's to decide (a street is above the union's limit); the
    // district's account decides the rest, or they wait for it in the last round.
    const Actor& approver =
        proposed.grant.row.amount_fen <= 10000 * kYuan ? handler : DistrictAccount(file.org_path);
    if (leave_waiting && &approver != &handler) return {};
    ZJ_RETURN_IF_ERROR(w_.app.aid().Approve(approver, proposed.grant.row.id));
    if (leave_waiting) return {};
    AidPaymentInput pay{members::FormatDate(World::DayOf(w_.clock.NowMs())), "bank_transfer",
                        std::nullopt};
    ZJ_RETURN_IF_ERROR(
        w_.app.aid().Pay(DistrictAccount(file.org_path), proposed.grant.row.id, pay));
    return {};
  }

  World& w_;
  std::set<std::pair<std::int64_t, std::string>> granted_;  //!< (file, year) done
};

}  // namespace

void ScheduleAid(World& w, Timeline& timeline) {
  auto h = std::make_shared<AidHistory>(w);
  timeline.At(w.start_ms + 2 * kHourMs, [h] { return h->LoadRules(); });
  // Every four weeks from the eighth (files are active after about four weeks of workflow),
  // up to five weeks ago: the files made active since wait for the last round.
  for (std::int64_t at = w.start_ms + 56 * kDayMs; at < w.now_ms - 35 * kDayMs; at += 28 * kDayMs) {
    timeline.At(World::At(w.WorkingDay(at, 0), 15 * 60), [h] { return h->Round(false); });
  }
  timeline.At(World::At(w.WorkingDaysBeforeNow(2), 15 * 60), [h] { return h->Round(true); });
}

}  // namespace zj::app::demo
