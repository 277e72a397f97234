// The known benchmarks, by CLI name.
//
//   auto b = harness::find_benchmark("mbpp-sanitized");
//   if (!b) std::cerr << b.error().message;   // lists the known names
//
// The registry is built once and immutable: thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/harness/benchmark.h"

namespace codeloom::harness {

// Each defined in its own src/harness/bench_<name>.cpp.
Benchmark humaneval_benchmark();
Benchmark humanevalplus_benchmark();
Benchmark mbpp_benchmark();
Benchmark mbpp_sanitized_benchmark();
Benchmark mbppplus_benchmark();
Benchmark multipl_e_cpp_benchmark();
Benchmark multipl_e_java_benchmark();

const std::vector<Benchmark>& benchmarks();
std::vector<std::string> benchmark_names();
// kNotFound naming the known benchmarks.
Result<const Benchmark*> find_benchmark(std::string_view name);

}  // namespace codeloom::harness
