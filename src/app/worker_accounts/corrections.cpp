#include "app/worker_accounts/corrections.h"

#include <algorithm>

#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/worker_accounts/inbox.h"
#include "core/members/member_corrections.h"
#include "core/personal_data/masking.h"
#include "store/members.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

Error CorrectionNotFound(std::int64_t id) {
  return Error{
      ErrorCode::kNotFound, "error.not_found", "member correction " + std::to_string(id), {}, {}};
}

//! The member's value of `field` as stored now (plain), none when it has none.
std::optional<std::string> CurrentValue(const Vault& vault, const store::MemberRow& m,
                                        std::string_view field) {
  if (field == "name") return m.name;
  if (field == "gender") return m.gender;
  if (field == "ethnicity") return m.ethnicity;
  if (field == "employer") return m.employer_display ? m.employer_display : m.employer_name;
  if (!m.phone_cipher) return std::nullopt;
  auto phone = vault.Open(kMemberPhoneField, *m.phone_cipher);
  return phone ? std::optional<std::string>(*phone) : std::nullopt;
}

//! The patch that applies `value` to `field` (a new employer is named, as workers know it).
MemberPatch PatchOf(std::string_view field, const std::string& value) {
  MemberPatch patch;
  if (field == "name") patch.name = value;
  if (field == "gender") patch.gender = value;
  if (field == "ethnicity") patch.ethnicity = value;
  if (field == "employer") {
    patch.employer_set = true;
    patch.employer_name = value;
  }
  if (field == "phone") patch.phone = value;
  return patch;
}

}  // namespace

std::string ShownCorrectionValue(std::string_view field, const std::string& value) {
  return field == "phone" ? personal_data::MaskPhone(value) : value;
}

std::string ShownSealedValue(const Vault& vault, std::string_view field,
                             const store::Blob& cipher) {
  auto plain = vault.Open(kCorrectionValueField, cipher);
  return plain ? ShownCorrectionValue(field, *plain) : std::string("***");
}

CorrectionView CorrectionService::ViewOf(store::MemberCorrectionRow row) const {
  CorrectionView view{std::move(row), std::nullopt, ""};
  const auto& r = view.row;
  view.new_shown = ShownSealedValue(vault_, r.field, r.new_cipher);
  if (r.old_cipher) view.old_shown = ShownSealedValue(vault_, r.field, *r.old_cipher);
  return view;
}

Result<std::vector<CorrectionView>> CorrectionService::Propose(
    const Actor& worker, const std::vector<CorrectionChange>& changes, const std::string& note) {
  if (!IsWorker(worker)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  if (changes.empty()) invalid.fields.push_back({"changes", "error.field.required", {}});
  if (changes.size() > members::kCorrectableFields.size()) {
    invalid.fields.push_back({"changes",
                              "error.corrections.too_many",
                              {{"max", std::to_string(members::kCorrectableFields.size())}}});
    return Fail(std::move(invalid));
  }
  auto why = CheckReason("note", note);
  if (!why)
    invalid.fields.insert(invalid.fields.end(), why.error().fields.begin(),
                          why.error().fields.end());
  std::vector<std::pair<std::string, std::string>> normalised;  // field, value
  for (const auto& c : changes) {
    auto value = members::NormaliseCorrection(c.field, c.value);
    if (!value) {
      invalid.fields.push_back(std::move(value.error()));
      continue;
    }
    const bool twice = std::any_of(normalised.begin(), normalised.end(),
                                   [&](const auto& n) { return n.first == c.field; });
    if (twice) {
      invalid.fields.push_back({c.field, "error.corrections.twice", {}});
      continue;
    }
    normalised.emplace_back(c.field, std::move(*value));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  // The stored binding, not the session's cached one.
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  if (!account) return Fail(ErrorCode::kUnauthenticated, "error.auth.unauthenticated", "gone");
  if (!account->member_id) {
    return Fail(ErrorCode::kFailedPrecondition, "error.corrections.not_bound", "not bound");
  }
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, *account->member_id));
  if (!member) return Fail(ErrorCode::kFailedPrecondition, "error.corrections.not_bound", "gone");
  ZJ_ASSIGN_OR_RETURN(auto pending, store::PendingCorrectionsOfMember(*lease, member->id));
  Error conflict{ErrorCode::kConflict, "error.corrections.pending", "pending already", {}, {}};
  std::vector<store::MemberCorrectionRow> rows;
  for (const auto& [field, value] : normalised) {
    const auto current = CurrentValue(vault_, *member, field);
    if (current && *current == value) {
      invalid.fields.push_back({field, "error.corrections.unchanged", {}});
      continue;
    }
    if (std::any_of(pending.begin(), pending.end(),
                    [&](const auto& p) { return p.field == field; })) {
      conflict.fields.push_back({field, "error.corrections.pending", {}});
      continue;
    }
    store::MemberCorrectionRow row;
    row.id = NewId(clock_, random_);
    row.federation_id = member->federation_id;
    row.worker_id = account->id;
    row.member_id = member->id;
    row.org_path = member->org_path;
    row.field = field;
    ZJ_ASSIGN_OR_RETURN(row.new_cipher, vault_.Seal(kCorrectionValueField, value));
    if (current) {
      ZJ_ASSIGN_OR_RETURN(store::Blob old, vault_.Seal(kCorrectionValueField, *current));
      row.old_cipher = std::move(old);
    }
    row.key_version =
        Vault::OldestVersion({&row.new_cipher, row.old_cipher ? &*row.old_cipher : nullptr});
    row.note = *why;
    row.created_at = clock_.NowMs();
    rows.push_back(std::move(row));
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  if (!conflict.fields.empty()) return Fail(std::move(conflict));

  std::string fields;
  for (const auto& r : rows) fields += (fields.empty() ? "" : ",") + r.field;
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  for (const auto& r : rows) {
    auto inserted = store::InsertMemberCorrection(*lease, r);
    if (!inserted && inserted.error().code == ErrorCode::kAlreadyExists) {
      // Another request of the same worker proposed this field between our check and insert.
      conflict.fields.push_back({r.field, "error.corrections.pending", {}});
      return Fail(std::move(conflict));
    }
    ZJ_RETURN_IF_ERROR(inserted);
  }
  // The worker's own access to their data: never the values, only which fields.
  ZJ_RETURN_IF_ERROR(audit_.Record(*lease, AuditActor::From(worker),
                                   AuditEvent{"worker.member_correction.propose",
                                              "member",
                                              std::to_string(member->id),
                                              "ok",
                                              worker.remote_addr,
                                              {{"fields", fields}}}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  std::vector<CorrectionView> out;
  for (auto& r : rows) {
    ZJ_ASSIGN_OR_RETURN(auto stored, store::FindMemberCorrection(*lease, r.id));
    if (stored) out.push_back(ViewOf(std::move(*stored)));
  }
  return out;
}

Result<std::vector<CorrectionView>> CorrectionService::Mine(const Actor& worker) {
  if (!IsWorker(worker)) return Fail(ErrorCode::kPermissionDenied, "error.forbidden");
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::CorrectionsOfWorker(*lease, *worker.worker_id));
  std::vector<CorrectionView> out;
  out.reserve(rows.size());
  for (auto& r : rows) out.push_back(ViewOf(std::move(r)));
  return out;
}

Result<CorrectionPage> CorrectionService::List(const Actor& actor, const CorrectionFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  Error invalid{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}};
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    invalid.fields.push_back({"limit", "error.field.limit", {{"max", std::to_string(kMaxLimit)}}});
  }
  static const std::vector<std::string> kStates{"", "pending", "applied", "rejected"};
  if (std::find(kStates.begin(), kStates.end(), filter.state) == kStates.end()) {
    invalid.fields.push_back({"state", "error.corrections.state", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));
  CorrectionPage page;
  const auto range = ScopeRange(actor);
  if (!range) return page;
  store::MemberCorrectionQuery q{range->first, range->second, filter.state, filter.before_id,
                                 filter.limit + 1};
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto rows, store::ListMemberCorrections(*lease, q));
  if (static_cast<int>(rows.size()) > filter.limit) {
    rows.pop_back();
    page.next_cursor = rows.back().id;
  }
  for (auto& r : rows) page.items.push_back(ViewOf(std::move(r)));
  return page;
}

Result<CorrectionView> CorrectionService::Approve(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  std::optional<store::MemberCorrectionRow> found;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(found, store::FindMemberCorrection(*lease, id));
  }  // MemberService::Update takes a connection of its own
  if (!found || !PathInScope(actor, found->org_path)) return Fail(CorrectionNotFound(id));
  if (found->state != "pending") {
    return Fail(ErrorCode::kConflict, "error.corrections.decided", "correction decided already");
  }
  ZJ_ASSIGN_OR_RETURN(std::string value, vault_.Open(kCorrectionValueField, found->new_cipher));
  // Through the member use case, as the cadre: its rules, search keys, history and audit. Two
  // cadres approving at once both write the same value; the second then gets kConflict below.
  ZJ_RETURN_IF_ERROR(members_.Update(actor, found->member_id, PatchOf(found->field, value)));
  return Decide(actor, *found, true, std::nullopt);
}

Result<CorrectionView> CorrectionService::Reject(const Actor& actor, std::int64_t id,
                                                 const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  std::optional<store::MemberCorrectionRow> found;
  {
    ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
    ZJ_ASSIGN_OR_RETURN(found, store::FindMemberCorrection(*lease, id));
  }
  if (!found || !PathInScope(actor, found->org_path)) return Fail(CorrectionNotFound(id));
  if (found->state != "pending") {
    return Fail(ErrorCode::kConflict, "error.corrections.decided", "correction decided already");
  }
  return Decide(actor, *found, false, why);
}

Result<CorrectionView> CorrectionService::Decide(const Actor& actor,
                                                 const store::MemberCorrectionRow& found,
                                                 bool applied,
                                                 const std::optional<std::string>& reason) {
  store::MemberCorrectionRow decided = found;
  decided.state = applied ? "applied" : "rejected";
  decided.decided_by = actor.user_id;
  decided.decided_at = clock_.NowMs();
  decided.decision_reason = reason;
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Start(*lease));
  ZJ_ASSIGN_OR_RETURN(bool changed, store::DecideMemberCorrection(*lease, decided));
  if (!changed) {
    return Fail(ErrorCode::kConflict, "error.corrections.decided", "correction decided meanwhile");
  }
  std::vector<std::pair<std::string, std::string>> params{{"field", found.field}};
  if (reason) params.emplace_back("reason", *reason);
  ZJ_RETURN_IF_ERROR(
      NotifyWorker(*lease, clock_, random_, found.worker_id,
                   applied ? inbox_kind::kCorrectionApplied : inbox_kind::kCorrectionRejected,
                   JsonObjectOfStrings(params), found.id));
  ZJ_RETURN_IF_ERROR(audit_.Record(
      *lease, AuditActor::From(actor),
      AuditEvent{applied ? "member_correction.apply" : "member_correction.reject",
                 "member_correction",
                 std::to_string(found.id),
                 "ok",
                 actor.remote_addr,
                 {{"member_id", std::to_string(found.member_id)}, {"field", found.field}}}));
  ZJ_RETURN_IF_ERROR(tx.Commit());
  ZJ_ASSIGN_OR_RETURN(auto after, store::FindMemberCorrection(*lease, found.id));
  if (!after) return Fail(CorrectionNotFound(found.id));
  return ViewOf(std::move(*after));
}

}  // namespace zj::app
