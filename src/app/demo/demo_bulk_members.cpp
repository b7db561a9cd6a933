// Bulk demo members: `count` people spread over every grassroots union of the tree (joint
// unions too) in proportion to their enterprises' employees, each employed by one of the
// union's enterprises (picked by size). Names come from a surname and given-name table (the
// first is 张晓林, the pinyin example "zxl"); national IDs carry the union's district as birth
// region (about a quarter a county of a neighbouring province instead, mostly migrant workers),
// a birth date of a working age, a sequence code whose parity is the gender and the right check
// character, and are unique by construction (a counter per region, day and gender). Rows are
// exactly what the registry stores for a member it creates: sealed ID and phone with blind
// indexes and last four, pinyin keys, card numbers from serials reserved once per region.
//
// Speed: one thread generates and seals rows while this one writes them; the store drops and
// rebuilds the secondary indexes around the load (store/member_bulk.h). Memory stays bounded:
// at most a few batches are in flight, and the per-union plan is small.
//
// All or nothing: everything (rows, indexes, card serials, coverage counts) happens in one
// transaction, so a load that fails or is interrupted leaves the registry as it was, and a
// rerun starts over. A registry with members already gets nothing.
#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <thread>

#include "app/demo/demo_people.h"
#include "app/demo/demo_service.h"
#include "app/members/card_numbers.h"
#include "app/members/member_service.h"
#include "app/members/name_keys.h"
#include "app/system/bounded_queue.h"
#include "core/coverage/coverage_figures.h"
#include "core/members/member_fields.h"
#include "core/members/national_id.h"
#include "core/orgs/org_path.h"
#include "store/coverage.h"
#include "store/enterprises.h"
#include "store/member_bulk.h"
#include "store/member_cards.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

using demo::kEthnicities;
using demo::kGivenFemale;
using demo::kGivenMale;
using demo::kPhonePrefixes;
using demo::kSurnames;
using demo::Weighted;

constexpr std::size_t kBatchRows = 10000;
//! SQLite page cache of the loading connection: index builds sort in it.
constexpr int kLoaderCacheMib = 256;

// Where workers who were not born in Beijing come from: provinces near or sending many
// workers (GB/T 2260 province codes); every fifth county of them, so the counters stay small.
constexpr const char* kSourceProvinces[] = {"12", "13", "14", "15", "21", "22", "23", "34",
                                            "36", "37", "41", "42", "43", "51", "61", "62"};
constexpr int kCountyStride = 5;
constexpr double kBornElsewhere = 0.26;

// Birth dates from 1966-01-01 to 2004-12-31: 22 to 60 years old in 2026.
constexpr std::chrono::year_month_day kFirstBirth{std::chrono::year{1966}, std::chrono::January,
                                                  std::chrono::day{1}};
constexpr std::chrono::year_month_day kLastBirth{std::chrono::year{2004}, std::chrono::December,
                                                 std::chrono::day{31}};
// Joined between the 18th birthday (not before 1995) and the enterprises' reporting date.
constexpr std::chrono::year_month_day kEarliestJoin{std::chrono::year{1995}, std::chrono::January,
                                                    std::chrono::day{1}};
constexpr std::chrono::year_month_day kLatestJoin{std::chrono::year{2026}, std::chrono::June,
                                                  std::chrono::day{30}};

//! One grassroots union and what its members are drawn from.
struct UnionPlan {
  store::OrgRow org;
  std::string card_region;              //!< 6 digits: where its cards are issued
  std::size_t birth_region;             //!< index into the birth regions: its district
  std::vector<std::int64_t> employers;  //!< its enterprises, and the cumulative employees
  std::vector<std::int64_t> cumulative;
  std::int64_t weight = 0;  //!< employees of its enterprises (at least 1)
  std::int64_t members = 0;
};

// Shares are count × weight: beyond 64 bits for a billion members of a large union.
__extension__ using Wide = __int128;

//! Spreads `count` over the plans in proportion to weight (largest remainders, ties by order).
void Allocate(std::vector<UnionPlan>& plans, std::int64_t count) {
  Wide total = 0;
  for (const auto& p : plans) total += p.weight;
  std::vector<std::pair<Wide, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const Wide share = static_cast<Wide>(count) * plans[i].weight;
    plans[i].members = static_cast<std::int64_t>(share / total);
    given += plans[i].members;
    remainders.emplace_back(share % total, i);
  }
  // Largest remainder first; ties in plan order (the same order a stable sort would keep).
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::size_t k = 0; given < count; ++k, ++given) ++plans[remainders[k].second].members;
}

//! Unique national IDs by construction: per birth region, day and gender a counter of the
//! sequence codes used (odd for men, even for women: 500 each).
class IdNumbers {
 public:
  IdNumbers(std::size_t regions, int days)
      : days_(days), used_(regions * static_cast<std::size_t>(days) * 2, 0) {}

  //! The next free sequence code (0..999 with the gender's parity) or nothing when all 500
  //! of that day are taken.
  std::optional<int> Next(std::size_t region, int day, bool male) {
    auto& n = used_[(region * static_cast<std::size_t>(days_) + static_cast<std::size_t>(day)) * 2 +
                    (male ? 1 : 0)];
    if (n >= 500) return std::nullopt;
    return 2 * n++ + (male ? 1 : 0);
  }

 private:
  int days_;
  std::vector<std::uint16_t> used_;
};

std::string DateText(std::chrono::sys_days day) {
  return members::FormatDate(std::chrono::year_month_day(day));
}

//! A batch of rows for the writer, or the end (with the generator's error, if any).
struct Batch {
  std::vector<store::MemberRow> rows;
  bool end = false;
  std::optional<Error> error;
};

using BatchQueue = BoundedQueue<Batch>;  // two batches deep

//! Draws the people, union after union, from one seeded engine (so the same seed gives the
//! same people in the same order), and seals them.
class PeopleGenerator {
 public:
  PeopleGenerator(const std::vector<UnionPlan>& plans, const std::vector<std::string>& regions,
                  std::map<std::string, std::int64_t> first_serials, const Vault& vault,
                  const Clock& clock, Random& random, std::uint64_t seed)
      : plans_(plans),
        regions_(regions),
        serials_(std::move(first_serials)),
        vault_(vault),
        clock_(clock),
        random_(random),
        rng_(seed + 7),
        first_day_(std::chrono::sys_days(kFirstBirth)),
        days_(static_cast<int>((std::chrono::sys_days(kLastBirth) - first_day_).count() + 1)),
        ids_(regions.size(), days_),
        surname_(Weighted(kSurnames)),
        ethnicity_(Weighted(kEthnicities)),
        now_(clock.NowMs()) {}

  //! Fills `out` with up to `n` more people; false at the end.
  Result<bool> Next(std::size_t n, std::vector<store::MemberRow>& out) {
    while (out.size() < n) {
      while (plan_ < plans_.size() && made_in_plan_ >= plans_[plan_].members) {
        ++plan_;
        made_in_plan_ = 0;
      }
      if (plan_ == plans_.size()) return !out.empty();
      ZJ_ASSIGN_OR_RETURN(store::MemberRow row, Person(plans_[plan_]));
      out.push_back(std::move(row));
      ++made_in_plan_;
    }
    return true;
  }

 private:
  std::size_t Pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }

  std::string GivenName(bool male) {
    const auto& table = male ? kGivenMale : kGivenFemale;
    std::string given = table[Pick(table.size())];
    if (!Chance(0.3)) given += table[Pick(table.size())];
    return given;
  }

  Result<store::MemberRow> Person(const UnionPlan& u) {
    store::MemberRow r;
    const bool male = Chance(0.54);
    const bool elsewhere = Chance(kBornElsewhere);
    std::size_t region = u.birth_region;
    if (elsewhere) region = first_source_ + Pick(regions_.size() - first_source_);
    int day = 0;
    int sequence = 0;
    for (;;) {  // a full day is rare (500 people of one gender born there that day): redraw
      day = static_cast<int>(Pick(static_cast<std::size_t>(days_)));
      if (auto s = ids_.Next(region, day, male)) {
        sequence = *s;
        break;
      }
    }
    const std::chrono::sys_days birth = first_day_ + std::chrono::days(day);
    const std::chrono::year_month_day ymd(birth);
    char body[32];
    std::snprintf(body, sizeof body, "%s%04d%02u%02u%03d", regions_[region].c_str(),
                  static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), sequence);
    std::string number(body, 17);
    number += members::IdCheckCharacter(number);

    r.name = made_ == 0 ? std::string("张晓林")
                        : std::string(kSurnames[surname_(rng_)].first) + GivenName(male);
    const members::NameKeys keys = members::NameKeysOf(r.name);
    r.name_pinyin = keys.pinyin;
    r.name_initials = keys.initials;
    ZJ_ASSIGN_OR_RETURN(SealedValue id, vault_.SealIndexed(kMemberIdField, number));
    r.id_cipher = std::move(id.cipher);
    r.id_index = std::move(id.index);
    r.id_last4 = number.substr(14);
    r.gender =
        std::string(members::GenderName(male ? members::Gender::kMale : members::Gender::kFemale));
    r.birth_date = members::FormatDate(ymd);
    r.ethnicity = kEthnicities[ethnicity_(rng_)].first;
    if (Chance(0.8)) {
      char phone[16];
      std::snprintf(phone, sizeof phone, "%s%08u", kPhonePrefixes[Pick(kPhonePrefixes.size())],
                    static_cast<unsigned>(Pick(100000000)));
      ZJ_ASSIGN_OR_RETURN(SealedValue sealed, vault_.SealIndexed(kMemberPhoneField, phone));
      r.phone_cipher = std::move(sealed.cipher);
      r.phone_index = std::move(sealed.index);
      r.phone_last4 = std::string(phone + 7, 4);
    }
    if (!u.employers.empty()) {
      const auto at =
          static_cast<std::int64_t>(Pick(static_cast<std::size_t>(u.cumulative.back())));
      const auto it = std::upper_bound(u.cumulative.begin(), u.cumulative.end(), at);
      r.employer_id = u.employers[static_cast<std::size_t>(it - u.cumulative.begin())];
    }
    const std::chrono::sys_days adult =
        std::chrono::sys_days((ymd.year() + std::chrono::years(18)) / ymd.month() / 1);
    const std::chrono::sys_days earliest = std::max(adult, std::chrono::sys_days(kEarliestJoin));
    const auto span = (std::chrono::sys_days(kLatestJoin) - earliest).count();
    r.join_date = DateText(
        earliest + std::chrono::days(span > 0 ? Pick(static_cast<std::size_t>(span) + 1) : 0));
    r.migrant_worker = elsewhere ? Chance(0.6) : Chance(0.03);
    r.model_worker = Chance(0.015);

    r.id = NewId(clock_, random_);
    r.federation_id = u.org.federation_id;
    r.union_org_id = u.org.id;
    r.org_path = u.org.path;
    std::int64_t& serial = serials_[u.card_region];
    r.card_number = members::MakeCardNumber(u.card_region, static_cast<std::uint32_t>(serial++));
    r.status = "active";
    r.key_version =
        Vault::OldestVersion({&r.id_cipher, r.phone_cipher ? &*r.phone_cipher : nullptr});
    r.created_at = r.updated_at = now_;
    ++made_;
    return r;
  }

 public:
  //! Birth regions [0, first_source) are Beijing's districts, the rest other provinces'.
  std::size_t first_source_ = 0;

 private:
  const std::vector<UnionPlan>& plans_;
  const std::vector<std::string>& regions_;
  std::map<std::string, std::int64_t> serials_;
  const Vault& vault_;
  const Clock& clock_;
  Random& random_;
  std::mt19937_64 rng_;
  std::chrono::sys_days first_day_;
  int days_;
  IdNumbers ids_;
  std::discrete_distribution<std::size_t> surname_;
  std::discrete_distribution<std::size_t> ethnicity_;
  std::int64_t now_;
  std::size_t plan_ = 0;
  std::int64_t made_in_plan_ = 0;
  std::int64_t made_ = 0;
};

}  // namespace

Result<std::int64_t> DemoService::LoadBulkMembers(std::int64_t count, std::uint64_t seed,
                                                  const DemoOptions& options) {
  if (count <= 0) return std::int64_t{0};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  {
    ZJ_ASSIGN_OR_RETURN(std::int64_t existing, store::CountMembers(conn));
    if (existing > 0) return std::int64_t{0};  // loaded before: a second run adds nothing
  }
  // Declared before the transaction, so it ends (commit or rollback) before WAL mode is back.
  ZJ_ASSIGN_OR_RETURN(store::BulkJournal journal, store::BulkJournal::Begin(conn));
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn));

  // The unions by code (ids differ from run to run, codes do not) and their enterprises.
  std::vector<UnionPlan> plans;
  std::vector<std::string> regions;  // birth regions: Beijing's districts, then elsewhere
  std::map<std::string, std::size_t> region_index;
  {
    ZJ_ASSIGN_OR_RETURN(auto orgs, store::AllOrgs(conn));
    std::map<std::int64_t, const store::OrgRow*> by_id;
    for (const auto& o : orgs) by_id.emplace(o.id, &o);
    for (const auto& o : orgs) {
      if (o.kind != "grassroots" || o.status != "active") continue;
      UnionPlan p;
      p.org = o;
      ZJ_ASSIGN_OR_RETURN(p.card_region, members::CardRegionOf(conn, o));
      const std::string district = p.card_region.substr(0, 2) == "11" ? p.card_region : "110101";
      auto [it, fresh] = region_index.emplace(district, region_index.size());
      if (fresh) regions.push_back(district);
      p.birth_region = it->second;
      plans.push_back(std::move(p));
    }
    // By path: the order in which the demo created the unions (street after street, ids
    // ascending), so it is the same from run to run; rows then arrive in org_path order, which
    // the rebuild of that index's sort finds almost sorted.
    std::sort(plans.begin(), plans.end(),
              [](const UnionPlan& a, const UnionPlan& b) { return a.org.path < b.org.path; });
    if (plans.empty()) {
      return Fail(ErrorCode::kFailedPrecondition, "error.demo.no_unions",
                  "no grassroots union to put demo members in");
    }
    std::map<std::int64_t, std::size_t> plan_of;
    for (std::size_t i = 0; i < plans.size(); ++i) plan_of.emplace(plans[i].org.id, i);
    ZJ_ASSIGN_OR_RETURN(auto enterprises, store::AllEnterprises(conn));  // by id
    std::vector<std::pair<std::string, const store::EnterpriseRow*>> ordered;
    for (const auto& e : enterprises) {
      if (e.union_org_id) ordered.emplace_back(e.uscc, &e);
    }
    std::sort(ordered.begin(), ordered.end());  // by USCC, the same from run to run
    for (const auto& [uscc, e] : ordered) {
      auto it = plan_of.find(*e->union_org_id);
      if (it == plan_of.end()) continue;
      UnionPlan& p = plans[it->second];
      p.weight += std::max<std::int64_t>(e->employees, 1);
      p.employers.push_back(e->id);
      p.cumulative.push_back(p.weight);
    }
    for (auto& p : plans) p.weight = std::max<std::int64_t>(p.weight, 1);
  }
  Allocate(plans, count);
  const std::size_t first_source = regions.size();
  for (const char* province : kSourceProvinces) {
    for (const Region* city : regions_.Children(province)) {
      int k = 0;
      for (const Region* county : regions_.Children(city->code)) {
        if (k++ % kCountyStride == 0) regions.push_back(county->code);
      }
    }
  }

  // Card serials: one reservation per issuing region for all its members.
  std::map<std::string, std::int64_t> per_region;
  for (const auto& p : plans) per_region[p.card_region] += p.members;
  std::map<std::string, std::int64_t> first_serials;
  for (const auto& [region, n] : per_region) {
    if (n == 0) continue;
    ZJ_ASSIGN_OR_RETURN(first_serials[region], store::ReserveCardSerials(conn, region, n));
  }

  ZJ_ASSIGN_OR_RETURN(store::MemberBulkLoad load,
                      store::MemberBulkLoad::Begin(conn, kLoaderCacheMib));
  PeopleGenerator people(plans, regions, std::move(first_serials), vault_, clock_, random_, seed);
  people.first_source_ = first_source;
  BatchQueue queue;
  std::thread generator([&] {
    for (;;) {
      Batch batch;
      batch.rows.reserve(kBatchRows);
      auto more = people.Next(kBatchRows, batch.rows);
      if (!more) {
        batch.error = std::move(more).error();
        batch.end = true;
      } else if (!*more) {
        batch.end = true;
      }
      const bool end = batch.end;
      queue.Push(std::move(batch));
      if (end || queue.closed()) return;
    }
  });
  std::int64_t written = 0;
  std::optional<Error> failed;
  for (;;) {
    Batch batch = queue.Pop();
    if (!batch.rows.empty()) {
      if (auto r = load.Insert(batch.rows); !r) {
        failed = std::move(r).error();
      } else {
        written += static_cast<std::int64_t>(batch.rows.size());
        if (options.progress) options.progress(written, false);
        if (options.after_batch) {
          if (auto h = options.after_batch(written); !h) failed = std::move(h).error();
        }
      }
    }
    if (batch.error && !failed) failed = std::move(batch.error);
    if (failed || batch.end) break;
  }
  queue.Close();
  generator.join();
  if (failed) return Fail(std::move(*failed));

  if (options.progress) options.progress(written, true);
  ZJ_RETURN_IF_ERROR(load.Finish());
  // Coverage: each org's members summed over its subtree, applied once per org.
  std::map<std::int64_t, std::int64_t> per_org;
  for (const auto& p : plans) {
    if (p.members == 0) continue;
    for (std::int64_t id : OrgPath::FromStored(p.org.path).Ids()) per_org[id] += p.members;
  }
  for (const auto& [id, n] : per_org) {
    coverage::Figures f;
    f.members = n;
    ZJ_RETURN_IF_ERROR(store::AddToTotals(conn, {id}, f));
  }
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return written;
}

}  // namespace zj::app
