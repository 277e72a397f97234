// `codeloom eval humaneval --limit 5` with the real Qwen2.5-Coder-0.5B model
// (label "bench-model"; skipped when the model file is absent).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_process.h"

namespace {

std::string model_path() {
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "") + "/.cache/codeloom/models/qwen2.5-coder-0.5b-instruct-awq-q4_k_m.gguf";
}

TEST(HarnessBenchModel, HumanEvalFirstFiveProblems) {
  const std::string data = std::string(CODELOOM_SOURCE_DIR) + "/data/benchmarks/humaneval/HumanEval.jsonl.gz";
  if (!std::filesystem::exists(model_path())) GTEST_SKIP() << model_path() << " not present";
  if (!std::filesystem::exists(data)) GTEST_SKIP() << data << " not present";
  const std::string out = std::string(CODELOOM_BINARY_DIR) + "/harness-test-out/bench-model";
  std::filesystem::remove_all(out);
  auto r = codeloom::testing::run_process({std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom", "eval",
                                           "humaneval", "--limit", "5", "--model", model_path(), "--out", out,
                                           "--workers", "2", "--threads", "2", "--max-tokens", "256", "--json"},
                                          {.timeout_s = 1800});  // ~2 min per problem on a loaded 2-core box
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->exit_code, 0) << r->err;
  auto results = nlohmann::json::parse(std::ifstream(out + "/results.json"));
  EXPECT_EQ(results["counts"]["samples"], 5);
  EXPECT_EQ(results["problems"].size(), 5u);
  const double pass1 = results["pass_at_k"]["pass@1"].get<double>();
  std::cout << "pass@1 on HumanEval/0-4 (greedy): " << pass1 << "\n";
  // A real code model solves some of the first five problems; random or
  // broken generation solves none.
  EXPECT_GT(pass1, 0.0);
  EXPECT_TRUE(std::filesystem::exists(out + "/report.html"));
}

}  // namespace
