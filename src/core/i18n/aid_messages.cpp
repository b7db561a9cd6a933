// The messages of aid grants and the rules of aid (issue 20 slice 3): errors, and the rule a
// grant's amount came from in words (core/aid/aid_rules.h names the parameters). Keep sorted
// by key.
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"aid.rule.fixed", "定额 {amount} 元 × {units}，本户最多 {allowed} 元",
      "A fixed {amount} yuan × {units}; at most {allowed} yuan for this household"},
    E{"aid.rule.months_of_dibao",
      "{months} 个月低保（每月 {dibao} 元）× {units}，本户最多 {allowed} 元",
      "{months} months of the 低保 line ({dibao} yuan a month) × {units}; at most {allowed} yuan "
      "for this household"},
    E{"aid.rule.share_of_cost", "费用 {cost} 元的 {share}%，本户最多 {allowed} 元",
      "{share}% of the cost of {cost} yuan; at most {allowed} yuan for this household"},
    E{"cli.aid.loaded", "{file}：已载入 {rules} 条帮扶标准、{limits} 条审批权限、{budgets} 条预算",
      "{file}: {rules} rules, {limits} approval limits and {budgets} budgets loaded"},
    E{"cli.aid.not_loaded", "{file}：{failed} 行有错误，整个文件均未载入",
      "{file}: {failed} rows with errors; nothing of the file was loaded"},
    E{"error.aid.above_cap", "超过规则允许的上限 {cap} 元", "Above the rule's cap of {cap} yuan"},
    E{"error.aid.already_granted", "该户已有成员在 {period} 期间获得同类帮扶",
      "Someone of the household was already granted this aid in period {period}"},
    E{"error.aid.batch", "请选择 1 到 {max} 笔不重复的帮扶", "Choose 1 to {max} different grants"},
    E{"error.aid.budget_below_committed", "预算不能低于已承诺的 {committed} 元",
      "The budget cannot be below the {committed} yuan already committed"},
    E{"error.aid.file_not_active", "档案尚在“{stage}”阶段，审批建档（公示期满）后方可帮扶",
      "The file is at “{stage}”: aid follows approval, after the publicity"},
    E{"error.aid.file_not_eligible", "档案已结档，或其困难类别不享受帮扶",
      "The file is closed, or its level is not eligible for aid"},
    E{"error.aid.file_unknown", "档案不存在或不在您的管辖范围内",
      "No such hardship file in your area"},
    E{"error.aid.forbidden", "只有基层工会及以上的干部、工作人员和管理员可以办理帮扶",
      "Only cadres, staff and administrators work with aid"},
    E{"error.aid.kind", "帮扶类别应为生活、医疗、助学、节日慰问或临时救助之一",
      "The kind is living, medical, schooling, festival or emergency"},
    E{"error.aid.level", "困难类别应为 deep、relative 或 sudden",
      "The level is deep, relative or sudden"},
    E{"error.aid.level_too_low", "该笔帮扶须由{level}级工会审批",
      "This grant must be approved at the {level} level"},
    E{"error.aid.method", "支付方式应为 bank_transfer、cash 或 other",
      "The method is bank_transfer, cash or other"},
    E{"error.aid.months", "月数应为 1 到 24", "Months are 1 to 24"},
    E{"error.aid.no_budget", "{year} 年沿途各级工会均没有 {kind} 类帮扶预算",
      "No {kind} budget for {year} on the file's path"},
    E{"error.aid.no_limits", "尚未载入 {kind} 类帮扶的审批权限",
      "No approval limits are loaded for {kind} aid"},
    E{"error.aid.no_rule", "尚未载入 {year} 年 {level} 档 {kind} 类帮扶的标准",
      "No {kind} rule for level {level} in {year} is loaded"},
    E{"error.aid.not_approved", "只有已审批的帮扶才能登记发放（当前：{status}）",
      "Only an approved grant can be paid (now: {status})"},
    E{"error.aid.not_proposed", "该笔帮扶已处理（当前：{status}）",
      "This grant is already decided (now: {status})"},
    E{"error.aid.org_level", "审批层级应为 grassroots、street、district 或 municipal",
      "The level is grassroots, street, district or municipal"},
    E{"error.aid.over_budget", "超出预算，剩余 {remaining} 元",
      "Over budget: {remaining} yuan remain"},
    E{"error.aid.paid_on", "发放日期应为 YYYY-MM-DD", "The payment date is YYYY-MM-DD"},
    E{"error.aid.paid_on_future", "发放日期不能晚于今天", "The payment date cannot be after today"},
    E{"error.aid.pay_forbidden", "应由预算所在工会（{org}）或其上级登记发放",
      "The budget's org ({org}) or one above it records the payment"},
    E{"error.aid.payment_list_too_long", "待发放的帮扶超过 {max} 笔，请按帮扶类别分批导出",
      "More than {max} grants wait for payment: export them kind by kind"},
    E{"error.aid.per", "计发单位应为 household、student 或 person",
      "Per is household, student or person"},
    E{"error.aid.period_month", "临时救助的期间应为 YYYY-MM", "Emergency aid's period is YYYY-MM"},
    E{"error.aid.period_year", "期间应为年份 YYYY", "The period is a year, YYYY"},
    E{"error.aid.rule", "规则应为 months_of_dibao、fixed 或 share_of_cost",
      "The rule is months_of_dibao, fixed or share_of_cost"},
    E{"error.aid.rule_amount", "金额应为 0.01 到 100 万元（以分计）",
      "Amounts are 0.01 to 1,000,000 yuan (in fen)"},
    E{"error.aid.rules_forbidden", "只有管理员可以载入帮扶标准、审批权限和预算",
      "Only administrators load the rules, limits and budgets of aid"},
    E{"error.aid.share", "比例应为 1 到 100", "The share is 1 to 100"},
    E{"error.aid.status", "状态应为 proposed、approved、paid 或 refused",
      "The status is proposed, approved, paid or refused"},
    E{"error.aid.students", "在学人数应为 0 到 {max}", "Students are 0 to {max}"},
    E{"error.aid.table", "表应为 rule（帮扶标准）、limit（审批权限）或 budget（预算）",
      "The table is rule, limit or budget"},
    E{"error.aid.to_decide", "只能为 me", "Only \"me\""},
    E{"error.aid.whole_number", "应为整数", "A whole number"},
    E{"error.aid.yuan", "金额以元计，最多两位小数（如 1450 或 1,450.50）",
      "An amount in yuan with at most two decimals (1450 or 1,450.50)"},
    E{"error.aid.zero", "按规则本次帮扶金额为零", "By the rule, this grant comes to nothing"},
};

}  // namespace

std::span<const CatalogueEntry> AidMessages() { return kMessages; }

}  // namespace zj::i18n
