// The messages of competitions and honours (issue 21): the indicator sheet's, the judges'
// marks', eligibility's, conflicts' and the nomination rules' errors (core/competitions/
// scoring.h, entrants.h and honours.h name the fields and arguments). Keep sorted by key.
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"error.competition.conflict_enterprise", "评委与参赛方同属一家企业，须回避",
      "The judge works for the entrant's enterprise and must stand aside"},
    E{"error.competition.conflict_entrant", "评委本人是参赛者或参赛班组成员，须回避",
      "The judge is the entrant or in the entrant's team and must stand aside"},
    E{"error.competition.eligibility_trades", "请列出 1 到 50 个工种（每个不超过 40 字节）",
      "List 1 to 50 trades (each at most 40 bytes)"},
    E{"error.competition.eligibility_years", "年数应为 0 到 100", "Years are 0 to 100"},
    E{"error.competition.entry_not_listed", "该参赛项目不在参赛名录中，不能评分",
      "The entry is not in the registered list and cannot be scored"},
    E{"error.competition.entry_twice", "参赛名录中该项目重复", "The entry is listed twice"},
    E{"error.competition.fact_unknown", "缺少判断参赛资格所需的信息",
      "The information eligibility depends on is not known"},
    E{"error.competition.indicator_code", "指标代码应为 1 到 40 个小写字母、数字或下划线",
      "An indicator code is 1 to 40 lower-case letters, digits or underscores"},
    E{"error.competition.indicator_max", "满分应大于 0 且不超过 {max} 分",
      "The maximum is above 0 and at most {max} points"},
    E{"error.competition.indicator_name", "请填写指标名称（不超过 200 字节）",
      "Name the indicator (at most 200 bytes)"},
    E{"error.competition.indicator_twice", "指标重复", "The indicator is listed twice"},
    E{"error.competition.indicator_weight", "权重应为 1 到 100 的整数",
      "A weight is a whole number from 1 to 100"},
    E{"error.competition.mark_above_max", "超过该指标的满分 {max} 分",
      "Above the indicator's maximum of {max} points"},
    E{"error.competition.mark_missing", "该指标尚未评分", "This indicator is not marked"},
    E{"error.competition.mark_negative", "评分不能为负", "A mark cannot be negative"},
    E{"error.competition.mark_twice", "该指标评了两次", "This indicator is marked twice"},
    E{"error.competition.mark_unknown", "评分表中没有该指标", "No such indicator on the sheet"},
    E{"error.competition.no_indicators", "评分表至少需要一项指标",
      "The sheet needs at least one indicator"},
    E{"error.competition.on_site_too_short", "在项目（园区）工作须满 {years} 年",
      "At least {years} full years on the site are required"},
    E{"error.competition.score", "评分有误", "The scores have errors"},
    E{"error.competition.score_twice", "该评委已为该项目评过分",
      "This judge has already scored this entry"},
    E{"error.competition.sheet", "评分表有误", "The indicator sheet has errors"},
    E{"error.competition.too_many_indicators", "评分表最多 {max} 项指标",
      "A sheet has at most {max} indicators"},
    E{"error.competition.too_old", "年龄须不超过 {age} 周岁", "At most {age} years of age"},
    E{"error.competition.too_young", "年龄须满 {age} 周岁", "At least {age} years of age"},
    E{"error.competition.trade", "工种不在本组别范围内", "The trade is not one this group is for"},
    E{"error.competition.weight_sum", "各指标权重之和为 {sum}，应为 {total}",
      "The weights add up to {sum}; they must add up to {total}"},
    E{"error.honours.bound", "第 {row} 行：比较应为 >= 或 <=", "Row {row}: the bound is >= or <="},
    E{"error.honours.category", "类别代码应为 1 到 40 个小写字母、数字或下划线",
      "A category is 1 to 40 lower-case letters, digits or underscores"},
    E{"error.honours.columns", "第 {row} 行：应为“类别,比较,百分比”三列",
      "Row {row}: three columns are expected: category, bound, percent"},
    E{"error.honours.percent", "百分比应为 0 到 100 的整数",
      "The percent is a whole number 0 to 100"},
    E{"error.honours.rule_twice", "同一类别的同一比较规则重复",
      "The same category and bound are given twice"},
    E{"error.honours.rules", "推荐名额结构规则有误", "The composition rules have errors"},
    E{"error.honours.too_many_rules", "结构规则最多 {max} 条", "At most {max} composition rules"},
};

}  // namespace

std::span<const CatalogueEntry> CompetitionMessages() { return kMessages; }

}  // namespace zj::i18n
