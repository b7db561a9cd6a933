// Follow-up visits (回访): the queue of visits owed and recording one.
#include <algorithm>
#include <map>

#include "app/orgs/org_scope.h"
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "core/orgs/org_path.h"
#include "core/text/halfwidth.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

Result<FollowUpPage> RequestService::FollowUps(const Actor& actor, const FollowUpFilter& filter) {
  if (!MayRegister(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  auto range = ScopeRange(actor);
  if (!range) return FollowUpPage{};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::FollowUpQuery q;
  q.path_low = range->first;
  q.path_high = range->second;
  if (filter.org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, LoadOrgInScope(*lease, actor, *filter.org_id, "org_id"));
    const OrgPath p = OrgPath::FromStored(org.path);
    q.path_low = p.SubtreeLow();
    q.path_high = p.SubtreeHigh();
  }
  q.done = filter.done;
  q.before_id = filter.before_id;
  q.limit = std::clamp(filter.limit, 1, 200) + 1;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListFollowUps(*lease, q));
  FollowUpPage page;
  const std::size_t limit = static_cast<std::size_t>(q.limit - 1);
  if (rows.size() > limit) {
    rows.resize(limit);
    page.next_cursor = rows.back().follow_up.id;
  }
  std::map<std::string, store::CategoryRow> categories;
  ZJ_ASSIGN_OR_RETURN(auto all, store::ListCategories(*lease));
  for (auto& c : all) categories.emplace(c.code, std::move(c));
  for (auto& item : rows) {
    FollowUpEntry entry;
    const auto c = categories.find(item.category_code);
    entry.category_zh = c != categories.end() ? c->second.name_zh : item.category_code;
    entry.category_en = c != categories.end() ? c->second.name_en : item.category_code;
    entry.item = std::move(item);
    page.items.push_back(std::move(entry));
  }
  return page;
}

Result<RequestView> RequestService::FinishFollowUp(const Actor& actor, std::int64_t id,
                                                   const std::string& note) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  ZJ_ASSIGN_OR_RETURN(auto follow_up, store::FollowUpOf(*lease, row.id));
  if (!follow_up || !PathInScope(actor, follow_up->org_path)) {
    return Fail(ErrorCode::kNotFound, "error.not_found", "follow-up");
  }
  if (!MayHandle(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  const std::string text(text::TrimSpaces(note));
  if (text.empty() || CodePoints(text) > kMaxText) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "note", {}, {}};
    e.fields.push_back(
        text.empty()
            ? FieldError{"note", "error.field.required", {}}
            : FieldError{"note", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
    return Fail(std::move(e));
  }
  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(bool finished,
                      store::FinishFollowUp(*lease, follow_up->id, now, actor.user_id, text));
  if (!finished) {
    return Fail(ErrorCode::kConflict, "error.requests.follow_up_done",
                "follow-up " + std::to_string(follow_up->id));
  }
  ZJ_RETURN_IF_ERROR(AddEvent(*lease, row, actor.user_id, Event("follow_up", text, true)));
  row.updated_at = now;
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{"request.follow_up",
                 "service_request",
                 std::to_string(row.id),
                 "ok",
                 {},
                 {{"tracking_number", row.tracking_number}, {"reason", follow_up->reason}}}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  ZJ_ASSIGN_OR_RETURN(RequestView view, ViewOf(*lease, row, true, &actor));
  ZJ_RETURN_IF_ERROR(AttachFollowUp(*lease, actor, view));
  return view;
}

}  // namespace zj::app
