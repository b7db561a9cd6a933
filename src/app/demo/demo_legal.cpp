// The demo's legal cases (法律援助 / 维权, issue 20): on the first morning the administrator fills
// the lawyers' directory — a legal-aid centre (法律援助中心) for each of four districts and two
// lawyers of sample firms in 东城 and 西城 — then over the last months the local accounts open
// twenty cases for workers of grassroots unions against enterprises of the district: wage
// arrears most of all, then contracts, injuries, social insurance, dismissals and overtime. The
// cases reach every stage a week apart (some closed with money recovered, one enforcement with
// part of it recovered); two are collective disputes — one with twelve workers, one claiming
// ¥600,000 — and alert their district: 东城's staff acknowledged theirs, the other waits on the
// workbench. The first four cases carry documents: a contract or pay slips at consultation, an
// application at mediation. Every step goes through LegalCaseService, so the rules and the trail
// are the real ones. The workers are drawn by a drawer of this file's own, so the rest of the
// history draws exactly what it drew before.
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <tuple>

#include "app/attachments/attachments.h"
#include "app/demo/demo_evidence.h"
#include "app/demo/demo_history_parts.h"
#include "core/members/calendar_date.h"
#include "core/orgs/org_path.h"

namespace zj::app::demo {

namespace {

constexpr std::int64_t kYuan = 100;
constexpr int kCases = 20;

struct SampleCase {
  const char* type;
  const char* title;
  std::int64_t claimed_yuan;
};

constexpr std::array<SampleCase, 10> kSamples{{
    {"wage_arrears", "工地拖欠农民工工资", 86'000},
    {"contract", "未签订书面劳动合同二倍工资", 42'000},
    {"wage_arrears", "餐饮门店拖欠两个月工资", 18'600},
    {"work_injury", "工伤认定及停工留薪期待遇", 120'000},
    {"social_insurance", "未足额缴纳社会保险", 35'000},
    {"dismissal", "违法解除劳动合同赔偿金", 96'000},
    {"overtime", "延长工作时间加班费", 27'500},
    {"wage_arrears", "物业公司拖欠保洁员工资", 31'200},
    {"contract", "试用期不符合规定", 12'000},
    {"dismissal", "孕期被辞退", 78'000},
}};

constexpr const char* kStages[] = {"consultation", "mediation", "arbitration", "litigation",
                                   "enforcement"};

class LegalHistory : public std::enable_shared_from_this<LegalHistory> {
 public:
  explicit LegalHistory(World& w) : w_(w), people_(20261206) {
    for (const auto& o : w.orgs) {
      if (o.kind == "district" && districts_.size() < 4 && !w.UnionsUnder(o).empty()) {
        districts_.push_back(&o);
      }
    }
  }

  bool Empty() const { return districts_.empty(); }

  Result<void> FillDirectory() {
    for (const store::OrgRow* d : districts_) {
      LawyerInput centre;
      centre.org_id = d->id;
      centre.kind = "aid_centre";
      centre.name = d->name.substr(0, d->name.find("总工会")) + "法律援助工作站";
      centre.firm = "区司法局法律援助中心（示例）";
      centre.phone = "010-6" + std::to_string(5100000 + d->id % 900000).substr(0, 7);
      ZJ_ASSIGN_OR_RETURN(LawyerView v, w_.app.lawyers().Create(w_.admin, centre));
      centres_[d->id] = v.row.id;
    }
    for (const auto& [org, name, firm] :
         {std::tuple{&w_.dongcheng, "张立新", "北京市示例律师事务所"},
          std::tuple{&w_.xicheng, "刘敏", "北京市样例律师事务所"}}) {
      LawyerInput lawyer{org->id, "lawyer", name, firm, people_.Phone(), true};
      ZJ_ASSIGN_OR_RETURN(LawyerView v, w_.app.lawyers().Create(w_.admin, lawyer));
      lawyers_[org->id] = v.row.id;
    }
    return {};
  }

  //! Case `i`: opened now by the local account of a union of its district.
  Result<void> Open(int i) {
    // The two collective disputes: 东城's (acknowledged) and 西城's (waiting).
    const store::OrgRow* pick = districts_[static_cast<std::size_t>(i) % districts_.size()];
    if (i == 3 && !w_.UnionsUnder(w_.dongcheng).empty()) pick = &w_.dongcheng;
    if (i == 10 && !w_.UnionsUnder(w_.xicheng).empty()) pick = &w_.xicheng;
    const store::OrgRow& district = *pick;
    const auto unions = w_.UnionsUnder(district);
    const store::OrgRow& in = *unions[static_cast<std::size_t>(i) % unions.size()];
    const store::EnterpriseRow* employer = EmployerIn(district, i);
    if (employer == nullptr) return {};
    const SampleCase& sample = kSamples[static_cast<std::size_t>(i) % kSamples.size()];
    NewLegalCase c;
    c.org_id = in.id;
    c.type = sample.type;
    c.title = sample.title;
    c.employer_uscc = employer->uscc;
    c.claimed_fen = sample.claimed_yuan * kYuan;
    const std::string region = district.region_code.value_or("110101").substr(0, 6);
    const int workers = i == 3 ? 12 : 1 + i % 3;   // case 3: a collective dispute by its workers
    if (i == 10) c.claimed_fen = 600'000 * kYuan;  // case 10: by the money claimed
    for (int k = 0; k < workers; ++k) {
      const DemoPerson p = people_.Person(region);
      c.workers.push_back({std::nullopt, p.name, p.id_number});
    }
    if (i % 2 == 0) {
      auto lawyer = lawyers_.find(district.id);
      c.lawyer_id = lawyer != lawyers_.end() && i % 4 == 0 ? lawyer->second : centres_[district.id];
    }
    const Actor& handler = w_.HandlerFor(in.path);
    ZJ_ASSIGN_OR_RETURN(LegalCaseDetail d, w_.app.legal_cases().Open(handler, c));
    ids_[i] = d.row.id;
    ++w_.report.legal_cases;
    // The first cases' documents at consultation: the contract or the pay slips.
    if (i < 4) {
      ZJ_RETURN_IF_ERROR(AttachSample(
          w_.app, handler, kLegalStageOwner, d.row.id, "consultation",
          i % 2 == 0 ? "劳动合同.pdf" : "工资条.png",
          i % 2 == 0 ? SamplePdf("Labour contract (sample)\nTerm: 2024-03-01 to 2027-02-28")
                     : SamplePng(40, 56, 0xF0F0F0)));
    }
    return {};
  }

  //! Case `i` moves to `stage` today (or closes, when `stage` is "closed").
  Result<void> Move(int i, const std::string& stage) {
    auto id = ids_.find(i);
    if (id == ids_.end()) return {};
    ZJ_ASSIGN_OR_RETURN(LegalCaseDetail d, w_.app.legal_cases().Get(w_.admin, id->second));
    const Actor& handler = w_.HandlerFor(d.row.org_path);
    const std::string today = members::FormatDate(World::DayOf(w_.clock.NowMs()));
    if (stage == "closed") {
      // Mostly won in mediation or arbitration: most of the claim recovered.
      const std::int64_t recovered = d.row.claimed_fen * (i % 3 == 0 ? 100 : 80) / 100;
      ZJ_RETURN_IF_ERROR(w_.app.legal_cases().Close(
          handler, d.row.id, i % 3 == 0 ? "调解成功，全额支付" : "仲裁裁决，部分支持", recovered,
          today));
      return {};
    }
    ZJ_RETURN_IF_ERROR(
        w_.app.legal_cases().Advance(handler, d.row.id, stage, today, StageNote(stage)));
    if (stage == "mediation" && i < 4) {
      ZJ_RETURN_IF_ERROR(AttachSample(w_.app, handler, kLegalStageOwner, d.row.id, stage,
                                      "调解申请书.pdf",
                                      SamplePdf("Application for mediation (sample)\n"
                                                "Claim: unpaid wages")));
    }
    if (stage == "enforcement") {
      LegalCaseChange part;
      part.recovered_fen = d.row.claimed_fen / 2;  // half recovered so far
      ZJ_RETURN_IF_ERROR(w_.app.legal_cases().Update(handler, d.row.id, part));
    }
    return {};
  }

  //! 东城's staff acknowledge the collective disputes of their district.
  Result<void> Acknowledge() {
    LegalCaseFilter open;
    open.alerts = true;
    ZJ_ASSIGN_OR_RETURN(LegalCasePage page, w_.app.legal_cases().List(w_.dongcheng_staff, open));
    LegalCaseChange ack;
    ack.acknowledge_alert = true;
    for (const auto& c : page.items) {
      ZJ_RETURN_IF_ERROR(w_.app.legal_cases().Update(w_.dongcheng_staff, c.id, ack));
    }
    return {};
  }

 private:
  static std::string StageNote(const std::string& stage) {
    if (stage == "mediation") return "企业劳动争议调解委员会受理";
    if (stage == "arbitration") return "劳动人事争议仲裁委员会立案";
    if (stage == "litigation") return "不服裁决，向人民法院起诉";
    return "申请人民法院强制执行";
  }

  //! An enterprise of the district, the `i`-th of its own (the register is ordered by USCC).
  const store::EnterpriseRow* EmployerIn(const store::OrgRow& district, int i) const {
    const OrgPath d = OrgPath::FromStored(district.path);
    std::vector<const store::EnterpriseRow*> in;
    for (const auto& e : w_.enterprises) {
      if (d.Contains(OrgPath::FromStored(e.org_path))) in.push_back(&e);
    }
    if (in.empty()) return nullptr;
    return in[static_cast<std::size_t>(i * 7) % in.size()];
  }

  World& w_;
  DemoPeople people_;  //!< its own drawer: the rest of the history draws as before
  std::vector<const store::OrgRow*> districts_;
  std::map<std::int64_t, std::int64_t> centres_;  //!< district → its aid centre
  std::map<std::int64_t, std::int64_t> lawyers_;  //!< district → its sample lawyer
  std::map<int, std::int64_t> ids_;               //!< case number → id
};

}  // namespace

void ScheduleLegal(World& w, Timeline& timeline) {
  auto h = std::make_shared<LegalHistory>(w);
  if (h->Empty()) return;
  timeline.At(w.start_ms + 3 * kHourMs, [h] { return h->FillDirectory(); });
  for (int i = 0; i < kCases; ++i) {
    // Case i reaches stage i % 6 (5: closed), a week a stage, the last step a few days ago.
    const int target = i % 6;
    const std::int64_t opened = w.now_ms - (4 + 7 * target + (i * 3) % 17) * kDayMs;
    if (opened <= w.start_ms + kDayMs) continue;
    timeline.At(World::At(w.WorkingDay(opened, 0), 10 * 60), [h, i] { return h->Open(i); });
    for (int k = 1; k <= target; ++k) {
      const std::string stage = k == target && target == 5 ? "closed" : kStages[k];
      const std::int64_t at = World::At(w.WorkingDay(opened + kDayMs * 7 * k, 0), 11 * 60);
      if (at >= w.now_ms) break;
      timeline.At(at, [h, i, stage] { return h->Move(i, stage); });
    }
  }
  // 东城's staff acknowledge their collective dispute (case 3) yesterday morning; 西城's, the
  // one claiming ¥600,000, still waits on its workbench.
  timeline.At(World::At(w.WorkingDaysBeforeNow(1), 9 * 60), [h] { return h->Acknowledge(); });
}

}  // namespace zj::app::demo
