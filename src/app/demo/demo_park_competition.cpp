// The park competition at a given scale: see demo_park_competition.h.
#include "app/demo/demo_park_competition.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "app/beijing_day.h"
#include "app/competitions/competition_service.h"
#include "core/competitions/scoring.h"
#include "core/coverage/coverage_figures.h"
#include "core/enterprises/uscc.h"
#include "core/orgs/org_path.h"
#include "store/accounts.h"
#include "store/competition_bulk.h"
#include "store/competitions.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

namespace cp = competitions;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::size_t kFlushRows = 10000;  // rows a multi-row batch holds before it is written
constexpr std::int64_t kVetoEvery = 200;   // one enterprise in 200 vetoed (a safety accident)
constexpr std::int64_t kGeneratedEmployees = 60;

struct GroupPlan {
  const char* code;
  const char* name;
  const char* kind;
};
// Six groups: the enterprises, the teams by trade, the individual builders.
constexpr GroupPlan kGroups[] = {
    {"enterprise", "企业组", "enterprise"}, {"team_civil", "土建班组", "team"},
    {"team_install", "安装班组", "team"},   {"team_electric", "电气班组", "team"},
    {"team_operation", "运维班组", "team"}, {"builder", "优秀建设者", "individual"},
};
constexpr std::size_t kTeamGroups = 4;  // kGroups[1..4]

//! The 100-point sheet split 35/35/30 of every group.
cp::Sheet ParkSheet() {
  cp::Sheet s;
  s.indicators = {{"quality", "工程质量", 3500, 35},
                  {"safety", "安全生产", 3500, 35},
                  {"innovation", "技术创新", 3000, 30}};
  return s;
}

//! A well-mixed 64-bit hash of the seed and three positions (splitmix64's finaliser).
std::uint64_t Mix(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  std::uint64_t z = seed ^ (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^
                    (c * 0x165667B19E3779F9ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Result<void> CheckSpec(const ParkCompetitionSpec& s) {
  const bool ok = s.enterprises >= 1 && s.enterprises <= 100000 && s.teams >= 0 &&
                  s.teams <= 100000 && s.individuals >= 0 && s.individuals <= 100000 &&
                  s.workers >= s.teams && s.workers <= 10'000'000 && s.judges_per_entry >= 1 &&
                  s.judges >= s.judges_per_entry && s.judges <= 999 && s.scored_percent >= 0 &&
                  s.scored_percent <= 100;
  if (ok) return {};
  return Fail(ErrorCode::kInvalidArgument, "error.invalid_input",
              "park competition: enterprises 1..100,000, teams and individuals ≤ 100,000, "
              "workers ≥ teams, judges ≥ judges per entry ≥ 1, scored 0..100 %");
}

//! The rows being written, flushed every kFlushRows so memory stays bounded.
class Writer {
 public:
  explicit Writer(store::Connection& c) : c_(c) {}
  Result<void> Entry(store::CompEntryRow row) {
    entries_.push_back(std::move(row));
    if (entries_.size() >= kFlushRows) return Flush();
    return {};
  }
  Result<void> Member(std::int64_t entry, std::int64_t member) {
    members_.emplace_back(entry, member);
    if (members_.size() >= kFlushRows) return Flush();
    return {};
  }
  Result<void> Score(store::CompScoreRow row) {
    scores_.push_back(std::move(row));
    if (scores_.size() >= kFlushRows) return Flush();
    return {};
  }
  //! Entries first: the team members and scores refer to them.
  Result<void> Flush() {
    ZJ_RETURN_IF_ERROR(store::InsertCompEntries(c_, entries_));
    ZJ_RETURN_IF_ERROR(store::InsertCompTeamMembers(c_, members_));
    ZJ_RETURN_IF_ERROR(store::InsertCompScores(c_, scores_));
    entries_.clear();
    members_.clear();
    scores_.clear();
    return {};
  }

 private:
  store::Connection& c_;
  std::vector<store::CompEntryRow> entries_;
  std::vector<std::pair<std::int64_t, std::int64_t>> members_;
  std::vector<store::CompScoreRow> scores_;
};

class ParkLoader {
 public:
  ParkLoader(store::Connection& c, const Clock& clock, Random& random,
             const ParkCompetitionSpec& spec)
      : c_(c), clock_(clock), random_(random), spec_(spec), now_(clock.NowMs()), out_(c) {}

  Result<ParkCompetitionReport> Run(const store::OrgRow& org, const std::string& judge_hash) {
    org_ = org;
    const OrgPath path = OrgPath::FromStored(org.path);
    ZJ_ASSIGN_OR_RETURN(auto orgs, store::AllOrgs(c_));
    for (const auto& o : orgs) {
      if (o.kind == "street" && o.status == "active" && path.Contains(OrgPath::FromStored(o.path)))
        streets_.push_back(o);
    }
    std::sort(streets_.begin(), streets_.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    if (streets_.empty()) streets_.push_back(org);
    ZJ_ASSIGN_OR_RETURN(enterprises_,
                        store::LargestEnterprisesUnder(c_, path.SubtreeLow(), path.SubtreeHigh(),
                                                       spec_.enterprises));
    ZJ_RETURN_IF_ERROR(AddEnterprises());
    ZJ_ASSIGN_OR_RETURN(
        pool_, store::ActiveMembersUnder(c_, path.SubtreeLow(), path.SubtreeHigh(), spec_.workers));
    const std::int64_t largest_team =
        spec_.teams == 0 ? 0 : (spec_.workers + spec_.teams - 1) / spec_.teams;
    if (static_cast<std::int64_t>(pool_.size()) < std::max<std::int64_t>(largest_team, 1) &&
        (spec_.teams > 0 || spec_.individuals > 0)) {
      return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_members",
                  "too few active members under " + org.code + " for the park competition's teams");
    }
    for (std::size_t i = 0; i < pool_.size(); ++i) {
      if (pool_[i].employer_id) staff_[*pool_[i].employer_id].push_back(i);
    }
    ZJ_RETURN_IF_ERROR(Competition());
    ZJ_RETURN_IF_ERROR(Judges(judge_hash));
    ZJ_RETURN_IF_ERROR(Entries());
    ZJ_RETURN_IF_ERROR(out_.Flush());
    report_.competition_id = comp_.id;
    report_.enterprises = static_cast<std::int64_t>(enterprises_.size());
    return report_;
  }

 private:
  //! Generated enterprises when the subtree has too few: on its streets in turn, not unionised
  //! (coverage figures follow, as for the demo's enterprises).
  Result<void> AddEnterprises() {
    std::int64_t serial = 0;
    while (static_cast<std::int64_t>(enterprises_.size()) < spec_.enterprises) {
      const store::OrgRow& street = streets_[static_cast<std::size_t>(serial) % streets_.size()];
      ++serial;
      store::EnterpriseRow e;
      e.id = NewId(clock_, random_);
      e.federation_id = street.federation_id;
      const std::string region = street.region_code.value_or("110000").substr(0, 6);
      char digits[32];
      std::snprintf(digits, sizeof digits, "8%08lld", static_cast<long long>(serial));
      const std::string first17 = "91" + region + digits;
      e.uscc = first17 + enterprises::UsccCheckCharacter(first17).value_or('0');
      e.name = "园区参赛企业（" + street.name + "）" + std::to_string(serial) + "号";
      e.region_code = street.region_code.value_or(region);
      e.industry = "E";
      e.ownership = "private";
      e.employees = kGeneratedEmployees;
      e.employees_reported_on = "2026-06-30";
      e.org_id = street.id;
      e.org_path = street.path;
      e.created_at = e.updated_at = now_;
      ZJ_RETURN_IF_ERROR(store::InsertEnterprise(c_, e));
      ZJ_RETURN_IF_ERROR(store::AddToRollups(c_, OrgPath::FromStored(street.path).Ids(), e.industry,
                                             e.federation_id,
                                             coverage::Contribution(e.employees, false)));
      enterprises_.push_back({e.id, e.org_path});
      ++report_.enterprises_created;
    }
    return {};
  }

  Result<void> Competition() {
    comp_.id = NewId(clock_, random_);
    comp_.federation_id = org_.federation_id;
    comp_.org_id = org_.id;
    comp_.org_path = org_.path;
    comp_.kind = "labour";
    comp_.title = spec_.title;
    comp_.method = "z_score";  // lenient and strict judges are generated: the method for them
    comp_.tie_break = "indicators_in_order";
    comp_.blind = true;
    comp_.status = "listed";
    comp_.enrol_ends_on = BeijingDay(now_ - 14 * kDayMs);
    comp_.scoring_ends_on = BeijingDay(now_ + 14 * kDayMs);
    comp_.listed_at = now_ - 14 * kDayMs;
    comp_.created_at = comp_.updated_at = now_ - 42 * kDayMs;
    comp_.certificate_ranks = 3;
    ZJ_RETURN_IF_ERROR(store::InsertCompetition(c_, comp_));
    const std::string sheet = SheetJson(ParkSheet());
    for (const auto& g : kGroups) {
      store::CompGroupRow row;
      row.id = NewId(clock_, random_);
      row.competition_id = comp_.id;
      row.code = g.code;
      row.name = g.name;
      row.entrant_kind = g.kind;
      row.sheet_json = sheet;
      ZJ_RETURN_IF_ERROR(store::InsertCompGroup(c_, row));
      groups_.push_back(row);
    }
    ZJ_RETURN_IF_ERROR(
        store::InsertCompVetoItem(c_, {comp_.id, "safety_accident", "发生较大及以上安全生产事故"}));
    ZJ_RETURN_IF_ERROR(store::InsertCompVetoItem(c_, {comp_.id, "wage_arrears", "拖欠农民工工资"}));
    return {};
  }

  //! The judges: generated accounts (cadres of the first street, no employer, so no entrant
  //! conflicts with them); group g is judged by the M = max(per entry, ⌈J/6⌉) judges from
  //! g·J/6 on (wrapping), so with 50 judges each group has 9 and a few judge two groups.
  Result<void> Judges(const std::string& hash) {
    const auto n = static_cast<std::size_t>(spec_.judges);
    const std::size_t per_group = std::max<std::size_t>(
        static_cast<std::size_t>(spec_.judges_per_entry), (n + std::size(kGroups) - 1) / 6);
    for (std::size_t j = 0; j < n; ++j) {
      char number[24];
      std::snprintf(number, sizeof number, "%02zu", j + 1);
      const std::string username = spec_.judge_prefix + number;
      ZJ_ASSIGN_OR_RETURN(auto user, store::FindUserByUsername(c_, username));
      std::int64_t user_id = 0;
      if (user) {
        user_id = user->id;
      } else {
        store::UserRow u;
        u.id = user_id = NewId(clock_, random_);
        u.username = username;
        u.display_name = spec_.title.substr(0, 60) + " 评委" + number;
        u.password_hash = hash;
        u.role = "cadre";
        u.org_id = streets_.front().id;
        u.created_at = now_;
        ZJ_RETURN_IF_ERROR(store::InsertUser(c_, u));
      }
      store::CompJudgeRow row;
      row.id = NewId(clock_, random_);
      row.competition_id = comp_.id;
      row.user_id = user_id;
      row.added_at = now_ - 14 * kDayMs;
      ZJ_RETURN_IF_ERROR(store::InsertCompJudge(c_, row));
      judges_.push_back(row.id);
    }
    group_judges_.resize(std::size(kGroups));
    for (std::size_t g = 0; g < std::size(kGroups); ++g) {
      for (std::size_t i = 0; i < per_group; ++i) {
        const std::size_t j = (g * n / std::size(kGroups) + i) % n;
        group_judges_[g].push_back(j);
        ZJ_RETURN_IF_ERROR(store::InsertCompAssignment(c_, judges_[j], groups_[g].id));
      }
    }
    report_.judges = static_cast<std::int64_t>(n);
    return {};
  }

  Result<void> Entries() {
    for (std::size_t i = 0; i < enterprises_.size(); ++i) {
      const auto& e = enterprises_[i];
      store::CompEntryRow row = NewEntry(0, e.org_path);
      row.enterprise_id = e.id;
      if (static_cast<std::int64_t>(i) % kVetoEvery == kVetoEvery - 1) {
        row.veto_code = "safety_accident";
        row.veto_note = "区应急管理局通报：承建项目发生较大安全生产事故";
        row.veto_at = now_ - 3 * kDayMs;
        ++report_.vetoed;
      }
      ZJ_RETURN_IF_ERROR(Add(0, std::move(row)));
    }
    std::vector<bool> used(pool_.size(), false);  // has a place in a team
    std::size_t cursor = 0;
    std::size_t placed = 0;  // members with a place  // the next member of the whole pool
    std::map<std::int64_t, std::size_t> own;  // per enterprise: its next own employee
    for (std::int64_t t = 0; t < spec_.teams; ++t) {
      const std::size_t g = 1 + static_cast<std::size_t>(t) % kTeamGroups;
      const auto& e = enterprises_[static_cast<std::size_t>(t) % enterprises_.size()];
      store::CompEntryRow row = NewEntry(g, e.org_path);
      row.enterprise_id = e.id;
      const long long serial = t / static_cast<std::int64_t>(kTeamGroups) + 1;
      char name[64];
      std::snprintf(name, sizeof name, "%s%05lld", kGroups[g].name, serial);
      row.team_name = name;
      const std::int64_t id = row.id;
      ZJ_RETURN_IF_ERROR(Add(g, std::move(row)));
      const std::int64_t size =
          spec_.workers / spec_.teams + (t < spec_.workers % spec_.teams ? 1 : 0);
      std::set<std::size_t> team;
      const auto staff = staff_.find(e.id);
      std::size_t& next = own[e.id];
      while (static_cast<std::int64_t>(team.size()) < size) {
        // The enterprise's own employees not in a team yet, then the next member of the pool
        // not in a team yet; once every member has a place, members fill places again.
        while (staff != staff_.end() && next < staff->second.size() && used[staff->second[next]]) {
          ++next;
        }
        std::size_t pick = 0;
        if (staff != staff_.end() && next < staff->second.size()) {
          pick = staff->second[next++];
        } else {
          do {
            pick = cursor++ % pool_.size();
          } while (placed < pool_.size() && used[pick]);
        }
        if (!team.insert(pick).second) continue;
        if (!used[pick]) ++placed;
        used[pick] = true;
        ZJ_RETURN_IF_ERROR(out_.Member(id, pool_[pick].id));
      }
      report_.team_places += size;
      ++report_.teams;
    }
    report_.distinct_workers = static_cast<std::int64_t>(placed);
    const std::size_t individuals =
        std::min(pool_.size(), static_cast<std::size_t>(spec_.individuals));
    const std::size_t stride =
        individuals == 0 ? 1 : std::max<std::size_t>(1, pool_.size() / individuals);
    for (std::size_t k = 0; k < individuals; ++k) {
      const store::PoolMember& m = pool_[(k * stride) % pool_.size()];
      store::CompEntryRow row = NewEntry(std::size(kGroups) - 1, m.org_path);
      row.member_id = m.id;
      row.enterprise_id = m.employer_id;
      ZJ_RETURN_IF_ERROR(Add(std::size(kGroups) - 1, std::move(row)));
      ++report_.individuals;
    }
    return {};
  }

  store::CompEntryRow NewEntry(std::size_t g, const std::string& org_path) {
    store::CompEntryRow row;
    row.id = NewId(clock_, random_);
    row.competition_id = comp_.id;
    row.group_id = groups_[g].id;
    row.entrant_kind = kGroups[g].kind;
    row.federation_id = comp_.federation_id;
    row.org_path = org_path;
    row.status = "listed";
    row.enrolled_via = "cadre";
    row.created_at = now_ - 20 * kDayMs;
    return row;
  }

  //! Numbers the entry in its group, writes it and the marks its judges have given so far.
  Result<void> Add(std::size_t g, store::CompEntryRow row) {
    const std::int64_t k = numbers_[g]++;
    row.number = k + 1;
    const std::int64_t id = row.id;
    ZJ_RETURN_IF_ERROR(out_.Entry(std::move(row)));
    ++report_.entries;
    const auto& judges = group_judges_[g];
    // The entry's own standing (−8..+8 points of a hundred), the same for every judge.
    const auto standing = static_cast<std::int64_t>(Mix(spec_.seed, g, k, 7) % 17) - 8;
    for (int i = 0; i < spec_.judges_per_entry; ++i) {
      if (Mix(spec_.seed, g, k, 100 + i) % 100 >=
          static_cast<std::uint64_t>(spec_.scored_percent)) {
        continue;
      }
      const std::size_t j = judges[(static_cast<std::size_t>(k) + i) % judges.size()];
      // Lenient and strict judges: −5..+5 points of a hundred on everything they mark.
      const auto leniency = static_cast<std::int64_t>(j * 7 % 11) - 5;
      std::vector<cp::Mark> marks;
      std::int64_t centi[3] = {0, 0, 0};
      const cp::Sheet& sheet = sheet_;
      for (std::size_t x = 0; x < sheet.indicators.size(); ++x) {
        const auto spread = static_cast<std::int64_t>(
            Mix(spec_.seed + 1000 * g, static_cast<std::uint64_t>(k), j, x) % 31);
        const std::int64_t pct =
            std::clamp<std::int64_t>(62 + spread + standing + leniency, 0, 100);
        centi[x] = sheet.indicators[x].max_centi * pct / 100 / 50 * 50;  // in halves of a point
        marks.push_back({sheet.indicators[x].code, centi[x]});
      }
      ZJ_ASSIGN_OR_RETURN(const std::int64_t total, cp::WeightedTotal(sheet, marks));
      char json[96];  // as MarksJson writes it: keys in order, no spaces
      std::snprintf(json, sizeof json, R"({"innovation":%lld,"quality":%lld,"safety":%lld})",
                    static_cast<long long>(centi[2]), static_cast<long long>(centi[0]),
                    static_cast<long long>(centi[1]));
      ZJ_RETURN_IF_ERROR(out_.Score(
          {id, judges_[j], json, total, now_ - (1 + (k + i) % 12) * kDayMs, std::nullopt}));
      ++report_.scores;
    }
    return {};
  }

  store::Connection& c_;
  const Clock& clock_;
  Random& random_;
  const ParkCompetitionSpec& spec_;
  const std::int64_t now_;
  const cp::Sheet sheet_ = ParkSheet();
  Writer out_;
  ParkCompetitionReport report_;
  store::OrgRow org_;
  std::vector<store::OrgRow> streets_;
  std::vector<store::PoolEnterprise> enterprises_;
  std::vector<store::PoolMember> pool_;
  std::map<std::int64_t, std::vector<std::size_t>> staff_;  // employer → pool positions
  store::CompetitionRow comp_;
  std::vector<store::CompGroupRow> groups_;
  std::vector<std::int64_t> judges_;                    // comp_judges ids
  std::vector<std::vector<std::size_t>> group_judges_;  // per group: positions in judges_
  std::map<std::size_t, std::int64_t> numbers_;         // per group: entries numbered so far
};

}  // namespace

ParkCompetitionSpec ParkCompetitionSpec::Seed() { return ParkCompetitionSpec{}; }

ParkCompetitionSpec ParkCompetitionSpec::TenTimes() {
  ParkCompetitionSpec s;
  s.title = "“园区杯”劳动竞赛（十倍规模）";
  s.judge_prefix = "judge.park10.";
  s.enterprises = 4000;
  s.workers = 420000;
  s.teams = 40000;
  s.individuals = 4000;
  return s;
}

Result<ParkCompetitionReport> LoadParkCompetition(store::Database& db, const Clock& clock,
                                                  Random& random, const PasswordCost& cost,
                                                  const ParkCompetitionSpec& spec) {
  ZJ_RETURN_IF_ERROR(CheckSpec(spec));
  // One hash for every generated judge (argon2id costs tens of milliseconds each).
  ZJ_ASSIGN_OR_RETURN(
      const std::string hash,
      HashPassword(spec.judge_password.empty() ? random.Token(16) : spec.judge_password, cost));
  return store::InTransaction(db, [&](store::Connection& c) -> Result<ParkCompetitionReport> {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgByCode(c, spec.org_code));
    if (!org) {
      return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions",
                  "no org " + spec.org_code + " for the park competition");
    }
    const OrgPath path = OrgPath::FromStored(org->path);
    ZJ_ASSIGN_OR_RETURN(auto existing,
                        store::ListCompetitions(c, path.SubtreeLow(), path.SubtreeHigh(), 0, 1000));
    for (const auto& e : existing) {
      if (e.title == spec.title) return ParkCompetitionReport{};  // loaded before
    }
    ParkLoader loader(c, clock, random, spec);
    return loader.Run(*org, hash);
  });
}

}  // namespace zj::app
