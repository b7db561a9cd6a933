// The talent pool's entries, titles and search (issue 22); studios are in studios.cpp.
#include "app/talent/talent_service.h"

#include "app/beijing_day.h"
#include "app/members/member_access.h"
#include "app/orgs/org_scope.h"
#include "app/worker_accounts/worker_errors.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"
#include "store/members.h"
#include "store/worker_accounts.h"

namespace zj::app {

namespace {

constexpr int kMaxLimit = 200;

//! Characters of UTF-8 text (code points).
std::size_t Chars(const std::string& text) {
  std::size_t n = 0;
  for (const unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

//! A field error for text of 1..max characters, or none.
void CheckText(Error& e, const std::string& field, const std::string& text, std::size_t max) {
  if (text.empty()) {
    e.fields.push_back({field, "error.field.required", {}});
  } else if (Chars(text) > max) {
    e.fields.push_back({field, "error.field.too_long", {{"max", std::to_string(max)}}});
  }
}

bool IsDay(const std::string& text) {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' &&
         members::ParseRosterDate(text).has_value();
}

int YearOf(const std::string& day) { return std::stoi(day.substr(0, 4)); }

TalentEntryView ViewOf(store::TalentEntryRow row) {
  TalentEntryView v{std::move(row), ""};
  v.id_masked = std::string(14, '*') + v.row.id_last4;
  return v;
}

Error InvalidInput(const std::string& what) {
  return Error{ErrorCode::kInvalidArgument, "error.invalid_input", what, {}, {}};
}

}  // namespace

Result<void> MustKeepTalent(const Actor& actor) {
  if (!IsWorker(actor) &&
      (actor.role == "admin" || actor.role == "staff" || actor.role == "cadre")) {
    return {};
  }
  return Fail(ErrorCode::kPermissionDenied, "error.talent.forbidden",
              actor.role + " does not keep the talent pool");
}

std::optional<talent::SkillLevel> LevelOfText(const std::string& text) {
  return talent::ParseSkillLevel(text);
}

Result<void> TalentService::Audit(store::Connection& conn, const Actor& actor,
                                  const std::string& action, const std::string& type,
                                  std::int64_t id,
                                  std::vector<std::pair<std::string, std::string>> detail) {
  const AuditEvent event{action,           type, std::to_string(id), "ok", actor.remote_addr,
                         std::move(detail)};
  return audit_.Record(conn, AuditActor::From(actor), event);
}

Result<TalentCard> TalentService::CardOf(store::Connection& conn, std::int64_t member_id,
                                         const std::string& member_name) {
  TalentCard card;
  card.member_id = member_id;
  card.member_name = member_name;
  ZJ_ASSIGN_OR_RETURN(auto entry, store::FindTalentEntry(conn, member_id));
  if (entry) card.entry = ViewOf(std::move(*entry));
  ZJ_ASSIGN_OR_RETURN(card.titles, store::TitlesOfMember(conn, member_id));
  ZJ_ASSIGN_OR_RETURN(card.studios, store::StudiosLedBy(conn, member_id));
  return card;
}

Result<TalentPage> TalentService::Search(const Actor& actor, const TalentSearch& s) {
  ZJ_RETURN_IF_ERROR(MustKeepTalent(actor));
  Error e = InvalidInput("talent search");
  if (Chars(s.trade) > 40) e.fields.push_back({"trade", "error.field.too_long", {{"max", "40"}}});
  std::optional<talent::SkillLevel> at_least;
  if (!s.level_at_least.empty()) {
    at_least = LevelOfText(s.level_at_least);
    if (!at_least) e.fields.push_back({"level_at_least", "error.talent.level", {}});
  }
  if (s.limit < 1 || s.limit > kMaxLimit) {
    e.fields.push_back({"limit", "error.field.out_of_range", {{"min", "1"}, {"max", "200"}}});
  }
  if (!e.fields.empty()) return Fail(std::move(e));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  store::TalentQuery q;
  if (s.org_id) {
    ZJ_ASSIGN_OR_RETURN(auto org, LoadOrgInScope(*lease, actor, *s.org_id, "org_id"));
    const OrgPath path = OrgPath::FromStored(org.path);
    q.low = path.SubtreeLow();
    q.high = path.SubtreeHigh();
  } else {
    const auto range = ScopeRange(actor);
    if (!range) return TalentPage{};
    q.low = range->first;
    q.high = range->second;
  }
  q.trade = s.trade;
  q.min_level = at_least ? talent::Number(*at_least) : talent::kMinLevel;
  if (s.after != 0) {
    // The cursor is the last member shown; its entry's path places it in the order.
    ZJ_ASSIGN_OR_RETURN(auto last, store::FindTalentEntry(*lease, s.after));
    if (!last) return Fail(FieldProblem("after", "error.field.cursor"));
    q.after_path = last->org_path;
    q.after_member = s.after;
  }
  q.limit = s.limit + 1;
  ZJ_ASSIGN_OR_RETURN(auto rows, store::SearchTalent(*lease, q));
  TalentPage page;
  for (auto& r : rows) {
    if (static_cast<int>(page.items.size()) == s.limit) {
      page.next_cursor = page.items.back().row.member_id;
      break;
    }
    page.items.push_back(ViewOf(std::move(r)));
  }
  return page;
}

Result<TalentCard> TalentService::Card(const Actor& actor, std::int64_t member_id) {
  ZJ_RETURN_IF_ERROR(MustKeepTalent(actor));
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, member_id));
  if (!member || !PathInScope(actor, member->org_path)) return Fail(MemberNotFound(member_id));
  return CardOf(*lease, member->id, member->name);
}

Result<TalentCard> TalentService::Set(const Actor& actor, std::int64_t member_id,
                                      const TalentChange& change) {
  ZJ_RETURN_IF_ERROR(MustKeepTalent(actor));
  const std::string today = BeijingDay(clock_.NowMs());
  Error e = InvalidInput("talent entry");
  CheckText(e, "trade", change.trade, 40);
  const auto level = LevelOfText(change.level);
  if (!level) e.fields.push_back({"level", "error.talent.level", {}});
  const std::string since = change.level_since.empty() ? today : change.level_since;
  if (!IsDay(since)) {
    e.fields.push_back({"level_since", "error.talent.day", {}});
  } else if (since > today) {
    e.fields.push_back({"level_since", "error.talent.day_future", {}});
  }
  if (change.level_source != "cadre" && change.level_source != "registry") {
    e.fields.push_back({"level_source", "error.field.one_of", {{"values", "cadre, registry"}}});
  }
  if (!e.fields.empty()) return Fail(std::move(e));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TalentCard> {
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, member_id));
    if (!member || !PathInScope(actor, member->org_path)) return Fail(MemberNotFound(member_id));
    store::TalentEntryRow row;
    row.member_id = member->id;
    row.federation_id = member->federation_id;
    row.org_path = member->org_path;
    row.trade = change.trade;
    row.skill_level = talent::Number(*level);
    row.level_since = since;
    row.level_source = change.level_source;
    if (actor.user_id != 0) row.updated_by = actor.user_id;
    row.updated_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::PutTalentEntry(c, row));
    ZJ_RETURN_IF_ERROR(
        Audit(c, actor, "talent.set", "member", member->id,
              {{"level", std::to_string(row.skill_level)}, {"source", row.level_source}}));
    return CardOf(c, member->id, member->name);
  });
}

Result<TalentCard> TalentService::AddTitle(const Actor& actor, std::int64_t member_id,
                                           const NewTalentTitle& in) {
  ZJ_RETURN_IF_ERROR(MustKeepTalent(actor));
  const int this_year = YearOf(BeijingDay(clock_.NowMs()));
  Error e = InvalidInput("talent title");
  if (in.kind != "craftsman" && in.kind != "model_worker" && in.kind != "honour") {
    e.fields.push_back(
        {"kind", "error.field.one_of", {{"values", "craftsman, model_worker, honour"}}});
  }
  CheckText(e, "title", in.title, 100);
  if (in.year < 1949 || in.year > this_year) {
    e.fields.push_back({"year",
                        "error.field.out_of_range",
                        {{"min", "1949"}, {"max", std::to_string(this_year)}}});
  }
  if (!e.fields.empty()) return Fail(std::move(e));
  return store::InTransaction(db_, [&](store::Connection& c) -> Result<TalentCard> {
    ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(c, member_id));
    if (!member || !PathInScope(actor, member->org_path)) return Fail(MemberNotFound(member_id));
    store::TalentTitleRow row;
    row.id = NewId(clock_, random_);
    row.member_id = member->id;
    row.federation_id = member->federation_id;
    row.kind = in.kind;
    row.title = in.title;
    row.year = in.year;
    row.source = "typed";
    if (actor.user_id != 0) row.added_by = actor.user_id;
    row.added_at = clock_.NowMs();
    ZJ_RETURN_IF_ERROR(store::InsertTalentTitle(c, row));
    ZJ_RETURN_IF_ERROR(Audit(c, actor, "talent.title.add", "member", member->id,
                             {{"kind", row.kind}, {"title_id", std::to_string(row.id)}}));
    return CardOf(c, member->id, member->name);
  });
}

Result<bool> TalentService::RaiseFromCertificate(store::Connection& conn, const Actor& actor,
                                                 std::int64_t member_id,
                                                 std::int64_t certificate_id,
                                                 talent::SkillLevel level, const std::string& trade,
                                                 const std::string& day) {
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(conn, member_id));
  if (!member) return Fail(MemberNotFound(member_id));
  ZJ_ASSIGN_OR_RETURN(auto entry, store::FindTalentEntry(conn, member_id));
  if (entry && entry->skill_level >= talent::Number(level)) return false;
  const std::string entry_trade = entry ? entry->trade : std::string();
  store::TalentEntryRow row;
  row.member_id = member->id;
  row.federation_id = member->federation_id;
  row.org_path = member->org_path;
  row.trade = !trade.empty() ? trade : entry_trade;
  row.skill_level = talent::Number(level);
  row.level_since = day.empty() ? BeijingDay(clock_.NowMs()) : day;
  row.level_source = "certificate";
  row.source_id = certificate_id;
  if (actor.user_id != 0) row.updated_by = actor.user_id;
  row.updated_at = clock_.NowMs();
  ZJ_RETURN_IF_ERROR(store::PutTalentEntry(conn, row));
  ZJ_RETURN_IF_ERROR(Audit(conn, actor, "talent.level.certificate", "member", member->id,
                           {{"level", std::to_string(row.skill_level)},
                            {"certificate_id", std::to_string(certificate_id)}}));
  return true;
}

Result<TalentCard> TalentService::Mine(const Actor& worker) {
  if (!IsWorker(worker)) return Fail(NotAWorker());
  ZJ_ASSIGN_OR_RETURN(store::Lease lease, db_.Acquire());
  ZJ_ASSIGN_OR_RETURN(auto account, store::FindWorkerAccount(*lease, *worker.worker_id));
  if (!account || !account->member_id) return Fail(NotBound());
  ZJ_ASSIGN_OR_RETURN(auto member, store::FindMemberById(*lease, *account->member_id));
  if (!member) return Fail(NotBound());
  return CardOf(*lease, member->id, member->name);
}

}  // namespace zj::app
