// The messages of mutual-aid plans' use cases (issue 22: plans, periods, lists, claims); the
// core rules' own (benefit rules, payers, coverage) are in activity_messages.cpp. Keep sorted.
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"error.mutual_aid.benefit_twice", "同一保障项目代码出现了两次",
      "A benefit code is given twice"},
    E{"error.mutual_aid.benefit_unknown", "该计划没有这个保障项目", "The plan has no such benefit"},
    E{"error.mutual_aid.benefits", "保障项目应为 1 到 {max} 项", "A plan has 1 to {max} benefits"},
    E{"error.mutual_aid.claim_state", "该申请当前状态不能进行此操作",
      "The claim is not in a state that allows this"},
    E{"error.mutual_aid.claimed_twice", "该事故已申请过互助保障，不能重复申请",
      "This incident has been claimed already"},
    E{"error.mutual_aid.day", "日期格式应为 YYYY-MM-DD", "The date is YYYY-MM-DD"},
    E{"error.mutual_aid.forbidden", "您的角色不能办理互助保障",
      "Your role does not handle mutual-aid plans"},
    E{"error.mutual_aid.incident_future", "事故日期不能晚于今天",
      "The incident date cannot be after today"},
    E{"error.mutual_aid.list_state", "增减名单当前状态不能进行此操作",
      "The list is not in a state that allows this"},
    E{"error.mutual_aid.not_covered", "事故发生时该会员不在保障范围内",
      "The member was not covered on the incident's date"},
    E{"error.mutual_aid.not_plan_level", "须由计划所属工会或上级工会办理",
      "This is decided at the plan's org or above"},
    E{"error.mutual_aid.period_over", "该保障期已结束", "The period is over"},
    E{"error.mutual_aid.period_start", "保障期起始日应为有效的月、日（2 月不超过 28 日）",
      "The period starts on a valid month and day (at most the 28th in February)"},
    E{"error.mutual_aid.plan_code", "计划代码应为 1 到 40 个小写字母、数字或 _",
      "The plan code is 1 to 40 lower-case letters, digits or _"},
    E{"error.mutual_aid.plan_code_taken", "本组织已有同一代码的计划",
      "The org has a plan with this code already"},
    E{"error.mutual_aid.plan_org", "互助保障计划只能由总工会或区工会设立",
      "A plan belongs to the federation or a district"},
};

}  // namespace

std::span<const CatalogueEntry> MutualAidMessages() { return kMessages; }

}  // namespace zj::i18n
