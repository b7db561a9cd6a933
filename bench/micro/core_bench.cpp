// Micro-benchmarks of core rules on the import's hot path: ID numbers, dates, phones, masks.
#include "core/members/calendar_date.h"
#include "core/members/national_id.h"
#include "core/personal_data/masking.h"
#include "core/personal_data/phone.h"
#include "inputs.h"
#include "registry.h"

namespace zj::bench {
namespace {

const members::Date kToday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{26}};

void ParseNationalId(benchmark::State& state) {
  const auto ids = IdNumbers(4096);
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const auto& id = ids[i++ % ids.size()];
    auto parsed = members::ParseNationalId(id, kToday);
    benchmark::DoNotOptimize(parsed);
    bytes += id.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
ZJ_BENCHMARK(ParseNationalId);

void ParseRosterDate(benchmark::State& state) {
  const auto dates = RosterDates(600);
  std::size_t i = 0;
  for (auto _ : state) {
    auto parsed = members::ParseRosterDate(dates[i++ % dates.size()]);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(state.iterations());
}
ZJ_BENCHMARK(ParseRosterDate);

void NormalisePhone(benchmark::State& state) {
  const auto phones = Phones(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    auto phone = personal_data::NormalisePhone(phones[i++ % phones.size()]);
    benchmark::DoNotOptimize(phone);
  }
  state.SetItemsProcessed(state.iterations());
}
ZJ_BENCHMARK(NormalisePhone);

void MaskNationalId(benchmark::State& state) {
  const auto ids = IdNumbers(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    auto masked = personal_data::MaskNationalId(ids[i++ % ids.size()]);
    benchmark::DoNotOptimize(masked);
  }
  state.SetItemsProcessed(state.iterations());
}
ZJ_BENCHMARK(MaskNationalId);

}  // namespace
}  // namespace zj::bench
