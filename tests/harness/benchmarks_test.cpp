// Loading the benchmark files (copied records in tests/data/harness), the
// registry, stop-string cutting and malformed input.
#include <gtest/gtest.h>

#include <fstream>

#include "codeloom/harness/dataset.h"
#include "codeloom/harness/registry.h"
#include "harness_test_util.h"

namespace codeloom::harness {
namespace {

struct LoadCase {
  const char* bench;
  const char* file;
  std::size_t problems;
  const char* first_task;
  const char* first_entry_point;
};

class HarnessLoad : public ::testing::TestWithParam<LoadCase> {};

TEST_P(HarnessLoad, ReadsCopiedRecords) {
  const LoadCase& c = GetParam();
  auto bench = find_benchmark(c.bench);
  ASSERT_TRUE(bench) << bench.error().message;
  auto set = load_problems(**bench, testing::data_path(c.file));
  ASSERT_TRUE(set) << set.error().message;
  EXPECT_TRUE(set->malformed.empty()) << set->malformed.front();
  ASSERT_EQ(set->problems.size(), c.problems);
  const Problem& p = set->problems.front();
  EXPECT_EQ(p.task_id, c.first_task);
  EXPECT_EQ(p.entry_point, c.first_entry_point);
  EXPECT_FALSE(p.prompt.empty());
  EXPECT_FALSE(p.stop.empty());
  EXPECT_EQ(p.has_canonical, !p.canonical_solution.empty());
  EXPECT_EQ(p.record_json.empty(), !(*bench)->evalplus);
}

INSTANTIATE_TEST_SUITE_P(
    Files, HarnessLoad,
    ::testing::Values(LoadCase{"humaneval", "humaneval_4.jsonl", 4, "HumanEval/0", "has_close_elements"},
                      LoadCase{"humanevalplus", "humanevalplus_3.jsonl", 3, "HumanEval/2", "truncate_number"},
                      LoadCase{"mbpp", "mbpp_3.jsonl", 3, "Mbpp/1", "min_cost"},
                      LoadCase{"mbpp-sanitized", "mbpp_sanitized_3.json", 3, "Mbpp/2", "similar_elements"},
                      LoadCase{"mbppplus", "mbppplus_3.jsonl", 3, "Mbpp/2", "similar_elements"},
                      LoadCase{"multipl-e-cpp", "multipl_e_cpp_2.jsonl", 2, "HumanEval_23_strlen", ""},
                      LoadCase{"multipl-e-java", "multipl_e_java_2.jsonl", 2, "HumanEval_23_strlen", ""}),
    [](const auto& info) {
      std::string n = info.param.bench;
      for (char& ch : n) if (ch == '-') ch = '_';
      return n;
    });

TEST(HarnessRegistry, UnknownBenchmarkListsKnownOnes) {
  auto b = find_benchmark("humaneva");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code, ErrorCode::kNotFound);
  for (const std::string& name : benchmark_names()) EXPECT_NE(b.error().message.find(name), std::string::npos);
  EXPECT_EQ(benchmark_names().size(), 7u);
}

TEST(HarnessDataset, MalformedLinesAreReportedAndSkipped) {
  const Benchmark& he = **find_benchmark("humaneval");
  std::ifstream in(testing::data_path("humaneval_4.jsonl"));
  std::string good1, good2;
  std::getline(in, good1);
  std::getline(in, good2);
  const std::string text = good1 + "\n{not json\n\n[1, 2]\n{\"task_id\": \"X/1\", \"prompt\": \"p\"}\n" + good1 +
                           "\n" + good2 + "\n" + good2.substr(0, good2.size() / 2);
  ProblemSet set = parse_problems(he, text);
  ASSERT_EQ(set.problems.size(), 2u);
  ASSERT_EQ(set.malformed.size(), 5u);
  EXPECT_EQ(set.malformed[0].rfind("line 2: ", 0), 0u) << set.malformed[0];
  EXPECT_NE(set.malformed[2].find("entry_point"), std::string::npos) << set.malformed[2];
  EXPECT_NE(set.malformed[3].find("duplicate"), std::string::npos) << set.malformed[3];
}

TEST(HarnessDataset, MissingAndEmptyFilesAreErrors) {
  const Benchmark& he = **find_benchmark("humaneval");
  auto missing = load_problems(he, testing::data_path("no-such-file.jsonl"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto wrong_kind = load_problems(**find_benchmark("mbpp"), testing::data_path("humaneval_4.jsonl"));
  ASSERT_FALSE(wrong_kind);
  EXPECT_EQ(wrong_kind.error().code, ErrorCode::kCorrupt);
}

TEST(HarnessDataset, EvalPlusRecordWithNaNLoads) {
  // Mbpp/404 holds bare -Infinity / Infinity (Python's json writes them).
  auto set = load_problems(**find_benchmark("mbppplus"), testing::data_path("mbppplus_3.jsonl"));
  ASSERT_TRUE(set);
  ASSERT_EQ(set->problems.size(), 3u);
  EXPECT_EQ(set->problems[1].task_id, "Mbpp/404");
  EXPECT_NE(set->problems[1].record_json.find("Infinity"), std::string::npos);
}

TEST(HarnessDataset, EvalPlusEmptyObjectMeansNoInputs) {
  // MBPP+ v0.2.0 stores Mbpp/793's plus_input as {}.
  const Benchmark& b = **find_benchmark("mbppplus");
  auto p = b.parse(R"({"task_id": "Mbpp/793", "prompt": "", "entry_point": "last", "canonical_solution": "",
                       "base_input": [[[1, 2, 3], 1]], "plus_input": {}, "atol": 0})");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_FALSE(b.parse(R"({"task_id": "Mbpp/1", "prompt": "", "entry_point": "f", "canonical_solution": "",
                           "base_input": [], "plus_input": {"a": 1}})"));
}

TEST(HarnessDataset, MbppCodeIsNormalised) {
  auto set = load_problems(**find_benchmark("mbpp"), testing::data_path("mbpp_3.jsonl"));
  ASSERT_TRUE(set);
  const Problem& p = set->problems.front();
  EXPECT_EQ(p.canonical_solution.find('\r'), std::string::npos);
  EXPECT_EQ(p.prompt.rfind("\"\"\"\n", 0), 0u);
  EXPECT_NE(p.prompt.find("assert min_cost("), std::string::npos);
  EXPECT_EQ(set->problems[2].entry_point, "is_tree_balanced");
  EXPECT_NE(set->problems[2].test.find("root = Node(1)"), std::string::npos);
}

TEST(HarnessBenchmark, CutAtStopTakesEarliest) {
  EXPECT_EQ(cut_at_stop("    return 1\n\ndef g():\n#x", {"\n#", "\ndef"}), "    return 1\n");
  EXPECT_EQ(cut_at_stop("abc", {"", "zz"}), "abc");
  EXPECT_EQ(cut_at_stop("", {"\n"}), "");
}

}  // namespace
}  // namespace codeloom::harness
