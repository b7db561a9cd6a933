// Reading requests for staff: one request with its history, the queues, and how a row becomes
// the view the routes write.
#include <algorithm>

#include "app/orgs/org_scope.h"
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

Result<RequestView> RequestService::Get(const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  const store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  ZJ_ASSIGN_OR_RETURN(RequestView view, ViewOf(*lease, std::move(row), true, &actor));
  ZJ_RETURN_IF_ERROR(AttachFollowUp(*lease, actor, view));
  if (view.row.has_case_links == false) return view;  // read with the row: it became no case
  ZJ_ASSIGN_OR_RETURN(auto links, store::CaseLinksOfRequest(*lease, id));
  for (auto& link : links) {
    if (PathInScope(actor, link.org_path)) view.links.push_back(std::move(link));
  }
  return view;
}

Result<RequestPage> RequestService::List(const Actor& actor, const RequestFilter& filter) {
  if (!MayRegister(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  auto range = ScopeRange(actor);
  if (!range) return RequestPage{};
  std::optional<store::OrgRow> org;
  if (filter.org_id) {
    ZJ_ASSIGN_OR_RETURN(org, LoadOrgInScope(*lease, actor, *filter.org_id, "org_id"));
  } else if (actor.org_id) {
    ZJ_ASSIGN_OR_RETURN(org, store::FindOrgById(*lease, *actor.org_id));
  }
  store::RequestQuery q;
  q.home_low = range->first;
  q.home_high = range->second;
  if (filter.org_id && org) {
    const OrgPath p = OrgPath::FromStored(org->path);
    q.home_low = p.SubtreeLow();
    q.home_high = p.SubtreeHigh();
  }
  if (!filter.q.empty()) return Search(*lease, filter, q.home_low, q.home_high);
  q.statuses = filter.statuses;
  q.category = filter.category;
  q.priority = filter.priority;
  q.before_id = filter.before_id;
  q.limit = std::clamp(filter.limit, 1, 200) + 1;
  const std::int64_t now = clock_.NowMs();
  if (filter.box == "new") {
    q.statuses = {"submitted"};
  } else if (filter.box == "mine") {
    if (!org) return RequestPage{};
    q.handled_by = org->id;
  } else if (filter.box == "overdue") {
    q.overdue_at = now;
  } else if (filter.box == "escalated") {
    if (!org) return RequestPage{};
    q.handled_by = org->id;
    q.escalated_only = true;
  } else if (filter.box != "all") {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "box", {}, {}};
    e.fields.push_back({"box", "error.requests.box", {}});
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListRequests(*lease, q));
  return PageOf(*lease, std::move(rows), static_cast<std::size_t>(q.limit - 1));
}

Result<RequestPage> RequestService::PageOf(store::Connection& conn,
                                           std::vector<store::RequestRow> rows, std::size_t limit) {
  RequestPage page;
  if (rows.size() > limit) {
    rows.resize(limit);
    page.next_cursor = rows.back().id;
  }
  for (auto& row : rows) {
    ZJ_ASSIGN_OR_RETURN(auto view, ViewOf(conn, std::move(row), false));
    page.items.push_back(std::move(view));
  }
  return page;
}

Result<store::RequestRow> RequestService::LoadVisible(store::Connection& conn, const Actor& actor,
                                                      std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindRequestById(conn, id));
  if (!row || !MayRegister(actor) || !PathInScope(actor, row->home_path)) {
    return Fail(NotFound());
  }
  return std::move(*row);
}

Result<RequestView> RequestService::ViewOf(store::Connection& conn, store::RequestRow row_in,
                                           bool with_events, const Actor* actor) {
  RequestView v;
  v.row = std::move(row_in);
  const store::RequestRow& row = v.row;
  ZJ_ASSIGN_OR_RETURN(auto names, category_names_.Of(conn, row.category_code, clock_.NowMs()));
  v.category_zh = std::move(names.zh);
  v.category_en = std::move(names.en);
  if (auto phone = vault_.Open(kPhoneField, row.contact_phone_cipher)) {
    v.phone_masked = personal_data::MaskPhone(*phone);
  } else {  // a key that is gone: the last four digits are still known
    v.phone_masked = "*******" + row.contact_phone_last4;
  }
  const auto status = requests::ParseStatus(row.status);
  const bool open = status && requests::IsOpen(*status);
  if (open) v.next_milestone = requests::NextMilestone(ProgressOf(row));
  if (with_events) {
    ZJ_ASSIGN_OR_RETURN(v.events, store::RequestEvents(conn, row.id, true));
    const std::int64_t now = clock_.NowMs();
    auto milestone = [&](requests::Milestone m, std::int64_t due,
                         std::optional<std::int64_t> reached, std::optional<bool> met) {
      v.milestones.push_back(
          {m, due, reached, requests::StateOfMilestone(reached, met, due, open, now)});
    };
    milestone(requests::Milestone::kAccept, row.accept_by, row.accepted_at, row.accept_met);
    milestone(requests::Milestone::kContact, row.contact_by, row.contacted_at, row.contact_met);
    milestone(requests::Milestone::kResolve, row.resolve_by, row.resolved_at, row.resolve_met);
    if (actor && MayHandle(*actor) && status) v.offered_steps = requests::OfferedSteps(*status);
  }
  v.row.contact_phone_cipher.clear();
  v.row.contact_phone_index.clear();
  return v;
}

Result<void> RequestService::AttachFollowUp(store::Connection& conn, const Actor& actor,
                                            RequestView& view) {
  if (view.row.has_follow_up == false) return {};  // read with the row: there is none
  ZJ_ASSIGN_OR_RETURN(auto item, store::FollowUpItemOf(conn, view.row.id));
  if (item && PathInScope(actor, item->follow_up.org_path)) view.follow_up = std::move(item);
  return {};
}

}  // namespace zj::app
