// The micro-benchmarks register themselves here rather than with BENCHMARK(), so that main()
// can run each for exactly one iteration (`--smoke`, as ctest does) or for real.
#pragma once

#include <benchmark/benchmark.h>

#include <functional>
#include <string>
#include <vector>

namespace zj::bench {

struct MicroBenchmark {
  std::string name;
  std::function<void(benchmark::State&)> run;
};

std::vector<MicroBenchmark>& Registry();

struct Register {
  Register(std::string name, std::function<void(benchmark::State&)> run) {
    Registry().push_back({std::move(name), std::move(run)});
  }
};

}  // namespace zj::bench

#define ZJ_BENCH_CONCAT2(a, b) a##b
#define ZJ_BENCH_CONCAT(a, b) ZJ_BENCH_CONCAT2(a, b)
//! Registers `fn` (a void(benchmark::State&)) under its own name.
#define ZJ_BENCHMARK(fn) \
  static const ::zj::bench::Register ZJ_BENCH_CONCAT(zj_bench_, __LINE__)(#fn, fn)
