// `zhijia_micro_bench [--smoke] [Google Benchmark flags]`: runs the micro-benchmarks; with
// --smoke each runs exactly one iteration (a check that they still work, not a measurement).
#include <cstring>

#include "registry.h"

namespace zj::bench {

std::vector<MicroBenchmark>& Registry() {
  static std::vector<MicroBenchmark> all;
  return all;
}

}  // namespace zj::bench

int main(int argc, char** argv) {
  bool smoke = false;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--smoke") == 0) {
      smoke = true;
    } else {
      args.push_back(argv[i]);
    }
  }
  for (const auto& b : zj::bench::Registry()) {
    auto* registered = benchmark::RegisterBenchmark(b.name.c_str(), b.run);
    if (smoke) registered->Iterations(1);
  }
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
