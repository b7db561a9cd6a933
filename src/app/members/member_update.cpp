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

std::string Or(const std::optional<std::string>& v) { return v.value_or(""); }

std::string YesNo(bool b) { return b ? "true" : "false"; }

}  // namespace

Result<MemberView> MemberService::Update(const Actor& actor, std::int64_t id,
                                         const MemberPatch& patch) {
  ZJ_RETURN_IF_ERROR(MustManageMembers(actor));
  const members::Date today = TodayInChina(clock_);
  Error invalid = Invalid();
  std::optional<std::string> name;
  if (patch.name) {
    if (auto n = text::NormalisePersonName("name", *patch.name)) {
      name = std::move(*n);
    } else {
      invalid.fields.push_back(std::move(n.error()));
    }
  }
  std::optional<members::Gender> gender;
  if (patch.gender) {
    gender = members::ParseGender(*patch.gender);
    if (!gender) invalid.fields.push_back({"gender", "error.gender.invalid", {}});
  }
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
    if (name) {
      row.name = *name;
      // The search keys as create and import compute them, so name searches find the new name.
      const members::NameKeys keys = members::NameKeysOf(row.name);
      row.name_pinyin = keys.pinyin;
      row.name_initials = keys.initials;
      diff("name", before->name, row.name);
    }
    if (gender) {
      // As at create: the gender is the ID number's (GB 11643-1999 §4.4, its 17th digit), so a
      // correction can only bring a stored gender back to it.
      ZJ_ASSIGN_OR_RETURN(std::string number, vault_.Open(kMemberIdField, before->id_cipher));
      const members::IdParse parsed = members::ParseNationalId(number, today);
      if (parsed.id && parsed.id->gender != *gender) {
        invalid.fields.push_back({"gender", "error.members.gender_mismatch", {}});
      }
      row.gender = std::string(members::GenderName(*gender));
      diff("gender", before->gender, row.gender);
    }
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

}  // namespace zj::app
