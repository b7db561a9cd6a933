#include "http/job_json.h"

#include <algorithm>
#include <cmath>

namespace zj::http {

namespace {

nlohmann::json Opt(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::vector<std::pair<std::string, std::string>> Args(const nlohmann::json& object) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!object.is_object()) return out;
  for (const auto& [k, v] : object.items()) {
    out.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
  }
  return out;
}

//! The rate since the current attempt began, and the time left at that rate.
nlohmann::json Progress(const store::JobRow& job, std::int64_t now_ms) {
  nlohmann::json rate(nullptr);
  nlohmann::json eta(nullptr);
  if (job.state == "running" && job.resumed_at && now_ms > *job.resumed_at) {
    const double seconds = static_cast<double>(now_ms - *job.resumed_at) / 1000.0;
    const double r = static_cast<double>(job.rows_read - job.rows_at_resume) / seconds;
    if (seconds >= 1.0 && r > 0) {
      rate = std::round(r);
      if (job.rows_expected && *job.rows_expected > job.rows_read) {
        eta = std::ceil(static_cast<double>(*job.rows_expected - job.rows_read) / r);
      } else if (job.rows_expected) {
        eta = 0;
      }
    }
  }
  nlohmann::json percent(nullptr);
  if (JobFinished(job) && job.state == "succeeded") {
    percent = 100;
  } else if (job.rows_expected && *job.rows_expected > 0) {
    // Never 100 before the end: the last step (the run's close) is still to come.
    percent = std::min<std::int64_t>(99, 100 * job.rows_read / *job.rows_expected);
  } else if (job.rows_expected) {
    percent = 0;
  }
  return {{"rows_expected", Opt(job.rows_expected)}, {"rows_read", job.rows_read},
          {"rows_committed", job.rows_committed},    {"rows_rejected", job.rows_rejected},
          {"rows_per_second", std::move(rate)},      {"eta_seconds", std::move(eta)},
          {"percent", std::move(percent)},           {"header_row", Opt(job.header_row)}};
}

}  // namespace

bool JobFinished(const store::JobRow& job) {
  return job.state == "succeeded" || job.state == "failed" || job.state == "cancelled";
}

nlohmann::json JobJson(const store::JobRow& job, i18n::Locale locale, std::int64_t now_ms) {
  const auto params = nlohmann::json::parse(job.params, nullptr, false);
  nlohmann::json error(nullptr);
  if (job.error_code) {
    const auto args = nlohmann::json::parse(job.error_args.value_or("{}"), nullptr, false);
    auto message_args = Args(args);
    std::string message = i18n::Translate(locale, *job.error_code, message_args);
    // A file refused for one of its fields (a missing column) names that problem too.
    if (args.is_object() && args.contains("field_message") && args["field_message"].is_string()) {
      message +=
          "：" + i18n::Translate(locale, args["field_message"].get<std::string>(), message_args);
    }
    error = {{"code", *job.error_code}, {"message", std::move(message)}};
  }
  nlohmann::json report(nullptr);
  if (job.report) {
    report = nlohmann::json::parse(*job.report, nullptr, false);
    if (report.is_object() && report.contains("problems") && report["problems"].is_array()) {
      for (auto& p : report["problems"]) {
        p["message"] = i18n::Translate(locale, p.value("code", ""),
                                       Args(p.value("args", nlohmann::json::object())));
      }
    }
    if (report.is_discarded()) report = nullptr;
  }
  nlohmann::json org(nullptr);
  if (job.org_id) org = {{"id", std::to_string(*job.org_id)}, {"name", job.org_name}};
  nlohmann::json owner(nullptr);
  if (job.owner_id) owner = {{"id", std::to_string(*job.owner_id)}, {"name", job.owner_name}};
  return {{"id", std::to_string(job.id)},
          {"kind", job.kind},
          {"state", job.state},
          {"org", std::move(org)},
          {"owner", std::move(owner)},
          {"file_name", params.is_object() ? params.value("file_name", "") : ""},
          {"progress", Progress(job, now_ms)},
          {"cancel_requested", job.cancel_requested},
          {"error", std::move(error)},
          {"report", std::move(report)},
          {"result_ref", job.result_ref ? nlohmann::json(std::to_string(*job.result_ref))
                                        : nlohmann::json(nullptr)},
          {"has_file", job.state == "succeeded" && job.result_file.has_value()},
          {"attempts", job.attempts},
          {"created_at", job.created_at},
          {"started_at", Opt(job.started_at)},
          {"finished_at", Opt(job.finished_at)}};
}

}  // namespace zj::http
