// The JSON forms of competitions (Competition, CompetitionDetail, CompetitionEntry, Judge,
// JudgingCard, Ranking of the OpenAPI document) and the readers of their bodies. Ids are
// decimal strings, marks integer centi-points, totals and results integer e4, times Unix ms,
// days YYYY-MM-DD. Entries name their entrant by id only: no member's personal data.
#pragma once

#include <nlohmann/json.hpp>

#include "app/competitions/competition_service.h"
#include "http/json_writer.h"
#include "http/route.h"

namespace zj::http {

void WriteCompetition(JsonWriter& w, const store::CompetitionRow& c);
void WriteCompetitionDetail(JsonWriter& w, const app::CompetitionDetail& d);
void WriteCompEntry(JsonWriter& w, const app::EntryView& e);
void WriteCompJudge(JsonWriter& w, const app::JudgeView& j);
void WriteJudgingCard(JsonWriter& w, const app::JudgingCard& c);
void WriteRanking(JsonWriter& w, const app::RankingView& r);

//! The body of POST /api/v1/competitions; field errors added to `invalid`.
app::NewCompetition ReadNewCompetition(const nlohmann::json& body, Error& invalid);
app::NewEntry ReadNewEntry(const nlohmann::json& body, Error& invalid);
app::NewJudge ReadNewJudge(const nlohmann::json& body, Error& invalid);
//! {marks: {code: centi}} of PUT /api/v1/judging/:id.
std::vector<competitions::Mark> ReadMarks(const nlohmann::json& body, Error& invalid);

}  // namespace zj::http
