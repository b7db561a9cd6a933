#include "app/demo/demo_mutual_aid.h"

#include "app/attachments/attachments.h"
#include "app/beijing_day.h"
#include "app/demo/demo_evidence.h"
#include "app/mutual_aid/mutual_aid_service.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

class MutualAidHistory {
 public:
  explicit MutualAidHistory(World& w) : w_(w) {}

  MutualAidService Service() {
    static SecureRandom random;
    return MutualAidService(w_.app.db(), w_.app.clock(), random, w_.app.audit());
  }

  Result<void> Launch() {
    NewMaPlan p;
    p.org_id = w_.dongcheng.id;
    p.code = "property_mutual_aid";
    p.title = "东城区职工财产损失互助保障";
    p.kind = "property";
    p.period_month = 6;
    p.period_day = 1;
    p.per_head_fen = 1000;
    p.payers = {{"municipal", 5000}, {"district", 5000}};
    p.benefits = {{"fire", mutual_aid::BenefitKind::kShareOfLoss, 1000, 2'000'000, {}},
                  {"injury",
                   mutual_aid::BenefitKind::kItemised,
                   0,
                   500'000,
                   {{"fracture", 300'000}, {"burn", 200'000}, {"sprain", 50'000}}}};
    ZJ_ASSIGN_OR_RETURN(auto plan, Service().CreatePlan(w_.dongcheng_staff, p));
    plan_ = plan.row.id;
    ZJ_ASSIGN_OR_RETURN(auto period, Service().OpenPeriod(w_.dongcheng_staff, plan_, ""));
    period_ = period.id;
    ZJ_ASSIGN_OR_RETURN(auto enrolled,
                        Service().Enrol(w_.dongcheng_staff, period_, w_.dongcheng.id));
    (void)enrolled;
    return {};
  }

  Result<void> List() {
    if (period_ == 0) return {};
    ZJ_ASSIGN_OR_RETURN(auto list,
                        Service().MakeList(w_.dongcheng_staff, period_, w_.dongcheng.id));
    ZJ_RETURN_IF_ERROR(Service().SendList(w_.dongcheng_staff, list.row.id));
    ZJ_RETURN_IF_ERROR(Service().ApplyList(w_.dongcheng_staff, list.row.id));
    return {};
  }

  //! Two members of 东城 still enrolled (the second stands for the same household).
  Result<bool> PickMembers() {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, w_.app.db().Acquire());
    const OrgPath d = OrgPath::FromStored(w_.dongcheng.path);
    for (const auto& m : w_.members) {
      if (!d.Contains(OrgPath::FromStored(m.org_path))) continue;
      ZJ_ASSIGN_OR_RETURN(auto now, store::FindMemberById(*lease, m.id));
      if (!now || now->status != "active" || !d.Contains(OrgPath::FromStored(now->org_path))) {
        continue;
      }
      ZJ_ASSIGN_OR_RETURN(auto enrolled, store::EnrolmentsOfMember(*lease, m.id, plan_));
      if (enrolled.empty() || enrolled.front().enrolment.removed_on) continue;
      claimants_.push_back(m.id);
      if (claimants_.size() == 2) return true;
    }
    return false;
  }

  Result<void> FileFire() {
    if (plan_ == 0) return {};
    ZJ_ASSIGN_OR_RETURN(bool found, PickMembers());
    if (!found) return {};
    fire_day_ = BeijingDay(w_.clock.NowMs() - kDayMs);
    NewMaClaim c;
    c.plan_id = plan_;
    c.member_id = claimants_[0];
    c.benefit_code = "fire";
    c.incident_date = fire_day_;
    c.loss_fen = 5'000'000;  // ¥50,000 of furniture and appliances: ¥5,000
    const Actor& handler = w_.HandlerFor(w_.dongcheng.path);
    ZJ_ASSIGN_OR_RETURN(auto claim, Service().FileClaim(handler, c));
    fire_claim_ = claim.row.id;
    // The photo of the burnt kitchen the cadre took, as the claim's evidence.
    return AttachSample(w_.app, handler, kMaClaimOwner, fire_claim_, "", "火灾现场.png",
                        SamplePng(64, 48, 0x8A6A55));
  }

  Result<void> ApproveAndPay() {
    if (fire_claim_ == 0) return {};
    ZJ_RETURN_IF_ERROR(Service().Approve(w_.dongcheng_staff, fire_claim_));
    ZJ_RETURN_IF_ERROR(Service().Pay(w_.dongcheng_staff, fire_claim_,
                                     "DC-HZ-" + fire_day_.substr(0, 4) + "-0001", ""));
    return {};
  }

  //! The same fire claimed again: for the same member the store refuses it (409); the
  //! household's other member files it, and the district refuses it as claimed twice.
  Result<void> ClaimTwice() {
    if (fire_claim_ == 0) return {};
    NewMaClaim c;
    c.plan_id = plan_;
    c.member_id = claimants_[0];
    c.benefit_code = "fire";
    c.incident_date = fire_day_;
    c.loss_fen = 5'000'000;
    auto again = Service().FileClaim(w_.dongcheng_staff, c);
    if (again || again.error().message_key != "error.mutual_aid.claimed_twice") {
      return Fail(ErrorCode::kInternal, "error.internal", "a second claim of one fire was taken");
    }
    c.member_id = claimants_[1];
    ZJ_ASSIGN_OR_RETURN(auto second, Service().FileClaim(w_.dongcheng_staff, c));
    ZJ_RETURN_IF_ERROR(Service().Refuse(w_.dongcheng_staff, second.row.id,
                                        "同一户同一次火灾已由家庭成员申请并获给付（申请 " +
                                            std::to_string(fire_claim_) + "），不重复给付"));
    return {};
  }

 private:
  World& w_;
  std::int64_t plan_ = 0;
  std::int64_t period_ = 0;
  std::vector<std::int64_t> claimants_;
  std::string fire_day_;
  std::int64_t fire_claim_ = 0;
};

}  // namespace

void ScheduleMutualAid(World& w, Timeline& timeline) {
  // Once the rosters are in (the tenth week), and within this period (from 1 June).
  const std::int64_t span = w.now_ms - w.start_ms;
  if (span < 30 * kDayMs) return;
  const auto today = World::DayOf(w.now_ms);
  const std::chrono::year_month_day ymd{today};
  const auto june =
      std::chrono::year{static_cast<int>(ymd.year()) - (ymd.month() < std::chrono::June ? 1 : 0)} /
      std::chrono::June / 1;
  std::int64_t launch = std::max(w.start_ms + span / 5, World::At(std::chrono::sys_days(june), 0));
  if (launch >= w.now_ms - 12 * kDayMs) launch = w.now_ms - 12 * kDayMs;
  auto h = std::make_shared<MutualAidHistory>(w);
  timeline.At(World::At(w.WorkingDay(launch, 0), 10 * 60), [h] { return h->Launch(); });
  timeline.At(World::At(w.WorkingDaysBeforeNow(6), 10 * 60), [h] { return h->List(); });
  timeline.At(World::At(w.WorkingDaysBeforeNow(5), 11 * 60), [h] { return h->FileFire(); });
  timeline.At(World::At(w.WorkingDaysBeforeNow(3), 15 * 60), [h] { return h->ApproveAndPay(); });
  timeline.At(World::At(w.WorkingDaysBeforeNow(2), 10 * 60), [h] { return h->ClaimTwice(); });
}

}  // namespace zj::app::demo
