// The messages of the hardship file's workflow (issue 20 slice 2: core/hardship/
// hardship_workflow.h): steps refused, the visit's facts, the federation's rules. Keep sorted by
// key (checked by a unit test); listed in messages.cpp's Parts() (catalogue.h).
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"error.hardship.needs_upper_org", "复核、审批和抽查须由档案所属工会的上级工会办理",
      "Review, approval and spot checks are for an org above the file's own union"},
    E{"error.hardship.no_objection", "没有待答复的异议",
      "There is no objection waiting for an answer"},
    E{"error.hardship.note_required", "请填写异议或答复的内容（至少 2 个字）",
      "Write the objection or the answer (2 characters at least)"},
    E{"error.hardship.objections_open", "公示期间提出的 {count} 条异议尚未答复，暂不能审批",
      "{count} objections raised during the publicity wait for an answer"},
    E{"error.hardship.publicity_running", "公示期至 {date} 结束，届满后方可审批",
      "The publicity runs until {date}; approve after it ends"},
    E{"error.hardship.rule_range", "应为 {min} 到 {max} 之间的整数",
      "A whole number from {min} to {max}"},
    E{"error.hardship.rules_forbidden", "只有管理员可以设置困难职工建档规则",
      "Only administrators set the hardship workflow's rules"},
    E{"error.hardship.stage", "未知的档案阶段", "Unknown stage"},
    E{"error.hardship.step", "未知的办理步骤", "Unknown step"},
    E{"error.hardship.step_not_allowed", "档案当前处于“{stage}”阶段，不能办理“{step}”",
      "The file is at “{stage}”: “{step}” is not possible now"},
    E{"error.hardship.visit_before_file", "走访日期不能早于建档日期",
      "The visit cannot be before the file was opened"},
    E{"error.hardship.visit_future", "走访日期不能晚于今天", "The visit cannot be after today"},
    E{"error.hardship.visit_on", "请填写走访日期（YYYY-MM-DD）",
      "Enter the visit's date (YYYY-MM-DD)"},
    E{"error.hardship.visitor_name", "走访人姓名应为 1 到 20 个字",
      "A visitor's name is 1 to 20 characters"},
    E{"error.hardship.visitors_many", "走访人最多 10 名", "At most 10 visitors"},
    E{"error.hardship.visitors_two", "入户走访应由至少两名不同的人员进行",
      "A home visit is made by two different people at least"},
};

}  // namespace

std::span<const CatalogueEntry> HardshipFlowMessages() { return kMessages; }

}  // namespace zj::i18n
