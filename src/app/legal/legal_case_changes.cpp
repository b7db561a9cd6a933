// Changing a legal case: its facts, its workers, its stages, closing it; and the collective
// dispute's alert to the district, raised once in the transaction that made the case collective.
#include "app/coverage/served.h"
#include "app/legal/legal_case_service.h"
#include "app/legal/legal_figures.h"
#include "app/legal/legal_rules.h"
#include "app/members/member_access.h"
#include "app/members/member_service.h"
#include "app/notify/outbox.h"
#include "app/orgs/org_scope.h"
#include "core/i18n/messages.h"
#include "core/members/national_id.h"
#include "core/text/person_name.h"
#include "store/case_links.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/service_requests.h"

namespace zj::app {

namespace {

std::string Yuan(std::int64_t fen) {
  std::string cents = std::to_string(fen % 100);
  if (cents.size() < 2) cents.insert(cents.begin(), '0');
  return std::to_string(fen / 100) + "." + cents;
}

//! Where an org's messages go: its contact when that is an e-mail address, else its code (the
//! log notifier's name for it) — as the requests' notices.
std::string RecipientOf(const store::OrgRow& org) {
  if (org.contact && org.contact->find('@') != std::string::npos) return *org.contact;
  return org.code;
}

Error StageOrder(const std::string& from, const std::string& to) {
  return Error{ErrorCode::kConflict,
               "error.legal.stage_order",
               "stage " + from + " cannot move to " + to,
               {},
               {{"from", from}, {"to", to}}};
}

}  // namespace

Result<store::LegalCaseRow> LegalCaseService::Writable(store::Connection& conn, const Actor& actor,
                                                       std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustWorkWithLegal(actor));
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindLegalCase(conn, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(LegalCaseNotFound(id));
  if (row->stage == legal::StageCode(legal::Stage::kClosed)) {
    return Fail(ErrorCode::kConflict, "error.legal.closed", "legal case " + std::to_string(id));
  }
  return *row;
}

Result<void> LegalCaseService::ScheduleFollowUp(store::Connection& conn, std::int64_t id,
                                                std::int64_t now) {
  // The 回访 of a case that came from a request is the request's: owed by the union handling
  // the request, in the requests' follow-up queue, once (the insert keeps one per request). A
  // case opened directly has no requester to visit.
  ZJ_ASSIGN_OR_RETURN(auto link, store::CaseLinkOfTarget(conn, store::kLinkLegalCase, id));
  if (!link) return {};
  ZJ_ASSIGN_OR_RETURN(auto request, store::FindRequestById(conn, link->request_id));
  if (!request) return {};
  ZJ_ASSIGN_OR_RETURN(auto org, store::FindOrgById(conn, request->org_id));
  if (!org) return {};
  store::FollowUpRow f;
  f.id = NewId(clock_, random_);
  f.federation_id = request->federation_id;
  f.request_id = request->id;
  f.org_id = org->id;
  f.org_path = org->path;
  f.reason = "legal_closed";
  f.created_at = now;
  ZJ_RETURN_IF_ERROR(store::InsertFollowUp(conn, f));
  return {};
}

Result<void> LegalCaseService::Save(store::Connection& conn, store::LegalCaseRow& c) {
  ZJ_ASSIGN_OR_RETURN(const legal::CollectiveRule rule, CollectiveRuleOf(conn, c.federation_id));
  c.collective = legal::IsCollective(rule, c.worker_count, c.claimed_fen);
  c.updated_at = clock_.NowMs();
  if (c.collective && !c.alerted_at) {
    // At once, and once: the message is queued with the change, and alerted_at keeps a later
    // change (another worker, a higher claim) from raising it again.
    c.alerted_at = c.updated_at;
    ZJ_ASSIGN_OR_RETURN(store::OrgRow district, AlertedOrg(conn, c.org_path));
    const i18n::Args args{{"title", c.title},
                          {"org", c.org_name},
                          {"employer", c.employer_name},
                          {"workers", std::to_string(c.worker_count)},
                          {"claimed", Yuan(c.claimed_fen)},
                          {"id", std::to_string(c.id)}};
    const Message message{RecipientOf(district),
                          i18n::Translate(i18n::Locale::kZhCN, "legal.alert.subject", args),
                          i18n::Translate(i18n::Locale::kZhCN, "legal.alert.body", args)};
    ZJ_RETURN_IF_ERROR(EnqueueNotification(conn, clock_, random_, "org", message));
  }
  // The dashboard's figures move from the stored row to this one, in this transaction.
  ZJ_ASSIGN_OR_RETURN(auto before, store::FindLegalCase(conn, c.id));
  ZJ_RETURN_IF_ERROR(CountLegalCase(conn, before ? &*before : nullptr, c));
  return store::UpdateLegalCase(conn, c);
}

Result<void> LegalCaseService::InsertWorker(store::Connection& conn, const Actor& actor,
                                            const store::LegalCaseRow& c, const NewCaseWorker& w,
                                            const std::string& field) {
  std::string name;
  std::string number;
  std::optional<std::int64_t> member_id;
  if (w.member_id) {
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(conn, *w.member_id));
    if (!member || !PathInScope(actor, member->org_path)) {
      return Fail(FieldProblem(field + ".member_id", "error.legal.member_unknown"));
    }
    ZJ_ASSIGN_OR_RETURN(number, vault_.Open(kMemberIdField, member->id_cipher));
    name = member->name;
    member_id = member->id;
  } else {
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "case worker", {}, {}};
    if (auto n = text::NormalisePersonName(field + ".name", w.name)) {
      name = *n;
    } else {
      invalid.fields.push_back(n.error());
    }
    const members::IdParse id = members::ParseNationalId(w.id_number, TodayInChina(clock_));
    if (id.id) {
      number = id.id->number;
    } else {
      invalid.fields.push_back(
          {field + ".id_number", std::string(members::IdProblemKey(*id.problem)), {}});
    }
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
  }
  ZJ_ASSIGN_OR_RETURN(SealedValue id, vault_.SealIndexed(kLegalWorkerIdField, number));
  const Error twice{ErrorCode::kAlreadyExists,
                    "error.legal.worker_twice",
                    "the worker is in the case already",
                    {{field, "error.legal.worker_twice", {}}},
                    {}};
  ZJ_ASSIGN_OR_RETURN(const bool there, store::WorkerInCase(conn, c.id, id.Lookups()));
  if (there) return Fail(twice);
  ZJ_ASSIGN_OR_RETURN(store::Blob sealed_name, vault_.Seal(kLegalWorkerNameField, name));
  store::LegalCaseWorkerRow row;
  row.id = NewId(clock_, random_);
  row.case_id = c.id;
  row.member_id = member_id;
  row.name_cipher = std::move(sealed_name);
  row.id_cipher = std::move(id.cipher);
  row.id_blind = id.index;
  row.id_last4 = number.substr(number.size() - 4);
  row.key_version = Vault::OldestVersion({&row.name_cipher, &row.id_cipher});
  if (actor.user_id != 0) row.added_by = actor.user_id;
  row.added_at = clock_.NowMs();
  auto inserted = store::InsertLegalCaseWorker(conn, row);
  if (!inserted && inserted.error().code == ErrorCode::kAlreadyExists) return Fail(twice);
  ZJ_RETURN_IF_ERROR(inserted);
  return store::AddWorkerCount(conn, c.id, 1);
}

Result<LegalCaseDetail> LegalCaseService::Update(const Actor& actor, std::int64_t id,
                                                 const LegalCaseChange& ch) {
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "legal case", {}, {}};
  if (ch.type && !legal::ParseCaseType(*ch.type)) {
    invalid.fields.push_back({"type", "error.legal.type", {}});
  }
  if (ch.title) CheckTitle(*ch.title, invalid);
  if (ch.claimed_fen) CheckFen("claimed_fen", *ch.claimed_fen, invalid);
  if (ch.recovered_fen) CheckFen("recovered_fen", *ch.recovered_fen, invalid);
  if (ch.outcome && ch.outcome->size() > 2000) {
    invalid.fields.push_back({"outcome", "error.field.too_long", {{"max", "2000"}}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LegalCaseDetail> {
    ZJ_ASSIGN_OR_RETURN(store::LegalCaseRow row, Writable(c, actor, id));
    std::vector<std::pair<std::string, std::string>> changed;
    if (ch.type) row.type = *ch.type, changed.emplace_back("type", *ch.type);
    if (ch.title) row.title = *ch.title, changed.emplace_back("title", "changed");
    if (ch.claimed_fen) {
      row.claimed_fen = *ch.claimed_fen;
      changed.emplace_back("claimed_fen", std::to_string(*ch.claimed_fen));
    }
    if (ch.recovered_fen) {
      row.recovered_fen = *ch.recovered_fen;
      changed.emplace_back("recovered_fen", std::to_string(*ch.recovered_fen));
    }
    if (ch.outcome) row.outcome = *ch.outcome, changed.emplace_back("outcome", "changed");
    if (ch.set_lawyer) {
      if (ch.lawyer_id) ZJ_RETURN_IF_ERROR(CheckLawyer(c, actor, row, *ch.lawyer_id));
      row.lawyer_id = ch.lawyer_id;
      changed.emplace_back("lawyer", ch.lawyer_id ? std::to_string(*ch.lawyer_id) : "none");
    }
    if (ch.acknowledge_alert) {
      ZJ_ASSIGN_OR_RETURN(const bool may, MayAcknowledgeAlerts(c, actor));
      if (!may) {
        return Fail(ErrorCode::kPermissionDenied, "error.legal.ack_forbidden",
                    "only a district acknowledges a collective dispute's alert");
      }
      if (row.alerted_at && !row.alert_ack_at) {
        row.alert_ack_at = clock_.NowMs();
        if (actor.user_id != 0) row.alert_ack_by = actor.user_id;
        changed.emplace_back("alert", "acknowledged");
      }
    }
    ZJ_RETURN_IF_ERROR(Save(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "legal.update", id, std::move(changed)));
    return Load(c, actor, id);
  });
}

Result<LegalCaseDetail> LegalCaseService::AddWorker(const Actor& actor, std::int64_t id,
                                                    const NewCaseWorker& w) {
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LegalCaseDetail> {
    ZJ_ASSIGN_OR_RETURN(store::LegalCaseRow row, Writable(c, actor, id));
    if (row.worker_count >= legal::kMaxWorkers) {
      return Fail(FieldProblem("workers", "error.legal.workers",
                               {{"max", std::to_string(legal::kMaxWorkers)}}));
    }
    ZJ_RETURN_IF_ERROR(InsertWorker(c, actor, row, w, "worker"));
    ZJ_ASSIGN_OR_RETURN(auto now, store::FindLegalCase(c, id));  // the count as moved
    row.worker_count = now ? now->worker_count : row.worker_count + 1;
    ZJ_RETURN_IF_ERROR(Save(c, row));
    ZJ_RETURN_IF_ERROR(
        Audit(c, actor, "legal.worker.add", id, {{"workers", std::to_string(row.worker_count)}}));
    return Load(c, actor, id);
  });
}

Result<LegalCaseDetail> LegalCaseService::RemoveWorker(const Actor& actor, std::int64_t id,
                                                       std::int64_t worker_id) {
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LegalCaseDetail> {
    ZJ_ASSIGN_OR_RETURN(store::LegalCaseRow row, Writable(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(const bool removed, store::DeleteLegalCaseWorker(c, id, worker_id));
    if (!removed) {
      return Fail(ErrorCode::kNotFound, "error.not_found",
                  "case worker " + std::to_string(worker_id));
    }
    ZJ_RETURN_IF_ERROR(store::AddWorkerCount(c, id, -1));
    ZJ_ASSIGN_OR_RETURN(auto now, store::FindLegalCase(c, id));
    row.worker_count = now ? now->worker_count : row.worker_count - 1;
    ZJ_RETURN_IF_ERROR(Save(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "legal.worker.remove", id,
                             {{"workers", std::to_string(row.worker_count)}}));
    return Load(c, actor, id);
  });
}

Result<LegalCaseDetail> LegalCaseService::Advance(const Actor& actor, std::int64_t id,
                                                  const std::string& stage,
                                                  const std::string& started_on,
                                                  const std::string& note) {
  const auto to = legal::ParseStage(stage);
  if (!to || *to == legal::Stage::kClosed) {
    return Fail(FieldProblem("stage", "error.legal.stage"));
  }
  if (note.size() > 2000) {
    return Fail(FieldProblem("note", "error.field.too_long", {{"max", "2000"}}));
  }
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LegalCaseDetail> {
    ZJ_ASSIGN_OR_RETURN(store::LegalCaseRow row, Writable(c, actor, id));
    const auto from = legal::ParseStage(row.stage);
    if (!from || !legal::MayMove(*from, *to)) return Fail(StageOrder(row.stage, stage));
    ZJ_ASSIGN_OR_RETURN(auto stages, store::StagesOfCase(c, id));
    const std::optional<std::string> since =
        stages.empty() ? std::nullopt : std::optional(stages.back().started_on);
    Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "stage", {}, {}};
    CheckDay("started_on", started_on, since, TodayInChina(clock_), invalid);
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    ZJ_RETURN_IF_ERROR(store::EndOpenStage(c, id, started_on));
    const std::optional<std::int64_t> by =
        actor.user_id != 0 ? std::optional(actor.user_id) : std::nullopt;
    ZJ_RETURN_IF_ERROR(store::InsertLegalCaseStage(
        c,
        {NewId(clock_, random_), id, stage, started_on, std::nullopt, note, by, clock_.NowMs()}));
    const std::string was = row.stage;
    row.stage = stage;
    ZJ_RETURN_IF_ERROR(Save(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "legal.stage", id, {{"from", was}, {"to", stage}}));
    return Load(c, actor, id);
  });
}

Result<LegalCaseDetail> LegalCaseService::Close(const Actor& actor, std::int64_t id,
                                                const std::string& outcome,
                                                std::optional<std::int64_t> recovered_fen,
                                                const std::string& closed_on) {
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "close", {}, {}};
  CheckTitle(outcome, invalid, "outcome");
  if (recovered_fen) CheckFen("recovered_fen", *recovered_fen, invalid);
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<LegalCaseDetail> {
    ZJ_ASSIGN_OR_RETURN(store::LegalCaseRow row, Writable(c, actor, id));
    ZJ_ASSIGN_OR_RETURN(auto stages, store::StagesOfCase(c, id));
    const std::optional<std::string> since =
        stages.empty() ? std::nullopt : std::optional(stages.back().started_on);
    const std::string day =
        closed_on.empty() ? members::FormatDate(TodayInChina(clock_)) : closed_on;
    Error bad{ErrorCode::kInvalidArgument, "error.invalid_input", "close", {}, {}};
    CheckDay("closed_on", day, since, TodayInChina(clock_), bad);
    if (!bad.fields.empty()) return Fail(std::move(bad));
    ZJ_RETURN_IF_ERROR(store::EndOpenStage(c, id, day));
    const std::string from = row.stage;
    row.stage = std::string(legal::StageCode(legal::Stage::kClosed));
    row.outcome = outcome;
    if (recovered_fen) row.recovered_fen = *recovered_fen;
    const std::int64_t now = clock_.NowMs();
    row.closed_at = now;
    ZJ_RETURN_IF_ERROR(Save(c, row));
    ZJ_RETURN_IF_ERROR(ScheduleFollowUp(c, id, now));
    // 有效覆盖: a closed case served every worker of it who is a member of the registry.
    ZJ_ASSIGN_OR_RETURN(auto workers, store::WorkersOfCase(c, id));
    for (const auto& w : workers) {
      if (w.member_id) ZJ_RETURN_IF_ERROR(MarkServed(c, *w.member_id, now));
    }
    ZJ_RETURN_IF_ERROR(
        Audit(c, actor, "legal.close", id,
              {{"from", from}, {"recovered_fen", std::to_string(row.recovered_fen)}}));
    return Load(c, actor, id);
  });
}

}  // namespace zj::app
