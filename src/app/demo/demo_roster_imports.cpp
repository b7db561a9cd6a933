// The demo's roster imports (demo_history.h), through the real import as an uploaded file goes:
// in spring 西城 imports a clean roster of new members into one of its unions; four weeks ago
// the cadre of 东华门街道 imports one with the flaws real spreadsheets have (a wrong check
// character, an ID Excel turned into 1.10101E+17, a row without a name, a short phone number, a
// person twice) and a worker still a member in 西城, then asks 西城 for that member's transfer
// (approved a few days later). Each file is imported from a nameless file in the roster folder
// that is gone when the run ends: no roster is left on disk in plain text (issue 16), and only
// an upload through the web keeps its file, sealed, for its report.
#include <unistd.h>

#include <filesystem>

#include "app/demo/demo_history_parts.h"
#include "app/jobs/sealed_file.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

namespace fs = std::filesystem;

//! A roster file's text: the usual Chinese header and `count` new people of `u`'s district.
std::string Roster(World& w, const store::OrgRow& u, int count, bool flawed,
                   const std::optional<std::pair<std::string, std::string>>& elsewhere) {
  const std::string region = u.region_code ? u.region_code->substr(0, 6) : "110101";
  std::string csv = "姓名,身份证号,性别,手机号,入会时间,民族,是否农民工\r\n";
  std::string third;  // the third row, repeated further down
  const std::string joined = members::FormatDate(World::DayOf(w.clock.NowMs()));
  for (int row = 1; row <= count; ++row) {
    DemoPerson p = w.people.Person(region);
    std::string id = p.id_number;
    std::string name = p.name;
    std::string phone = p.phone;
    if (flawed) {
      if (row == 6) id.back() = id.back() == '1' ? '2' : '1';  // a wrong check character
      if (row == 12) id = "1.10101E+17";                       // what Excel makes of it
      if (row == 19) name.clear();
      if (row == 25) phone.pop_back();  // ten digits
      if (row == 30 && !third.empty()) {
        csv += third;
        continue;
      }
      if (row == 33 && elsewhere) {  // still a member of a union in 西城
        name = elsewhere->first;
        id = elsewhere->second;
        p.male = (id[16] - '0') % 2 == 1;  // GB 11643: the sequence code's parity
      }
    }
    std::string line = name;
    for (const std::string& cell : {id, std::string(p.male ? "男" : "女"), phone, joined,
                                    p.ethnicity, std::string(w.people.Chance(0.2) ? "是" : "否")}) {
      line += ',';
      line += cell;
    }
    line += "\r\n";
    if (row == 3) third = line;
    csv += line;
  }
  return csv;
}

//! Imports the file's text into `u` as `actor`; the run's id, or 0 when it was refused.
Result<std::int64_t> Import(World& w, const store::OrgRow& u, const Actor& actor,
                            const std::string& file_name, const std::string& text) {
  std::error_code ec;
  if (!fs::exists(w.roster_dir, ec)) {
    fs::create_directories(w.roster_dir, ec);
    fs::permissions(w.roster_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  ZJ_ASSIGN_OR_RETURN(PlainFile file, PlainFile::Create(w.roster_dir));
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(file.fd(), text.data() + done, text.size() - done);
    if (n <= 0) return Fail(ErrorCode::kInternal, "error.internal", "cannot write a demo roster");
    done += static_cast<std::size_t>(n);
  }
  RosterImportRequest request;
  request.union_id = u.id;
  request.path = file.path();
  request.file_name = file_name;
  ZJ_ASSIGN_OR_RETURN(RosterImportView view, w.app.roster_imports().Run(actor, request));
  ++w.report.imports;
  w.report.members_recorded += view.run.accepted;
  return view.run.id;
}

}  // namespace

void ScheduleRosterImports(World& w, Timeline& timeline) {
  if (w.roster_dir.empty()) return;
  const auto xicheng = w.UnionsUnder(w.xicheng);
  const auto donghuamen = w.UnionsUnder(w.donghuamen);
  if (!xicheng.empty()) {
    const store::OrgRow* u = xicheng.back();
    const std::int64_t at = World::At(w.WorkingDay(w.start_ms + kDayMs * 7 * 20, 0), 15 * 60);
    timeline.At(at, [&w, u]() -> Result<void> {
      ZJ_ASSIGN_OR_RETURN(std::int64_t id,
                          Import(w, *u, w.xicheng_staff, "西城区新入会会员名册.csv",
                                 Roster(w, *u, 24, false, std::nullopt)));
      (void)id;
      return {};
    });
  }
  if (donghuamen.size() < 2) return;
  const store::OrgRow* u = donghuamen[1];
  auto run = std::make_shared<std::int64_t>(0);
  timeline.At(World::At(w.WorkingDaysBeforeNow(20), 14 * 60 + 30), [&w, u, run]() -> Result<void> {
    // Someone active in a 西城 union, as the file names them.
    std::optional<std::pair<std::string, std::string>> elsewhere;
    {
      ZJ_ASSIGN_OR_RETURN(store::Lease lease, w.app.db().Acquire());
      store::MemberQuery q;
      q.subtree_low = OrgPath::FromStored(w.xicheng.path).SubtreeLow();
      q.subtree_high = OrgPath::FromStored(w.xicheng.path).SubtreeHigh();
      q.status = "active";
      q.limit = 1;
      ZJ_ASSIGN_OR_RETURN(auto found, store::ListMembers(*lease, q));
      if (!found.empty()) {
        auto number = w.app.vault().Open(kMemberIdField, found.front().id_cipher);
        if (number) elsewhere = std::pair{found.front().name, *number};
      }
    }
    ZJ_ASSIGN_OR_RETURN(*run, Import(w, *u, w.cadre, "东华门街道会员名册（补录）.csv",
                                     Roster(w, *u, 38, true, elsewhere)));
    return {};
  });
  timeline.At(World::At(w.WorkingDaysBeforeNow(19), 10 * 60), [&w, run]() -> Result<void> {
    if (*run == 0) return {};
    ZJ_ASSIGN_OR_RETURN(CandidateTransfers asked, w.app.roster_imports().RequestTransfers(
                                                      w.cadre, w.app.transfers(), *run,
                                                      "入职本单位，申请转入", std::nullopt));
    w.report.transfers += asked.created;
    return {};
  });
  timeline.At(World::At(w.WorkingDaysBeforeNow(16), 11 * 60), [&w]() -> Result<void> {
    TransferFilter decidable;
    decidable.box = "decidable";
    decidable.state = "pending";
    ZJ_ASSIGN_OR_RETURN(TransferPage page, w.app.transfers().List(w.xicheng_staff, decidable));
    for (const auto& t : page.items) {
      if (t.row.import_id && t.can_decide) {
        ZJ_RETURN_IF_ERROR(w.app.transfers().Approve(w.xicheng_staff, t.row.id, "同意接转。"));
      }
    }
    return {};
  });
}

}  // namespace zj::app::demo
