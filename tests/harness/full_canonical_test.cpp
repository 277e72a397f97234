// Full canonical-solution runs over the benchmark files shipped in
// data/benchmarks (label "slow"): the acceptance bar of the harness.
//   HumanEval 164/164, HumanEval+ all base and plus inputs, MBPP sanitized
//   >= 99%, and no empty or wrong completion passes anywhere.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>

#include "codeloom/harness/canonical.h"
#include "codeloom/harness/dataset.h"
#include "codeloom/harness/registry.h"
#include "harness_test_util.h"

namespace codeloom::harness {
namespace {

struct FullCase {
  const char* bench;
  std::size_t expected_problems;
  double min_canonical_rate;  // fraction of reference solutions that must pass
};

class HarnessFullCanonical : public ::testing::TestWithParam<FullCase> {};

TEST_P(HarnessFullCanonical, ReferencePassesControlsFail) {
  const FullCase& c = GetParam();
  const Benchmark* bench = *find_benchmark(c.bench);
  const std::string path = default_data_path(*bench, std::string(CODELOOM_SOURCE_DIR) + "/data/benchmarks");
  ASSERT_TRUE(verify_default_file(*bench, path).ok()) << path;
  auto set = load_problems(*bench, path);
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_TRUE(set->malformed.empty()) << set->malformed.front();
  EXPECT_EQ(set->problems.size(), c.expected_problems);
  CanonicalReport r = check_canonical(*bench, set->problems, testing::shared_executor());
  std::cout << format_canonical_report(*bench, r);
  if (r.canonical.total > 0) {
    EXPECT_GE(static_cast<double>(r.canonical.passed), c.min_canonical_rate * static_cast<double>(r.canonical.total));
  }
  EXPECT_EQ(r.empty.passed, 0u);
  EXPECT_EQ(r.wrong.passed, 0u);
}

INSTANTIATE_TEST_SUITE_P(Datasets, HarnessFullCanonical,
                         ::testing::Values(FullCase{"humaneval", 164, 1.0}, FullCase{"humanevalplus", 164, 1.0},
                                           FullCase{"mbpp-sanitized", 427, 0.99}, FullCase{"mbpp", 974, 0.99},
                                           FullCase{"mbppplus", 378, 1.0}, FullCase{"multipl-e-cpp", 161, 1.0},
                                           FullCase{"multipl-e-java", 158, 1.0}),
                         [](const auto& info) {
                           std::string n = info.param.bench;
                           for (char& ch : n) if (ch == '-') ch = '_';
                           return n;
                         });

}  // namespace
}  // namespace codeloom::harness
