#include "http/request_json.h"

#include "core/requests/request_flow.h"
#include "core/requests/service_deadlines.h"
#include "http/route.h"

namespace zj::http {

namespace {

//! A request's category as lists and details show it: {code, name in the caller's language}.
void CategoryRef(JsonWriter& w, const std::string& code, const std::string& zh,
                 const std::string& en, i18n::Locale locale) {
  w.Object().Key("code").Str(code).Key("name").Str(Localized(zh, en, locale)).EndObject();
}

void RequestSummaryFields(JsonWriter& w, const app::RequestView& v, i18n::Locale locale) {
  const auto& r = v.row;
  w.Key("id").Id(r.id);
  w.Key("tracking_number").Str(r.tracking_number);
  w.Key("channel").Str(r.channel);
  w.Key("category");
  CategoryRef(w, r.category_code, v.category_zh, v.category_en, locale);
  w.Key("priority").Str(r.priority);
  w.Key("status").Str(r.status);
  w.Key("title").Str(r.title);
  w.Key("org").Object().Key("id").Id(r.org_id).Key("name").Str(r.org_name).EndObject();
  w.Key("contact_name").Str(r.contact_name);
  w.Key("phone_masked").Str(v.phone_masked);
  w.Key("created_at").Int(r.created_at);
  w.Key("next_due").OptInt(r.next_due);
  w.Key("next_milestone");
  if (v.next_milestone) {
    w.Str(requests::MilestoneName(*v.next_milestone));
  } else {
    w.Null();
  }
  w.Key("escalations").Int(r.escalations);
}

void FollowUpFields(JsonWriter& w, const store::FollowUpItem& item) {
  const auto& f = item.follow_up;
  w.Key("id").Id(f.id);
  w.Key("request_id").Id(f.request_id);
  w.Key("reason").Str(f.reason);
  w.Key("org").Object().Key("id").Id(f.org_id).Key("name").Str(item.org_name).EndObject();
  w.Key("created_at").Int(f.created_at);
  w.Key("done_at").OptInt(f.done_at);
  w.Key("done_by_name").StrOrNull(item.done_by_name);
  w.Key("note").OptStr(f.note);
}

}  // namespace

void WriteRequestRef(JsonWriter& w, const std::optional<app::RequestRef>& ref) {
  if (!ref) {
    w.Null();
    return;
  }
  w.Object().Key("id").Id(ref->id).Key("tracking_number").Str(ref->tracking_number).EndObject();
}

void WriteRequestSummary(JsonWriter& w, const app::RequestView& v, i18n::Locale locale) {
  w.Object();
  RequestSummaryFields(w, v, locale);
  w.EndObject();
}

void WriteRequestDetail(JsonWriter& w, const app::RequestView& v, i18n::Locale locale) {
  const auto& r = v.row;
  w.Object();
  RequestSummaryFields(w, v, locale);
  w.Key("description").Str(r.description);
  w.Key("employer");
  if (r.employer_id || r.employer_name) {
    w.Object().Key("id").OptId(r.employer_id).Key("name").Str(r.employer_name.value_or(""));
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("region_code").OptStr(r.region_code);
  w.Key("member_id").OptId(r.member_id);
  w.Key("deadlines").Object();
  w.Key("accept_by").Int(r.accept_by).Key("contact_by").Int(r.contact_by);
  w.Key("resolve_by").Int(r.resolve_by);
  w.EndObject();
  w.Key("accepted_at").OptInt(r.accepted_at);
  w.Key("contacted_at").OptInt(r.contacted_at);
  w.Key("resolved_at").OptInt(r.resolved_at);
  w.Key("closed_at").OptInt(r.closed_at);
  w.Key("resolution").OptStr(r.resolution);
  w.Key("rating").OptInt(r.rating);
  w.Key("rating_comment").OptStr(r.rating_comment);
  w.Key("milestones").Array();
  for (const auto& m : v.milestones) {
    w.Object();
    w.Key("milestone").Str(requests::MilestoneName(m.milestone));
    w.Key("due").Int(m.due);
    w.Key("reached_at").OptInt(m.reached_at);
    w.Key("state").Str(requests::MilestoneStateName(m.state));
    w.EndObject();
  }
  w.EndArray();
  w.Key("allowed_actions").Array();
  for (const std::string_view step : v.offered_steps) w.Str(step);
  w.EndArray();
  w.Key("links").Array();
  for (const auto& l : v.links) {
    w.Object().Key("kind").Str(l.target_kind).Key("id").Id(l.target_id);
    w.Key("created_at").Int(l.created_at).EndObject();
  }
  w.EndArray();
  w.Key("follow_up");
  if (v.follow_up) {
    w.Object();
    FollowUpFields(w, *v.follow_up);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("events").Array();
  for (const auto& e : v.events) {
    w.Object();
    w.Key("id").Id(e.id);
    w.Key("at").Int(e.at);
    w.Key("kind").Str(e.kind);
    w.Key("from_status").OptStr(e.from_status);
    w.Key("to_status").OptStr(e.to_status);
    w.Key("org_name").StrOrNull(e.org_name);
    w.Key("actor_name").StrOrNull(e.actor_name);
    w.Key("internal").Bool(e.internal);
    w.Key("body").OptStr(e.body);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteFollowUpEntry(JsonWriter& w, const app::FollowUpEntry& e, i18n::Locale locale) {
  w.Object();
  FollowUpFields(w, e.item);
  w.Key("tracking_number").Str(e.item.tracking_number);
  w.Key("title").Str(e.item.title);
  w.Key("category");
  CategoryRef(w, e.item.category_code, e.category_zh, e.category_en, locale);
  w.Key("rating").OptInt(e.item.rating);
  w.Key("rating_comment").OptStr(e.item.rating_comment);
  w.EndObject();
}

const std::string& Localized(const std::string& zh, const std::string& en, i18n::Locale locale) {
  return locale == i18n::Locale::kEn ? en : zh;
}

nlohmann::json CategoryJson(const store::CategoryRow& c, i18n::Locale locale) {
  return {{"code", c.code},
          {"parent_code", c.parent_code ? nlohmann::json(*c.parent_code) : nlohmann::json(nullptr)},
          {"name", Localized(c.name_zh, c.name_en, locale)},
          {"name_zh", c.name_zh},
          {"name_en", c.name_en},
          {"lowest_level", c.lowest_level},
          {"accept_days", c.accept_days},
          {"contact_days", c.contact_days},
          {"resolve_days", c.resolve_days},
          {"active", c.active}};
}

app::NewRequest NewRequestFrom(const nlohmann::json& body, Error& invalid) {
  app::NewRequest in;
  // Missing texts are left to the use case, which names every empty field at once.
  in.category = OptionalString(body, "category", invalid).value_or("");
  in.title = OptionalString(body, "title", invalid).value_or("");
  in.description = OptionalString(body, "description", invalid).value_or("");
  in.contact_name = OptionalString(body, "contact_name", invalid).value_or("");
  in.contact_phone = OptionalString(body, "contact_phone", invalid).value_or("");
  in.employer_id = OptionalId(body, "employer_id", invalid);
  in.employer_name = OptionalString(body, "employer_name", invalid);
  if (auto region = OptionalString(body, "region_code", invalid); region && !region->empty()) {
    in.region_code = region;
  }
  return in;
}

}  // namespace zj::http
