#include "http/member_import_json.h"

namespace zj::http {

namespace {

nlohmann::json OptMs(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json MemberImportSummaryJson(const store::MemberImportRow& run) {
  nlohmann::json unknown = nlohmann::json::array();
  if (run.unknown_columns) {
    auto parsed = nlohmann::json::parse(*run.unknown_columns, nullptr, false);
    if (parsed.is_array()) unknown = std::move(parsed);
  }
  return {{"id", std::to_string(run.id)},
          {"union", {{"id", std::to_string(run.union_org_id)}, {"name", run.union_name}}},
          {"file_name", run.file_name},
          {"mode", run.mode},
          {"status", run.status},
          {"encoding", run.encoding ? nlohmann::json(*run.encoding) : nlohmann::json(nullptr)},
          {"unknown_columns", std::move(unknown)},
          {"header_row", run.header_row},
          {"rows_total", run.rows_total},
          {"rows_committed_through", run.rows_committed_through},
          {"accepted", run.accepted},
          {"already_present", run.already_present},
          {"transfer_candidates", run.transfer_candidates},
          {"rejected", run.rejected},
          {"started_at", run.started_at},
          {"finished_at", OptMs(run.finished_at)}};
}

nlohmann::json MemberImportJson(const app::RosterImportView& view, i18n::Locale locale) {
  nlohmann::json j = MemberImportSummaryJson(view.run);
  nlohmann::json rejections = nlohmann::json::array();
  for (const auto& r : view.rejections) {
    rejections.push_back({{"row", r.row},
                          {"column", r.column},
                          {"code", r.code},
                          {"message", i18n::Translate(locale, r.code, r.args)}});
  }
  nlohmann::json candidates = nlohmann::json::array();
  for (const auto& c : view.candidates) {
    candidates.push_back(
        {{"row", c.row},
         {"member_id", std::to_string(c.member_id)},
         {"name", c.name},
         {"id_masked", c.id_masked},
         {"current_union", {{"id", std::to_string(c.union_id)}, {"name", c.union_name}}}});
  }
  j["rejections"] = std::move(rejections);
  j["candidates"] = std::move(candidates);
  return j;
}

}  // namespace zj::http
