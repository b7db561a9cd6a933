#include "app/members/roster_export.h"

#include <filesystem>

#include "app/imports/table_writer.h"
#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/orgs/org_scope.h"
#include "core/members/roster_columns.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"
#include "core/text/halfwidth.h"
#include "store/members.h"

namespace zj::app {

namespace {

using members::RosterColumn;

constexpr std::string_view kIdField = kMemberIdField;
constexpr std::string_view kPhoneField = kMemberPhoneField;

std::vector<std::string> HeaderRow() {
  std::vector<std::string> h;
  h.reserve(members::kRosterColumnCount);
  for (std::size_t c = 0; c < members::kRosterColumnCount; ++c) {
    h.emplace_back(members::ChineseName(static_cast<RosterColumn>(c)));
  }
  return h;
}

}  // namespace

Result<std::int64_t> RosterExportService::Export(const Actor& actor,
                                                 const RosterExportRequest& request,
                                                 const ExportProgress& progress) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  std::string reason;
  if (request.full) {
    ZJ_ASSIGN_OR_RETURN(reason, CheckReason("reason", request.reason));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  ZJ_ASSIGN_OR_RETURN(const store::OrgRow org,
                      LoadOrgInScope(conn, actor, request.org_id, "org_id"));
  // The audit entry comes first: an export that fails half-way is still on record.
  std::vector<std::pair<std::string, std::string>> detail{
      {"org_id", std::to_string(org.id)},
      {"subtree", request.subtree ? "true" : "false"},
      {"full", request.full ? "true" : "false"},
      {"file", std::filesystem::path(request.out).filename().string()}};  // never a server path
  if (request.full) detail.emplace_back("reason", reason);
  ZJ_RETURN_IF_ERROR(audit_.Record(
      conn, AuditActor::From(actor),
      AuditEvent{"members.export", "org", std::to_string(org.id), "ok", {}, std::move(detail)}));
  TableWriterOptions options;
  options.sheet_name = "会员名册";
  ZJ_ASSIGN_OR_RETURN(auto writer, OpenTableWriter(request.out, options));
  auto header = HeaderRow();
  // Beside the template's columns: the card number and, for a subtree, which union holds the
  // member (an import ignores both and lists them as extra columns).
  header.emplace_back("会员证号");
  header.emplace_back("所属工会");
  ZJ_RETURN_IF_ERROR(writer->Add(header));

  store::MemberQuery q;
  q.subtree_low = org.path;
  q.subtree_high = OrgPath::FromStored(org.path).SubtreeHigh();
  q.status = "active";
  q.limit = 1000;
  std::int64_t written = 0;
  std::vector<std::string> cells;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(auto page, store::ListMembers(conn, q));
    for (const auto& m : page) {
      if (!request.subtree && m.union_org_id != org.id) continue;
      ZJ_ASSIGN_OR_RETURN(std::string id, vault_.Open(kIdField, m.id_cipher));
      std::string phone;
      if (m.phone_cipher) {
        ZJ_ASSIGN_OR_RETURN(phone, vault_.Open(kPhoneField, *m.phone_cipher));
      }
      if (!request.full) {
        id = personal_data::MaskNationalId(id);
        if (!phone.empty()) phone = personal_data::MaskPhone(phone);
      }
      cells.assign(members::kRosterColumnCount + 2, std::string());
      auto at = [&](RosterColumn c) -> std::string& { return cells[static_cast<std::size_t>(c)]; };
      at(RosterColumn::kName) = m.name;
      at(RosterColumn::kIdNumber) = std::move(id);
      at(RosterColumn::kGender) = m.gender == "female" ? "女" : "男";
      at(RosterColumn::kPhone) = std::move(phone);
      at(RosterColumn::kJoinDate) = m.join_date.value_or("");
      at(RosterColumn::kEmployer) = m.employer_display.value_or(m.employer_name.value_or(""));
      at(RosterColumn::kEmployerUscc) = m.employer_uscc.value_or("");
      at(RosterColumn::kEthnicity) = m.ethnicity.value_or("");
      at(RosterColumn::kMigrantWorker) = m.migrant_worker ? "是" : "否";
      at(RosterColumn::kModelWorker) = m.model_worker ? "是" : "否";
      cells[members::kRosterColumnCount] = m.card_number;
      cells[members::kRosterColumnCount + 1] = m.union_name;
      ZJ_RETURN_IF_ERROR(writer->Add(cells));
      ++written;
    }
    if (progress) ZJ_RETURN_IF_ERROR(progress(written));
    if (page.size() < static_cast<std::size_t>(q.limit)) break;
    q.after_id = page.back().id;
  }
  ZJ_RETURN_IF_ERROR(writer->Close());
  (void)clock_;
  return written;
}

Result<void> RosterExportService::WriteTemplate(const std::string& out) {
  TableWriterOptions options;
  options.sheet_name = "会员名册";
  options.notes_sheet_name = "填写说明";
  options.notes = {
      {"姓名", "必填。"},
      {"身份证号",
       "必填。18 位（或 15 位旧号码），末位 X 大写小写均可；请保持本列为文本格式，"
       "否则 Excel 会把号码变成科学计数法。"},
      {"性别", "选填：男 或 女；须与身份证号一致。"},
      {"手机号", "选填：以 1 开头的 11 位数字。"},
      {"入会时间", "选填：如 2015-07-25、2015/7/25、2015.7.25、2015年7月25日 或 20150725。"},
      {"工作单位", "选填：单位全称。"},
      {"统一社会信用代码", "选填：单位的 18 位统一社会信用代码。"},
      {"民族", "选填：如 汉族、回族。"},
      {"是否农民工", "选填：是 或 否。"},
      {"是否劳模", "选填：是 或 否。"},
      {"序号", "可留空；第 2 行标“示例”的是填写示例，导入时自动跳过，可保留也可删除。"},
      {"其他", "列的顺序不限，也可用英文列名（name、id_number …）；未识别的列会被忽略并列出。"},
  };
  ZJ_ASSIGN_OR_RETURN(auto writer, OpenTableWriter(out, options));
  static_assert(members::kRosterColumnCount == 10, "the example row below names every column");
  // A 序号 column first, as union rosters have it (the import ignores it), marking the example
  // row that the import skips (imports::RowKind::kExample).
  std::vector<std::string> header{"序号"};
  for (auto& name : HeaderRow()) header.push_back(std::move(name));
  ZJ_RETURN_IF_ERROR(writer->Add(header));
  // The ID number is GB 11643's own example; the phone and employer are placeholders.
  ZJ_RETURN_IF_ERROR(writer->Add({"示例", "张三", "11010519491231002X", "女", "13800138000",
                                  "2015-07-25", "某某有限公司", "", "汉族", "否", "否"}));
  return writer->Close();
}

}  // namespace zj::app
