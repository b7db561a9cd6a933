// The demo's aid (帮扶, issue 20): on the first morning the administrator loads the city's aid
// rules (sample figures after service-rules.md's example province: living allowance 10 months of
// 低保 for 深度 and 8 for 相对, 送温暖 ¥1,000 a household, medical 80 % up to ¥16,000, 15 % of a
// sudden cost up to ¥10,000), the approval limits (a union up to ¥2,000, a street up to ¥10,000,
// the district above) and each district's yearly budgets. Then every four weeks the local
// accounts go through the active files: a 送温暖 grant and a living allowance (or, after a
// sudden cost, emergency aid) proposed by the file's handler, approved by whoever the amount
// needs — the street for small grants, the district's staff (or the administrator) above —
// and paid a few days later. The last round, two days ago, leaves its larger proposals waiting in
// the district's queue. Everything goes through AidService, so the no-double-aid guard, the limits
// and the budget counters are the real ones.
#include <set>

#include "app/demo/demo_history_parts.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "store/hardship_flow.h"

namespace zj::app::demo {

namespace {

constexpr std::int64_t kYuan = 100;

struct SampleRule {
  const char* kind;
  const char* level;
  const char* rule;
  int months;
  std::int64_t amount_fen;
  int share_pct;
  std::optional<std::int64_t> cap_fen;
};

const SampleRule kRules[] = {
    {"living", "deep", "months_of_dibao", 10, 0, 0, std::nullopt},
    {"living", "relative", "months_of_dibao", 8, 0, 0, std::nullopt},
    {"festival", "deep", "fixed", 0, 1000 * kYuan, 0, std::nullopt},
    {"festival", "relative", "fixed", 0, 1000 * kYuan, 0, std::nullopt},
    {"festival", "sudden", "fixed", 0, 1000 * kYuan, 0, std::nullopt},
    {"medical", "deep", "share_of_cost", 0, 0, 100, 20000 * kYuan},
    {"medical", "relative", "share_of_cost", 0, 0, 80, 16000 * kYuan},
    {"emergency", "sudden", "share_of_cost", 0, 0, 15, 10000 * kYuan},
};

const char* const kKinds[] = {"living", "festival", "medical", "emergency", "schooling"};

//! Each district's budget a year, by kind (yuan).
std::int64_t BudgetFen(std::string_view kind) {
  if (kind == "living") return 600'000 * kYuan;
  if (kind == "festival") return 100'000 * kYuan;
  if (kind == "medical") return 300'000 * kYuan;
  return 100'000 * kYuan;
}

int YearOf(std::int64_t ms) {
  return static_cast<int>(std::chrono::year_month_day(World::DayOf(ms)).year());
}

class AidHistory : public std::enable_shared_from_this<AidHistory> {
 public:
  explicit AidHistory(World& w) : w_(w) {}

  Result<void> LoadRules() {
    const store::OrgRow* city = nullptr;
    for (const auto& o : w_.orgs) {
      if (o.kind == "municipal") city = &o;
    }
    if (city == nullptr) return {};
    AidRulesService& rules = w_.app.aid_rules();
    for (int year = YearOf(w_.start_ms); year <= YearOf(w_.now_ms); ++year) {
      for (const SampleRule& r : kRules) {
        ZJ_RETURN_IF_ERROR(
            rules.LoadRule(w_.admin, {city->id, year, r.kind, r.level, r.rule, r.months,
                                      r.amount_fen, r.share_pct, r.cap_fen, "household"}));
      }
      for (const auto& o : w_.orgs) {
        if (o.kind != "district") continue;
        for (const char* kind : kKinds) {
          ZJ_RETURN_IF_ERROR(rules.LoadBudget(w_.admin, {o.id, year, kind, BudgetFen(kind)}));
        }
      }
    }
    for (const char* kind : kKinds) {
      for (const auto& [level, max] :
           {std::pair{"grassroots", 2000 * kYuan}, std::pair{"street", 10000 * kYuan},
            std::pair{"district", 1'000'000 * kYuan}, std::pair{"municipal", 1'000'000 * kYuan}}) {
        ZJ_RETURN_IF_ERROR(rules.LoadLimit(w_.admin, {city->id, kind, level, max}));
      }
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
