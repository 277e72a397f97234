// Bounded, seeded fuzzing of source text in all four languages through the parse
// path of `codeloom parse` (fuzz/source_target.h, the libFuzzer target's body):
// the corpus tests/data/fuzz/source/ (real snippets, pathological seeds, kept
// regressions) plus seeded mutations, ≤ ~15 s. Each input must finish within its
// parse budget plus slack for the (linear) post-processing.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "source_target.h"
#include "support/mutator.h"

namespace codeloom::lang {
namespace {

TEST(SourceFuzz, SeededMutationsNeverCrashAndStayWithinTheBudget) {
  const auto dir = std::filesystem::path(CODELOOM_TEST_DATA_DIR) / "fuzz" / "source";
  const std::size_t seeds = test::corpus_files(dir).size();
  ASSERT_GE(seeds, 8u);
  test::Mutator mutator(20261203, {"(", ")", "[", "]", "{", "}", "\"", "'", "\"\"\"", "`", "/*",
                                   "*/", "//", "#", "\\", "\n", "    ", "def ", "class ",
                                   "function ", "=>", "template<", "R\"x(", "[1,", "f("});
  const ParseOptions budget = fuzz::source_fuzz_options();
  std::size_t over_budget = 0;
  const std::size_t runs = test::fuzz_corpus(
      dir, mutator, 3000, std::chrono::seconds(15), [&](const std::string& input) {
        const auto run = fuzz::source_target(reinterpret_cast<const std::uint8_t*>(input.data()),
                                             input.size());
        over_budget += run.over_budget;
        const double mib = static_cast<double>(input.size()) / (1u << 20);
        // Budget, plus 2 s for post-processing and a loaded machine.
        const double allowance = std::chrono::duration<double>(budget.time_limit).count() +
                                 std::chrono::duration<double>(budget.time_per_mib).count() * mib +
                                 2.0;
        for (const auto& s : run.seconds)
          EXPECT_LT(s.count(), allowance) << "input of " << input.size() << " bytes";
      });
  EXPECT_GT(runs, seeds);
  RecordProperty("runs", static_cast<int>(runs));
  RecordProperty("over_budget", static_cast<int>(over_budget));
}

}  // namespace
}  // namespace codeloom::lang
