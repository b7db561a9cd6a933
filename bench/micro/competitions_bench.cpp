// Ranking a competition at the seed's scale and ten times it (issue 21, shared/context/
// service-rules.md: the 福田杯's 400 enterprises, 42,000 workers, 4,000 teams, 50 judges):
// 4,400 entries in 6 groups, each scored by 5 of the group's judges on the 35/35/30 sheet
// (22,000 scores), and 44,000 entries (220,000 scores). The time is `Rank` alone, the core of
// publishing a ranking (the target for the whole publication: < 1 s and < 10 s).
#include <cstdint>
#include <vector>

#include "core/competitions/scoring.h"
#include "registry.h"

namespace zj::bench {
namespace {

using competitions::Entry;
using competitions::JudgeScore;
using competitions::Method;

struct Competition {
  competitions::Sheet sheet;
  std::vector<Entry> entries;
  std::vector<JudgeScore> scores;
};

//! The same data every run: a small linear congruential generator, no clock.
Competition Generate(int entries, int judges) {
  constexpr int kGroups = 6;
  constexpr int kJudgesPerEntry = 5;
  Competition c;
  c.sheet = {
      {{"skill", "技能", 3500, 35}, {"safety", "安全", 3500, 35}, {"team", "协作", 3000, 30}}};
  std::uint64_t seed = 42;
  const auto next = [&](std::int64_t bound) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((seed >> 33) % static_cast<std::uint64_t>(bound));
  };
  const int per_group = judges / kGroups;
  for (int e = 1; e <= entries; ++e) {
    const int group = e % kGroups;
    c.entries.push_back({e, "g" + std::to_string(group), std::nullopt});
    if (e % 97 == 0) c.entries.back().veto = "wage_arrears";
    for (int k = 0; k < kJudgesPerEntry; ++k) {
      const int judge = group * per_group + (e + k) % per_group;
      c.scores.push_back(
          {judge, e, {{"skill", next(3501)}, {"safety", next(3501)}, {"team", next(3001)}}});
    }
  }
  return c;
}

void Rank(benchmark::State& state, int entries, Method method) {
  const Competition c = Generate(entries, 50);
  for (auto _ : state) {
    auto ranking = competitions::Rank(c.sheet, c.entries, c.scores, {method});
    benchmark::DoNotOptimize(ranking);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(c.scores.size()));
}

void RankSeedMean(benchmark::State& state) { Rank(state, 4'400, Method::kMean); }
ZJ_BENCHMARK(RankSeedMean);
void RankSeedZScore(benchmark::State& state) { Rank(state, 4'400, Method::kZScore); }
ZJ_BENCHMARK(RankSeedZScore);
void RankTenTimesZScore(benchmark::State& state) { Rank(state, 44'000, Method::kZScore); }
ZJ_BENCHMARK(RankTenTimesZScore);

}  // namespace
}  // namespace zj::bench
