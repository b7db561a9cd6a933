// Micro-benchmarks of the per-row work that needs more than core/: sealing an ID number and
// computing its blind index (libsodium), opening it again, the pinyin of a name (ICU), and the
// JSON of a member as the API answers it (nlohmann-json).
#include <nlohmann/json.hpp>

#include "app/personal_data/vault.h"
#include "app/text/pinyin.h"
#include "inputs.h"
#include "registry.h"

namespace zj::bench {
namespace {

app::KeyRing BenchKeys() {
  app::DataKey key;
  key.version = 1;
  for (std::size_t i = 0; i < key.encryption.size(); ++i) {
    key.encryption[i] = static_cast<std::uint8_t>(i);
    key.index[i] = static_cast<std::uint8_t>(255 - i);
  }
  app::KeyRing ring;
  ring.Add(key, true);
  return ring;
}

void SealAndIndexIdNumber(benchmark::State& state) {
  const app::Vault vault(BenchKeys());
  const auto ids = IdNumbers(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& id = ids[i++ % ids.size()];
    auto sealed = vault.Seal("members.id_number", id);
    auto index = vault.BlindIndex("members.id_number", id);
    benchmark::DoNotOptimize(sealed);
    benchmark::DoNotOptimize(index);
  }
  state.SetItemsProcessed(state.iterations());
}
ZJ_BENCHMARK(SealAndIndexIdNumber);

void OpenIdNumber(benchmark::State& state) {
  const app::Vault vault(BenchKeys());
  std::vector<store::Blob> sealed;
  for (const auto& id : IdNumbers(1024)) sealed.push_back(*vault.Seal("members.id_number", id));
  std::size_t i = 0;
  for (auto _ : state) {
    auto plain = vault.Open("members.id_number", sealed[i++ % sealed.size()]);
    benchmark::DoNotOptimize(plain);
  }
  state.SetItemsProcessed(state.iterations());
}
ZJ_BENCHMARK(OpenIdNumber);

void PinyinOfName(benchmark::State& state) {
  const auto names = Names(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    auto pinyin = app::PinyinOfName(names[i++ % names.size()]);
    benchmark::DoNotOptimize(pinyin);
  }
  state.SetItemsProcessed(state.iterations());
}
ZJ_BENCHMARK(PinyinOfName);

void MemberJson(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    nlohmann::json member{
        {"id", "913755553728955690"},
        {"name", "张晓林"},
        {"id_number_masked", "110101********1234"},
        {"gender", "male"},
        {"birth_date", "1990-03-07"},
        {"ethnicity", "汉族"},
        {"phone_masked", "138****5678"},
        {"employer", {{"id", "913755571667479679"}, {"name", "北京某某科技有限公司"}}},
        {"union", {{"id", "913755571667479680"}, {"name", "东华门街道联合工会"}}},
        {"join_date", "2015-07-25"},
        {"card_number", "1101010000012345"},
        {"migrant_worker", false},
        {"model_worker", false},
        {"status", "active"}};
    const std::string text = member.dump();
    bytes += text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
ZJ_BENCHMARK(MemberJson);

}  // namespace
}  // namespace zj::bench
