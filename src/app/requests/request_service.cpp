#include "app/requests/request_service.h"

#include <algorithm>
#include <map>

#include "app/coverage/rollups.h"
#include "app/coverage/served.h"
#include "app/notify/outbox.h"
#include "app/orgs/org_scope.h"
#include "app/regions/embedded_regions.h"
#include "core/accounts/password_policy.h"
#include "core/i18n/messages.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_fields.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"
#include "core/personal_data/phone.h"
#include "core/requests/routing.h"
#include "core/requests/service_deadlines.h"
#include "core/requests/service_stats.h"
#include "core/requests/tracking_number.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "core/text/person_name.h"
#include "store/enterprises.h"
#include "store/orgs.h"
#include "store/request_stats.h"
#include "store/served_marks.h"

namespace zj::app {

namespace {

constexpr std::string_view kPhoneField = kRequestPhoneField;
constexpr std::size_t kMaxTitle = text::MaxLength(text::TextKind::kTitle);
constexpr std::size_t kMaxText = text::MaxLength(text::TextKind::kText);
constexpr int kSweepBatch = 200;

using accounts::CodePoints;  // the one count of UTF-8 code points (password_policy.h)

Error NotFound() { return Error{ErrorCode::kNotFound, "error.not_found", "request", {}, {}}; }

Error Conflict(std::string_view from, requests::Action action) {
  Error e{ErrorCode::kConflict,
          "error.requests.not_allowed",
          std::string(from) + " -/-> " + std::string(requests::ActionName(action)),
          {},
          {}};
  return std::move(e).With("status", std::string(from));
}

bool MayHandle(const Actor& actor) {
  return actor.role == "cadre" || actor.role == "staff" || actor.role == "admin";
}

bool MayRegister(const Actor& actor) { return MayHandle(actor) || actor.role == "operator"; }

requests::Sla SlaOf(const store::CategoryRow& c) {
  return requests::Sla{c.accept_days, c.contact_days, c.resolve_days};
}

//! The deadlines of a stored request's category (categories are never deleted).
Result<requests::Sla> SlaFor(store::Connection& conn, const std::string& code) {
  ZJ_ASSIGN_OR_RETURN(auto category, store::FindCategory(conn, code));
  if (!category) return Fail(ErrorCode::kInternal, "error.internal", "category " + code);
  return SlaOf(*category);
}

requests::Progress ProgressOf(const store::RequestRow& r) {
  return requests::Progress{.accepted = r.accepted_at.has_value(),
                            .contacted = r.contacted_at.has_value(),
                            .resolved = r.resolved_at.has_value()};
}

//! Deadlines of a fresh assignment at `now` and the resulting next_due.
void Assign(store::RequestRow& r, const calendar::WorkCalendar& cal, const requests::Sla& sla,
            std::int64_t now) {
  const requests::Deadlines d = requests::DeadlinesFrom(cal, sla, now);
  r.assigned_at = now;
  r.accept_by = d.accept_by;
  r.contact_by = d.contact_by;
  r.resolve_by = d.resolve_by;
  r.next_due = requests::NextDeadline(d, ProgressOf(r));
}

void RefreshNextDue(store::RequestRow& r) {
  const auto status = requests::ParseStatus(r.status);
  if (!status || !requests::IsOpen(*status)) {
    r.next_due.reset();
    return;
  }
  r.next_due = requests::NextDeadline({r.accept_by, r.contact_by, r.resolve_by}, ProgressOf(r));
}

//! The orgs from `start` up to the root, each with its level (union groups skipped).
Result<std::vector<requests::Candidate>> ChainUpward(store::Connection& conn,
                                                     const store::OrgRow& start) {
  std::vector<std::int64_t> ids = OrgPath::FromStored(start.path).Ids();
  std::reverse(ids.begin(), ids.end());
  std::vector<requests::Candidate> chain;
  for (const std::int64_t id : ids) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, id));
    if (!org || org->status != "active") continue;
    if (auto level = requests::LevelOfOrgKind(org->kind)) chain.push_back({org->id, *level});
  }
  return chain;
}

bool LastFourMatches(const std::string& stored, const std::string& typed) {
  const std::string t = text::ToHalfWidth(text::TrimSpaces(typed));
  if (t.size() != 4 || stored.size() != 4) return false;
  unsigned diff = 0;  // compare every digit, whatever the first mismatch
  for (std::size_t i = 0; i < 4; ++i) diff |= static_cast<unsigned>(stored[i] ^ t[i]);
  return diff == 0;
}

//! An event row; the service fills id, request, time and actor.
store::RequestEventRow Event(std::string kind, std::optional<std::string> body = std::nullopt,
                             bool internal = false) {
  store::RequestEventRow e;
  e.kind = std::move(kind);
  e.body = std::move(body);
  e.internal = internal;
  return e;
}

store::RequestEventRow StatusEvent(const std::string& from, const std::string& to,
                                   std::optional<std::int64_t> org_id,
                                   const std::string& body = "") {
  store::RequestEventRow e =
      Event("status", body.empty() ? std::nullopt : std::optional<std::string>(body));
  if (!from.empty()) e.from_status = from;
  e.to_status = to;
  e.org_id = org_id;
  return e;
}

store::RequestEventRow Escalated(std::int64_t to_org, std::string_view milestone) {
  store::RequestEventRow e = Event("escalated", std::string(milestone), true);
  e.org_id = to_org;
  return e;
}

store::FollowUpRow FollowUp(const store::RequestRow& r, const std::string& org_path,
                            std::string reason, std::int64_t id, std::int64_t now) {
  store::FollowUpRow f;
  f.id = id;
  f.federation_id = r.federation_id;
  f.request_id = r.id;
  f.org_id = r.org_id;
  f.org_path = org_path;
  f.reason = std::move(reason);
  f.created_at = now;
  return f;
}

//! The e-mail address of an org when its contact is one, else its code (the log shows it).
std::string RecipientOf(const store::OrgRow& org) {
  if (org.contact && org.contact->find('@') != std::string::npos) {
    return std::string(text::TrimSpaces(*org.contact));
  }
  return org.code;
}

//! The last local day before a deadline (deadlines fall at the end of a day).
std::string DeadlineDay(std::int64_t deadline_ms) {
  return members::FormatDate(members::Date{calendar::LocalDay(deadline_ms - 1)});
}

}  // namespace

Result<std::vector<store::CategoryRow>> RequestService::Categories() {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return store::ListCategories(*lease);
}

Result<store::CategoryRow> RequestService::UpdateCategory(const Actor& actor,
                                                          const std::string& code,
                                                          const CategoryPatch& patch) {
  if (actor.role != "admin") return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto found, store::FindCategory(*lease, code));
  if (!found) return Fail(ErrorCode::kNotFound, "error.not_found", "category " + code);
  store::CategoryRow c = *found;
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  std::vector<std::pair<std::string, std::string>> detail;
  auto name = [&](const std::optional<std::string>& value, std::string& into, const char* field) {
    if (!value) return;
    const std::string trimmed(text::TrimSpaces(*value));
    if (trimmed.empty()) {
      invalid.fields.push_back({field, "error.field.required", {}});
    } else if (auto e = text::CheckLength(field, trimmed, text::TextKind::kCategoryName)) {
      invalid.fields.push_back(std::move(*e));
    } else if (trimmed != into) {
      detail.emplace_back(field, into + " -> " + trimmed);
      into = trimmed;
    }
  };
  name(patch.name_zh, c.name_zh, "name_zh");
  name(patch.name_en, c.name_en, "name_en");
  if (patch.lowest_level) {
    if (!requests::ParseLevel(*patch.lowest_level)) {
      invalid.fields.push_back({"lowest_level", "error.requests.level", {}});
    } else if (*patch.lowest_level != c.lowest_level) {
      detail.emplace_back("lowest_level", c.lowest_level + " -> " + *patch.lowest_level);
      c.lowest_level = *patch.lowest_level;
    }
  }
  auto days = [&](const std::optional<int>& value, int& into, const char* field) {
    if (!value) return;
    if (*value < 1 || *value > 60) {
      invalid.fields.push_back({field, "error.requests.days", {{"min", "1"}, {"max", "60"}}});
    } else if (*value != into) {
      detail.emplace_back(field, std::to_string(into) + " -> " + std::to_string(*value));
      into = *value;
    }
  };
  days(patch.accept_days, c.accept_days, "accept_days");
  days(patch.contact_days, c.contact_days, "contact_days");
  days(patch.resolve_days, c.resolve_days, "resolve_days");
  if (invalid.fields.empty() &&
      (c.accept_days > c.contact_days || c.contact_days > c.resolve_days)) {
    invalid.fields.push_back({"resolve_days", "error.requests.days_order", {}});
  }
  if (patch.active && *patch.active != c.active) {
    detail.emplace_back("active", *patch.active ? "true" : "false");
    c.active = *patch.active;
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if (detail.empty()) return c;
  ZJ_RETURN_IF_ERROR(store::UpdateCategory(*lease, c));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{
          "request_category.update", "request_category", c.code, "ok", {}, std::move(detail)}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  category_names_.Clear();
  return c;
}

Result<std::vector<EmployerMatch>> RequestService::FindEmployers(const std::string& prefix) {
  const std::string text(text::TrimSpaces(prefix));
  if (CodePoints(text) < 2 || text::TooLong(text, text::TextKind::kSearch)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "q", {}, {}};
    e.fields.push_back({"q", "error.requests.employer_prefix", {{"min", "2"}}});
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto hits, store::EmployersByNamePrefix(*lease, text, 10));
  std::vector<EmployerMatch> out;
  for (auto& h : hits) {
    const Region* region = BuiltinRegions().Find(h.region_code);
    out.push_back({h.id, std::move(h.name), region ? region->name : ""});
  }
  return out;
}

Result<std::vector<StreetMatch>> RequestService::FindStreets(const std::string& name) {
  const std::string text(text::TrimSpaces(name));
  if (text.empty() || text::TooLong(text, text::TextKind::kSearch)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "q", {}, {}};
    e.fields.push_back({"q", "error.requests.employer_prefix", {{"min", "1"}}});
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto hits, store::StreetsByName(*lease, text, 20));
  std::vector<StreetMatch> out;
  for (auto& h : hits) {
    const Region* region = BuiltinRegions().Find(h.code);
    const Region* district = region ? BuiltinRegions().Find(region->parent_code) : nullptr;
    out.push_back(
        {h.code, region ? region->name : h.name, district ? district->name : h.district_name});
  }
  return out;
}

Result<RequestView> RequestService::Submit(const std::optional<Actor>& actor, const NewRequest& in,
                                           const std::string& remote_addr) {
  if (actor && !MayRegister(*actor) && actor->role != "worker") {
    return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  }
  if (!actor) {
    std::int64_t wait_ms = 0;
    {
      std::lock_guard lock(throttle_mutex_);
      wait_ms = intake_throttle_.RetryAfterMs("portal", remote_addr, clock_.NowMs());
    }
    if (wait_ms > 0) {
      const std::string seconds = std::to_string((wait_ms + 999) / 1000);
      return Fail(Error{ErrorCode::kResourceExhausted,
                        "error.too_many_requests",
                        "portal intake throttled from " + remote_addr,
                        {},
                        {{"seconds", seconds}, {"retry_after", seconds}}});
    }
  }
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  const bool staff_channel = actor && MayRegister(*actor);
  const std::vector<std::string> channels =
      staff_channel ? std::vector<std::string>{"hotline", "walk_in", "cadre", "portal"}
                    : std::vector<std::string>{"portal"};
  if (std::find(channels.begin(), channels.end(), in.channel) == channels.end()) {
    invalid.fields.push_back({"channel", "error.requests.channel", {}});
  }
  if (in.priority != "normal" && in.priority != "urgent") {
    invalid.fields.push_back({"priority", "error.requests.priority", {}});
  }
  const std::string title(text::TrimSpaces(in.title));
  const std::string description(text::TrimSpaces(in.description));
  if (title.empty()) invalid.fields.push_back({"title", "error.field.required", {}});
  if (CodePoints(title) > kMaxTitle) {
    invalid.fields.push_back(
        {"title", "error.field.too_long", {{"max", std::to_string(kMaxTitle)}}});
  }
  if (description.empty()) invalid.fields.push_back({"description", "error.field.required", {}});
  if (CodePoints(description) > kMaxText) {
    invalid.fields.push_back(
        {"description", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
  }
  // The caller's name: a person's name (core/text/person_name.h), as on a member's record.
  std::string contact_name;
  if (auto name = text::NormalisePersonName("contact_name", in.contact_name)) {
    contact_name = std::move(*name);
  } else {
    invalid.fields.push_back(std::move(name.error()));
  }
  std::optional<std::string> employer_name;
  if (in.employer_name && !text::TrimSpaces(*in.employer_name).empty()) {
    employer_name = std::string(text::TrimSpaces(*in.employer_name));
    if (auto e = CheckName("employer_name", *employer_name)) invalid.fields.push_back(*e);
  }
  std::string phone;
  if (text::TrimSpaces(in.contact_phone).empty()) {
    invalid.fields.push_back({"contact_phone", "error.field.required", {}});
  } else if (auto p = personal_data::NormalisePhone(in.contact_phone, "contact_phone")) {
    phone = *p;
  } else {
    for (auto& f : p.error().fields) invalid.fields.push_back(f);
  }
  if (!in.employer_id && !in.region_code) {
    invalid.fields.push_back({"employer_id", "error.requests.where", {}});
  }

  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  std::optional<store::CategoryRow> category;
  if (!text::TooLong(in.category, text::TextKind::kCode)) {  // no code is longer
    ZJ_ASSIGN_OR_RETURN(category, store::FindCategory(*lease, in.category));
  }
  if (!category || !category->active) {
    invalid.fields.push_back({"category", "error.requests.category", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  store::RequestRow r;
  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  store::Connection& conn = *lease;

  // Where the worker is: the employer's union or street, else the street given.
  std::optional<store::OrgRow> start;
  if (in.employer_id) {
    ZJ_ASSIGN_OR_RETURN(auto employer, store::FindEnterpriseById(conn, *in.employer_id));
    if (!employer) {
      Error e{ErrorCode::kNotFound, "error.not_found", "employer", {}, {}};
      e.fields.push_back({"employer_id", "error.not_found", {}});
      return Fail(std::move(e));
    }
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, employer->org_id));
    start = org;
    r.employer_id = employer->id;
    r.employer_name = employer->name;
    r.region_code = employer->region_code;
  } else {
    auto home = ResponsibleOrg(conn, *in.region_code, std::nullopt);
    if (!home) {
      Error e{ErrorCode::kInvalidArgument, "error.region.unknown", *in.region_code, {}, {}};
      e.fields.push_back({"region_code", "error.region.unknown", {}});
      return Fail(std::move(e));
    }
    start = *home;
    r.region_code = in.region_code;
    r.employer_name = employer_name;
  }
  if (!start) return Fail(NotFound());
  if (in.member_id) {  // staff link a caller's membership; a worker's own comes from the session
    ZJ_ASSIGN_OR_RETURN(auto member, store::MemberPlace(conn, *in.member_id));
    // A member beyond the actor's subtree is not found, exactly like one that does not exist:
    // otherwise any id would tell whether it names a member.
    if (!member || !staff_channel || !PathInScope(*actor, member->first)) {
      Error e{ErrorCode::kNotFound, "error.not_found", "member", {}, {}};
      e.fields.push_back({"member_id", "error.not_found", {}});
      return Fail(std::move(e));
    }
  }
  ZJ_ASSIGN_OR_RETURN(auto chain, ChainUpward(conn, *start));
  const auto lowest = requests::ParseLevel(category->lowest_level);
  const auto target = requests::RouteTo(chain, lowest.value_or(requests::Level::kGrassroots));
  if (!target) {
    return Fail(ErrorCode::kFailedPrecondition, "error.requests.no_org", category->code);
  }
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, target->org_id));

  r.id = NewId(clock_, random_);
  r.federation_id = org->federation_id;
  r.channel = in.channel;
  r.category_code = category->code;
  r.priority = in.priority;
  r.status = std::string(requests::StatusName(requests::Status::kSubmitted));
  r.title = title;
  r.description = description;
  r.member_id = in.member_id;
  if (actor && actor->role == "worker") r.requester_user_id = actor->user_id;
  r.contact_name = contact_name;
  ZJ_ASSIGN_OR_RETURN(SealedValue sealed, vault_.SealIndexed(kPhoneField, phone));
  r.contact_phone_cipher = std::move(sealed.cipher);
  r.contact_phone_index = std::move(sealed.index);
  r.contact_phone_last4 = phone.substr(phone.size() - 4);
  r.key_version = sealed.version;
  r.routed_org_id = org->id;
  r.org_id = org->id;
  r.home_path = org->path;
  r.created_at = now;
  r.updated_at = now;
  Assign(r, *calendars_.Current(), SlaOf(*category), now);

  // A taken number (two requests on one day drawing the same 8 digits) is drawn again.
  const auto today = calendar::LocalDay(now);
  for (int attempt = 0;; ++attempt) {
    const std::uint64_t random =
        (static_cast<std::uint64_t>(random_.Next32()) << 32) | random_.Next32();
    r.tracking_number = requests::MakeTrackingNumber(calendar::Date{today}, random);
    ZJ_ASSIGN_OR_RETURN(auto taken, store::FindRequestByTracking(conn, r.tracking_number));
    if (!taken) break;
    if (attempt >= 8) return Fail(ErrorCode::kInternal, "error.internal", "tracking numbers");
  }
  ZJ_RETURN_IF_ERROR(store::InsertRequest(conn, r));
  ZJ_RETURN_IF_ERROR(AddEvent(conn, r, actor ? std::optional(actor->user_id) : std::nullopt,
                              StatusEvent("", r.status, r.org_id)));
  requests::StatsDelta counted;
  counted.submitted = 1;
  counted.urgent = r.priority == "urgent" ? 1 : 0;
  ZJ_RETURN_IF_ERROR(Count(conn, r, counted));
  ZJ_RETURN_IF_ERROR(Notify(conn, *org, "notify.request.new", r));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  if (!actor) {  // counted once stored: a form sent back with field errors costs nothing
    std::lock_guard lock(throttle_mutex_);
    intake_throttle_.RecordFailure("portal", remote_addr, now);
  }
  r.org_name = org->name;
  return ViewOf(conn, r, false);
}

Result<RequestView> RequestService::Register(const Actor& actor, const NewRequest& in) {
  if (!MayRegister(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  return Submit(actor, in);
}

Result<RequestView> RequestService::Get(const Actor& actor, std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  const store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  ZJ_ASSIGN_OR_RETURN(RequestView view, ViewOf(*lease, std::move(row), true));
  ZJ_RETURN_IF_ERROR(AttachFollowUp(*lease, actor, view));
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
  RequestPage page;
  const std::size_t limit = static_cast<std::size_t>(q.limit - 1);
  if (rows.size() > limit) {
    rows.resize(limit);
    page.next_cursor = rows.back().id;
  }
  for (auto& row : rows) {
    ZJ_ASSIGN_OR_RETURN(auto view, ViewOf(*lease, std::move(row), false));
    page.items.push_back(std::move(view));
  }
  return page;
}

Result<RequestView> RequestService::Act(const Actor& actor, std::int64_t id,
                                        requests::Action action, const std::string& body) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  if (!MayHandle(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  const std::string text(text::TrimSpaces(body));
  if ((action == requests::Action::kResolve || action == requests::Action::kReject) &&
      text.empty()) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "body", {}, {}};
    e.fields.push_back({"body",
                        action == requests::Action::kResolve ? "error.requests.resolution_required"
                                                             : "error.requests.reason_required",
                        {}});
    return Fail(std::move(e));
  }
  if (CodePoints(text) > kMaxText) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "body", {}, {}};
    e.fields.push_back({"body", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
    return Fail(std::move(e));
  }
  ZJ_RETURN_IF_ERROR(Move(*lease, row, action, requests::Party::kHandler, actor.user_id, text));
  if (action == requests::Action::kResolve && row.member_id) {  // 有效覆盖: a member served
    ZJ_RETURN_IF_ERROR(MarkServed(*lease, *row.member_id, clock_.NowMs()));
  }
  if (action == requests::Action::kAccept || action == requests::Action::kContact) {
    row.handler_user_id = actor.user_id;
  }
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return ViewOf(*lease, row, true);
}

Result<RequestView> RequestService::Transfer(const Actor& actor, std::int64_t id,
                                             std::int64_t to_org_id, const std::string& reason) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  if (!MayHandle(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "transfer", {}, {}};
  const std::string text(text::TrimSpaces(reason));
  if (text.empty()) invalid.fields.push_back({"reason", "error.field.required", {}});
  if (CodePoints(text) > kMaxText) {
    invalid.fields.push_back(
        {"reason", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
  }
  ZJ_ASSIGN_OR_RETURN(auto target, store::FindOrgById(*lease, to_org_id));
  if (!target || target->status != "active" || !requests::LevelOfOrgKind(target->kind) ||
      target->id == row.org_id) {
    invalid.fields.push_back({"to_org_id", "error.requests.transfer_target", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  const auto status = requests::ParseStatus(row.status);
  if (!status || !requests::IsOpen(*status)) {
    return Fail(Conflict(row.status, requests::Action::kAccept));
  }
  const std::int64_t now = clock_.NowMs();
  row.org_id = target->id;
  row.home_path = target->path;
  row.updated_at = now;
  ZJ_ASSIGN_OR_RETURN(const requests::Sla sla, SlaFor(*lease, row.category_code));
  Assign(row, *calendars_.Current(), sla, now);
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  store::RequestEventRow event = Event("transferred", text, true);
  event.org_id = target->id;
  ZJ_RETURN_IF_ERROR(AddEvent(*lease, row, actor.user_id, std::move(event)));
  ZJ_RETURN_IF_ERROR(Notify(*lease, *target, "notify.request.new", row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  row.org_name = target->name;
  return ViewOf(*lease, row, true);
}

Result<RequestView> RequestService::AddMessage(const Actor& actor, std::int64_t id,
                                               const std::string& body, bool internal) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadVisible(*lease, actor, id));
  if (!MayHandle(actor)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  const std::string text(text::TrimSpaces(body));
  if (text.empty() || CodePoints(text) > kMaxText) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "body", {}, {}};
    e.fields.push_back(
        text.empty()
            ? FieldError{"body", "error.field.required", {}}
            : FieldError{"body", "error.field.too_long", {{"max", std::to_string(kMaxText)}}});
    return Fail(std::move(e));
  }
  ZJ_RETURN_IF_ERROR(
      AddEvent(*lease, row, actor.user_id, Event(internal ? "note" : "reply", text, internal)));
  row.updated_at = clock_.NowMs();
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return ViewOf(*lease, row, true);
}

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
  ZJ_ASSIGN_OR_RETURN(RequestView view, ViewOf(*lease, row, true));
  ZJ_RETURN_IF_ERROR(AttachFollowUp(*lease, actor, view));
  return view;
}

Result<TrackedRequest> RequestService::Track(const std::string& tracking_number,
                                             const std::string& phone_last4,
                                             const std::string& remote_addr) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto row, LoadTracked(*lease, tracking_number, phone_last4, remote_addr));
  return TrackedView(*lease, row);
}

Result<TrackedRequest> RequestService::Rate(const std::string& tracking_number,
                                            const std::string& phone_last4, int rating,
                                            const std::string& comment,
                                            const std::string& remote_addr) {
  if (rating < 1 || rating > 5) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "rating", {}, {}};
    e.fields.push_back({"rating", "error.requests.rating", {}});
    return Fail(std::move(e));
  }
  if (auto too_long =
          text::CheckLength("comment", text::TrimSpaces(comment), text::TextKind::kComment)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "comment", {}, {}};
    e.fields.push_back(std::move(*too_long));
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadTracked(*lease, tracking_number, phone_last4, remote_addr));
  const std::int64_t now = clock_.NowMs();
  if (row.status != "resolved" || row.rating || !row.resolved_at ||
      !requests::MayReopen(*row.resolved_at, now)) {
    return Fail(Conflict(row.status, requests::Action::kClose));
  }
  row.rating = rating;
  row.rating_comment = std::string(text::TrimSpaces(comment));
  row.rated_at = now;
  ZJ_RETURN_IF_ERROR(
      AddEvent(*lease, row, std::nullopt,
               Event("rated", std::to_string(rating) +
                                  (row.rating_comment->empty() ? "" : " " + *row.rating_comment))));
  requests::StatsDelta counted;
  counted.rated = 1;
  counted.rating_sum = rating;
  counted.low_ratings = rating <= 2 ? 1 : 0;
  ZJ_RETURN_IF_ERROR(Count(*lease, row, counted));
  ZJ_RETURN_IF_ERROR(
      Move(*lease, row, requests::Action::kClose, requests::Party::kRequester, std::nullopt, ""));
  if (requests::NeedsFollowUp(rating, *row.resolved_at, now)) {
    ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(*lease, row.org_id));
    ZJ_RETURN_IF_ERROR(store::InsertFollowUp(
        *lease, FollowUp(row, org->path, "low_rating", NewId(clock_, random_), now)));
  }
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return TrackedView(*lease, row);
}

Result<TrackedRequest> RequestService::Reopen(const std::string& tracking_number,
                                              const std::string& phone_last4,
                                              const std::string& reason,
                                              const std::string& remote_addr) {
  if (auto too_long =
          text::CheckLength("reason", text::TrimSpaces(reason), text::TextKind::kReason)) {
    Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "reason", {}, {}};
    e.fields.push_back(std::move(*too_long));
    return Fail(std::move(e));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadTracked(*lease, tracking_number, phone_last4, remote_addr));
  const std::int64_t now = clock_.NowMs();
  if (!row.resolved_at || !requests::MayReopen(*row.resolved_at, now)) {
    return Fail(Conflict(row.status, requests::Action::kReopen));
  }
  ZJ_RETURN_IF_ERROR(Move(*lease, row, requests::Action::kReopen, requests::Party::kRequester,
                          std::nullopt, std::string(text::TrimSpaces(reason))));
  // Back with the org that resolved it, with a fresh resolution deadline.
  row.resolved_at.reset();
  row.resolution.reset();
  ZJ_ASSIGN_OR_RETURN(const requests::Sla sla, SlaFor(*lease, row.category_code));
  Assign(row, *calendars_.Current(), sla, now);
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return TrackedView(*lease, row);
}

Result<TrackedRequest> RequestService::Withdraw(const std::string& tracking_number,
                                                const std::string& phone_last4,
                                                const std::string& remote_addr) {
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(auto row, LoadTracked(*lease, tracking_number, phone_last4, remote_addr));
  ZJ_RETURN_IF_ERROR(Move(*lease, row, requests::Action::kWithdraw, requests::Party::kRequester,
                          std::nullopt, ""));
  ZJ_RETURN_IF_ERROR(store::UpdateRequest(*lease, row));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  return TrackedView(*lease, row);
}

Result<SweepReport> RequestService::Sweep() {
  SweepReport report;
  const std::int64_t now = clock_.NowMs();
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::Connection& conn = *lease;
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn));
    ZJ_ASSIGN_OR_RETURN(auto due, store::DueRequests(conn, now, kSweepBatch));
    int moved = 0;
    for (auto& row : due) {
      const auto lapsed = requests::LapsedMilestone({row.accept_by, row.contact_by, row.resolve_by},
                                                    ProgressOf(row), now);
      if (!lapsed) {  // next_due was stale; put it right
        RefreshNextDue(row);
        ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
        ++moved;
        continue;
      }
      ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
      if (!org || !org->parent_id) {
        // At the top: nobody to escalate to. It stays overdue in the top's queue, but the
        // sweep stops looking at it until something changes.
        row.next_due.reset();
        ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
        ++moved;
        continue;
      }
      ZJ_ASSIGN_OR_RETURN(const requests::Sla sla, SlaFor(conn, row.category_code));
      row.org_id = *org->parent_id;
      row.escalations += 1;
      row.updated_at = now;
      Assign(row, *calendars_.Current(), sla, now);
      ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
      ZJ_RETURN_IF_ERROR(AddEvent(conn, row, std::nullopt,
                                  Escalated(row.org_id, requests::MilestoneName(*lapsed))));
      requests::StatsDelta counted;
      counted.escalated = 1;
      ZJ_RETURN_IF_ERROR(Count(conn, row, counted));
      ZJ_ASSIGN_OR_RETURN(auto parent, store::FindOrgById(conn, row.org_id));
      if (parent) ZJ_RETURN_IF_ERROR(Notify(conn, *parent, "notify.request.escalated", row));
      ++report.escalated;
      ++moved;
    }
    ZJ_RETURN_IF_ERROR(tx.Commit());
    if (moved < kSweepBatch) break;
  }
  for (;;) {
    ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(conn));
    ZJ_ASSIGN_OR_RETURN(auto unrated, store::UnratedResolvedBefore(
                                          conn, now - requests::kRatingWindowMs, kSweepBatch));
    for (auto& row : unrated) {
      ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
      ZJ_ASSIGN_OR_RETURN(bool added,
                          store::InsertFollowUp(conn, FollowUp(row, org->path, "no_rating",
                                                               NewId(clock_, random_), now)));
      if (added) ++report.follow_ups;
      ZJ_RETURN_IF_ERROR(
          Move(conn, row, requests::Action::kClose, requests::Party::kSystem, std::nullopt, ""));
      ZJ_RETURN_IF_ERROR(store::UpdateRequest(conn, row));
    }
    ZJ_RETURN_IF_ERROR(tx.Commit());
    if (unrated.size() < static_cast<std::size_t>(kSweepBatch)) break;
  }
  return report;
}

Result<store::RequestRow> RequestService::LoadVisible(store::Connection& conn, const Actor& actor,
                                                      std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindRequestById(conn, id));
  if (!row || !MayRegister(actor) || !PathInScope(actor, row->home_path)) {
    return Fail(NotFound());
  }
  return std::move(*row);
}

Result<store::RequestRow> RequestService::LoadTracked(store::Connection& conn,
                                                      const std::string& tracking_number,
                                                      const std::string& phone_last4,
                                                      const std::string& remote_addr) {
  // A number failing its check digit is a typo, told apart without a look-up: not counted.
  const auto number = requests::ParseTrackingNumber(tracking_number);
  if (!number) return Fail(NotFound());
  const std::int64_t now = clock_.NowMs();
  std::int64_t wait_ms = 0;
  {
    std::lock_guard lock(throttle_mutex_);
    wait_ms = throttle_.RetryAfterMs(*number, remote_addr, now);
  }
  if (wait_ms > 0) {
    const std::string seconds = std::to_string((wait_ms + 999) / 1000);
    return Fail(Error{ErrorCode::kResourceExhausted,
                      "error.too_many_requests",
                      "tracking throttled for " + *number + " from " + remote_addr,
                      {},
                      {{"seconds", seconds}, {"retry_after", seconds}}});
  }
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindRequestByTracking(conn, *number));
  std::lock_guard lock(throttle_mutex_);
  if (!row || !LastFourMatches(row->contact_phone_last4, phone_last4)) {
    throttle_.RecordFailure(*number, remote_addr, now);
    return Fail(NotFound());
  }
  throttle_.RecordSuccess(*number);
  return *row;
}

Result<TrackedRequest> RequestService::TrackedView(store::Connection& conn,
                                                   const store::RequestRow& row) {
  ZJ_ASSIGN_OR_RETURN(auto names, category_names_.Of(conn, row.category_code, clock_.NowMs()));
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, row.org_id));
  TrackedRequest t;
  t.tracking_number = row.tracking_number;
  t.category_zh = std::move(names.zh);
  t.category_en = std::move(names.en);
  t.title = row.title;
  t.status = row.status;
  t.org_name = org ? org->name : "";
  t.created_at = row.created_at;
  t.resolved_at = row.resolved_at;
  t.resolution = row.resolution;
  t.rating = row.rating;
  const std::int64_t now = clock_.NowMs();
  t.may_rate = row.status == "resolved" && !row.rating && row.resolved_at &&
               requests::MayReopen(*row.resolved_at, now);
  t.may_reopen = t.may_rate;
  const auto status = requests::ParseStatus(row.status);
  t.may_withdraw = status && requests::IsOpen(*status);
  ZJ_ASSIGN_OR_RETURN(auto events, store::RequestEvents(conn, row.id, false));
  for (auto& e : events) {
    e.actor_name.clear();  // the worker sees the org, not the person
    e.actor_id.reset();
    t.events.push_back(std::move(e));
  }
  return t;
}

Result<RequestView> RequestService::ViewOf(store::Connection& conn, store::RequestRow row_in,
                                           bool with_events) {
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
  if (with_events) {
    ZJ_ASSIGN_OR_RETURN(v.events, store::RequestEvents(conn, row.id, true));
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

Result<void> RequestService::Move(store::Connection& conn, store::RequestRow& row,
                                  requests::Action action, requests::Party party,
                                  std::optional<std::int64_t> actor_id, const std::string& body) {
  const auto from = requests::ParseStatus(row.status);
  const auto to = from ? requests::NextStatus(*from, action, party) : std::nullopt;
  if (!to) return Fail(Conflict(row.status, action));
  const std::int64_t now = clock_.NowMs();
  // The dashboard's counters move with the request (same transaction). On time means within
  // the deadlines and never escalated: an escalation is a lapsed deadline, and the org above
  // acting at once on its fresh deadlines does not make the request timely (every escalated
  // request counted late, not on time).
  requests::StatsDelta counted;
  const bool never_late = row.escalations == 0;
  const bool accepting = !row.accepted_at && (action == requests::Action::kAccept ||
                                              action == requests::Action::kContact ||
                                              action == requests::Action::kResolve);
  if (accepting) {
    counted.accepted = 1;
    counted.accepted_on_time = never_late && now <= row.accept_by ? 1 : 0;
  }
  if (action == requests::Action::kResolve) {
    counted.resolved = 1;
    counted.resolved_on_time = never_late && now <= row.resolve_by ? 1 : 0;
    counted.resolved_within[requests::ResolveBucket(now - row.created_at)] = 1;
  }
  if (action == requests::Action::kReopen && row.resolved_at) {  // the resolution is undone
    counted.reopened = 1;
    counted.resolved = -1;
    counted.resolved_on_time = never_late && *row.resolved_at <= row.resolve_by ? -1 : 0;
    counted.resolved_within[requests::ResolveBucket(*row.resolved_at - row.created_at)] = -1;
  }
  ZJ_RETURN_IF_ERROR(Count(conn, row, counted));
  switch (action) {
    case requests::Action::kAccept:
      row.accepted_at = now;
      break;
    case requests::Action::kContact:
      if (!row.accepted_at) row.accepted_at = now;
      row.contacted_at = now;
      break;
    case requests::Action::kResolve:
      if (!row.accepted_at) row.accepted_at = now;
      if (!row.contacted_at) row.contacted_at = now;
      row.resolved_at = now;
      row.resolution = body;
      break;
    case requests::Action::kClose:
      row.closed_at = now;
      break;
    default:
      break;
  }
  const std::string before = row.status;
  row.status = std::string(requests::StatusName(*to));
  row.updated_at = now;
  RefreshNextDue(row);
  return AddEvent(conn, row, actor_id, StatusEvent(before, row.status, std::nullopt, body));
}

Result<void> RequestService::Count(store::Connection& conn, const store::RequestRow& r,
                                   const requests::StatsDelta& delta) {
  return store::AddRequestStats(conn, OrgPath::FromStored(r.home_path).Ids(),
                                requests::WeekOf(r.created_at), r.category_code, r.federation_id,
                                delta);
}

Result<void> RequestService::Notify(store::Connection& conn, const store::OrgRow& org,
                                    const std::string& key, const store::RequestRow& r) {
  const i18n::Args args{{"title", r.title},
                        {"number", r.tracking_number},
                        {"org", org.name},
                        {"priority", r.priority == "urgent" ? "紧急" : "普通"},
                        {"accept_by", DeadlineDay(r.accept_by)},
                        {"escalations", std::to_string(r.escalations)}};
  const Message message{RecipientOf(org),
                        i18n::Translate(i18n::Locale::kZhCN, key + ".subject", args),
                        i18n::Translate(i18n::Locale::kZhCN, key + ".body", args)};
  return EnqueueNotification(conn, clock_, random_, "org", message);
}

Result<void> RequestService::AddEvent(store::Connection& conn, const store::RequestRow& row,
                                      std::optional<std::int64_t> actor_id,
                                      store::RequestEventRow event) {
  event.id = NewId(clock_, random_);
  event.federation_id = row.federation_id;
  event.request_id = row.id;
  event.at = clock_.NowMs();
  event.actor_id = actor_id;
  return store::InsertRequestEvent(conn, event);
}

}  // namespace zj::app
