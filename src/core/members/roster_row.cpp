#include "core/members/roster_row.h"

#include "core/enterprises/uscc.h"
#include "core/members/member_fields.h"
#include "core/orgs/org_fields.h"
#include "core/personal_data/phone.h"
#include "core/text/halfwidth.h"
#include "core/text/person_name.h"

namespace zj::members {

namespace {

//! The cell of `column`, trimmed and half-width; "" when the file has no such column.
std::string Cell(const RosterHeader& header, const std::vector<std::string>& cells,
                 RosterColumn column) {
  const auto index = header.Of(column);
  if (!index || *index >= cells.size()) return {};
  return std::string(text::TrimSpaces(text::ToHalfWidth(cells[*index])));
}

RosterRowCheck Refuse(RosterColumn column, std::string code,
                      std::vector<std::pair<std::string, std::string>> args = {}) {
  return {std::nullopt, RosterRowProblem{column, std::move(code), std::move(args)}};
}

}  // namespace

bool IsBlankRow(const std::vector<std::string>& cells) {
  for (const auto& cell : cells) {
    if (!text::TrimSpaces(cell).empty()) return false;
  }
  return true;
}

RosterRowCheck CheckRosterRow(const RosterHeader& header, const std::vector<std::string>& cells,
                              const Date& today) {
  RosterMember m;
  using C = RosterColumn;

  auto name = text::NormalisePersonName("name", Cell(header, cells, C::kName));
  if (!name) return Refuse(C::kName, name.error().message_key, name.error().args);
  m.name = std::move(*name);

  const std::string id_text = Cell(header, cells, C::kIdNumber);
  if (id_text.empty()) return Refuse(C::kIdNumber, "error.field.required");
  IdParse id = ParseNationalId(id_text, today);
  if (!id.id) return Refuse(C::kIdNumber, std::string(IdProblemKey(*id.problem)));
  m.id = std::move(*id.id);

  if (const std::string g = Cell(header, cells, C::kGender); !g.empty()) {
    const auto gender = ParseGender(g);
    if (!gender) return Refuse(C::kGender, "error.gender.invalid");
    if (*gender != m.id.gender) return Refuse(C::kGender, "error.members.gender_mismatch");
  }

  if (const std::string p = Cell(header, cells, C::kPhone); !p.empty()) {
    auto phone = personal_data::NormalisePhone(p);
    if (!phone) return Refuse(C::kPhone, "error.phone.invalid");
    m.phone = std::move(*phone);
  }

  if (const std::string d = Cell(header, cells, C::kJoinDate); !d.empty()) {
    m.join_date = ParseRosterDate(d);
    if (!m.join_date) return Refuse(C::kJoinDate, "error.members.join_date");
  }

  if (const std::string e = Cell(header, cells, C::kEthnicity); !e.empty()) {
    m.ethnicity = NormaliseEthnicity(e);
    if (!m.ethnicity) return Refuse(C::kEthnicity, "error.ethnicity.invalid");
  }

  if (const std::string employer = Cell(header, cells, C::kEmployer); !employer.empty()) {
    if (auto e = CheckName("employer", employer)) {
      return Refuse(C::kEmployer, e->message_key, e->args);
    }
    m.employer_name = employer;
  }

  if (const std::string u = Cell(header, cells, C::kEmployerUscc); !u.empty()) {
    m.employer_uscc = enterprises::NormaliseUscc(u);
    if (!m.employer_uscc) return Refuse(C::kEmployerUscc, "error.uscc.invalid");
  }

  for (const auto& [column, flag] : {std::pair{C::kMigrantWorker, &m.migrant_worker},
                                     std::pair{C::kModelWorker, &m.model_worker}}) {
    if (const std::string v = Cell(header, cells, column); !v.empty()) {
      const auto yes = ParseYesNo(v);
      if (!yes) return Refuse(column, "error.yes_no.invalid");
      *flag = *yes;
    }
  }
  return {std::move(m), std::nullopt};
}

std::uint64_t IdKey(std::string_view id18) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 17 && i < id18.size(); ++i) {
    key = key * 10 + static_cast<std::uint64_t>(id18[i] - '0');
  }
  return key;
}

RosterRowProblem RosterDuplicates::Problem(std::int64_t first_row) {
  return {RosterColumn::kIdNumber,
          "error.members.duplicate_in_file",
          {{"first_row", std::to_string(first_row)}}};
}

}  // namespace zj::members
