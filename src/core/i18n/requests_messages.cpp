// The 12351 service requests' messages: their errors and the notices sent to the worker
// (error.request*, notify.request.*).
// Keep sorted by key (checked by a unit test); listed in messages.cpp's Parts() (catalogue.h).
#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using Entry = CatalogueEntry;

// A plain array, as in messages.cpp: std::array's deduction guide nests once per entry.
constexpr Entry kMessages[] = {
    Entry{"error.request.malformed", "请求格式错误", "Malformed request"},
    Entry{"error.requests.action", "未知的操作", "Unknown action"},
    Entry{"error.requests.box", "未知的队列", "Unknown queue"},
    Entry{"error.requests.category", "请选择有效的诉求类别", "Choose a valid request category"},
    Entry{"error.requests.channel", "该渠道不可用", "This channel is not available"},
    Entry{"error.requests.days", "应为 {min} 到 {max} 个工作日",
          "Must be {min} to {max} working days"},
    Entry{"error.requests.days_order", "受理时限不得晚于联系时限，联系时限不得晚于办结时限",
          "Accept by must not come after contact by, nor contact by after resolve by"},
    Entry{"error.requests.employer_prefix", "请至少输入 {min} 个字",
          "Type at least {min} characters"},
    Entry{"error.requests.follow_up_done", "该回访已登记，不能重复登记",
          "This follow-up visit has already been recorded"},
    Entry{"error.requests.follow_up_state", "应为待回访（open）或已回访（done）",
          "Must be open or done"},
    Entry{"error.requests.level", "应为基层、街道、区或市级",
          "Must be grassroots, street, district or municipal"},
    Entry{"error.requests.no_org", "没有可以受理该类诉求的工会组织，请联系管理员",
          "No union organisation can handle this category; contact the administrator"},
    Entry{"error.requests.not_allowed", "当前状态（{status}）下不能进行此操作",
          "Not possible while the request is {status}"},
    Entry{"error.requests.priority", "紧急程度应为普通或紧急", "Priority must be normal or urgent"},
    Entry{"error.requests.rating", "评价应为 1 到 5 分", "The rating must be 1 to 5"},
    Entry{"error.requests.reason_required", "请填写不予受理的理由",
          "Give the reason for rejecting"},
    Entry{"error.requests.resolution_required", "请填写办结情况", "Summarise the resolution"},
    Entry{"error.requests.status", "未知的状态", "Unknown status"},
    Entry{"error.requests.transfer_target", "请选择另一个在用的工会组织（不能是工会小组）",
          "Choose another active union organisation (not a union group)"},
    Entry{"error.requests.where", "请选择用人单位或所在街道",
          "Choose the employer or the street where the worker is"},
    Entry{
        "notify.request.escalated.body",
        "受理编号 {number} 的诉求“{title}”（{priority}）因下级组织未按时办理，已第 {escalations} 次"
        "上报至{org}。请于 {accept_by} 前受理。",
        "Request {number} \"{title}\" ({priority}) was escalated to {org} (escalation "
        "{escalations}) because a deadline lapsed below. Please accept it by {accept_by}."},
    Entry{"notify.request.escalated.subject", "【上报诉求】{title}", "[Escalated request] {title}"},
    Entry{"notify.request.new.body",
          "{org}收到新的职工诉求“{title}”（{priority}），受理编号 {number}。请于 {accept_by} "
          "前受理。",
          "{org} has a new request \"{title}\" ({priority}), number {number}. Please accept it by "
          "{accept_by}."},
    Entry{"notify.request.new.subject", "【新诉求】{title}", "[New request] {title}"},
    Entry{"notify.request.transferred.body",
          "{from}将受理编号 {number} 的诉求“{title}”（{priority}）转交{org}办理，理由：{reason}。"
          "请于 {accept_by} 前受理。",
          "{from} handed request {number} \"{title}\" ({priority}) over to {org}: {reason}. "
          "Please accept it by {accept_by}."},
    Entry{"notify.request.transferred.subject", "【转办诉求】{title}",
          "[Request handed over] {title}"},
};

}  // namespace

std::span<const CatalogueEntry> RequestMessages() { return kMessages; }

}  // namespace zj::i18n
