// The demo's first days in service (demo_history.h): the unions of 东华门街道 and of one street
// each in the rest of 东城 and in 西城 found unions in their largest enterprises that have none
// (the founding list first), through the org and enterprise use cases, so the demo cadre has
// several unions to keep rosters for (the generated tree gives 东华门 only its joint union).
#include <algorithm>

#include "app/demo/demo_history_parts.h"
#include "core/members/calendar_date.h"

namespace zj::app::demo {

namespace {

//! Up to `count` unions founded in the largest enterprises of `street` without one of their own.
Result<void> FoundIn(World& w, const store::OrgRow& street, int count, std::int64_t at) {
  std::vector<const store::EnterpriseRow*> candidates;
  for (const auto& e : w.enterprises) {
    const bool own_union = e.union_org_id && *e.union_org_id != street.id &&
                           w.Org(*e.union_org_id) != nullptr &&
                           !w.Org(*e.union_org_id)->code.ends_with("-J");
    if (e.region_code == street.region_code && !own_union) candidates.push_back(&e);
  }
  std::sort(candidates.begin(), candidates.end(), [](auto* a, auto* b) {
    return a->employees != b->employees ? a->employees > b->employees : a->uscc < b->uscc;
  });
  const Actor& staff =
      w.HandlerFor(street.path).role == "cadre" ? w.dongcheng_staff : w.HandlerFor(street.path);
  for (int i = 0; i < count && i < static_cast<int>(candidates.size()); ++i) {
    const store::EnterpriseRow& e = *candidates[i];
    w.clock.Set(at + kMinuteMs * 40 * i);
    NewOrg org;
    org.code = "U" + e.uscc.substr(8, 9);
    org.name = e.name.substr(0, e.name.find("（")) + "工会";
    org.kind = "grassroots";
    org.parent_id = street.id;
    org.region_code = street.region_code;
    org.founded_on = members::FormatDate(World::DayOf(w.clock.NowMs()));
    org.chair = w.people.Name(w.people.Chance(0.5));
    auto founded = w.app.orgs().Create(staff, org);
    if (!founded && founded.error().code == ErrorCode::kAlreadyExists) continue;  // a rerun
    if (!founded) return Fail(std::move(founded).error());
    EnterprisePatch patch;
    patch.union_set = true;
    patch.union_org_id = founded->org.id;
    ZJ_RETURN_IF_ERROR(w.app.enterprises().Update(w.HandlerFor(street.path), e.id, patch));
  }
  return {};
}

}  // namespace

Result<void> FoundUnions(World& w) {
  const std::int64_t at = World::At(w.WorkingDay(w.start_ms, 2), 10 * 60);
  ZJ_RETURN_IF_ERROR(FoundIn(w, w.donghuamen, 3, at));
  for (const store::OrgRow* district : {&w.dongcheng, &w.xicheng}) {
    const store::OrgRow* first = nullptr;
    for (const auto& o : w.orgs) {
      if (o.kind == "street" && o.parent_id == district->id && o.id != w.donghuamen.id &&
          (first == nullptr || o.code < first->code)) {
        first = &o;
      }
    }
    if (first != nullptr) ZJ_RETURN_IF_ERROR(FoundIn(w, *first, 1, at + 3 * kHourMs));
  }
  return {};
}

}  // namespace zj::app::demo
