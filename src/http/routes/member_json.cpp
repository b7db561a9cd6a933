#include "http/routes/member_json.h"

namespace zj::http {

namespace {

nlohmann::json OrNull(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json OrNull(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json IdOrNull(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(std::to_string(*v)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json MemberSummaryJson(const app::MemberView& v) {
  const auto& m = v.row;
  return {{"id", std::to_string(m.id)},
          {"name", m.name},
          {"gender", m.gender},
          {"birth_date", m.birth_date},
          {"id_masked", v.id_masked},
          {"phone_masked", OrNull(v.phone_masked)},
          {"card_number", m.card_number},
          {"union", {{"id", std::to_string(m.union_org_id)}, {"name", m.union_name}}},
          {"employer", {{"id", IdOrNull(m.employer_id)}, {"name", OrNull(m.employer_display)}}},
          {"join_date", OrNull(m.join_date)},
          {"status", m.status},
          {"migrant_worker", m.migrant_worker},
          {"model_worker", m.model_worker}};
}

nlohmann::json MemberDetailJson(const app::MemberDetail& d) {
  nlohmann::json out = MemberSummaryJson(d.member);
  const auto& m = d.member.row;
  out["ethnicity"] = OrNull(m.ethnicity);
  out["status_changed_on"] = OrNull(m.status_changed_on);
  out["import_id"] = IdOrNull(m.import_id);
  out["created_at"] = m.created_at;
  out["updated_at"] = m.updated_at;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : d.events) {
    nlohmann::json detail = nlohmann::json::parse(e.detail, nullptr, false);
    if (detail.is_discarded() || !detail.is_object()) detail = nlohmann::json::object();
    events.push_back({{"at", e.at},
                      {"event", e.event},
                      {"actor_name", OrNull(e.actor_name)},
                      {"detail", std::move(detail)}});
  }
  out["events"] = std::move(events);
  nlohmann::json transfers = nlohmann::json::array();
  for (const auto& t : d.transfers) transfers.push_back(TransferJson(t));
  out["transfers"] = std::move(transfers);
  return out;
}

nlohmann::json TransferJson(const app::TransferView& v) {
  const auto& t = v.row;
  return {{"id", std::to_string(t.id)},
          {"member",
           {{"id", std::to_string(t.member_id)},
            {"name", t.member_name},
            {"id_masked", v.member_id_masked}}},
          {"from_union", {{"id", std::to_string(t.from_union_id)}, {"name", t.from_union_name}}},
          {"to_union", {{"id", std::to_string(t.to_union_id)}, {"name", t.to_union_name}}},
          {"requested_side", t.requested_side},
          {"requested_by_name", OrNull(t.requested_by_name)},
          {"reason", t.reason},
          {"state", t.state},
          {"due_at", t.due_at},
          {"created_at", t.created_at},
          {"decided_at", OrNull(t.decided_at)},
          {"decided_by_name", OrNull(t.decided_by_name)},
          {"decision_note", OrNull(t.decision_note)},
          {"import_id", IdOrNull(t.import_id)},
          {"can_decide", v.can_decide},
          {"can_cancel", v.can_cancel}};
}

}  // namespace zj::http
