// Intake: the portal's look-ups of employers and streets, and recording a request from any
// channel with its routing, deadlines, history, counters and the handling org's notification.
#include <algorithm>

#include "app/coverage/rollups.h"
#include "app/orgs/org_scope.h"
#include "app/regions/embedded_regions.h"
#include "app/requests/request_internal.h"
#include "app/requests/request_service.h"
#include "core/orgs/org_fields.h"
#include "core/personal_data/phone.h"
#include "core/requests/routing.h"
#include "core/requests/service_stats.h"
#include "core/requests/tracking_number.h"
#include "core/text/halfwidth.h"
#include "core/text/person_name.h"
#include "store/enterprises.h"
#include "store/served_marks.h"

namespace zj::app {

using namespace requests_internal;  // NOLINT(google-build-using-namespace): this module's own

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
  if (actor && IsWorker(*actor)) {
    // A signed-in worker's request names the account and, once bound, the membership.
    r.requester_worker_id = actor->worker_id;
    r.member_id = actor->member_id;
  }
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

}  // namespace zj::app
