#include <algorithm>
#include <cctype>

#include "app/coverage/online.h"
#include "app/members/card_numbers.h"
#include "app/members/member_access.h"
#include "app/members/member_edits.h"
#include "app/members/member_service.h"
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

using member_edits::Employer;
using member_edits::KeyVersionOf;
using member_edits::RecordEvent;
using member_edits::ResolveEmployer;
using member_edits::RosterDate;
using member_edits::SealedPhone;
using member_edits::SealPhone;

Error Invalid() { return Error{ErrorCode::kInvalidArgument, "error.invalid_input", "", {}, {}}; }

std::string Trim(std::string_view s) { return std::string(text::TrimSpaces(s)); }

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

}  // namespace

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

}  // namespace zj::app
