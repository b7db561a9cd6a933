#include "app/hardship/hardship_service.h"

#include <algorithm>
#include <set>

#include "app/hardship/case_figures.h"
#include "app/hardship/hardship_flow.h"
#include "app/hardship/hardship_rules.h"
#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/orgs/org_scope.h"
#include "core/members/national_id.h"
#include "core/personal_data/masking.h"
#include "core/text/person_name.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/service_requests.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

//! The year in China today (UTC+8).
int ThisYear(const Clock& clock) { return static_cast<int>(TodayInChina(clock).year()); }

}  // namespace

//! A person to seal, checked: the normalised name and ID number.
struct HardshipService::Person {
  std::string relation;
  std::string name;
  std::string id_number;
  std::int64_t income_fen = 0;
  std::optional<std::string> work_status;
};

Error HardshipFileNotFound(std::int64_t id) {
  return Error{
      ErrorCode::kNotFound, "error.not_found", "hardship file " + std::to_string(id), {}, {}};
}

HouseholdMemberView HardshipService::PersonOf(const store::HouseholdMemberRow& m) const {
  HouseholdMemberView v{m.id,         m.relation,   "*", std::string(14, '*') + m.id_last4,
                        m.income_fen, m.work_status};
  if (auto name = vault_.Open(kHouseholdNameField, m.name_cipher)) {
    v.name_masked = personal_data::MaskPersonName(*name);
  }
  if (auto id = vault_.Open(kHouseholdIdField, m.id_cipher)) {
    v.id_masked = personal_data::MaskNationalId(*id);
  }
  return v;
}

HardshipFileView HardshipService::ViewOf(
    store::HardshipFileRow row, const std::vector<store::HouseholdMemberRow>& household) const {
  HardshipFileView view;
  view.computed = hardship::ComputeLevel(FactsOf(row));
  if (!household.empty()) {
    const HouseholdMemberView head = PersonOf(household.front());
    view.head_name_masked = head.name_masked;
    view.head_id_masked = head.id_masked;
  }
  view.row = std::move(row);
  return view;
}

Result<HardshipFileDetail> HardshipService::Load(store::Connection& conn, const Actor& actor,
                                                 std::int64_t id) {
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindHardshipFile(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(HardshipFileNotFound(id));
  ZJ_ASSIGN_OR_RETURN(auto household, store::HouseholdOf(conn, id));
  HardshipFileDetail d;
  d.file = ViewOf(std::move(*row), household);
  for (const auto& m : household) d.household.push_back(PersonOf(m));
  ZJ_ASSIGN_OR_RETURN(d.expenses, store::ExpensesOf(conn, id));
  ZJ_ASSIGN_OR_RETURN(d.steps, store::StepsOf(conn, id));
  for (auto& step : d.steps) {
    ZJ_ASSIGN_OR_RETURN(step.detail, StepDetail(vault_, step));
    step.text_cipher.reset();
  }
  ZJ_ASSIGN_OR_RETURN(d.request, RequestBehind(conn, actor, store::kLinkHardshipFile, id));
  return d;
}

Result<void> HardshipService::Step(store::Connection& conn, const Actor& actor,
                                   std::int64_t file_id, const std::string& step,
                                   const std::vector<std::pair<std::string, std::string>>& detail) {
  return AddHardshipStep(conn, clock_, random_, vault_, actor, file_id, step, detail);
}

Result<std::vector<HardshipService::Person>> HardshipService::CheckNew(
    const NewHardshipFile& in) const {
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "hardship file", {}, {}};
  CheckFileFacts(in, invalid);
  const members::Date today = TodayInChina(clock_);
  std::vector<Person> people;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < in.household.size(); ++i) {
    const auto& h = in.household[i];
    const std::string at = "household[" + std::to_string(i) + "].";
    Person p{h.relation, "", "", h.income_fen, h.work_status};
    if (auto name = text::NormalisePersonName(at + "name", h.name)) {
      p.name = *name;
    } else {
      invalid.fields.push_back(name.error());
    }
    const members::IdParse id = members::ParseNationalId(h.id_number, today);
    if (id.id) {
      p.id_number = id.id->number;
      if (!ids.insert(p.id_number).second) {
        invalid.fields.push_back({at + "id_number", "error.hardship.duplicate_person", {}});
      }
    } else {
      invalid.fields.push_back(
          {at + "id_number", std::string(members::IdProblemKey(*id.problem)), {}});
    }
    people.push_back(std::move(p));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return people;
}

Result<HardshipFileDetail> HardshipService::Open(const Actor& actor, const NewHardshipFile& in) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  ZJ_ASSIGN_OR_RETURN(std::vector<Person> people, CheckNew(in));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<HardshipFileDetail> {
    ZJ_ASSIGN_OR_RETURN(std::int64_t id, Insert(c, actor, in, people, false));
    return Load(c, actor, id);
  });
}

Result<std::int64_t> HardshipService::OpenForWorker(const Actor& worker, NewHardshipFile in) {
  if (!IsWorker(worker)) {
    return Fail(ErrorCode::kPermissionDenied, "error.auth.forbidden", "workers only");
  }
  // The worker's own household only: the bound member is "self", at the member's union; no
  // request to link, and exclusions are the cadres' finding, not the applicant's.
  in.org_id.reset();
  in.request_id.reset();
  in.exclusions.clear();
  in.year.reset();
  // The worker is "self"; the others are the worker's spouse, children, parents, ….
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "application", {}, {}};
  for (std::size_t i = 0; i < in.household.size(); ++i) {
    if (in.household[i].relation == "self") {
      invalid.fields.push_back(
          {"household[" + std::to_string(i) + "].relation", "error.hardship.relation", {}});
    }
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<std::int64_t> {
    // The stored binding, not the session's cached one.
    ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(c, *worker.worker_id));
    if (!account || !account->member_id) {
      return Fail(ErrorCode::kFailedPrecondition, "error.card.not_bound", "no member bound");
    }
    in.member_id = account->member_id;
    ZJ_ASSIGN_OR_RETURN(std::vector<Person> people, CheckNew(in));
    return Insert(c, worker, in, std::move(people), true);
  });
}

Result<std::int64_t> HardshipService::Insert(store::Connection& c, const Actor& actor,
                                             const NewHardshipFile& in, std::vector<Person> people,
                                             bool by_worker) {
  // Where the worker applies, their own bound member is what they may see (the caller set it
  // from the binding); a cadre sees their subtree.
  const auto visible = [&](const std::string& path) {
    return by_worker || PathInScope(actor, path);
  };
  // The registry's member (in scope) is the household's first person.
  std::optional<store::MemberRow> member;
  if (in.member_id) {
    ZJ_ASSIGN_OR_RETURN(member, store::FindMemberById(c, *in.member_id));
    if (!member || !visible(member->org_path) || member->status != "active") {
      return Fail(FieldProblem("member_id", "error.hardship.member_unknown"));
    }
    ZJ_ASSIGN_OR_RETURN(std::string number, vault_.Open(kMemberIdField, member->id_cipher));
    if (std::any_of(people.begin(), people.end(),
                    [&](const Person& p) { return p.id_number == number; })) {
      return Fail(FieldProblem("household", "error.hardship.duplicate_person"));
    }
    people.insert(people.begin(),
                  Person{"self", member->name, number, in.member_income_fen, std::nullopt});
  }
  if (people.empty()) return Fail(FieldProblem("household", "error.hardship.no_household"));
  // A request the actor does not see is one that does not exist.
  if (in.request_id) {
    ZJ_ASSIGN_OR_RETURN(auto request, store::FindRequestById(c, *in.request_id));
    if (!request || !visible(request->home_path)) {
      return Fail(Error{ErrorCode::kNotFound,
                        "error.not_found",
                        "request " + std::to_string(*in.request_id),
                        {},
                        {}});
    }
  }
  const std::int64_t org_id = in.org_id.value_or(member ? member->union_org_id : 0);
  store::OrgRow org;
  if (by_worker) {
    ZJ_ASSIGN_OR_RETURN(auto found, store::FindOrgById(c, org_id));
    if (!found) return Fail(OrgNotFound("org_id", std::to_string(org_id)));
    org = std::move(*found);
  } else {
    ZJ_ASSIGN_OR_RETURN(org, LoadOrgInScope(c, actor, org_id, "org_id"));
  }
  const int year = in.year.value_or(ThisYear(clock_));
  ZJ_ASSIGN_OR_RETURN(store::RegionStandardRow standard, standards_.ForOrg(c, org, year));

  store::HardshipFileRow f;
  f.id = NewId(clock_, random_);
  f.federation_id = org.federation_id;
  f.org_id = org.id;
  f.org_path = org.path;
  if (member) f.member_id = member->id;
  f.household_size = static_cast<int>(people.size());
  for (const auto& p : people) f.annual_income_fen += p.income_fen;
  for (const auto& e : in.expenses) f.rigid_expenses_fen += e.amount_fen;
  f.sudden_cost_fen = in.sudden_cost_fen;
  f.sudden_medical_fen = in.sudden_medical_fen;
  f.region_code = standard.region_code;
  f.standard_year = standard.year;
  f.standard_dibao_fen = standard.dibao_monthly_fen;
  f.main_cause = in.main_cause;
  f.secondary_causes = hardship::JoinCodes(in.secondary_causes);
  f.exclusions = hardship::JoinCodes(in.exclusions);
  f.standard_cost_pct = standard.sudden_cost_pct;
  f.standard_medical_pct = standard.sudden_medical_pct;
  const hardship::LevelResult level = hardship::ComputeLevel(FactsOf(f));
  f.per_head_monthly_fen = level.per_head_monthly_fen;
  f.level_computed = std::string(hardship::LevelCode(level.level));
  f.level_final = f.level_computed;
  if (actor.user_id != 0) f.opened_by = actor.user_id;
  f.opened_at = f.updated_at = clock_.NowMs();
  ZJ_RETURN_IF_ERROR(store::InsertHardshipFile(c, f));
  ZJ_RETURN_IF_ERROR(CountFileOpened(c, f, f.opened_at));
  // The workflow starts at the application (the union's first check next).
  ZJ_RETURN_IF_ERROR(store::InsertHardshipFlow(
      c, HardshipFlowService::Applied(f.id, f.org_path, f.federation_id, f.opened_at)));

  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    // Where the person came from: the registry's member, or a row of the household.
    const std::string field =
        member && i == 0 ? std::string("member_id")
                         : "household[" + std::to_string(member ? i - 1 : i) + "].id_number";
    ZJ_ASSIGN_OR_RETURN(SealedValue id, vault_.SealIndexed(kHouseholdIdField, p.id_number));
    // One open file per person: the other file, if any, before the index refuses.
    ZJ_ASSIGN_OR_RETURN(auto other, store::FindOpenFileOfPerson(c, id.Lookups()));
    if (other) return Fail(AlreadyOpen(actor, *other, field));
    ZJ_ASSIGN_OR_RETURN(store::Blob name, vault_.Seal(kHouseholdNameField, p.name));
    store::HouseholdMemberRow m;
    m.id = NewId(clock_, random_);
    m.file_id = f.id;
    m.relation = p.relation;
    m.name_cipher = std::move(name);
    m.id_cipher = std::move(id.cipher);
    m.id_blind = id.index;
    m.id_last4 = p.id_number.substr(p.id_number.size() - 4);
    m.income_fen = p.income_fen;
    m.work_status = p.work_status;
    m.key_version = Vault::OldestVersion({&m.name_cipher, &m.id_cipher});
    m.file_open = true;
    auto inserted = store::InsertHouseholdMember(c, m);
    if (!inserted && inserted.error().code == ErrorCode::kAlreadyExists) {
      // Another transaction opened a file for the person meanwhile.
      return Fail(AlreadyOpen(actor, store::OpenFileOfPerson{}, field));
    }
    ZJ_RETURN_IF_ERROR(inserted);
  }
  for (const auto& e : in.expenses) {
    ZJ_RETURN_IF_ERROR(store::InsertHardshipExpense(
        c, store::HardshipExpenseRow{NewId(clock_, random_), f.id, e.kind, e.amount_fen}));
  }
  std::vector<std::pair<std::string, std::string>> opened{
      {"level", f.level_computed},
      {"region", f.region_code},
      {"year", std::to_string(f.standard_year)}};
  if (in.request_id) {
    store::CaseLinkRow link{NewId(clock_, random_),
                            *in.request_id,
                            std::string(store::kLinkHardshipFile),
                            f.id,
                            f.org_path,
                            f.opened_by,
                            f.opened_at};
    ZJ_RETURN_IF_ERROR(store::InsertCaseLink(c, link));
    opened.emplace_back("request", std::to_string(*in.request_id));
  }
  if (by_worker) opened.emplace_back("by", "worker");  // applied on My account
  ZJ_RETURN_IF_ERROR(Step(c, actor, f.id, "opened", opened));
  const AuditEvent event{"hardship.open",      "hardship_file",
                         std::to_string(f.id), "ok",
                         actor.remote_addr,    {{"level", f.level_computed}}};
  // A worker has no org: their entry lies in the file's subtree, where its auditors look.
  const AuditActor who =
      by_worker ? AuditActor{std::nullopt, actor.username, f.org_path, actor.remote_addr}
                : AuditActor::From(actor);
  ZJ_RETURN_IF_ERROR(audit_.Record(c, who, event));
  return f.id;
}

Result<HardshipFileDetail> HardshipService::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  return Load(*lease, actor, id);
}

Result<HardshipPage> HardshipService::List(const Actor& actor, const HardshipFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustManageHardship(actor));
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    return Fail(FieldProblem("limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}));
  }
  if (!filter.status.empty() && filter.status != "open" && filter.status != "closed") {
    return Fail(FieldProblem("status", "error.hardship.status"));
  }
  if (!filter.level.empty() && !hardship::ParseLevel(filter.level)) {
    return Fail(FieldProblem("level", "error.hardship.level"));
  }
  if (!filter.stage.empty() && !hardship::ParseStage(filter.stage)) {
    return Fail(FieldProblem("stage", "error.hardship.stage"));
  }
  HardshipPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::HardshipFileQuery q;
  q.low = range->first;
  q.high = range->second;
  q.status = filter.status;
  q.level = filter.level;
  q.stage = filter.stage;
  if (filter.review_due) {
    ZJ_ASSIGN_OR_RETURN(q.review_due_by, ReviewsDueBy(*lease, clock_, actor));
  }
  q.spot_check_due = filter.spot_check_due;
  q.before_id = filter.before_id;
  q.limit = filter.limit + 1;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListHardshipFiles(*lease, q));
  if (static_cast<int>(rows.size()) > filter.limit) {
    rows.pop_back();
    page.next_cursor = rows.back().id;
  }
  for (auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto household, store::HouseholdOf(*lease, r.id));
    page.items.push_back(ViewOf(std::move(r), household));
  }
  return page;
}

}  // namespace zj::app
