// The demo's hardship files (issue 20): on the first morning the administrator loads the 低保
// line of each of Beijing's 16 districts for the years the history spans — sample figures,
// marked so in their source (Beijing publishes one line for the whole city; the demo's are
// close to it, not the official ones) — then over the year the local accounts open files for
// households of members in their unions: most 深度 or 相对困难, some 意外致困 after a
// sudden medical bill, some not in difficulty, a few excluded (a second home, a business
// employing others), a couple overridden with a reason after a home visit. Each file goes
// through HardshipService::Open at its moment, so levels, trails and audit entries are the
// real ones. The member is chosen when the step runs, among the union's members active then
// (the member history retires and transfers some), one without an open file. The first three
// households' files carry evidence: a diagnosis (PDF) and a dibao certificate (PNG). Three in
// four households in difficulty record a bank card (sealed, shown masked): obviously fake
// numbers of the right length and check digit, so the finance office's payment list has them.
#include <algorithm>
#include <array>
#include <memory>

#include "app/attachments/attachments.h"
#include "app/demo/demo_evidence.h"
#include "app/demo/demo_history_parts.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

//! The sample lines (fen a month) by year; a year outside falls back to the nearest one.
constexpr std::pair<int, std::int64_t> kSampleDibao[] = {{2025, 145'000}, {2026, 148'000}};
constexpr const char* kSampleSource = "示例数据（参照北京市城乡低保标准，以民政部门公布为准）";

std::int64_t SampleDibao(int year) {
  for (const auto& [y, fen] : kSampleDibao) {
    if (y == year) return fen;
  }
  return year < kSampleDibao[0].first ? kSampleDibao[0].second : std::end(kSampleDibao)[-1].second;
}

int YearOf(std::int64_t ms) {
  return static_cast<int>(std::chrono::year_month_day(World::DayOf(ms)).year());
}

//! What a demo household is made to be; the level comes out of the real arithmetic.
enum class Profile { kDeep, kRelative, kSudden, kNone, kExcluded };

//! Eleven profiles in turn: mostly households in difficulty, as files are opened for them.
constexpr std::array kProfiles = {Profile::kDeep,     Profile::kRelative, Profile::kRelative,
                                  Profile::kDeep,     Profile::kSudden,   Profile::kRelative,
                                  Profile::kNone,     Profile::kDeep,     Profile::kRelative,
                                  Profile::kExcluded, Profile::kSudden};

struct CauseSet {
  const char* main;
  std::vector<std::string> secondary;
  const char* expense_kind;  //!< the rigid expense that goes with the cause, or nullptr
};

const CauseSet kCauseSets[] = {
    {"illness", {"low_wage"}, "medical"},
    {"schooling", {"low_wage", "aged_dependants"}, "schooling"},
    {"unemployment", {}, nullptr},
    {"single_parent", {"schooling"}, "schooling"},
    {"disability", {"illness"}, "medical"},
    {"low_wage", {"aged_dependants"}, nullptr},
    {"aged_dependants", {"illness"}, "medical"},
    {"accident", {}, "medical"},
};

const char* const kOverrideReasons[] = {
    "入户走访核实：配偶长期患病需护理，实际可支配收入低于申报，调整为相对困难。",
    "入户走访核实：子女在读大学，家庭负担重，经集体研究调整为深度困难。",
};

const char* const kSampleBanks[] = {"中国工商银行北京分行（示例）", "中国建设银行北京分行（示例）",
                                    "北京银行（示例）"};

//! An obviously fake card number that still passes the card check: 6222 0000 0000, a
//! six-digit sequence and the Luhn check digit (19 digits, as Chinese debit cards have).
std::string SampleCardNumber(std::size_t n) {
  std::string digits = "622200000000";
  const std::string seq = std::to_string(100000 + n % 900000);
  digits += seq;
  int sum = 0;
  // Luhn: from the digit left of the check digit, every other one doubled.
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  digits += static_cast<char>('0' + (10 - sum % 10) % 10);
  return digits;
}

//! How many members of the org a step tries before it counts as skipped (each one tried may
//! be in an open file already).
constexpr std::size_t kTries = 8;

class HardshipHistory : public std::enable_shared_from_this<HardshipHistory> {
 public:
  HardshipHistory(World& w, Timeline& t) : w_(w), t_(t) {}

  void LoadStandards() {
    t_.At(w_.start_ms + kHourMs, [this, self = shared_from_this()]() -> Result<void> {
      for (int year = YearOf(w_.start_ms); year <= YearOf(w_.now_ms); ++year) {
        for (const store::OrgRow& org : w_.orgs) {
          if (org.kind != "district" || !org.region_code) continue;
          ZJ_RETURN_IF_ERROR(w_.app.standards().Load(
              w_.admin,
              StandardInput{*org.region_code, year, SampleDibao(year), {}, {}, kSampleSource}));
          ++w_.report.standards;
        }
      }
      return {};
    });
  }

  //! `count` files for households of members under `org` (not under `except`), spread evenly
  //! from `from` to `to`. The member is chosen when the step runs, among those active then.
  void Files(const store::OrgRow& org, const store::OrgRow* except, int count, std::int64_t from,
             std::int64_t to) {
    for (int i = 0; i < count; ++i) {
      const std::int64_t day_ms = from + (to - from) * i / count;
      const std::int64_t at = World::At(w_.WorkingDay(day_ms, 0), w_.Minute(9 * 60, 17 * 60));
      const Profile profile = kProfiles[next_++ % kProfiles.size()];
      auto opened = std::make_shared<Opened>();
      t_.At(at, [this, self = shared_from_this(), org_id = org.id,
                 except_path = except ? except->path : std::string(), profile,
                 opened]() { return Open(org_id, except_path, profile, *opened); });
      // A household in difficulty goes through the workflow, a step every few working days:
      // the older files are active, the newest still at their first steps.
      if (profile == Profile::kDeep || profile == Profile::kRelative ||
          profile == Profile::kSudden) {
        Workflow(at, opened);
      }
    }
  }

 private:
  //! The file a planned opening made (0 until it runs, or when it found no one).
  struct Opened {
    std::int64_t file_id = 0;
    std::string org_path;
  };

  void Workflow(std::int64_t opened_at, const std::shared_ptr<Opened>& opened) {
    struct Planned {
      const char* step;
      int working_days;  //!< after the opening
      const char* note;
    };
    static constexpr Planned kSteps[] = {
        {"first_review", 2, "申请材料齐全，同意入户走访"},
        {"visit", 4, "入户核实家庭收入和支出情况"},
        {"review", 7, "情况属实，同意公示"},
        {"publicise", 9, ""},
        {"approve", 18, "公示期满无异议，同意建档"},
    };
    for (const Planned& p : kSteps) {
      const std::int64_t at =
          World::At(w_.WorkingDay(opened_at, p.working_days), w_.Minute(9 * 60, 17 * 60));
      t_.At(at, [this, self = shared_from_this(), opened, p]() -> Result<void> {
        if (opened->file_id == 0) return {};
        FlowStepInput in;
        in.step = p.step;
        in.note = p.note;
        if (in.step == "visit") {
          in.visit_on = members::FormatDate(World::DayOf(w_.clock.NowMs()));
          in.visitors = {w_.people.Name(false), w_.people.Name(true)};
        }
        ZJ_RETURN_IF_ERROR(
            w_.app.hardship_flow().Take(w_.HandlerFor(opened->org_path), opened->file_id, in));
        return {};
      });
    }
  }

  //! Active members under the org (the first 200 by id), without those under `except_path`.
  Result<std::vector<MemberView>> MembersUnder(std::int64_t org_id,
                                               const std::string& except_path) {
    MemberFilter filter;
    filter.org_id = org_id;
    filter.status = "active";
    filter.limit = 200;
    ZJ_ASSIGN_OR_RETURN(MemberPage page, w_.app.members().List(w_.admin, filter));
    std::vector<MemberView> out;
    for (auto& m : page.items) {
      if (except_path.empty() ||
          !OrgPath::FromStored(except_path).Contains(OrgPath::FromStored(m.row.org_path))) {
        out.push_back(std::move(m));
      }
    }
    return out;
  }

  //! The district of the member's union (the region of the union or of the nearest org above
  //! it with one, first six digits): where the household's people are drawn as born.
  std::string RegionOf(const store::MemberRow& m) const {
    for (const store::OrgRow* o = w_.Org(m.union_org_id); o != nullptr;
         o = o->parent_id ? w_.Org(*o->parent_id) : nullptr) {
      if (o->region_code && o->region_code->size() >= 6) return o->region_code->substr(0, 6);
    }
    return "110101";
  }

  //! The household around `m`, its incomes made to fall in the profile's band against the
  //! line of the year: the member, often a spouse, sometimes children or a parent.
  NewHardshipFile Household(const store::MemberRow& m, Profile profile) {
    NewHardshipFile file;
    file.member_id = m.id;
    const CauseSet& causes = kCauseSets[w_.people.Pick(std::size(kCauseSets))];
    file.main_cause = profile == Profile::kSudden ? "illness" : causes.main;
    if (profile != Profile::kSudden) file.secondary_causes = causes.secondary;
    const bool male = m.gender == "male";
    const std::string region = RegionOf(m);
    std::vector<NewHouseholdMember>& others = file.household;
    const bool spouse = w_.people.Chance(0.75);
    if (spouse) {
      others.push_back({"spouse", w_.people.Name(!male), w_.people.IdNumber(region, !male), 0, {}});
    }
    const int children = static_cast<int>(w_.people.Pick(3));
    for (int k = 0; k < children; ++k) {
      const bool boy = w_.people.Chance(0.5);
      others.push_back({"child", w_.people.Name(boy), w_.people.IdNumber(region, boy), 0,
                        std::string("student")});
    }
    if (w_.people.Chance(0.3)) {
      others.push_back({"parent", w_.people.Name(true), w_.people.IdNumber(region, true), 0,
                        std::string("retired")});
    }
    const auto size = static_cast<std::int64_t>(1 + others.size());
    // A per-head month against the line, in per mille, drawn inside the profile's band.
    auto draw = [this](int lo, int hi) {
      const auto span = static_cast<std::size_t>(hi - lo) + 1;
      return lo + static_cast<int>(w_.people.Pick(span));
    };
    const int per_mille = profile == Profile::kDeep       ? draw(550, 980)
                          : profile == Profile::kRelative ? draw(1050, 1950)
                                                          : draw(2150, 3200);
    std::int64_t expenses = 0;
    if (causes.expense_kind != nullptr && profile != Profile::kSudden) {
      expenses = 100 * (3'000 + static_cast<std::int64_t>(w_.people.Pick(15'000)));
      file.expenses.push_back({causes.expense_kind, expenses});
    }
    const std::int64_t dibao = SampleDibao(YearOf(w_.clock.NowMs()));
    const std::int64_t total = dibao * 12 * size * per_mille / 1000 + expenses;
    // The member earns most of it, a spouse the rest; children and parents nothing.
    const std::int64_t spouse_income = spouse ? total / 3 : 0;
    file.member_income_fen = total - spouse_income;
    if (spouse) others.front().income_fen = spouse_income;
    if (profile == Profile::kSudden) {
      // A medical bill after insurance of 70 % of the year's income.
      file.sudden_medical_fen = total * 7 / 10;
      file.sudden_cost_fen = file.sudden_medical_fen;
    }
    if (profile == Profile::kExcluded) {
      file.exclusions = {w_.people.Chance(0.5) ? "two_or_more_homes" : "business_employing_others"};
    }
    return file;
  }

  Result<void> Open(std::int64_t org_id, const std::string& except_path, Profile profile,
                    Opened& into) {
    ZJ_ASSIGN_OR_RETURN(auto members, MembersUnder(org_id, except_path));
    if (members.empty()) {
      ++w_.report.skipped;
      return {};
    }
    const std::size_t first = w_.people.Pick(members.size());
    for (std::size_t k = 0; k < kTries && k < members.size(); ++k) {
      const store::MemberRow& m = members[(first + k) % members.size()].row;
      const Actor& actor = w_.HandlerFor(m.org_path);
      auto opened = w_.app.hardship().Open(actor, Household(m, profile));
      if (!opened && opened.error().code == ErrorCode::kAlreadyExists) continue;  // the next
      if (!opened) return Fail(std::move(opened).error());
      ++w_.report.hardship_files;
      into = Opened{opened->file.row.id, opened->file.row.org_path};
      // The first households' evidence: a diagnosis and a photographed dibao certificate.
      if (attached_ < 3) {
        ++attached_;
        ZJ_RETURN_IF_ERROR(AttachSample(
            w_.app, actor, kHardshipFileOwner, opened->file.row.id, "", "诊断证明.pdf",
            SamplePdf("Diagnosis certificate (sample)\nHospital: Dongcheng District Hospital\n"
                      "Chronic illness, long-term treatment required")));
        ZJ_RETURN_IF_ERROR(AttachSample(w_.app, actor, kHardshipFileOwner, opened->file.row.id, "",
                                        "低保证.png", SamplePng(48, 32, 0xE8D8B0)));
      }
      // Most households in difficulty give the card their aid is paid into; every fourth does
      // not (yet), so the payment list shows that case too.
      if (profile != Profile::kNone && profile != Profile::kExcluded && carded_++ % 4 != 3) {
        ZJ_RETURN_IF_ERROR(w_.app.hardship_bank_cards().Set(
            actor, opened->file.row.id, kSampleBanks[carded_ % std::size(kSampleBanks)],
            SampleCardNumber(carded_)));
      }
      // The first two households found not in difficulty: a visit showed otherwise.
      if (profile == Profile::kNone && overrides_ < std::size(kOverrideReasons)) {
        const char* level = overrides_ == 0 ? "relative" : "deep";
        ZJ_RETURN_IF_ERROR(w_.app.hardship().Override(actor, opened->file.row.id, level,
                                                      kOverrideReasons[overrides_]));
        ++overrides_;
      }
      return {};
    }
    ++w_.report.skipped;
    return {};
  }

  World& w_;
  Timeline& t_;
  std::size_t next_ = 0;
  std::size_t overrides_ = 0;
  std::size_t attached_ = 0;
  std::size_t carded_ = 0;
};

}  // namespace

void ScheduleHardship(World& w, Timeline& timeline) {
  auto h = std::make_shared<HardshipHistory>(w, timeline);
  h->LoadStandards();
  // Files from the sixth week on (after the first rosters are in), a few each month, and some
  // in the last fortnight.
  const std::int64_t from = w.start_ms + 35 * kDayMs;
  const std::int64_t recent = w.now_ms - 14 * kDayMs;
  h->Files(w.donghuamen, nullptr, 10, from, recent);
  h->Files(w.dongcheng, &w.donghuamen, 8, from, recent);
  h->Files(w.xicheng, nullptr, 8, from, recent);
  h->Files(w.donghuamen, nullptr, 3, recent, w.now_ms - kDayMs);
  h->Files(w.xicheng, nullptr, 2, recent, w.now_ms - kDayMs);
  // Elsewhere in the city, opened by the administrator.
  for (const store::OrgRow& org : w.orgs) {
    if (org.kind == "district" && org.id != w.dongcheng.id && org.id != w.xicheng.id) {
      h->Files(org, nullptr, 1, from, recent);
    }
  }
}

}  // namespace zj::app::demo
