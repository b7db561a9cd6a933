// Innovation studios (创新工作室, issue 22): created for an org of the actor's subtree and led by a
// member under that org; funded a year at a time within their funding years (core FundingYear).
#include "app/beijing_day.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/talent/talent_service.h"
#include "core/orgs/org_path.h"
#include "store/members.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

std::size_t Chars(const std::string& text) {
  std::size_t n = 0;
  for (const unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

void CheckText(Error& e, const std::string& field, const std::string& text, std::size_t max) {
  if (text.empty()) {
    e.fields.push_back({field, "error.field.required", {}});
  } else if (Chars(text) > max) {
    e.fields.push_back({field, "error.field.too_long", {{"max", std::to_string(max)}}});
  }
}

void CheckRange(Error& e, const std::string& field, std::int64_t v, std::int64_t min,
                std::int64_t max) {
  if (v < min || v > max) {
    e.fields.push_back({field,
                        "error.field.out_of_range",
                        {{"min", std::to_string(min)}, {"max", std::to_string(max)}}});
  }
}

int ThisYear(const Clock& clock) { return std::stoi(BeijingDay(clock.NowMs()).substr(0, 4)); }

Error StudioNotFound(std::int64_t id) {
  return Error{ErrorCode::kNotFound, "error.not_found", "studio " + std::to_string(id), {}, {}};
}

//! Staff and administrators record funding (the federation's money); cadres run studios.
Result<void> MustFund(const Actor& actor) {
  if (!IsWorker(actor) && (actor.role == "admin" || actor.role == "staff")) return {};
  return Fail(ErrorCode::kPermissionDenied, "error.talent.forbidden",
              actor.role + " does not fund studios");
}

}  // namespace

Result<StudioView> TalentService::StudioViewOf(store::Connection& conn, store::StudioRow row) {
  StudioView v;
  ZJ_ASSIGN_OR_RETURN(v.funding, store::FundingOfStudio(conn, row.id));
  if (row.funding_first_year) {
    const talent::StudioFunding funding{*row.funding_first_year, row.funding_years,
                                        row.funding_amount_fen};
    v.funding_year_now = talent::FundingYear(funding, ThisYear(clock_));
  }
  v.row = std::move(row);
  return v;
}

Result<StudioView> TalentService::CreateStudio(const Actor& actor, const NewStudio& in) {
  ZJ_RETURN_IF_ERROR(MustKeepTalent(actor));
  const int this_year = ThisYear(clock_);
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "studio", {}, {}};
  CheckText(e, "name", in.name, 100);
  CheckText(e, "trade", in.trade, 40);
  if (in.org_id == 0) e.fields.push_back({"org_id", "error.field.required", {}});
  if (in.lead_member_id == 0) e.fields.push_back({"lead_member_id", "error.field.required", {}});
  CheckRange(e, "founded_year", in.founded_year, 1949, this_year);
  if (in.funding_first_year) {
    CheckRange(e, "funding_first_year", *in.funding_first_year, 1949, this_year + 1);
  }
  CheckRange(e, "funding_years", in.funding_years, 1, 10);
  CheckRange(e, "funding_amount_fen", in.funding_amount_fen, 0, 1'000'000'000);
  if (!e.fields.empty()) return Fail(std::move(e));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<StudioView> {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(c, actor, in.org_id, "org_id"));
    ZJ_ASSIGN_OR_RETURN(auto lead, store::FindMemberById(c, in.lead_member_id));
    if (!lead || !PathInScope(actor, lead->org_path)) {
      Error nf = MemberNotFound(in.lead_member_id);
      nf.fields.push_back({"lead_member_id", "error.not_found", {}});
      return Fail(std::move(nf));
    }
    if (!OrgPath::FromStored(org.path).Contains(OrgPath::FromStored(lead->org_path))) {
      return Fail(FieldProblem("lead_member_id", "error.talent.lead_outside"));
    }
    store::StudioRow row;
    row.id = NewId(clock_, random_);
    row.federation_id = org.federation_id;
    row.org_id = org.id;
    row.org_path = org.path;
    row.name = in.name;
    row.lead_member_id = lead->id;
    row.trade = in.trade;
    row.founded_year = in.founded_year;
    row.funding_first_year = in.funding_first_year;
    row.funding_years = in.funding_years;
    row.funding_amount_fen = in.funding_amount_fen;
    if (actor.user_id != 0) row.created_by = actor.user_id;
    row.created_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertStudio(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "talent.studio.create", "studio", row.id,
                             {{"org_id", std::to_string(org.id)}}));
    ZJ_ASSIGN_OR_RETURN(auto stored, store::FindStudio(c, row.id));
    if (!stored) return Fail(StudioNotFound(row.id));
    return StudioViewOf(c, std::move(*stored));
  });
}

Result<StudioPage> TalentService::Studios(const Actor& actor, std::optional<std::int64_t> org_id,
                                          std::int64_t before_id, int limit) {
  ZJ_RETURN_IF_ERROR(MustKeepTalent(actor));
  if (limit < 1 || limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.out_of_range", {{"min", "1"}, {"max", "200"}}));
  }
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  std::string low, high;
  if (org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, LoadOrgInScope(*lease, actor, *org_id, "org_id"));
    const OrgPath path = OrgPath::FromStored(org.path);
    low = path.SubtreeLow();
    high = path.SubtreeHigh();
  } else {
    const auto range = ScopeRange(actor);
    if (!range) return StudioPage{};
    low = range->first;
    high = range->second;
  }
  ZJ_ASSIGN_OR_RETURN(auto rows, store::StudiosUnder(*lease, low, high, before_id, limit + 1));
  StudioPage page;
  for (auto& r : rows) {
    if (static_cast<int>(page.items.size()) == limit) {
      page.next_cursor = page.items.back().row.id;
      break;
    }
    ZJ_ASSIGN_OR_RETURN(auto v, StudioViewOf(*lease, std::move(r)));
    page.items.push_back(std::move(v));
  }
  return page;
}

Result<StudioView> TalentService::RecordFunding(const Actor& actor, std::int64_t studio_id,
                                                int year, std::optional<std::int64_t> amount_fen) {
  ZJ_RETURN_IF_ERROR(MustFund(actor));
  Error e{ErrorCode::kInvalidArgument, "error.invalid_input", "funding", {}, {}};
  CheckRange(e, "year", year, 1949, ThisYear(clock_) + 10);
  if (amount_fen) CheckRange(e, "amount_fen", *amount_fen, 0, 1'000'000'000);
  if (!e.fields.empty()) return Fail(std::move(e));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<StudioView> {
    ZJ_ASSIGN_OR_RETURN(auto studio, store::FindStudio(c, studio_id));
    if (!studio || !PathInScope(actor, studio->org_path)) return Fail(StudioNotFound(studio_id));
    std::optional<int> n;
    if (studio->funding_first_year) {
      n = talent::FundingYear(
          {*studio->funding_first_year, studio->funding_years, studio->funding_amount_fen}, year);
    }
    if (!n) {
      Error refused{ErrorCode::kUnprocessable,
                    "error.talent.not_funding_year",
                    "outside the funding years",
                    {},
                    {}};
      refused.fields.push_back({"year", "error.talent.not_funding_year", {}});
      return Fail(std::move(refused));
    }
    store::StudioFundingRow row{studio->id,   year,
                                *n,           amount_fen.value_or(studio->funding_amount_fen),
                                std::nullopt, clock_.NowMs()};
    if (actor.user_id != 0) row.recorded_by = actor.user_id;
    if (auto inserted = store::InsertStudioFunding(c, row); !inserted) {
      if (inserted.error().code == ErrorCode::kAlreadyExists) {
        return Fail(ErrorCode::kConflict, "error.talent.funding_recorded", "year recorded already");
      }
      return Fail(inserted.error());
    }
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "talent.studio.funding", "studio", studio->id,
                             {{"year", std::to_string(year)},
                              {"funding_year", std::to_string(*n)},
                              {"amount_fen", std::to_string(row.amount_fen)}}));
    return StudioViewOf(c, std::move(*studio));
  });
}

}  // namespace zj::app
