// My data on both stores: what a signed-in worker is shown and downloads is exactly their own —
// their account, their member record, their bindings and their requests — with phone and ID
// numbers masked and nothing of another worker or member; each access is an audit entry of the
// worker's own, with its purpose.
#include "app/requests/request_service.h"
#include "store/orgs.h"
#include "worker_fixture.h"

namespace zj::test {
namespace {

constexpr const char* kPhone = "13912345678";
constexpr const char* kOtherPhone = "13787654321";

class MyDataTest : public WorkerRequestsTest {
 protected:
  std::string Submit(const app::Actor& worker, const std::string& title,
                     const std::string& description, const std::string& phone) {
    app::NewRequest r = Request(title, phone);
    r.description = description;
    r.contact_name = worker.display_name.empty() ? "职工" : worker.display_name;
    return SubmitRequest(worker, r).row.tracking_number;
  }

  //! Every text of a copy of My data, one per line: what a download would hold.
  static std::string Text(const app::MyData& d) {
    std::string out = d.phone_masked + "\n";
    if (d.member) {
      const auto& m = *d.member;
      for (const std::string* s : {&m.name, &m.card_number, &m.id_number_masked, &m.gender,
                                   &m.birth_date, &m.union_name, &m.status}) {
        out += *s + "\n";
      }
      out += m.phone_masked.value_or("") + "\n" + m.employer.value_or("") + "\n";
    }
    for (const auto& b : d.bindings) out += b.member_name + "\n" + b.union_name + "\n";
    for (const auto& r : d.requests) {
      out += r.tracked.tracking_number + "\n" + r.tracked.title + "\n" + r.description + "\n" +
             r.contact_name + "\n" + r.contact_phone_masked + "\n";
      for (const auto& e : r.tracked.events) out += e.body.value_or("") + "\n";
    }
    for (const auto& s : d.sessions) out += s.remote_addr + "\n";
    return out;
  }

  std::int64_t AuditEntries(const std::string& worker_id, const std::string& purpose) {
    static constexpr store::Sql kCount{
        "test.my_data.audit",
        "SELECT COUNT(*) FROM audit_log WHERE action = 'worker.my_data'"
        " AND target_id = $1 AND detail LIKE $2"};
    auto lease = db_->Acquire();
    EXPECT_TRUE(lease.has_value());
    if (!lease) return -1;
    auto rows = (**lease).Query(kCount, Params(worker_id, "%\"" + purpose + "\"%"));
    EXPECT_TRUE(rows.has_value());
    return rows ? rows->at(0).Int(0) : -1;
  }
};

TEST_P(MyDataTest, TheCopyHoldsTheWorkersOwnDataAndNothingOfOthers) {
  const app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  const app::Actor other = BoundWorker(kOtherPhone, "李秀英", 12);
  const std::string own1 = Submit(mine, "工资拖欠", "车间八月起未发工资", kPhone);
  const std::string own2 = Submit(mine, "加班费", "周末加班没有加班费", kPhone);
  const std::string theirs = Submit(other, "社保断缴", "公司三个月没交社保", kOtherPhone);

  auto data = app_->my_data().Of(mine, "json");
  ASSERT_OK(data);
  ASSERT_TRUE(data->member.has_value());
  EXPECT_EQ(data->member->name, "张晓林");
  EXPECT_EQ(data->member->union_name, "甲公司工会");
  EXPECT_EQ(data->phone_masked, "139****5678");
  std::vector<std::string> tracking;
  for (const auto& r : data->requests) tracking.push_back(r.tracked.tracking_number);
  EXPECT_EQ(tracking, (std::vector<std::string>{own2, own1})) << "newest first, only mine";
  ASSERT_EQ(data->requests.size(), 2u);
  EXPECT_EQ(data->requests[1].description, "车间八月起未发工资");
  EXPECT_EQ(data->requests[1].contact_phone_masked, "139****5678");
  EXPECT_FALSE(data->requests[1].tracked.events.empty()) << "with the timeline";
  EXPECT_FALSE(data->sessions.empty());

  const std::string text = Text(*data);
  const std::string mine_id = MakeIdNumber("110101", "19900307", 11);
  EXPECT_NE(text.find(mine_id.substr(14)), std::string::npos) << "the ID's last four, masked";
  // Nothing in full, nothing of the other worker or member.
  for (const std::string& absent :
       {std::string(kPhone), mine_id, std::string(kOtherPhone), std::string("137****4321"),
        std::string("李秀英"), MakeIdNumber("110101", "19900307", 12), theirs,
        std::string("社保断缴"), std::string("公司三个月没交社保")}) {
    EXPECT_EQ(text.find(absent), std::string::npos) << absent << " in\n" << text;
  }
  auto other_data = app_->my_data().Of(other, "view");
  ASSERT_OK(other_data);
  ASSERT_TRUE(other_data->member.has_value());
  EXPECT_NE(other_data->member->card_number, data->member->card_number);
  ASSERT_EQ(other_data->requests.size(), 1u);
  EXPECT_EQ(other_data->requests[0].tracked.tracking_number, theirs);
}

TEST_P(MyDataTest, AnUnboundWorkerSeesTheAccountAndTheBindingAsked) {
  // The member's stored phone is another: the binding waits for the union.
  MemberWithPhone("王建国", 21, "13600002222");
  const auto grant = SignIn(kPhone);
  auto asked = app_->bindings().Bind(grant.actor, "王建国", MakeIdNumber("110101", "19900307", 21),
                                     "192.0.2.10");
  ASSERT_OK(asked);
  ASSERT_EQ(asked->state, "pending");
  auto data = app_->my_data().Of(grant.actor, "view");
  ASSERT_OK(data);
  EXPECT_FALSE(data->member.has_value()) << "not theirs until the union approves";
  ASSERT_EQ(data->bindings.size(), 1u);
  EXPECT_EQ(data->bindings[0].state, "pending");
  EXPECT_EQ(data->bindings[0].member_name, "王建国");
  EXPECT_TRUE(data->requests.empty());
}

TEST_P(MyDataTest, EveryAccessIsAuditedAsTheWorkersOwnAndStaffHaveNone) {
  const app::Actor mine = BoundWorker(kPhone, "张晓林", 11);
  const std::string id = std::to_string(*mine.worker_id);
  ASSERT_OK(app_->my_data().Of(mine, "view"));
  ASSERT_OK(app_->my_data().Of(mine, "html"));
  ASSERT_OK(app_->my_data().Of(mine, "html"));
  EXPECT_EQ(AuditEntries(id, "view"), 1);
  EXPECT_EQ(AuditEntries(id, "html"), 2);
  EXPECT_EQ(AuditEntries(id, "json"), 0);
  ExpectError(app_->my_data().Of(staff_a_, "view"), ErrorCode::kPermissionDenied,
              "error.forbidden");
}

ZJ_INSTANTIATE_ON_BOTH_STORES(MyDataTest);

}  // namespace
}  // namespace zj::test
