// The messages of legal aid and rights cases (issue 20 slice 4): errors, and the collective
// dispute alert sent to the district. Keep sorted by key.
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"error.legal.ack_forbidden", "只有区级及以上工会可以确认集体争议预警",
      "Only a district federation or above acknowledges a collective dispute's alert"},
    E{"error.legal.alert_filter", "只能为 open", "Only \"open\""},
    E{"error.legal.amount", "金额应为 0 到 100,000,000 元（以分计）",
      "Amounts are 0 to 100,000,000 yuan (in fen)"},
    E{"error.legal.closed", "案件已结案，不能再修改", "The case is closed and cannot change"},
    E{"error.legal.collective", "应为 true 或 false", "Must be true or false"},
    E{"error.legal.day", "日期格式应为 YYYY-MM-DD", "The date is written YYYY-MM-DD"},
    E{"error.legal.day_before", "日期不能早于 {day}", "The date cannot be before {day}"},
    E{"error.legal.day_future", "日期不能晚于今天", "The date cannot be after today"},
    E{"error.legal.employer_unknown", "用人单位未在企业名录中登记，请填写单位名称",
      "The employer is not in the enterprise register: give its name"},
    E{"error.legal.federation_unknown", "没有这个总工会", "No such federation"},
    E{"error.legal.forbidden", "只有工会干部、工作人员和管理员可以办理法律援助案件",
      "Only cadres, staff and administrators work with legal cases"},
    E{"error.legal.lawyer_kind", "类别应为 lawyer（律师）或 aid_centre（法律援助中心）",
      "The kind is lawyer or aid_centre"},
    E{"error.legal.lawyer_unknown", "律师或法律援助中心不存在、已停用或不在您的管辖范围内",
      "No such active lawyer or aid centre in your area"},
    E{"error.legal.member_unknown", "会员不存在或不在您的管辖范围内",
      "No such member in your area"},
    E{"error.legal.phone", "电话应为 5 到 20 位数字（可含空格和-）",
      "The phone is 5 to 20 digits (spaces and '-' allowed)"},
    E{"error.legal.request_category", "只有法律援助或维权类诉求可以转为法律援助案件",
      "Only a legal aid or rights request becomes a legal case"},
    E{"error.legal.rule", "集体争议标准应为 2 到 10,000 人、1 元到 1 亿元",
      "The thresholds are 2 to 10,000 workers and 1 to 100,000,000 yuan"},
    E{"error.legal.rules_forbidden", "只有管理员可以设置集体争议标准",
      "Only administrators set the collective dispute thresholds"},
    E{"error.legal.stage",
      "阶段应为 consultation、mediation、arbitration、litigation 或 enforcement",
      "The stage is consultation, mediation, arbitration, litigation or enforcement"},
    E{"error.legal.stage_order", "案件不能从“{from}”转到“{to}”：阶段只能向前推进",
      "The case cannot move from {from} to {to}: stages only move forward"},
    E{"error.legal.type", "案件类型应为欠薪、劳动合同、工伤、社会保险、解除劳动关系或加班之一",
      "The type is wage_arrears, contract, work_injury, social_insurance, dismissal or overtime"},
    E{"error.legal.uscc", "统一社会信用代码无效（18 位，含校验位）",
      "Not a valid unified social credit code (18 characters with its check)"},
    E{"error.legal.worker_twice", "该职工已在本案中", "This worker is in the case already"},
    E{"error.legal.workers", "一次最多 {max} 名职工", "At most {max} workers"},
    E{"legal.alert.body",
      "{org}受理的案件“{title}”（用人单位：{employer}）涉及 {workers} 名职工、请求金额 {claimed} "
      "元，已构成集体劳动争议，请及时关注。案件编号 {id}。",
      "The case “{title}” handled by {org} (employer: {employer}) involves {workers} workers and "
      "claims {claimed} yuan: a collective labour dispute. Case {id}."},
    E{"legal.alert.subject", "集体争议预警：{title}", "Collective dispute alert: {title}"},
};

}  // namespace

std::span<const CatalogueEntry> LegalMessages() { return kMessages; }

}  // namespace zj::i18n
