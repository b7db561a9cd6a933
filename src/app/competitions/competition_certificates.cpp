// Certificates at a competition's publication (issue 21 slice 4): every ranked entry whose rank
// in its group is ≤ the competition's certificate_ranks gets one, issued by the competition's
// org in the publication's transaction — an individual's to the member (the name masked on
// the certificate row, app/certificates), a team's or an enterprise's to its name.
#include <map>

#include "app/certificates/certificate_service.h"
#include "app/competitions/competition_service.h"
#include "store/enterprises.h"
#include "store/members.h"

namespace zj::app {

Result<int> CompetitionService::IssueCertificates(store::Connection& conn, const Actor& actor,
                                                  const store::CompetitionRow& comp,
                                                  const RankingView& view) {
  if (comp.certificate_ranks <= 0) return 0;
  ZJ_ASSIGN_OR_RETURN(auto groups, store::GroupsOfCompetition(conn, comp.id));
  std::map<std::int64_t, std::string> group_names;
  for (const auto& g : groups) group_names[g.id] = g.name;
  int issued = 0;
  for (const auto& line : view.lines) {
    if (line.rank_group > comp.certificate_ranks) continue;
    ZJ_ASSIGN_OR_RETURN(auto entry, store::FindCompEntry(conn, line.entry_id));
    if (!entry) continue;
    NewCertificate in;
    in.federation_id = comp.federation_id;
    in.org_id = comp.org_id;
    in.org_path = comp.org_path;
    in.kind = "competition";
    in.source_id = entry->id;
    in.title = comp.title;
    in.award = group_names[entry->group_id];
    in.place = line.rank_group;
    if (entry->entrant_kind == "individual" && entry->member_id) {
      ZJ_ASSIGN_OR_RETURN(auto m, store::FindMemberById(conn, *entry->member_id));
      if (!m) continue;
      in.member_id = m->id;
      in.holder_kind = "member";
      in.holder_name = m->name;
    } else if (entry->entrant_kind == "team") {
      in.holder_kind = "team";
      in.holder_name = entry->team_name.value_or("");
    } else {
      if (!entry->enterprise_id) continue;
      ZJ_ASSIGN_OR_RETURN(auto ent, store::FindEnterpriseById(conn, *entry->enterprise_id));
      if (!ent) continue;
      in.holder_kind = "enterprise";
      in.holder_name = ent->name;
    }
    ZJ_ASSIGN_OR_RETURN(auto cert, IssueCertificate(conn, clock_, random_, in));
    ZJ_RETURN_IF_ERROR(Audit(conn, actor, "certificate.issue", "certificate", cert.id,
                             {{"competition", std::to_string(comp.id)},
                              {"entry", std::to_string(entry->id)},
                              {"place", std::to_string(line.rank_group)}}));
    ++issued;
  }
  return issued;
}

}  // namespace zj::app
