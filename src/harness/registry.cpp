#include "codeloom/harness/registry.h"

namespace codeloom::harness {

const std::vector<Benchmark>& benchmarks() {
  static const std::vector<Benchmark> all = {
      humaneval_benchmark(),     humanevalplus_benchmark(),   mbpp_benchmark(),
      mbpp_sanitized_benchmark(), mbppplus_benchmark(),        multipl_e_cpp_benchmark(),
      multipl_e_java_benchmark()};
  return all;
}

std::vector<std::string> benchmark_names() {
  std::vector<std::string> names;
  for (const Benchmark& b : benchmarks()) names.push_back(b.name);
  return names;
}

Result<const Benchmark*> find_benchmark(std::string_view name) {
  for (const Benchmark& b : benchmarks()) {
    if (b.name == name) return &b;
  }
  std::string known;
  for (const std::string& n : benchmark_names()) known += (known.empty() ? "" : ", ") + n;
  return make_error(ErrorCode::kNotFound, "unknown benchmark '" + std::string(name) + "'; known: " + known);
}

}  // namespace codeloom::harness
