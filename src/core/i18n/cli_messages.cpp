// The command line's messages (cli.*): what zhijia's commands print about calendars, coverage,
// the demo, imports, keys, members, migrations, orgs, requests, serving and users.
// Keep sorted by key (checked by a unit test); listed in messages.cpp's Parts() (catalogue.h).
#include "core/i18n/catalogue.h"

namespace zj::i18n {

namespace {

using Entry = CatalogueEntry;

// A plain array, as in messages.cpp: std::array's deduction guide nests once per entry.
constexpr Entry kMessages[] = {
    Entry{"cli.calendar.loaded", "载入", "loaded"},
    Entry{"cli.calendar.shipped", "随程序提供", "shipped"},
    Entry{"cli.calendar.year",
          "{year} 年（{source}）：工作日 {working_days} 天，节假日 {holidays} 天，调休上班 "
          "{worked} 天",
          "{year} ({source}): {working_days} working days, {holidays} holidays, {worked} weekend "
          "days worked"},
    Entry{"cli.coverage.difference", "{org} 的 {figure}：汇总值 {stored}，重新计数 {recounted}",
          "{org} {figure}: rollup {stored}, recount {recounted}"},
    Entry{"cli.coverage.differences", "覆盖面汇总有 {count} 处与重新计数不一致",
          "{count} coverage figures differ from a recount"},
    Entry{"cli.coverage.verified",
          "覆盖面汇总与重新计数一致（{orgs} 个组织，{enterprises} 家单位）",
          "coverage rollups match a recount ({orgs} orgs, {enterprises} enterprises)"},
    Entry{"cli.demo.account", "演示账号：用户名 {username}（{role}，{org}），密码 {password}",
          "demo account: user {username} ({role}, {org}), password {password}"},
    Entry{"cli.demo.admin", "演示管理员：用户名 {username}，密码 {password}",
          "demo administrator: user {username}, password {password}"},
    Entry{"cli.demo.cases", "困难职工档案已生成：{files} 份，帮扶 {grants} 笔",
          "Hardship files generated: {files}, with {grants} aid grants"},
    Entry{"cli.demo.competition",
          "园区劳动竞赛已生成：参赛 {entries} 个（企业 {enterprises}，班组 {teams}，个人 "
          "{individuals}；班组成员 {places} 人次，来自 {workers} 名会员），评委 {judges} 名（账号 "
          "{prefix}01 起，密码同演示账号），评分 {scores} 条，参赛名录已确定",
          "park competition generated: {entries} entries ({enterprises} enterprises, {teams} "
          "teams, {individuals} individuals; {places} team places filled by {workers} members), "
          "{judges} judges (accounts {prefix}01 on, the demo accounts' password), {scores} marks, "
          "list frozen"},
    Entry{"cli.demo.competition_present", "园区劳动竞赛已存在，未再生成",
          "the park competition was there already"},
    Entry{"cli.demo.enterprises", "演示用人单位已生成：{count} 家",
          "demo enterprises generated: {count}"},
    Entry{
        "cli.demo.history",
        "一年的服务已回放：诉求 {requests} 件（超时上报 {escalations} 次，回访 {follow_ups} 次），"
        "登记会员 {members} 名，会员关系接转 {transfers} 件，名册导入 {imports} 次",
        "a year of service replayed: {requests} requests ({escalations} escalations, "
        "{follow_ups} follow-up visits), {members} members recorded, {transfers} member "
        "transfers, {imports} roster imports"},
    Entry{"cli.demo.history_hardship",
          "困难职工档案 {files} 户，帮扶 {grants} 笔；低保标准 {standards} 条（各区示例数据，"
          "以民政部门公布为准）",
          "hardship files: {files} households, {grants} aid grants; {standards} 低保 lines (sample "
          "figures per district, not the official ones)"},
    Entry{"cli.demo.history_park", "园区劳动竞赛（评分中）：参赛 {entries} 个，已评分 {scores} 条",
          "park competition (scoring): {entries} entries, {scores} marks given"},
    Entry{"cli.demo.history_present", "已有服务记录，未再回放",
          "the year of service was there already"},
    Entry{"cli.demo.history_progress", "正在回放服务记录：{date}",
          "replaying the year of service: {date}"},
    Entry{"cli.demo.indexes", "正在重建会员索引……", "rebuilding the member indexes..."},
    Entry{"cli.demo.loaded", "演示数据已载入：新增 {created} 个组织，共 {total} 个",
          "demo data loaded: {created} organisations added, {total} in total"},
    Entry{"cli.demo.members", "演示会员已登记：{count} 名", "demo members recorded: {count}"},
    Entry{"cli.demo.requests", "演示服务诉求已登记：{count} 件",
          "demo service requests recorded: {count}"},
    Entry{"cli.demo.try.admin",
          "  可以看：全市诉求与服务看板（16 个区的超时上报）、覆盖面、组织与账号、审计日志",
          "  try: the city's requests and service dashboard (escalations in all 16 districts), "
          "coverage, orgs and accounts, the audit log"},
    Entry{"cli.demo.try.cadre.donghuamen",
          "  "
          "可以做：受理新诉求（一件今天到期）、联系职工、回访、审批转入的会员、查看带错误行的名册导"
          "入报告",
          "  try: accept new requests (one due today), contact a worker, make follow-up visits, "
          "decide a member transfer, read a roster import's report with rejected rows"},
    Entry{
        "cli.demo.try.judge.dongcheng",
        "  "
        "可以做：在手机上打开“我的评分”，为“东城杯”劳动竞赛的参赛项目打分（盲评，只见编号；有一项须"
        "回避）",
        "  try: open My judging on a phone and mark the entries of the “东城杯” labour competition "
        "(blind: numbers only; one entry you must step aside from)"},
    Entry{"cli.demo.try.operator",
          "  可以做：登记 12351 来电诉求、按姓名或电话查会员、全市诉求队列",
          "  try: register a 12351 call, find a caller's membership by name or phone, the city's "
          "request queue"},
    Entry{
        "cli.demo.try.staff.dongcheng",
        "  可以做：受理街道超时上报到区的诉求、回访、审批会员关系接转（一件已超期）、东城服务看板",
        "  try: take requests escalated from the streets, make follow-up visits, decide member "
        "transfers (one overdue), 东城's service dashboard"},
    Entry{"cli.demo.try.staff.xicheng",
          "  可以做：受理超时上报的诉求、回访、审批会员关系接转、查看名册导入记录",
          "  try: take escalated requests, make follow-up visits, decide member transfers, the "
          "roster imports"},
    Entry{"cli.demo.try.worker.demo",
          "  可以做：登录后看会员卡和二维码；在“我的诉求”评价诉求 {number}（或凭手机尾号 {last4} "
          "查询）；不填查询号提交新诉求；下载“我的数据”",
          "  try: once signed in, the member card and its QR code; rate request {number} in My "
          "requests (or track it with the phone's last four digits {last4}); send a request "
          "without a tracking number; download My data"},
    Entry{"cli.demo.worker",
          "演示职工 worker.demo：在职工门户 /portal/sign-in 用手机号 {phone} 获取验证码登录（会员 "
          "{member}），验证码写在服务器日志的“sign-in code”一行",
          "demo worker worker.demo: sign in at /portal/sign-in with phone {phone} and the code "
          "from the server log's \"sign-in code\" line (member {member})"},
    Entry{"cli.import.done",
          "{file}（{encoding}，表头在第 {header_row} 行）：新增 {created} 条，更新 {updated} 条，"
          "{failed} 行有错误未导入",
          "{file} ({encoding}, header on row {header_row}): {created} added, {updated} updated, "
          "{failed} rows with errors not imported"},
    Entry{"cli.import.row_error", "{file}：第 {row} 行，{column} 列：{message}",
          "{file}: row {row}, column {column}: {message}"},
    Entry{"cli.keys.rotated", "个人信息密钥已轮换到版本 {version}，重新加密 {rows} 条记录",
          "personal-data keys rotated to version {version}: {rows} records re-encrypted"},
    Entry{"cli.members.exported", "已导出 {rows} 名会员到 {file}",
          "exported {rows} members to {file}"},
    Entry{"cli.members.import_refused",
          "{file}（{encoding}，表头在第 {header_row} 行）：{rejected} 行有错误，按“全部或全不”方式"
          "未导入任何会员（导入编号 {import_id}）",
          "{file} ({encoding}, header on row {header_row}): {rejected} rows rejected, so nothing "
          "was imported (all-or-nothing; import {import_id})"},
    Entry{"cli.members.imported",
          "{file}（{encoding}，表头在第 {header_row} 行）：共 {rows} 行，新增 {accepted} 名会员，"
          "已在册 {already_present}，可申请转入 {transfer_candidates}，有错误 {rejected}（导入编号 "
          "{import_id}）",
          "{file} ({encoding}, header on row {header_row}): {rows} rows, {accepted} members added, "
          "{already_present} already present, {transfer_candidates} transfer candidates, "
          "{rejected} rejected (import {import_id})"},
    Entry{"cli.members.more_rejections", "……另有 {count} 行错误，请用 --report 导出完整的错误说明",
          "... and {count} more rejected rows; use --report for all of them"},
    Entry{"cli.members.template", "已生成导入模板 {file}", "wrote the import template {file}"},
    Entry{"cli.members.unknown_columns", "未识别的列（已忽略）：{columns}",
          "Unknown columns (ignored): {columns}"},
    Entry{"cli.migrate.current", "数据库结构已是最新（版本 {version}）",
          "schema is current at version {version}"},
    Entry{"cli.migrate.done", "数据库结构已从版本 {from} 升级到 {to}",
          "migrated schema from version {from} to {to}"},
    Entry{"cli.orgs.added", "已添加组织 {code}（{name}）", "added org {code} ({name})"},
    Entry{"cli.requests.bad_time", "无法识别的时间：{time}（例：2026-12-10T09:00:00+08:00）",
          "Not a time: {time} (e.g. 2026-12-10T09:00:00+08:00)"},
    Entry{"cli.requests.swept", "已升级 {escalated} 件诉求，新增 {follow_ups} 次回访",
          "{escalated} requests escalated, {follow_ups} follow-up visits opened"},
    Entry{"cli.serve.listening", "zhijia {version} 正在监听 {url}",
          "zhijia {version} listening on {url}"},
    Entry{"cli.users.columns", "用户名\t姓名\t角色\t状态\t组织代码\t组织",
          "username\tname\trole\tstatus\torg code\torg"},
    Entry{"cli.users.created", "已创建用户 {username}（{role}）",
          "created user {username} ({role})"},
    Entry{"cli.users.disabled", "已停用用户 {username}，其会话均已结束",
          "disabled user {username} and ended their sessions"},
    Entry{"cli.users.password", "用户 {username} 的密码：{password}",
          "password of {username}: {password}"},
    Entry{"cli.users.password_reset", "已重置用户 {username} 的密码，其会话均已结束",
          "reset the password of {username} and ended their sessions"},
};

}  // namespace

std::span<const CatalogueEntry> CliMessages() { return kMessages; }

}  // namespace zj::i18n
