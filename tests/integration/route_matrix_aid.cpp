// The role × route matrix's aid world (issue 20): the federation's festival rule (a fixed ¥500
// for a 深度 household), approval limits that leave ¥500 to the grassroots, and a budget for
// each district; grants to new files of a side's union1, proposed or approved by the side's
// builder (staff of the district); a new file with its bank card recorded, and one with a PDF
// attached.
#include "app/attachments/attachments.h"
#include "core/orgs/org_path.h"
#include "hardship_active.h"
#include "route_matrix_world.h"

namespace zj::test {

void RouteMatrixTest::LoadAidRules() {
  const std::int64_t root = OrgPath::FromStored(district_a_.path).Ids().front();
  const app::Actor system = app::SystemActor();
  auto rule = app_->aid_rules().LoadRule(
      system, {root, 2026, "festival", "deep", "fixed", 0, 50000, 0, std::nullopt, "household"});
  EXPECT_TRUE(rule.has_value()) << Describe(rule.error());
  auto limit = app_->aid_rules().LoadLimit(system, {root, "festival", "grassroots", 100000});
  EXPECT_TRUE(limit.has_value()) << Describe(limit.error());
  for (const auto* d : {&district_a_, &district_b_}) {
    auto budget = app_->aid_rules().LoadBudget(system, {d->id, 2026, "festival", 100'000'000});
    EXPECT_TRUE(budget.has_value()) << Describe(budget.error());
  }
}

std::int64_t RouteMatrixTest::NewOpenFile(const Place& p) {
  app::NewHardshipFile f;
  f.org_id = p.union1;
  f.year = 2026;
  f.main_cause = "illness";
  f.household.push_back({"self", "王秀英", NewIdNumber(), 0, std::nullopt});
  auto opened = app_->hardship().Open(p.builder, f);
  EXPECT_TRUE(opened.has_value()) << Describe(opened.error());
  if (opened) ActivateHardshipFile(*db_, opened->file.row.id);  // aid goes to active files
  return opened ? opened->file.row.id : 0;
}

std::int64_t RouteMatrixTest::NewAidGrant(const Place& p, bool approved) {
  auto proposed = app_->aid().Propose(p.builder, {NewOpenFile(p), "festival", "2026", {}, 0, 0});
  EXPECT_TRUE(proposed.has_value()) << Describe(proposed.error());
  if (!proposed) return 0;
  const std::int64_t id = proposed->grant.row.id;
  if (approved) {
    auto done = app_->aid().Approve(p.builder, id);
    EXPECT_TRUE(done.has_value()) << Describe(done.error());
  }
  return id;
}

void RouteMatrixTest::DefineAidPlaceholders() {
  auto& f = placeholders_;
  f["aid_grant"] = [](const Place& p, Side, const Caller&) { return std::to_string(p.aid_grant); };
  f["new_active_file"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewOpenFile(p));
  };
  f["new_aid_grant"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewAidGrant(p, false));
  };
  f["new_approved_aid_grant"] = [this](const Place& p, Side, const Caller&) {
    return std::to_string(NewAidGrant(p, true));
  };
  // A new file of the side with a bank card recorded (the card's reveal needs one).
  f["new_carded_file"] = [this](const Place& p, Side, const Caller&) {
    const std::int64_t file = NewOpenFile(p);
    auto card =
        app_->hardship_bank_cards().Set(p.builder, file, "中国工商银行", "6222020200112233");
    EXPECT_TRUE(card.has_value()) << Describe(card.error());
    return std::to_string(file);
  };
  // A new file of the side with a PDF attached by the side's builder.
  f["new_attachment"] = [this](const Place& p, Side, const Caller&) {
    const std::int64_t file = NewOpenFile(p);
    app::Attachments attachments(*db_, clock_, app_->audit(), app_->vault());
    auto added = attachments.Add(p.builder, {app::kHardshipFileOwner, file, ""}, "诊断书.pdf",
                                 "%PDF-1.4 route matrix");
    EXPECT_TRUE(added.has_value()) << Describe(added.error());
    return std::to_string(added ? added->id : 0);
  };
}

}  // namespace zj::test
