// Checks through the sandbox on the copied records: reference solutions pass,
// empty and wrong completions fail (check_canonical), hand-written MultiPL-E
// solutions pass, and completions with a known verdict (python_cases.json:
// float tolerance, EvalPlus base vs plus, exit tricks, timeouts) get it.
#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <nlohmann/json.hpp>

#include "codeloom/harness/canonical.h"
#include "codeloom/harness/dataset.h"
#include "codeloom/harness/registry.h"
#include "harness_test_util.h"

namespace codeloom::harness {
namespace {

nlohmann::json read_json(const std::string& rel) {
  std::ifstream in(testing::data_path(rel));
  return nlohmann::json::parse(in);
}

ProblemSet load(const std::string& bench, const std::string& file) {
  auto set = load_problems(**find_benchmark(bench), testing::data_path(file));
  EXPECT_TRUE(set) << set.error().message;
  return set ? *set : ProblemSet{};
}

struct FileCase {
  const char* bench;
  const char* file;
};

class HarnessCanonical : public ::testing::TestWithParam<FileCase> {};

TEST_P(HarnessCanonical, ReferencePassesEmptyAndWrongFail) {
  const Benchmark& bench = **find_benchmark(GetParam().bench);
  ProblemSet set = load(GetParam().bench, GetParam().file);
  ASSERT_FALSE(set.problems.empty());
  CanonicalReport r = check_canonical(bench, set.problems, testing::shared_executor());
  EXPECT_TRUE(r.ok()) << format_canonical_report(bench, r);
  EXPECT_EQ(r.canonical.total, set.problems.size());
  EXPECT_EQ(r.empty.total, set.problems.size());
  if (bench.evalplus) {
    EXPECT_EQ(r.canonical.base_passed, set.problems.size());
  }
}

INSTANTIATE_TEST_SUITE_P(Python, HarnessCanonical,
                         ::testing::Values(FileCase{"humaneval", "humaneval_4.jsonl"},
                                           FileCase{"humanevalplus", "humanevalplus_3.jsonl"},
                                           FileCase{"mbpp", "mbpp_3.jsonl"},
                                           FileCase{"mbpp-sanitized", "mbpp_sanitized_3.json"},
                                           FileCase{"mbppplus", "mbppplus_3.jsonl"}),
                         [](const auto& info) {
                           std::string n = info.param.bench;
                           for (char& ch : n) if (ch == '-') ch = '_';
                           return n;
                         });

class HarnessMultiplE : public ::testing::TestWithParam<FileCase> {};

TEST_P(HarnessMultiplE, HandWrittenSolutionsPassEmptyAndWrongFail) {
  const Benchmark& bench = **find_benchmark(GetParam().bench);
  ProblemSet set = load(GetParam().bench, GetParam().file);
  ASSERT_EQ(set.problems.size(), 2u);
  const nlohmann::json refs = read_json("reference_completions.json")[bench.name];
  std::vector<Check> checks;
  for (const Problem& p : set.problems) {
    ASSERT_TRUE(refs.contains(p.task_id)) << p.task_id;
    checks.push_back({&p, refs[p.task_id].get<std::string>()});
    checks.push_back({&p, bench.wrong_completion(p)});
    // Empty: HumanEval_23_strlen's empty C++ body once "passed" by undefined
    // behaviour (flowing off the end of a non-void function).
    checks.push_back({&p, ""});
  }
  std::vector<Verdict> v = testing::shared_executor().run(bench, checks);
  for (std::size_t i = 0; i < checks.size(); i += 3) {
    EXPECT_EQ(v[i].status, CheckStatus::kPass) << checks[i].problem->task_id << ": " << v[i].detail;
    EXPECT_EQ(v[i + 1].status, CheckStatus::kFail) << checks[i].problem->task_id << ": " << v[i + 1].detail;
    EXPECT_NE(v[i + 2].status, CheckStatus::kPass) << checks[i].problem->task_id << " (empty): " << v[i + 2].detail;
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, HarnessMultiplE,
                         ::testing::Values(FileCase{"multipl-e-cpp", "multipl_e_cpp_2.jsonl"},
                                           FileCase{"multipl-e-java", "multipl_e_java_2.jsonl"}),
                         [](const auto& info) { return std::string(info.param.bench).substr(10); });

TEST(HarnessExecution, KnownVerdicts) {
  const nlohmann::json cases = read_json("python_cases.json")["cases"];
  std::vector<ProblemSet> sets;
  sets.reserve(cases.size());
  std::vector<Check> checks;
  std::vector<const Benchmark*> benches;
  for (const auto& c : cases) {
    sets.push_back(load(c[0], c[1]));
    const Problem* found = nullptr;
    for (const Problem& p : sets.back().problems) {
      if (p.task_id == c[2].get<std::string>()) found = &p;
    }
    ASSERT_NE(found, nullptr) << c[2];
    checks.push_back({found, c[3].get<std::string>()});
    benches.push_back(*find_benchmark(c[0].get<std::string>()));
  }
  std::vector<std::promise<Verdict>> promises(checks.size());
  for (std::size_t i = 0; i < checks.size(); ++i) {
    testing::shared_executor().submit(*benches[i], checks[i], [&promises, i](Verdict v) { promises[i].set_value(v); });
  }
  for (std::size_t i = 0; i < checks.size(); ++i) {
    Verdict v = promises[i].get_future().get();
    EXPECT_EQ(status_name(v.status), cases[i][4].get<std::string>())
        << cases[i][2] << " with " << cases[i][3] << ": " << v.detail;
    EXPECT_EQ(v.base_passed, cases[i][5].get<bool>()) << cases[i][2] << " with " << cases[i][3];
  }
}

}  // namespace
}  // namespace codeloom::harness
