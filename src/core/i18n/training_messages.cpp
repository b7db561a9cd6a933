// The messages of training (issue 22): courses, classes, sessions, attendance, assessment and
// the certificates' expiry (app/training names the fields and arguments). Keep sorted by key.
#include <array>

#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using E = CatalogueEntry;

constexpr std::array kMessages = {
    E{"error.training.assessed", "该学员已考核合格并发证，不能更改",
      "The member passed and holds the certificate; the result cannot change"},
    E{"error.training.attendance_short", "出勤 {attended} 次，不足考核所需的 {needed} 次",
      "Attended {attended} sessions; {needed} are needed to be assessed"},
    E{"error.training.class_status", "该培训班已结束报名", "The class no longer takes enrolments"},
    E{"error.training.forbidden", "无权组织培训", "You may not organise training"},
    E{"error.training.kind", "课程类型应为干部培训、技能培训或工匠培训",
      "The kind is cadre, skills or craftsman training"},
    E{"error.training.level_awarded", "授予等级应为 1 到 5 级", "The level awarded is 1 to 5"},
    E{"error.training.min_attendance_percent", "出勤要求应为 0 到 100%",
      "The attendance required is 0 to 100 %"},
    E{"error.training.not_enrolled", "该会员未在本班就读",
      "The member is not seated in this class"},
    E{"error.training.remind_days_before", "提前提醒天数应为 0 到 365 天",
      "The reminder comes 0 to 365 days before the expiry"},
    E{"error.training.result", "考核结果应为合格、不合格或缺考",
      "The result is pass, fail or absent"},
    E{"error.training.score", "成绩应为 0 到 100 分", "The score is 0 to 100"},
    E{"error.training.session_time", "课次应在培训班的时间内，且先开始后结束",
      "A session lies within the class's dates and ends after it starts"},
    E{"error.training.too_many_sessions", "一个培训班最多 {max} 个课次",
      "A class has at most {max} sessions"},
    E{"error.training.valid_months", "证书有效期应为 0 到 120 个月",
      "A certificate is valid for 0 to 120 months"},
};

}  // namespace

std::span<const CatalogueEntry> TrainingMessages() { return kMessages; }

}  // namespace zj::i18n
