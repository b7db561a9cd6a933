#include "app/members/member_service.h"

#include <algorithm>
#include <cctype>

#include "app/coverage/online.h"
#include "app/members/card_numbers.h"
#include "app/members/member_access.h"
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

//! A sealed phone, its blind index and last four (all absent for "").
struct SealedPhone {
  std::optional<store::Blob> cipher;
  std::optional<std::string> index;
  std::optional<std::string> last4;
};

Result<SealedPhone> SealPhone(const Vault& vault, const std::string& normalised) {
  SealedPhone out;
  if (normalised.empty()) return out;
  ZJ_ASSIGN_OR_RETURN(SealedValue sealed, vault.SealIndexed(kMemberPhoneField, normalised));
  out.cipher = std::move(sealed.cipher);
  out.index = std::move(sealed.index);
  out.last4 = normalised.substr(normalised.size() - 4);
  return out;
}

//! A member row's key version: the oldest its sealed values name (vault.h OldestVersion).
std::int64_t KeyVersionOf(const store::MemberRow& row) {
  return Vault::OldestVersion({&row.id_cipher, row.phone_cipher ? &*row.phone_cipher : nullptr});
}

//! A date written any way rosters write one, as YYYY-MM-DD; not after today.
std::optional<std::string> RosterDate(const std::string& text, const members::Date& today) {
  const auto date = members::ParseRosterDate(text);
  if (!date || std::chrono::sys_days(*date) > std::chrono::sys_days(today)) return std::nullopt;
  return members::FormatDate(*date);
}

std::string Or(const std::optional<std::string>& v) { return v.value_or(""); }

std::string YesNo(bool b) { return b ? "true" : "false"; }

//! The active member of this ID anywhere, if any.
Result<std::optional<store::MemberRow>> ActiveWithIndexes(store::Connection& conn,
                                                          const std::vector<std::string>& idx) {
  ZJ_ASSIGN_OR_RETURN(auto rows, store::FindMembersByIdIndexes(conn, idx));
  for (auto& r : rows) {
    if (r.status == "active") return std::optional<store::MemberRow>(std::move(r));
  }
  return std::optional<store::MemberRow>();
}

//! The person is active in another union. One of the actor's subtree is named (they see its
//! members anyway); one beyond it is not: that would tell any cadre where anyone is a member.
Error ActiveElsewhere(const Actor& actor, const store::MemberRow& other) {
  if (!PathInScope(actor, other.org_path)) {
    Error e{ErrorCode::kAlreadyExists,
            "error.members.active_other_union",
            "active in a union beyond the actor's subtree",
            {},
            {}};
    e.fields.push_back({"id_number", "error.members.active_other_union", {}});
    return e;
  }
  Error e{ErrorCode::kAlreadyExists,
          "error.members.active_elsewhere",
          "active in union " + std::to_string(other.union_org_id),
          {},
          {}};
  e.args.emplace_back("union", other.union_name);
  e.args.emplace_back("member_union.name", other.union_name);
  e.args.emplace_back("member_union.id", std::to_string(other.union_org_id));
  e.fields.push_back(
      {"id_number", "error.members.active_elsewhere", {{"union", other.union_name}}});
  return e;
}

//! The employer of a member: an enterprise in the actor's scope (by id or USCC), else a name.
struct Employer {
  std::optional<std::int64_t> id;
  std::optional<std::string> name;
};

Result<Employer> ResolveEmployer(store::Connection& conn, const Actor& actor,
                                 const std::optional<std::int64_t>& id,
                                 const std::optional<std::string>& uscc,
                                 const std::optional<std::string>& name, Error& invalid) {
  Employer out;
  if (id) {
    ZJ_ASSIGN_OR_RETURN(auto e, store::FindEnterpriseById(conn, *id));
    if (!e || !PathInScope(actor, e->org_path)) {
      invalid.fields.push_back({"employer_id", "error.members.employer_unknown", {}});
      return out;
    }
    out.id = e->id;
    return out;
  }
  if (uscc && !Trim(*uscc).empty()) {
    const auto normal = enterprises::NormaliseUscc(*uscc);
    if (!normal) {
      invalid.fields.push_back({"employer_uscc", "error.uscc.invalid", {}});
      return out;
    }
    ZJ_ASSIGN_OR_RETURN(auto e, store::FindEnterpriseByUscc(conn, *normal));
    if (e && PathInScope(actor, e->org_path)) {
      out.id = e->id;
      return out;
    }
    if (!name || Trim(*name).empty()) {
      invalid.fields.push_back({"employer_uscc", "error.members.employer_unknown", {}});
      return out;
    }
  }
  if (name && !Trim(*name).empty()) {
    const std::string n = Trim(*name);
    if (auto e = CheckName("employer_name", n)) {  // an org's name: 100 characters at most
      invalid.fields.push_back(*e);
    }
    out.name = n;
  }
  return out;
}

Result<void> RecordEvent(store::Connection& conn, const Clock& clock, Random& random,
                         const Actor& actor, const store::MemberRow& m, const std::string& event,
                         const std::vector<std::pair<std::string, std::string>>& detail) {
  store::MemberEventRow e;
  e.id = NewId(clock, random);
  e.federation_id = m.federation_id;
  e.member_id = m.id;
  e.at = clock.NowMs();
  if (actor.user_id != 0) e.actor_id = actor.user_id;
  e.event = event;
  e.detail = JsonObjectOfStrings(detail);
  return store::InsertMemberEvent(conn, e);
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

Result<MemberView> MemberService::Create(const Actor& actor, const NewMember& in) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  const members::Date today = TodayInChina(clock_);
  Error invalid = Invalid();
  store::MemberRow row;
  if (auto name = text::NormalisePersonName("name", in.name)) {
    row.name = std::move(*name);
  } else {
    invalid.fields.push_back(std::move(name.error()));
  }
  std::optional<members::NationalId> id;
  if (Trim(in.id_number).empty()) {
    invalid.fields.push_back({"id_number", "error.field.required", {}});
  } else {
    const members::IdParse parsed = members::ParseNationalId(in.id_number, today);
    if (parsed.id) {
      id = parsed.id;
    } else {
      invalid.fields.push_back(
          {"id_number", std::string(members::IdProblemKey(*parsed.problem)), {}});
    }
  }
  if (in.gender && !Trim(*in.gender).empty()) {
    const auto g = members::ParseGender(*in.gender);
    if (!g) {
      invalid.fields.push_back({"gender", "error.gender.invalid", {}});
    } else if (id && *g != id->gender) {
      invalid.fields.push_back({"gender", "error.members.gender_mismatch", {}});
    }
  }
  std::string phone;
  if (in.phone && !Trim(*in.phone).empty()) {
    if (auto p = personal_data::NormalisePhone(*in.phone, "phone")) {
      phone = *p;
    } else {
      invalid.fields.push_back({"phone", "error.phone.invalid", {}});
    }
  }
  if (in.ethnicity && !Trim(*in.ethnicity).empty()) {
    row.ethnicity = members::NormaliseEthnicity(*in.ethnicity);
    if (!row.ethnicity) invalid.fields.push_back({"ethnicity", "error.ethnicity.invalid", {}});
  }
  if (in.join_date && !Trim(*in.join_date).empty()) {
    row.join_date = RosterDate(*in.join_date, today);
    if (!row.join_date) invalid.fields.push_back({"join_date", "error.members.join_date", {}});
  }
  if (!invalid.fields.empty() && !id) return Fail(std::move(invalid));

  std::vector<std::string> indexes;
  if (id) {
    ZJ_ASSIGN_OR_RETURN(SealedValue sealed_id, vault_.SealIndexed(kMemberIdField, id->number));
    row.id_cipher = std::move(sealed_id.cipher);
    row.id_index = sealed_id.index;
    indexes = sealed_id.Lookups();
    row.id_last4 = id->number.substr(14);
    row.gender = std::string(members::GenderName(id->gender));
    row.birth_date = members::FormatDate(id->birth_date);
  }
  ZJ_ASSIGN_OR_RETURN(SealedPhone sealed, SealPhone(vault_, phone));
  row.phone_cipher = sealed.cipher;
  row.phone_index = sealed.index;
  row.phone_last4 = sealed.last4;
  row.key_version = KeyVersionOf(row);
  const members::NameKeys keys = members::NameKeysOf(row.name);
  row.name_pinyin = keys.pinyin;
  row.name_initials = keys.initials;
  row.migrant_worker = in.migrant_worker;
  row.model_worker = in.model_worker;
  row.id = NewId(clock_, random_);
  row.created_at = row.updated_at = clock_.NowMs();

  // An ID active beyond the subtree is a look-up of the whole registry (id_lookups.h).
  if (id) ZJ_RETURN_IF_ERROR(lookups_.Check(actor));
  std::int64_t beyond = 0;
  auto created = store::InTransaction(db_, [&](store::Connection& c) -> Result<MemberView> {
    auto union_org = LoadOrgInScope(c, actor, in.union_id, "union_id");
    if (!union_org) {
      if (union_org.error().code != ErrorCode::kNotFound) return Fail(union_org.error());
      invalid.code = ErrorCode::kNotFound;
      invalid.fields.push_back({"union_id", "error.org.not_found", {}});
      return Fail(std::move(invalid));
    }
    if (union_org->kind != "grassroots") {
      invalid.fields.push_back({"union_id", "error.members.not_grassroots", {}});
    } else if (union_org->status != "active") {
      invalid.fields.push_back({"union_id", "error.members.union_inactive", {}});
    }
    ZJ_ASSIGN_OR_RETURN(
        Employer employer,
        ResolveEmployer(c, actor, in.employer_id, in.employer_uscc, in.employer_name, invalid));
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    ZJ_ASSIGN_OR_RETURN(auto other, ActiveWithIndexes(c, indexes));
    if (other) {
      if (!PathInScope(actor, other->org_path)) beyond = other->id;
      return Fail(ActiveElsewhere(actor, *other));
    }
    row.employer_id = employer.id;
    row.employer_name = employer.name;
    row.union_org_id = union_org->id;
    row.org_path = union_org->path;
    row.federation_id = union_org->federation_id;
    ZJ_ASSIGN_OR_RETURN(std::string region, members::CardRegionOf(c, *union_org));
    ZJ_ASSIGN_OR_RETURN(std::int64_t serial, store::ReserveCardSerials(c, region, 1));
    row.card_number = members::MakeCardNumber(region, static_cast<std::uint32_t>(serial));
    ZJ_RETURN_IF_ERROR(store::InsertMember(c, row));
    ZJ_RETURN_IF_ERROR(MoveMemberCount(c, row.org_path, +1));
    ZJ_RETURN_IF_ERROR(
        RecordEvent(c, clock_, random_, actor, row, "created", {{"union", union_org->name}}));
    ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                     AuditEvent{"member.create",
                                                "member",
                                                std::to_string(row.id),
                                                "ok",
                                                actor.remote_addr,
                                                {{"union", union_org->code}}}));
    ZJ_ASSIGN_OR_RETURN(auto stored, store::FindMemberById(c, row.id));
    return ViewOf(*stored);
  });
  if (!created && created.error().code == ErrorCode::kAlreadyExists &&
      created.error().message_key == "error.db.unique") {
    // Another request recorded the same person between our check and our insert.
    auto lease = db_.Acquire();
    if (lease) {
      auto other = ActiveWithIndexes(**lease, indexes);
      if (other && *other) {
        if (!PathInScope(actor, (*other)->org_path))
          lookups_.Record(actor, "member.create", (*other)->id);
        return Fail(ActiveElsewhere(actor, **other));
      }
    }
  }
  if (beyond != 0) lookups_.Record(actor, "member.create", beyond);
  return created;
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

Result<MemberView> MemberService::Update(const Actor& actor, std::int64_t id,
                                         const MemberPatch& patch) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  const members::Date today = TodayInChina(clock_);
  Error invalid = Invalid();
  std::optional<std::string> phone;  // normalised; "" clears
  if (patch.phone) {
    phone = "";
    if (!Trim(*patch.phone).empty()) {
      if (auto p = personal_data::NormalisePhone(*patch.phone, "phone")) {
        phone = *p;
      } else {
        invalid.fields.push_back({"phone", "error.phone.invalid", {}});
      }
    }
  }
  std::optional<std::optional<std::string>> ethnicity;
  if (patch.ethnicity) {
    ethnicity.emplace();
    if (!Trim(*patch.ethnicity).empty()) {
      *ethnicity = members::NormaliseEthnicity(*patch.ethnicity);
      if (!*ethnicity) invalid.fields.push_back({"ethnicity", "error.ethnicity.invalid", {}});
    }
  }
  std::optional<std::optional<std::string>> join_date;
  if (patch.join_date) {
    join_date.emplace();
    if (!Trim(*patch.join_date).empty()) {
      *join_date = RosterDate(*patch.join_date, today);
      if (!*join_date) invalid.fields.push_back({"join_date", "error.members.join_date", {}});
    }
  }
  std::optional<std::string> status_on;
  if (patch.status) {
    if (*patch.status != "retired" && *patch.status != "deceased" && *patch.status != "left") {
      invalid.fields.push_back({"status", "error.members.status", {}});
    }
    status_on = members::FormatDate(today);
    if (patch.status_changed_on && !Trim(*patch.status_changed_on).empty()) {
      status_on = RosterDate(*patch.status_changed_on, today);
      if (!status_on) {
        invalid.fields.push_back({"status_changed_on", "error.members.join_date", {}});
      }
    }
  } else if (patch.status_changed_on) {
    invalid.fields.push_back({"status", "error.field.required", {}});
  }
  SealedPhone sealed;
  if (phone) {
    ZJ_ASSIGN_OR_RETURN(sealed, SealPhone(vault_, *phone));
  }

  return store::InTransaction(db_, [&](store::Connection& c) -> Result<MemberView> {
    ZJ_ASSIGN_OR_RETURN(auto before, store::FindMemberById(c, id));
    if (!before || !PathInScope(actor, before->org_path)) return Fail(MemberNotFound(id));
    store::MemberRow row = *before;
    std::vector<std::pair<std::string, std::string>> detail;
    const auto diff = [&](const char* field, const std::string& from, const std::string& to) {
      if (from != to) detail.emplace_back(field, from + " → " + to);
    };
    if (phone) {
      // Never the number itself, not even masked: only that it changed.
      const bool had = row.phone_cipher.has_value();
      row.phone_cipher = sealed.cipher;
      row.phone_index = sealed.index;
      row.phone_last4 = sealed.last4;
      if (row.phone_index != before->phone_index || had != row.phone_cipher.has_value()) {
        detail.emplace_back("phone", phone->empty() ? "cleared" : "changed");
      }
    }
    if (ethnicity) {
      row.ethnicity = *ethnicity;
      diff("ethnicity", Or(before->ethnicity), Or(row.ethnicity));
    }
    if (join_date) {
      row.join_date = *join_date;
      diff("join_date", Or(before->join_date), Or(row.join_date));
    }
    if (patch.migrant_worker) {
      row.migrant_worker = *patch.migrant_worker;
      diff("migrant_worker", YesNo(before->migrant_worker), YesNo(row.migrant_worker));
    }
    if (patch.model_worker) {
      row.model_worker = *patch.model_worker;
      diff("model_worker", YesNo(before->model_worker), YesNo(row.model_worker));
    }
    if (patch.employer_set) {
      ZJ_ASSIGN_OR_RETURN(
          Employer employer,
          ResolveEmployer(c, actor, patch.employer_id, std::nullopt, patch.employer_name, invalid));
      row.employer_id = employer.id;
      row.employer_name = employer.name;
      const auto employer_text = [](const store::MemberRow& m) {
        return m.employer_id ? "#" + std::to_string(*m.employer_id) : Or(m.employer_name);
      };
      diff("employer", employer_text(*before), employer_text(row));
    }
    if (!invalid.fields.empty()) return Fail(std::move(invalid));
    const bool status_changes = patch.status && *patch.status != before->status;
    if (status_changes) {
      if (before->status != "active") {
        return Fail(FieldProblem("status", "error.members.status_final"));
      }
      ZJ_ASSIGN_OR_RETURN(auto transfers, store::TransfersOfMember(c, id));
      for (const auto& t : transfers) {
        if (t.state == "pending") {
          Error e = FieldProblem("status", "error.transfers.pending");
          e.code = ErrorCode::kFailedPrecondition;
          return Fail(std::move(e));
        }
      }
      row.status = *patch.status;
      row.status_changed_on = status_on;
    }
    row.updated_at = clock_.NowMs();
    row.key_version = KeyVersionOf(row);  // a new phone may be sealed with a newer key
    ZJ_RETURN_IF_ERROR(store::UpdateMember(c, row));
    if (status_changes) {
      ZJ_RETURN_IF_ERROR(MoveMemberCount(c, row.org_path, -1));
      ZJ_RETURN_IF_ERROR(MoveBoundMember(c, *before, before->org_path, ""));
      ZJ_RETURN_IF_ERROR(RecordEvent(
          c, clock_, random_, actor, row, "status",
          {{"status", before->status + " → " + row.status}, {"on", Or(row.status_changed_on)}}));
    }
    if (!detail.empty()) {
      ZJ_RETURN_IF_ERROR(RecordEvent(c, clock_, random_, actor, row, "updated", detail));
    }
    if (status_changes || !detail.empty()) {
      std::vector<std::pair<std::string, std::string>> audited;
      audited.reserve(detail.size() + 1);
      for (const auto& [field, _] : detail) audited.emplace_back("field", field);
      if (status_changes) audited.emplace_back("status", row.status);
      ZJ_RETURN_IF_ERROR(audit_.Record(c, AuditActor::From(actor),
                                       AuditEvent{"member.update", "member", std::to_string(id),
                                                  "ok", actor.remote_addr, std::move(audited)}));
    }
    ZJ_ASSIGN_OR_RETURN(auto stored, store::FindMemberById(c, id));
    return ViewOf(*stored);
  });
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
    ZJ_RETURN_IF_ERROR(
        RecordEvent(c, clock_, random_, actor, *row, "revealed", {{"field", field_name}}));
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
