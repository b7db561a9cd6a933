// The messages of activities, check-in, mutual-aid plans and the talent pool (issue 22): the
// seat rules', the spending rules', the scans', the plans' and claims' errors
// (core/activities/, core/mutual_aid/ name the fields and arguments) and the skill levels'
// labels (core/talent/skill_level.h). Keep sorted by key.
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"error.activity.audience_outside", "只能面向本组织及其下级开放",
      "An activity can be opened only to its own org and the orgs under it"},
    E{"error.activity.audience_size", "开放范围最多 {max} 个组织", "At most {max} orgs"},
    E{"error.activity.cancel_closed", "已过取消截止时间，请联系组织方",
      "The time to cancel has passed; ask the organiser"},
    E{"error.activity.cancel_cutoff_hours", "取消截止应为活动开始前 0 到 720 小时",
      "The cancellation cut-off is 0 to 720 hours before the start"},
    E{"error.activity.capacity", "名额应为 1 到 100000", "Seats are 1 to 100,000"},
    E{"error.activity.capacity_below_taken", "名额不能少于已占名额（{taken}）",
      "Seats cannot be fewer than those taken ({taken})"},
    E{"error.activity.closes_at", "报名应先开始后截止，且不晚于活动开始",
      "Registration opens before it closes, and closes no later than the start"},
    E{"error.activity.confirm_hours", "确认时限应为 0 到 720 小时",
      "The time to confirm is 0 to 720 hours"},
    E{"error.activity.ends_at", "结束时间应晚于开始时间", "The activity ends after it starts"},
    E{"error.activity.fee_fen", "费用应为 ¥0 到 ¥10,000", "The fee is ¥0 to ¥10,000"},
    E{"error.activity.forbidden", "无权组织活动", "You may not organise activities"},
    E{"error.activity.full", "名额已满，候补也已满", "No seat is left and the waitlist is full"},
    E{"error.activity.kind", "活动类型应为文化、体育、出游、服务或讲座",
      "The kind is culture, sport, outing, service or lecture"},
    E{"error.activity.not_offered", "没有待确认的名额",
      "There is no seat waiting for you to confirm"},
    E{"error.activity.not_registered", "您未报名该活动",
      "You are not registered for this activity"},
    E{"error.activity.offer_lapsed", "候补递补的名额已过确认时限",
      "The seat offered from the waitlist was not confirmed in time"},
    E{"error.activity.prizes_over", "奖项不能超过参加人数的三分之一（最多 {max} 个）",
      "Prizes may go to at most a third of the participants ({max} at most)"},
    E{"error.activity.registered_twice", "您已报名该活动（每人限一个名额）",
      "You are already registered for this activity (one seat each)"},
    E{"error.activity.registration_closed", "报名已截止", "Registration has closed"},
    E{"error.activity.registration_not_open", "报名尚未开始", "Registration has not opened yet"},
    E{"error.activity.spend_over_cap", "超过人均支出上限（最多 ¥{max}）",
      "Above the cap per participant (¥{max} at most)"},
    E{"error.activity.spending_per_member_year_fen", "每人每年上限应为 ¥0.01 到 ¥1,000,000",
      "The yearly cap per member is ¥0.01 to ¥1,000,000"},
    E{"error.activity.spending_per_participant_fen", "人均上限应为 ¥0.01 到 ¥1,000,000",
      "The cap per participant is ¥0.01 to ¥1,000,000"},
    E{"error.activity.spending_prizes", "获奖比例应为不超过 1 的分数（分母 1 到 100）",
      "The prize ratio is a fraction of at most 1 (denominator 1 to 100)"},
    E{"error.activity.status", "活动当前状态下不能这样操作",
      "The activity cannot do this in its current state"},
    E{"error.activity.waitlist_max", "候补人数上限应为 0 到 100000",
      "The waitlist holds 0 to 100,000"},
    E{"error.check_in.batch_size", "一次最多上传 {max} 条扫码记录",
      "A batch holds at most {max} scans"},
    E{"error.check_in.clock", "扫码设备时间有误，请校准后重试",
      "The scanning phone's clock is wrong; set it and try again"},
    E{"error.check_in.not_in_audience", "该会员不在本活动的参与范围内",
      "The member is not in this activity's audience"},
    E{"error.check_in.not_registered", "该会员未报名或没有名额",
      "The member is not registered or has no seat"},
    E{"error.check_in.scan_id", "扫码记录编号无效", "The scan's id is not valid"},
    E{"error.check_in.stale", "离线扫码记录上传过晚，未予登记",
      "The offline scan arrived too late to be recorded"},
    E{"error.check_in.too_early", "签到尚未开始", "Check-in has not opened yet"},
    E{"error.check_in.too_late", "签到已结束", "Check-in has closed"},
    E{"error.check_in.twice", "该会员已签到", "The member has already checked in"},
    E{"error.mutual_aid.benefit_cap_fen", "上限应为 ¥0.01 到 ¥1,000,000",
      "The cap is ¥0.01 to ¥1,000,000"},
    E{"error.mutual_aid.benefit_code", "保障项目代码应为 1 到 40 个小写字母、数字或 _ . -",
      "A benefit code is 1 to 40 lower-case letters, digits or _ . -"},
    E{"error.mutual_aid.benefit_items",
      "请列出 1 到 1000 个不重复的项目，每项金额 ¥0.01 到 ¥1,000,000",
      "List 1 to 1,000 items, once each, each ¥0.01 to ¥1,000,000"},
    E{"error.mutual_aid.benefit_share_bp", "给付比例应为 0.01% 到 100%",
      "The share is 0.01 % to 100 %"},
    E{"error.mutual_aid.claim", "申请内容有误", "The claim has errors"},
    E{"error.mutual_aid.item_unknown", "给付表中没有项目“{item}”",
      "The benefit table has no item \"{item}\""},
    E{"error.mutual_aid.loss", "损失金额应为 ¥0 到 ¥100,000,000", "The loss is ¥0 to ¥100,000,000"},
    E{"error.mutual_aid.not_active", "事故发生时该会员已不在会（退休、去世、离开或转出）",
      "On the day of the incident the member was no longer a member (retired, died, left or "
      "moved out)"},
    E{"error.mutual_aid.not_enrolled", "事故发生时该会员未参加本互助保障计划",
      "On the day of the incident the member was not enrolled in this plan"},
    E{"error.mutual_aid.payer",
      "出资方代码应为小写字母、数字或下划线，比例 0.01% 到 100%，且不重复",
      "A payer is lower-case letters, digits or underscores, once, with a share of 0.01 % to 100 "
      "%"},
    E{"error.mutual_aid.payer_shares", "各出资方比例之和应为 100%",
      "The payers' shares add up to 100 %"},
    E{"error.talent.day", "日期格式应为 YYYY-MM-DD", "The date is YYYY-MM-DD"},
    E{"error.talent.day_future", "取得日期不能晚于今天", "The day cannot be after today"},
    E{"error.talent.forbidden", "您的角色不能管理人才库",
      "Your role does not keep the talent pool"},
    E{"error.talent.funding_recorded", "该年度的资助已登记",
      "This year's funding is recorded already"},
    E{"error.talent.lead_outside", "领衔人应为该组织下的会员",
      "The studio's lead is a member under its org"},
    E{"error.talent.level", "技能等级应为 1 到 5（初级工 到 高级技师）",
      "The skill level is 1 to 5 (junior worker to senior technician)"},
    E{"error.talent.not_funding_year", "该年度不在工作室的资助期内",
      "The year is not one of the studio's funding years"},
    E{"talent.level.intermediate", "中级工（四级）", "Intermediate worker (grade 4)"},
    E{"talent.level.junior", "初级工（五级）", "Junior worker (grade 5)"},
    E{"talent.level.senior", "高级工（三级）", "Senior worker (grade 3)"},
    E{"talent.level.senior_technician", "高级技师（一级）", "Senior technician (grade 1)"},
    E{"talent.level.technician", "技师（二级）", "Technician (grade 2)"},
};

}  // namespace

std::span<const CatalogueEntry> ActivityMessages() { return kMessages; }

}  // namespace zj::i18n
