#include "store/request_rows.h"

namespace zj::store {

RequestRow RequestFromRow(const RowView& row) {
  RequestRow r;
  r.id = row.Int(0);
  r.federation_id = row.Int(1);
  r.tracking_number = row.Text(2);
  r.channel = row.Text(3);
  r.category_code = row.Text(4);
  r.priority = row.Text(5);
  r.status = row.Text(6);
  r.title = row.Text(7);
  r.description = row.Text(8);
  r.member_id = row.OptInt(9);
  r.requester_user_id = row.OptInt(10);
  r.contact_name = row.Text(11);
  r.contact_phone_cipher = row.Bytes(12);
  r.contact_phone_index = row.Text(13);
  r.contact_phone_last4 = row.Text(14);
  r.key_version = static_cast<int>(row.Int(15));
  r.employer_id = row.OptInt(16);
  r.employer_name = row.OptText(17);
  r.region_code = row.OptText(18);
  r.routed_org_id = row.Int(19);
  r.org_id = row.Int(20);
  r.home_path = row.Text(21);
  r.assigned_at = row.Int(22);
  r.accept_by = row.Int(23);
  r.contact_by = row.Int(24);
  r.resolve_by = row.Int(25);
  r.next_due = row.OptInt(26);
  r.accepted_at = row.OptInt(27);
  r.contacted_at = row.OptInt(28);
  r.resolved_at = row.OptInt(29);
  r.closed_at = row.OptInt(30);
  r.escalations = static_cast<int>(row.Int(31));
  r.handler_user_id = row.OptInt(32);
  r.resolution = row.OptText(33);
  if (auto v = row.OptInt(34)) r.rating = static_cast<int>(*v);
  r.rating_comment = row.OptText(35);
  r.rated_at = row.OptInt(36);
  r.created_at = row.Int(37);
  r.updated_at = row.Int(38);
  const auto met = [&](std::size_t i) -> std::optional<bool> {
    if (auto v = row.OptInt(i)) return *v != 0;
    return std::nullopt;
  };
  r.accept_met = met(39);
  r.contact_met = met(40);
  r.resolve_met = met(41);
  r.org_name = row.OptText(42).value_or("");
  if (row.size() > 43) r.has_follow_up = row.Int(43) != 0;
  if (row.size() > 44) r.has_case_links = row.Int(44) != 0;
  return r;
}

}  // namespace zj::store
