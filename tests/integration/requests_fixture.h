// The fixture of the service-request use-case tests (requests_test.cpp,
// request_handling_test.cpp): the coverage tree with a union in district A's first street, an
// employer it covers and one without a union, the union's cadre and the street's staff, and a
// wage-arrears request to submit.
#pragma once

#include <memory>
#include <string>

#include "app/calendar/builtin_calendars.h"
#include "app/requests/request_service.h"
#include "coverage_fixture.h"

namespace zj::test {

inline constexpr std::int64_t kHour = 3600LL * 1000;
inline constexpr std::int64_t kDay = 24 * kHour;

class RequestsTest : public CoverageTest {
 protected:
  void SetUp() override {
    CoverageTest::SetUp();
    if (HasFatalFailure()) return;
    requests_ = std::make_unique<app::RequestService>(*db_, clock_, random_, app_->audit(),
                                                      app_->vault(), calendars_);
    union_ = AddUnion("U-REQ-1", streets_a_[0].id);
    unionised_ = AddEnterprise(Enterprise(1, streets_a_[0].code, 300, union_.org.id));
    bare_ = AddEnterprise(Enterprise(2, streets_a_[1].code, 80));
    cadre_ = MakeUser("cadre.u", "cadre", OrgRef{union_.org.id, union_.org.path, union_.org.name});
    street_staff_ = MakeUser("staff.street", "staff",
                             OrgRef{streets_a_[0].id, PathOf(streets_a_[0].id), "street"});
  }

  std::string PathOf(std::int64_t org_id) {
    auto lease = db_->Acquire();
    auto org = store::FindOrgById(**lease, org_id);
    return org && *org ? (*org)->path : "";
  }

  app::NewRequest WageArrears() {
    app::NewRequest r;
    r.channel = "portal";
    r.category = "rights.wage_arrears";
    r.title = "三个月工资未发";
    r.description = "车间 12 人，<b>8 月起</b>未发工资";
    r.contact_name = "王师傅";
    r.contact_phone = "13912345678";
    r.employer_id = unionised_.row.id;
    return r;
  }

  app::CalendarBook calendars_;
  std::unique_ptr<app::RequestService> requests_;
  app::OrgView union_;
  app::EnterpriseView unionised_, bare_;
  app::Actor cadre_, street_staff_;
};

}  // namespace zj::test
