// The members' side of the demo's year (demo_history.h): in the first weeks the cadre of
// 东华门街道 and the staff of 西城 record their unions' people through the registry; over the
// year some change phones, retire or leave, and members move between unions of 东华门, the rest
// of 东城 and 西城 (asked by either side, approved, turned down or withdrawn, one left to the
// district because its union did not answer in time). Near today each account has transfers to
// decide. Steps whose member has meanwhile gone are skipped. Roster imports:
// demo_roster_imports.cpp.
#include <algorithm>
#include <memory>

#include "app/demo/demo_history_parts.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

constexpr const char* kReasons[] = {"工作调动", "劳动关系变更，入职新单位", "随单位整体划转",
                                    "回原单位工作"};
constexpr const char* kRejections[] = {"该会员仍在本单位工作，劳动关系未解除。",
                                       "信息与本单位记录不符，请核实后重新申请。"};

//! A planned step that may no longer apply when its moment comes (the member left, a
//! transfer is pending already): skipped and counted; other errors stop the history.
template <class T>
Result<void> Tolerate(World& w, Result<T> r) {
  if (r) return {};
  switch (r.error().code) {
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kConflict:
    case ErrorCode::kFailedPrecondition:
    case ErrorCode::kNotFound:
    case ErrorCode::kPermissionDenied:
      ++w.report.skipped;
      return {};
    default:
      return Fail(std::move(r).error());
  }
}

std::string Today(const World& w) { return members::FormatDate(World::DayOf(w.clock.NowMs())); }

//! Where transfers go between: 东华门, the rest of 东城, 西城.
enum class Area { kDonghuamen, kDongchengRest, kXicheng };

struct MemberHistory : std::enable_shared_from_this<MemberHistory> {
  MemberHistory(World& world, Timeline& t) : w(world), timeline(t) {}

  World& w;
  Timeline& timeline;
  std::vector<const store::OrgRow*> dhm, dc_rest, xc;  // grassroots unions by area

  const std::vector<const store::OrgRow*>& Unions(Area a) const {
    return a == Area::kDonghuamen ? dhm : a == Area::kDongchengRest ? dc_rest : xc;
  }
  const Actor& AccountOf(Area a) const {
    return a == Area::kDonghuamen      ? w.cadre
           : a == Area::kDongchengRest ? w.dongcheng_staff
                                       : w.xicheng_staff;
  }

  //! The org whose subtree holds `area` (the rest of 东城: 东城 without 东华门).
  const store::OrgRow& Under(Area a) const {
    return a == Area::kDonghuamen      ? w.donghuamen
           : a == Area::kDongchengRest ? w.dongcheng
                                       : w.xicheng;
  }

  //! An active member of a union of `area` with no pending transfer, drawn.
  Result<std::optional<store::MemberRow>> MemberOf(Area area) {
    const OrgPath under = OrgPath::FromStored(Under(area).path);
    const OrgPath donghuamen = OrgPath::FromStored(w.donghuamen.path);
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
    store::MemberQuery q;
    q.subtree_low = under.SubtreeLow();
    q.subtree_high = under.SubtreeHigh();
    q.status = "active";
    q.limit = 1000;
    ZJ_ASSIGN_OR_RETURN(auto members, store::ListMembers(*lease, q));
    std::erase_if(members, [&](const store::MemberRow& m) {
      return area == Area::kDongchengRest && donghuamen.Contains(OrgPath::FromStored(m.org_path));
    });
    std::shuffle(members.begin(), members.end(), w.people.engine());
    for (auto& m : members) {
      ZJ_ASSIGN_OR_RETURN(auto transfers, store::TransfersOfMember(*lease, m.id));
      if (std::none_of(transfers.begin(), transfers.end(),
                       [](const auto& t) { return t.state == "pending"; })) {
        return std::optional(std::move(m));
      }
    }
    return std::optional<store::MemberRow>();
  }

  //! People recorded by hand in `u` from `at`, a few minutes apart.
  void Record(const store::OrgRow& u, std::int64_t at, int count) {
    const store::OrgRow* unit = &u;
    for (int i = 0; i < count; ++i) {
      timeline.At(
          at + kMinuteMs * 6 * i, [this, self = shared_from_this(), unit]() -> Result<void> {
            const std::string region =
                unit->region_code ? unit->region_code->substr(0, 6) : "110101";
            const DemoPerson p = w.people.Person(region);
            NewMember m;
            m.union_id = unit->id;
            m.name = p.name;
            m.id_number = p.id_number;
            if (w.people.Chance(0.85)) m.phone = p.phone;
            m.ethnicity = p.ethnicity;
            for (const auto& e : w.enterprises) {
              if (e.union_org_id == unit->id) m.employer_id = e.id;
            }
            char joined[48];
            std::snprintf(
                joined, sizeof joined, "%04d-%02d-%02d", 2005 + static_cast<int>(w.people.Pick(20)),
                1 + static_cast<int>(w.people.Pick(12)), 1 + static_cast<int>(w.people.Pick(28)));
            m.join_date = joined;
            m.migrant_worker = w.people.Chance(0.25);
            m.model_worker = w.people.Chance(0.04);
            auto made = w.app.members().Create(w.HandlerFor(unit->path), m);
            if (made) {
              w.recorded.emplace_back(made->row.id, made->row.org_path);
              ++w.report.members_recorded;
            }
            return Tolerate(w, std::move(made));
          });
    }
  }

  //! A transfer from `from` to `to` asked at `at` by the sending side (or, with `by_receiver`,
  //! by the receiving side by ID number), decided `decide_after` working days later by the
  //! other side: "approved", "rejected", "cancelled" (by the asking side) or "" (pending).
  void Transfer(Area from, Area to, std::int64_t at, bool by_receiver, int decide_after,
                const std::string& outcome) {
    auto id = std::make_shared<std::int64_t>(0);
    const Actor& asking = by_receiver ? AccountOf(to) : AccountOf(from);
    // Above both (东华门 to the rest of 东城): 东城 decides once the union has not answered.
    const Actor& deciding = by_receiver ? AccountOf(from)
                            : from == Area::kDonghuamen && to == Area::kDongchengRest
                                ? w.dongcheng_staff
                                : AccountOf(to);
    timeline.At(
        at,
        [this, self = shared_from_this(), id, from, to, by_receiver, &asking]() -> Result<void> {
          ZJ_ASSIGN_OR_RETURN(auto member, MemberOf(from));
          const auto& targets = Unions(to);
          if (!member || targets.empty()) {
            ++w.report.skipped;
            return {};
          }
          const store::OrgRow& target = *targets[w.people.Pick(targets.size())];
          const std::string reason = kReasons[w.people.Pick(std::size(kReasons))];
          Result<TransferView> asked = Fail(ErrorCode::kInternal, "error.internal");
          if (by_receiver) {
            auto number = w.app.vault().Open(kMemberIdField, member->id_cipher);
            if (!number) return Fail(std::move(number).error());
            asked = w.app.transfers().RequestByReceiver(asking, *number, target.id, reason);
          } else {
            asked = w.app.transfers().RequestFromSender(asking, member->id, target.id, reason);
          }
          if (asked) {
            *id = asked->row.id;
            ++w.report.transfers;
          }
          return Tolerate(w, std::move(asked));
        });
    if (outcome.empty()) return;
    const std::int64_t when =
        World::At(w.WorkingDay(at, decide_after), w.Minute(9 * 60, 17 * 60 + 30));
    timeline.At(
        when, [this, self = shared_from_this(), id, outcome, &asking, &deciding]() -> Result<void> {
          if (*id == 0) return {};
          TransferService& transfers = w.app.transfers();
          if (outcome == "cancelled") return Tolerate(w, transfers.Cancel(asking, *id));
          if (outcome == "rejected") {
            return Tolerate(w,
                            transfers.Reject(deciding, *id,
                                             kRejections[w.people.Pick(std::size(kRejections))]));
          }
          return Tolerate(w, transfers.Approve(deciding, *id, "同意接转。"));
        });
  }

  //! Phone changes and, for a few, retirement or leaving, by the union's account.
  void Changes(int count) {
    const std::int64_t span = w.now_ms - w.start_ms;
    for (int i = 0; i < count; ++i) {
      // From the tenth week on, after the rosters were recorded.
      const std::int64_t at = World::At(
          w.WorkingDay(w.start_ms + span / 5 +
                           static_cast<std::int64_t>(
                               w.people.Pick(static_cast<std::size_t>(span * 4 / 5 / kDayMs))) *
                               kDayMs,
                       0),
          w.Minute(9 * 60, 17 * 60));
      const int kind = i % 5 == 4 ? (i % 10 == 4 ? 1 : 2) : 0;  // 0 phone, 1 retired, 2 left
      timeline.At(at, [this, self = shared_from_this(), kind]() -> Result<void> {
        if (w.recorded.empty()) return {};
        std::optional<store::MemberRow> member;
        for (int attempt = 0; attempt < 10 && (!member || member->status != "active"); ++attempt) {
          const std::int64_t id = w.recorded[w.people.Pick(w.recorded.size())].first;
          ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
          ZJ_ASSIGN_OR_RETURN(member, store::FindMemberById(*lease, id));
        }
        if (!member || member->status != "active") {
          ++w.report.skipped;
          return {};
        }
        MemberPatch patch;
        if (kind == 0) {
          patch.phone = w.people.Phone();
        } else {
          patch.status = kind == 1 ? "retired" : "left";
          patch.status_changed_on = Today(w);
        }
        return Tolerate(w,
                        w.app.members().Update(w.HandlerFor(member->org_path), member->id, patch));
      });
    }
  }

  //! Transfers over the year, and the ones waiting today.
  void Transfers() {
    struct Route {
      Area from, to;
      bool by_receiver;
    };
    static constexpr Route kRoutes[] = {{Area::kXicheng, Area::kDonghuamen, false},
                                        {Area::kDonghuamen, Area::kXicheng, false},
                                        {Area::kXicheng, Area::kDongchengRest, false},
                                        {Area::kDongchengRest, Area::kXicheng, false},
                                        {Area::kDonghuamen, Area::kDongchengRest, false},
                                        {Area::kDongchengRest, Area::kXicheng, true}};
    const std::int64_t first = w.start_ms + kDayMs * 7 * 6;
    const std::int64_t last = World::At(w.WorkingDaysBeforeNow(20), 0);
    constexpr int kCount = 30;
    for (int i = 0; i < kCount && first < last; ++i) {
      const Route& r = kRoutes[i % std::size(kRoutes)];
      const std::int64_t at = World::At(w.WorkingDay(first + (last - first) / kCount * i, 0),
                                        w.Minute(9 * 60, 17 * 60));
      const bool above_both = r.from == Area::kDonghuamen && r.to == Area::kDongchengRest;
      const int after = above_both ? 11 + static_cast<int>(w.people.Pick(3))
                                   : 1 + static_cast<int>(w.people.Pick(6));
      const int roll = static_cast<int>(w.people.Pick(100));
      Transfer(r.from, r.to, at, r.by_receiver, after,
               roll < 72   ? "approved"
               : roll < 92 ? "rejected"
                           : "cancelled");
    }
    // Waiting today: for the cadre (from 西城), for 西城 (from 东华门), for 东城 (from 西城, and
    // one between its own unions past its due date).
    Transfer(Area::kXicheng, Area::kDonghuamen, World::At(w.WorkingDaysBeforeNow(1), 15 * 60),
             false, 0, "");
    Transfer(Area::kDonghuamen, Area::kXicheng, World::At(w.WorkingDaysBeforeNow(2), 11 * 60),
             false, 0, "");
    Transfer(Area::kXicheng, Area::kDongchengRest, World::At(w.WorkingDaysBeforeNow(3), 16 * 60),
             false, 0, "");
    Transfer(Area::kDonghuamen, Area::kDongchengRest,
             World::At(w.WorkingDaysBeforeNow(12), 10 * 60), false, 0, "");
  }
};

}  // namespace

Result<void> ScheduleMemberHistory(World& w, Timeline& timeline) {
  auto h = std::make_shared<MemberHistory>(w, timeline);
  h->dhm = w.UnionsUnder(w.donghuamen);
  const OrgPath dhm_path = OrgPath::FromStored(w.donghuamen.path);
  for (const store::OrgRow* u : w.UnionsUnder(w.dongcheng)) {
    if (!dhm_path.Contains(OrgPath::FromStored(u->path))) h->dc_rest.push_back(u);
  }
  h->xc = w.UnionsUnder(w.xicheng);
  // The first weeks: rosters typed in by hand, a union an afternoon.
  int k = 0;
  for (std::size_t i = 0; i < h->dhm.size() && i < 3; ++i, ++k) {
    h->Record(*h->dhm[i], World::At(w.WorkingDay(w.start_ms, 3 + 4 * k), 14 * 60), 16);
  }
  for (std::size_t i = 0; i < h->xc.size() && i < 2; ++i, ++k) {
    h->Record(*h->xc[i], World::At(w.WorkingDay(w.start_ms, 3 + 4 * k), 14 * 60), 16);
  }
  h->Changes(30);
  h->Transfers();
  ScheduleRosterImports(w, timeline);
  return {};
}

}  // namespace zj::app::demo
