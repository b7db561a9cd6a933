#include "app/members/member_service.h"

#include <algorithm>
#include <cctype>

#include "app/coverage/online.h"
#include "app/members/card_numbers.h"
#include "app/members/member_access.h"
#include "app/members/member_edits.h"
#include "app/members/name_keys.h"
#include "app/orgs/org_scope.h"
#include "core/accounts/password_policy.h"
#include "core/enterprises/uscc.h"
#include "core/members/member_fields.h"
#include "core/members/national_id.h"
#include "core/orgs/org_fields.h"
#include "core/orgs/org_path.h"
#include "core/personal_data/masking.h"
#include "core/personal_data/phone.h"
#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"
#include "core/text/person_name.h"
#include "store/enterprises.h"
#include "store/member_cards.h"
#include "store/orgs.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

Error Invalid() { return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}}; }

std::string Trim(std::string_view s) { return std::string(text::TrimSpaces(s)); }

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

bool AllLetters(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

MemberView MemberService::ViewOf(store::MemberRow row) const {
  MemberView view{std::move(row), "", std::nullopt};
  const store::MemberRow& r = view.row;
  if (auto id = vault_.Open(kMemberIdField, r.id_cipher)) {
    view.id_masked = personal_data::MaskNationalId(*id);
  } else {
    view.id_masked = std::string(14, '*') + r.id_last4;
  }
  if (r.phone_cipher) {
    if (auto phone = vault_.Open(kMemberPhoneField, *r.phone_cipher)) {
      view.phone_masked = personal_data::MaskPhone(*phone);
    } else {
      view.phone_masked = "*******" + r.phone_last4.value_or("");
    }
  }
  return view;
}

Result<MemberDetail> MemberService::Get(const Actor& actor, std::int64_t id) {
  ZJ_RETURN_IF_ERROR(MustReadMembers(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  const store::ReadSnapshot snapshot(*lease);
  ZJ_ASSIGN_OR_RETURN(auto row, store::FindMemberById(*lease, id));
  if (!row || !PathInScope(actor, row->org_path)) return Fail(MemberNotFound(id));
  MemberDetail out;
  out.member = ViewOf(std::move(*row));
  ZJ_ASSIGN_OR_RETURN(out.events, store::MemberEvents(*lease, id));
  if (out.member.row.has_transfers != false) {  // read with the row: none names the member
    ZJ_ASSIGN_OR_RETURN(out.transfers, transfers_.OfMember(*lease, actor, id));
  }
  return out;
}

Result<MemberPage> MemberService::List(const Actor& actor, const MemberFilter& filter) {
  ZJ_RETURN_IF_ERROR(MustReadMembers(actor));
  Error invalid = Invalid();
  if (filter.limit < 1 || filter.limit > kMaxLimit) {
    invalid.fields.push_back(
        {"limit", "error.field.out_of_range", {{"min", "1"}, {"max", std::to_string(kMaxLimit)}}});
  }
  const std::string q = Trim(text::ToHalfWidth(filter.q));
  if (auto e = text::CheckLength("q", q, text::TextKind::kSearch)) {
    invalid.fields.push_back(std::move(*e));
  }
  static constexpr std::array<std::string_view, 5> kStatuses{"active", "transferred_out", "retired",
                                                             "deceased", "left"};
  if (!filter.status.empty() &&
      std::find(kStatuses.begin(), kStatuses.end(), filter.status) == kStatuses.end()) {
    invalid.fields.push_back({"status", "error.members.status", {}});
  }
  if (!invalid.fields.empty()) return Fail(std::move(invalid));

  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::MemberQuery query;
  if (filter.org_id) {
    ZJ_ASSIGN_OR_RETURN(store::OrgRow org, LoadOrgInScope(*lease, actor, *filter.org_id, "org_id"));
    const OrgPath path = OrgPath::FromStored(org.path);
    query.subtree_low = path.SubtreeLow();
    query.subtree_high = path.SubtreeHigh();
  } else {
    const auto range = ScopeRange(actor);
    if (!range) return MemberPage{};
    query.subtree_low = range->first;
    query.subtree_high = range->second;
  }
  query.status = filter.status;
  query.after_id = filter.after_id;
  MemberPage page;
  if (q.empty()) {
    query.limit = filter.limit + 1;
    ZJ_ASSIGN_OR_RETURN(auto rows, store::ListMembers(*lease, query));
    for (auto& row : rows) {
      if (static_cast<int>(page.items.size()) == filter.limit) {
        page.next_cursor = page.items.back().row.id;
        break;
      }
      page.items.push_back(ViewOf(std::move(row)));
    }
    return page;
  }

  query.limit = filter.limit;
  std::vector<store::MemberRow> rows;
  const std::string upper = Upper(q);
  const bool id_shape =
      (upper.size() == 18 && AllDigits(upper.substr(0, 17)) &&
       (std::isdigit(static_cast<unsigned char>(upper[17])) || upper[17] == 'X')) ||
      (upper.size() == 15 && AllDigits(upper));
  if (id_shape) {
    const auto parsed = members::ParseNationalId(upper, TodayInChina(clock_));
    if (parsed.id) {
      const auto indexes = vault_.BlindIndexes(kMemberIdField, parsed.id->number);
      ZJ_ASSIGN_OR_RETURN(rows, store::SearchMembersByIndexes(*lease, query, indexes, false));
    }
  } else if (q.size() == 16 && AllDigits(q)) {
    ZJ_ASSIGN_OR_RETURN(rows, store::SearchMembersByCard(*lease, query, q));
  } else if (upper.size() == 4 && std::all_of(upper.begin(), upper.end(), [](unsigned char c) {
               return std::isdigit(c) != 0 || c == 'X';
             })) {
    ZJ_ASSIGN_OR_RETURN(rows, store::SearchMembersByLast4(*lease, query, upper));
  } else if (q.size() == 11 && q[0] == '1' && AllDigits(q)) {
    const auto indexes = vault_.BlindIndexes(kMemberPhoneField, q);
    ZJ_ASSIGN_OR_RETURN(rows, store::SearchMembersByIndexes(*lease, query, indexes, true));
  } else if (AllLetters(q)) {
    ZJ_ASSIGN_OR_RETURN(rows, store::SearchMembersByPinyin(*lease, query, Lower(q)));
  } else {
    ZJ_ASSIGN_OR_RETURN(rows, store::SearchMembersByName(*lease, query, q));
  }
  for (auto& row : rows) {
    if (static_cast<int>(page.items.size()) == filter.limit) break;
    page.items.push_back(ViewOf(std::move(row)));
  }
  return page;
}

Result<std::string> MemberService::Reveal(const Actor& actor, std::int64_t id, RevealField field,
                                          const std::string& reason) {
  ZJ_RETURN_IF_ERROR(MustReadMembers(actor));
  ZJ_ASSIGN_OR_RETURN(std::string why, CheckReason("reason", reason));
  const std::string field_name = field == RevealField::kIdNumber ? "id_number" : "phone";
  const AuditEvent attempt{"personal_data.reveal", "member",
                           std::to_string(id),     "ok",
                           actor.remote_addr,      {{"field", field_name}, {"reason", why}}};
  auto revealed = store::InTransaction(db_, [&](store::Connection& c) -> Result<std::string> {
    ZJ_ASSIGN_OR_RETURN(auto row, store::FindMemberById(c, id));
    if (!row || !PathInScope(actor, row->org_path)) return Fail(MemberNotFound(id));
    if (field == RevealField::kPhone && !row->phone_cipher) return Fail(MemberNotFound(id));
    // The entry first, in the same transaction: no entry, no value.
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor), attempt));
    ZJ_RETURN_IF_ERROR(member_edits::RecordEvent(c, clock_, random_, actor, *row, "revealed",
                                                 {{"field", field_name}}));
    if (field == RevealField::kIdNumber) return vault_.Open(kMemberIdField, row->id_cipher);
    return vault_.Open(kMemberPhoneField, *row->phone_cipher);
  });
  if (!revealed && revealed.error().code == ErrorCode::kNotFound) {
    AuditEvent denied = attempt;
    denied.outcome = "denied";
    audit_.RecordOrLog(AuditActor::From(actor), denied);
  }
  return revealed;
}

}  // namespace zj::app
