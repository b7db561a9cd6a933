#include "app/demo/demo_talent.h"

#include <array>
#include <memory>

#include "app/beijing_day.h"
#include "app/talent/talent_service.h"
#include "core/orgs/org_path.h"
#include "store/members.h"

namespace zj::app::demo {

namespace {

constexpr std::array<const char*, 5> kTrades{"电工", "焊工", "钳工", "数控车工", "汽车维修工"};

class TalentHistory {
 public:
  explicit TalentHistory(World& w) : w_(w) {}

  TalentService Service() {
    static SecureRandom random;
    return TalentService(w_.app.db(), w_.app.clock(), random, w_.app.audit());
  }

  //! Up to 25 members of 东城 active now, the demo worker's own aside.
  Result<std::vector<std::int64_t>> Pick() {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, w_.app.db().Acquire());
    const OrgPath d = OrgPath::FromStored(w_.dongcheng.path);
    std::vector<std::int64_t> picked;
    for (const auto& m : w_.members) {
      if (picked.size() == 25) break;
      if (!d.Contains(OrgPath::FromStored(m.org_path))) continue;
      if (w_.worker.member_id && m.id == *w_.worker.member_id) continue;
      ZJ_ASSIGN_OR_RETURN(auto now, store::FindMemberById(*lease, m.id));
      if (!now || now->status != "active" || !d.Contains(OrgPath::FromStored(now->org_path))) {
        continue;  // moved away or left by then
      }
      picked.push_back(m.id);
    }
    return picked;
  }

  Result<void> Record() {
    ZJ_ASSIGN_OR_RETURN(const auto picked, Pick());
    const int year = std::stoi(BeijingDay(w_.clock.NowMs()).substr(0, 4));
    for (std::size_t i = 0; i < picked.size(); ++i) {
      const int level = 5 - static_cast<int>(i % 5);  // 高级技师 first
      const std::string since = std::to_string(year - 1 - static_cast<int>(i % 7)) + "-06-30";
      ZJ_RETURN_IF_ERROR(Service().Set(w_.dongcheng_staff, picked[i],
                                       {kTrades[(i / 5) % kTrades.size()], std::to_string(level),
                                        since, i % 3 == 0 ? "registry" : "cadre"}));
    }
    if (w_.worker.member_id) {
      (void)Service().Set(w_.dongcheng_staff, *w_.worker.member_id,
                          {"电工", "4", std::to_string(year - 2) + "-12-01", "cadre"});
    }
    if (picked.empty()) return {};
    craftsman_ = picked.front();
    ZJ_RETURN_IF_ERROR(
        Service().AddTitle(w_.dongcheng_staff, craftsman_, {"craftsman", "北京大工匠", year - 1}));
    ZJ_RETURN_IF_ERROR(Service().AddTitle(w_.dongcheng_staff, craftsman_,
                                          {"model_worker", "北京市劳动模范", year - 3}));
    return {};
  }

  Result<void> Studio() {
    if (craftsman_ == 0) return {};
    ZJ_ASSIGN_OR_RETURN(auto card, Service().Card(w_.dongcheng_staff, craftsman_));
    const int year = std::stoi(BeijingDay(w_.clock.NowMs()).substr(0, 4));
    NewStudio s;
    s.org_id = w_.dongcheng.id;
    s.name = card.member_name + "电工创新工作室";
    s.lead_member_id = craftsman_;
    s.trade = "电工";
    s.founded_year = year - 1;
    s.funding_first_year = year - 1;
    ZJ_ASSIGN_OR_RETURN(auto studio, Service().CreateStudio(w_.dongcheng_staff, s));
    ZJ_RETURN_IF_ERROR(
        Service().RecordFunding(w_.dongcheng_staff, studio.row.id, year - 1, std::nullopt));
    ZJ_RETURN_IF_ERROR(
        Service().RecordFunding(w_.dongcheng_staff, studio.row.id, year, std::nullopt));
    return {};
  }

 private:
  World& w_;
  std::int64_t craftsman_ = 0;
};

}  // namespace

void ScheduleTalent(World& w, Timeline& timeline) {
  if (w.now_ms - w.start_ms < 30 * kDayMs) return;
  auto h = std::make_shared<TalentHistory>(w);
  timeline.At(World::At(w.WorkingDaysBeforeNow(20), 9 * 60), [h] { return h->Record(); });
  timeline.At(World::At(w.WorkingDaysBeforeNow(19), 10 * 60), [h] { return h->Studio(); });
}

}  // namespace zj::app::demo
