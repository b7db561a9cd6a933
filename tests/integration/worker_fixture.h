// A fixture for workers' own accounts: the member registry's fixture (two unions, staff of two
// districts) plus a recording SMS sender, so a test reads the code a worker was sent the way the
// log sender would show it, and helpers that sign a phone in.
#pragma once

#include <string>
#include <vector>

#include "app/notify/sms_outbox.h"
#include "app/requests/request_service.h"
#include "members_fixture.h"

namespace zj::test {

//! Keeps every text message handed to it; fails the next `fail_next` hand-overs.
class RecordingSms final : public app::SmsSender {
 public:
  Result<void> Send(const app::TextMessage& message) override {
    if (fail_next > 0) {
      --fail_next;
      return Fail(ErrorCode::kUnavailable, "error.sms.unavailable", "gateway down");
    }
    sent.push_back(message);
    return {};
  }
  int fail_next = 0;
  std::vector<app::TextMessage> sent;
};

class WorkerTest : public MembersTest {
 protected:
  //! Asks for a code for `phone` from `from` and delivers the outbox; the code sent, or "".
  std::string CodeFor(const std::string& phone, const std::string& from = "192.0.2.10") {
    auto sent = app_->sign_in().RequestCode(phone, from);
    EXPECT_TRUE(sent.has_value()) << Describe(sent.error());
    if (!sent) return "";
    return Deliver(phone);
  }

  //! Delivers due text messages; the code of the last one sent to `phone`, or "".
  std::string Deliver(const std::string& phone) {
    auto report = app::DeliverSms(*db_, clock_, app_->vault(), sms_);
    EXPECT_TRUE(report.has_value()) << Describe(report.error());
    for (auto it = sms_.sent.rbegin(); it != sms_.sent.rend(); ++it) {
      if (it->phone == phone) return it->code;
    }
    return "";
  }

  //! Signs `phone` in with a fresh code; fails the test when that fails.
  app::WorkerSessionGrant SignIn(const std::string& phone) {
    const std::string code = CodeFor(phone);
    auto grant = app_->sign_in().SignIn(phone, code, "192.0.2.10");
    EXPECT_TRUE(grant.has_value()) << Describe(grant.error());
    return grant ? *grant : app::WorkerSessionGrant{};
  }

  //! A member of union A with `phone` (or none).
  app::MemberView MemberWithPhone(const std::string& name, int sequence,
                                  const std::optional<std::string>& phone) {
    app::NewMember m = Person(union_a_, name, sequence);
    m.phone = phone;
    return Create(staff_a_, m);
  }

  //! A worker signed in with `phone` and bound to a new member of union A with that phone.
  app::Actor BoundWorker(const std::string& phone, const std::string& name, int sequence) {
    MemberWithPhone(name, sequence, phone);
    const auto grant = SignIn(phone);
    auto bound = app_->bindings().Bind(grant.actor, name,
                                       MakeIdNumber("110101", "19900307", sequence), "192.0.2.10");
    EXPECT_TRUE(bound.has_value() && bound->state == "bound");
    auto session = app_->sign_in().Authenticate(grant.token);
    EXPECT_TRUE(session.has_value());
    return session ? session->actor : grant.actor;
  }

  RecordingSms sms_;
};

//! WorkerTest with what a worker's request tests need: the region code of union A's street (where
//! a portal request is filed), that street's cadre, and portal requests to submit.
class WorkerRequestsTest : public WorkerTest {
 protected:
  void SetUp() override {
    WorkerTest::SetUp();
    if (HasFatalFailure()) return;
    auto lease = db_->Acquire();
    ASSERT_OK(lease);
    auto street = store::FindOrgById(**lease, street_a_.id);
    ASSERT_OK(street);
    ASSERT_TRUE(street->has_value() && (*street)->region_code);
    street_code_ = *(*street)->region_code;
    cadre_a_ = MakeUser("cadre-a", "cadre", street_a_);
  }

  //! A portal request about wage arrears in union A's street, with the contact's phone.
  app::NewRequest Request(const std::string& title, const std::string& phone) {
    app::NewRequest r;
    r.channel = "portal";
    r.category = "rights.wage_arrears";
    r.title = title;
    r.description = "车间 12 人，8 月起未发工资";
    r.contact_name = "王师傅";
    r.contact_phone = phone;
    r.region_code = street_code_;
    return r;
  }

  //! Submits `r` as `actor` (nullopt: anonymously, from the portal).
  app::RequestView SubmitRequest(const std::optional<app::Actor>& actor, const app::NewRequest& r) {
    auto v = app_->requests().Submit(actor, r, "192.0.2.20");
    EXPECT_TRUE(v.has_value()) << Describe(v.error());
    return v ? *v : app::RequestView{};
  }

  std::string street_code_;
  app::Actor cadre_a_;
};

}  // namespace zj::test
