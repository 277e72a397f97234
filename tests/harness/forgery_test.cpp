// Issue 17: completions that try to forge a pass instead of solving the task.
// Each file under tests/data/harness/forgery/<lang>/ is a completion whose
// first line names the problem and the verdict it must get:
//   # case: bench=humaneval file=humaneval_4.jsonl task=HumanEval/53 expect=fail
// (the header is a comment, so the whole file is the completion). The
// expect=pass files are controls: honest solutions with noisy habits.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <regex>
#include <sstream>

#include "codeloom/harness/dataset.h"
#include "codeloom/harness/registry.h"
#include "harness_test_util.h"

namespace codeloom::harness {
namespace {

struct Case {
  std::string path, bench, file, task, expect, completion;
};

std::vector<Case> load_cases(const std::string& lang) {
  std::vector<Case> out;
  const std::filesystem::path dir = testing::data_path("forgery/" + lang);
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  static const std::regex header(R"(case: bench=(\S+) file=(\S+) task=(\S+) expect=(pass|fail))");
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    Case c;
    c.path = f.filename().string();
    c.completion = ss.str();
    std::smatch m;
    const std::string first = c.completion.substr(0, c.completion.find('\n'));
    if (!std::regex_search(first, m, header)) {
      ADD_FAILURE() << f << ": first line must be a '... case: bench=... file=... task=... expect=...' comment";
      continue;
    }
    c.bench = m[1];
    c.file = m[2];
    c.task = m[3];
    c.expect = m[4];
    out.push_back(std::move(c));
  }
  return out;
}

class Forgery : public ::testing::TestWithParam<const char*> {};

TEST_P(Forgery, GetsTheExpectedVerdict) {
  std::vector<Case> cases = load_cases(GetParam());
  ASSERT_FALSE(cases.empty());
  std::map<std::string, ProblemSet> sets;
  std::vector<Check> checks;
  std::vector<const Benchmark*> benches;
  for (const Case& c : cases) {
    auto bench = find_benchmark(c.bench);
    ASSERT_TRUE(bench) << c.path;
    const std::string key = c.bench + "/" + c.file;
    if (!sets.count(key)) {
      auto set = load_problems(**bench, testing::data_path(c.file));
      ASSERT_TRUE(set) << c.path << ": " << set.error().message;
      sets[key] = std::move(*set);
    }
    const Problem* found = nullptr;
    for (const Problem& p : sets[key].problems) {
      if (p.task_id == c.task) found = &p;
    }
    ASSERT_NE(found, nullptr) << c.path << ": no " << c.task << " in " << c.file;
    checks.push_back({found, c.completion});
    benches.push_back(*bench);
  }
  std::vector<std::promise<Verdict>> promises(checks.size());
  for (std::size_t i = 0; i < checks.size(); ++i) {
    testing::shared_executor().submit(*benches[i], checks[i], [&promises, i](Verdict v) { promises[i].set_value(v); });
  }
  std::vector<Verdict> verdicts;
  for (auto& p : promises) verdicts.push_back(p.get_future().get());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const bool passed = verdicts[i].status == CheckStatus::kPass;
    EXPECT_EQ(passed ? "pass" : "fail", cases[i].expect)
        << cases[i].path << ": got " << status_name(verdicts[i].status) << " (" << verdicts[i].detail << ")";
    // A forgery must be refused as a failure of the candidate, not as a grader error.
    if (cases[i].expect == "fail") {
      EXPECT_NE(verdicts[i].status, CheckStatus::kError) << cases[i].path << ": " << verdicts[i].detail;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, Forgery, ::testing::Values("python", "cpp", "java"),
                         [](const auto& info) { return std::string(info.param); });

}  // namespace
}  // namespace codeloom::harness
