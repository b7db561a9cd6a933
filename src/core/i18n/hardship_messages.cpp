// The messages of hardship files and region standards (issue 20): errors, and the level's
// arithmetic in words (core/hardship/hardship_level.h names the parameters). Keep sorted by key.
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"cli.standards.loaded", "{file}：载入 {loaded} 条标准，{failed} 行有错误",
      "{file}: {loaded} standards loaded, {failed} rows with errors"},
    E{"error.attachment.empty", "文件是空的", "The file is empty"},
    E{"error.attachment.name", "文件名含有不能使用的字符",
      "The file name has characters that cannot be used"},
    E{"error.attachment.owner_full", "附件已满：最多 {max_files} 个文件、共 {max_mb} MB",
      "No room left: at most {max_files} files of {max_mb} MB together"},
    E{"error.attachment.stage", "该案件尚未进入这一阶段", "The case has not reached this stage"},
    E{"error.attachment.throttled", "上传过于频繁，请稍后再试",
      "Too many uploads; please try again later"},
    E{"error.attachment.too_large", "文件超过 {max_mb} MB", "The file is larger than {max_mb} MB"},
    E{"error.attachment.type", "只能上传 PDF、JPEG、PNG、WebP 或 HEIC 文件",
      "Only PDF, JPEG, PNG, WebP or HEIC files can be attached"},
    E{"error.hardship.already_open", "该人员已在一份未结档的困难职工档案中",
      "This person is already in an open hardship file"},
    E{"error.hardship.already_open_here", "该人员已在未结档的档案 {file} 中",
      "This person is already in the open file {file}"},
    E{"error.hardship.amount", "金额应为 0 到 1 亿元之间的整数（以分计）",
      "Amounts are whole fen between 0 and 100,000,000 yuan"},
    E{"error.hardship.bank_card", "银行卡号应为 12 到 19 位数字",
      "The card number is 12 to 19 digits"},
    E{"error.hardship.bank_name", "请填写开户银行（2 到 40 个字）",
      "Enter the bank (2 to 40 characters)"},
    E{"error.hardship.cause", "主要致困原因应为十类之一", "The main cause must be one of the ten"},
    E{"error.hardship.close_reason", "结档原因应为已脱困、退休、调离、去世或其他",
      "The reason is lifted, retired, transferred, died or other"},
    E{"error.hardship.closed", "该档案已结档", "This file is already closed"},
    E{"error.hardship.codes", "应为不超过 20 项的代码列表", "A list of at most 20 codes"},
    E{"error.hardship.duplicate_person", "同一身份证号在家庭成员中出现了两次",
      "The same ID number appears twice in the household"},
    E{"error.hardship.exclusion", "排除情形不在清单中或重复",
      "An exclusion is unknown or repeated"},
    E{"error.hardship.expense_kind", "刚性支出类别应为医疗、教育或其他",
      "An expense is medical, schooling or other"},
    E{"error.hardship.expenses", "刚性支出最多 {max} 项", "At most {max} expenses"},
    E{"error.hardship.forbidden", "只有基层工会及以上的干部、工作人员和管理员可以办理困难职工档案",
      "Only cadres, staff and administrators work with hardship files"},
    E{"error.hardship.household_size", "家庭成员应为 1 到 {max} 人",
      "A household has 1 to {max} people"},
    E{"error.hardship.level", "困难类别应为 deep、relative、sudden、none 或 excluded",
      "The level is deep, relative, sudden, none or excluded"},
    E{"error.hardship.medical_part", "医疗支出不能超过意外支出总额",
      "The medical part cannot exceed the sudden cost"},
    E{"error.hardship.member_unknown", "会员不存在、不在您的管辖范围内或不在会",
      "No such active member in your area"},
    E{"error.hardship.no_household", "请至少填写一名家庭成员", "Enter at least one person"},
    E{"error.hardship.no_standard",
      "地区 {region} 尚未载入 {year} 年的低保标准，无法认定困难类别；请管理员先载入标准",
      "No minimum living standard (低保) is loaded for region {region} in {year}, so the level "
      "cannot be computed; an administrator must load it first"},
    E{"error.hardship.relation", "与申请人关系应为本人、配偶、子女、父母、兄弟姐妹、祖辈或其他",
      "The relation is self, spouse, child, parent, sibling, grandparent or other"},
    E{"error.hardship.reveal_field", "只能查看姓名（name）或身份证号（id_number）",
      "Only name or id_number can be revealed"},
    E{"error.hardship.secondary_causes", "次要原因最多 {max} 项，不能重复，也不能与主要原因相同",
      "At most {max} secondary causes, distinct, and not the main cause"},
    E{"error.hardship.status", "档案状态应为 open 或 closed", "The status is open or closed"},
    E{"error.hardship.work_status", "就业状况不在清单中", "Unknown work status"},
    E{"error.standards.dibao", "低保标准应为每月 1 元到 10 万元之间（最多两位小数）",
      "The line is 1 to 100,000 yuan a month (at most two decimals)"},
    E{"error.standards.forbidden", "只有管理员可以载入低保标准",
      "Only administrators load standards"},
    E{"error.standards.pct", "占比应为 1 到 100 之间的整数", "A share is a whole number 1 to 100"},
    E{"error.standards.year", "年度应为 2000 到 2100 之间的整数", "The year is 2000 to 2100"},
    E{"hardship.level.deep.why",
      "人均月收入 =（{income} − {expenses}）÷ 12 ÷ {size} = {per_head} 元，不高于低保 {dibao} "
      "元：深度困难",
      "Per head a month = ({income} − {expenses}) ÷ 12 ÷ {size} = ¥{per_head}, at or under the "
      "低保 line ¥{dibao}: deep hardship"},
    E{"hardship.level.excluded.why", "存在排除情形（{exclusions}），不纳入困难职工档案",
      "Excluded ({exclusions}): not eligible"},
    E{"hardship.level.none.why",
      "人均月收入 =（{income} − {expenses}）÷ 12 ÷ {size} = {per_head} 元，高于低保的两倍 "
      "{twice_dibao} 元，且无意外致困情形：不属困难",
      "Per head a month = ({income} − {expenses}) ÷ 12 ÷ {size} = ¥{per_head}, above twice the "
      "低保 line ¥{twice_dibao}, and no sudden hardship: not in hardship"},
    E{"hardship.level.relative.why",
      "人均月收入 =（{income} − {expenses}）÷ 12 ÷ {size} = {per_head} 元，高于低保 {dibao} "
      "元、不高于其两倍 {twice_dibao} 元：相对困难",
      "Per head a month = ({income} − {expenses}) ÷ 12 ÷ {size} = ¥{per_head}, above the 低保 "
      "line ¥{dibao} and at or under twice it ¥{twice_dibao}: relative hardship"},
    E{"hardship.level.sudden.why",
      "人均月收入 {per_head} 元高于低保两倍 {twice_dibao} 元，但扣除保险和赔偿后意外支出 "
      "{sudden_cost} 元超过家庭年收入 {income} 元的 {cost_pct}%，或其中医疗支出 "
      "{sudden_medical} 元超过 {medical_pct}%：意外致困",
      "Per head ¥{per_head} is above twice the 低保 line ¥{twice_dibao}, but after insurance "
      "and compensation the sudden cost ¥{sudden_cost} is above {cost_pct}% of the household's "
      "income ¥{income}, or its medical part ¥{sudden_medical} above {medical_pct}%: sudden "
      "hardship"},
};

}  // namespace

std::span<const CatalogueEntry> HardshipMessages() { return kMessages; }

}  // namespace zj::i18n
