#include "http/request_json.h"

#include "http/route.h"

namespace zj::http {

std::string CategoryName(const app::RequestView& v, i18n::Locale locale) {
  return locale == i18n::Locale::kEn ? v.category_en : v.category_zh;
}

nlohmann::json CategoryJson(const store::CategoryRow& c, i18n::Locale locale) {
  return {{"code", c.code},
          {"parent_code", c.parent_code ? nlohmann::json(*c.parent_code) : nlohmann::json(nullptr)},
          {"name", locale == i18n::Locale::kEn ? c.name_en : c.name_zh},
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
