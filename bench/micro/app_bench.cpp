// Micro-benchmarks of the per-row work that needs more than core/: sealing an ID number and
// computing its blind index (libsodium), opening it again, the pinyin of a name (ICU), and the
// JSON of a member as the API answers it (JsonWriter, beside the nlohmann DOM it replaced).
#include <nlohmann/json.hpp>

#include "app/personal_data/vault.h"
#include "app/text/pinyin.h"
#include "http/routes/member_json.h"
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

app::MemberDetail SampleMember() {
  app::MemberDetail d;
  auto& m = d.member.row;
  m.id = 913755553728955690;
  m.name = "张晓林";
  m.gender = "male";
  m.birth_date = "1990-03-07";
  m.ethnicity = "汉族";
  m.employer_id = 913755571667479679;
  m.employer_display = "北京某某科技有限公司";
  m.union_org_id = 913755571667479680;
  m.union_name = "东华门街道联合工会";
  m.join_date = "2015-07-25";
  m.card_number = "1101010000012345";
  m.status = "active";
  m.created_at = 1764201600000;
  m.updated_at = 1764201600000;
  d.member.id_masked = "110101********1234";
  d.member.phone_masked = "138****5678";
  d.events.push_back(
      {1, 1, m.id, 1764201600000, 7, "updated", R"({"fields":["phone"]})", std::string("管理员")});
  return d;
}

//! Runs `encode(member) -> std::string` per iteration, counting items and bytes.
template <typename Encode>
void EncodeMember(benchmark::State& state, Encode encode) {
  const app::MemberDetail member = SampleMember();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = encode(member);
    bytes += text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

// The member's detail as GET /api/v1/members/{id} answers it (http/routes/member_json.cpp).
void MemberJson(benchmark::State& state) {
  EncodeMember(state, [](const app::MemberDetail& d) {
    http::JsonWriter w;
    http::WriteMemberDetail(w, d);
    return w.Take();
  });
}
ZJ_BENCHMARK(MemberJson);

// The same document built as an nlohmann::json DOM and printed, as the API did before
// JsonWriter: kept to show what the writer saves.
void MemberJsonDom(benchmark::State& state) {
  EncodeMember(state, [](const app::MemberDetail& d) {
    const auto& m = d.member.row;
    nlohmann::json events = nlohmann::json::array();
    for (const auto& e : d.events) {
      events.push_back({{"at", e.at},
                        {"event", e.event},
                        {"actor_name", *e.actor_name},
                        {"detail", nlohmann::json::parse(e.detail)}});
    }
    const nlohmann::json member{
        {"id", std::to_string(m.id)},
        {"name", m.name},
        {"id_masked", d.member.id_masked},
        {"gender", m.gender},
        {"birth_date", m.birth_date},
        {"ethnicity", *m.ethnicity},
        {"phone_masked", *d.member.phone_masked},
        {"employer", {{"id", std::to_string(*m.employer_id)}, {"name", *m.employer_display}}},
        {"union", {{"id", std::to_string(m.union_org_id)}, {"name", m.union_name}}},
        {"join_date", *m.join_date},
        {"card_number", m.card_number},
        {"migrant_worker", m.migrant_worker},
        {"model_worker", m.model_worker},
        {"status", m.status},
        {"status_changed_on", nullptr},
        {"import_id", nullptr},
        {"created_at", m.created_at},
        {"updated_at", m.updated_at},
        {"events", std::move(events)},
        {"transfers", nlohmann::json::array()}};
    return member.dump();
  });
}
ZJ_BENCHMARK(MemberJsonDom);

}  // namespace
}  // namespace zj::bench
