#include "app/members/roster_batches.h"

#include <algorithm>

#include "app/imports/header_search.h"
#include "app/members/member_service.h"
#include "app/members/name_keys.h"
#include "core/imports/sheet_layout.h"
#include "core/members/member_fields.h"
#include "core/text/halfwidth.h"

namespace zj::app {

namespace {

constexpr std::string_view kIdField = kMemberIdField;
constexpr std::string_view kPhoneField = kMemberPhoneField;

}  // namespace

std::string RosterFileHeader::NameOf(const std::optional<members::RosterColumn>& c) const {
  if (!c) return {};
  const auto index = columns.Of(*c);
  if (!index || *index >= written.size()) return std::string(members::ChineseName(*c));
  return written[*index];
}

Result<OpenedRoster> OpenRoster(const std::string& path, const FileFacts& facts,
                                const std::string& sheet) {
  ZJ_ASSIGN_OR_RETURN(auto stream, OpenTableFile(path, facts, {sheet}));
  auto found = FindHeader(std::move(stream), members::KnownRosterColumns);
  if (!found) {
    Error e = std::move(found).error();
    if (e.message_key == "error.import.empty") e.args.emplace_back("file", path);
    return Fail(std::move(e));
  }
  const TableRow& row = found->header;
  RosterFileHeader header;
  header.row = row.number;
  for (const auto& cell : row.cells) header.written.emplace_back(text::TrimSpaces(cell));
  auto parsed = members::ParseRosterHeader(row.cells);
  if (!parsed.problems.empty()) {
    const auto& first = parsed.problems.front();
    Error e{ErrorCode::kInvalidArgument,
            first.message_key,
            "header: " + first.column_name,
            {},
            {{"column", first.column_name}, {"file", path}, {"row", std::to_string(row.number)}}};
    for (const auto& p : parsed.problems) {
      e.fields.push_back({"header", p.message_key, {{"column", p.column_name}}});
    }
    return Fail(std::move(e));
  }
  header.columns = std::move(parsed.header);
  return OpenedRoster{std::move(found->rows), std::move(header), std::move(found->above),
                      std::move(found->header.cells)};
}

bool IsMemberRow(const std::vector<std::string>& cells) {
  return imports::KindOfRow(cells) == imports::RowKind::kData;
}

RosterRowReader::RosterRowReader(TableStream& stream, const RosterFileHeader& header,
                                 const Vault& vault, members::Date today, std::int64_t skip_through,
                                 std::size_t batch_rows, bool seal, RosterTarget target)
    : stream_(stream),
      header_(header),
      vault_(vault),
      today_(today),
      skip_through_(skip_through),
      batch_rows_(std::max<std::size_t>(batch_rows, 1)),
      seal_(seal),
      target_(std::move(target)) {}

RosterBatch RosterRowReader::Next() {
  RosterBatch batch;
  batch.rows.reserve(std::min<std::size_t>(batch_rows_, 4096));
  TableRow row;
  while (batch.rows.size() < batch_rows_) {
    auto more = stream_.Next(row);
    if (!more) {
      batch.error = std::move(more).error();
      batch.end = true;
      break;
    }
    if (!*more) {
      batch.end = true;
      break;
    }
    batch.last_row = row.number;
    if (!IsMemberRow(row.cells)) continue;
    ++rows_seen_;
    PendingRow p;
    p.row = row.number;
    auto check = members::CheckRosterRow(header_.columns, row.cells, today_);
    if (check.member) {
      if (auto first = duplicates_.Check(members::IdKey(check.member->id.number), row.number)) {
        p.problem = members::RosterDuplicates::Problem(*first);
      }
    } else {
      p.problem = std::move(check.problem);
    }
    if (row.number <= skip_through_) continue;
    if (!p.problem && seal_) {
      if (auto e = Seal(p, std::move(*check.member)); !e) {
        batch.error = std::move(e).error();
        batch.end = true;
        break;
      }
    }
    batch.rows.push_back(std::move(p));
  }
  batch.rows_seen = rows_seen_;
  return batch;
}

Result<void> RosterRowReader::Seal(PendingRow& p, members::RosterMember&& m) const {
  const std::string& id = m.id.number;
  // Each value's index comes with its seal, from the same key (vault.h).
  ZJ_ASSIGN_OR_RETURN(SealedValue id_sealed, vault_.SealIndexed(kIdField, id));
  p.id_indexes = id_sealed.Lookups();
  store::MemberRow& r = p.member.emplace();
  r.federation_id = target_.federation_id;
  r.union_org_id = target_.union_org_id;
  r.org_path = target_.org_path;
  r.id_cipher = std::move(id_sealed.cipher);
  r.id_index = std::move(id_sealed.index);
  r.id_last4 = id.substr(14);
  r.gender = std::string(members::GenderName(m.id.gender));
  r.birth_date = members::FormatDate(m.id.birth_date);
  if (m.phone) {
    ZJ_ASSIGN_OR_RETURN(SealedValue phone, vault_.SealIndexed(kPhoneField, *m.phone));
    r.phone_cipher = std::move(phone.cipher);
    r.phone_index = std::move(phone.index);
    r.phone_last4 = m.phone->substr(7);
  }
  // The pinyin keys cost as much as sealing (ICU's transliterator): made here, off the writer.
  auto keys = members::NameKeysOf(m.name);
  r.name_pinyin = std::move(keys.pinyin);
  r.name_initials = std::move(keys.initials);
  r.name = std::move(m.name);
  r.ethnicity = std::move(m.ethnicity);
  r.employer_name = std::move(m.employer_name);
  p.employer_uscc = std::move(m.employer_uscc);
  if (m.join_date) r.join_date = members::FormatDate(*m.join_date);
  r.migrant_worker = m.migrant_worker;
  r.model_worker = m.model_worker;
  r.status = "active";
  r.key_version = Vault::OldestVersion({&r.id_cipher, r.phone_cipher ? &*r.phone_cipher : nullptr});
  return {};
}

}  // namespace zj::app
