// The eval command line (`codeloom eval`, apps/codeloom/cmd_eval.cpp):
// --canonical on copied records, bad input (unknown benchmark, missing model,
// malformed dataset lines).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "harness_test_util.h"
#include "support/run_process.h"

namespace codeloom::harness {
namespace {

std::string cli() { return std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom"; }

TEST(HarnessCli, CanonicalOnCopiedRecords) {
  auto r = codeloom::testing::run_process({cli(), "eval", "humaneval", "--canonical", "--json", "--workers", "2",
                                           "--data", testing::data_path("humaneval_4.jsonl")});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->exit_code, 0) << r->err;
  auto j = nlohmann::json::parse(r->out);
  EXPECT_TRUE(j["ok"].get<bool>());
  EXPECT_EQ(j["canonical"]["passed"], 4);
  EXPECT_EQ(j["empty"]["passed"], 0);
  EXPECT_EQ(j["wrong"]["passed"], 0);
}

TEST(HarnessCli, UnknownBenchmarkListsKnownOnes) {
  auto r = codeloom::testing::run_process({cli(), "eval", "humaneval-x"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("mbpp-sanitized"), std::string::npos) << r->err;
}

TEST(HarnessCli, MissingModelIsAClearError) {
  auto r = codeloom::testing::run_process({cli(), "eval", "humaneval", "--model", "/nonexistent/model.gguf",
                                           "--data", testing::data_path("humaneval_4.jsonl")});
  ASSERT_TRUE(r);
  EXPECT_NE(r->exit_code, 0);
  EXPECT_NE(r->err.find("/nonexistent/model.gguf"), std::string::npos) << r->err;
}

TEST(HarnessCli, MalformedDatasetLinesAreReportedAndTheRunContinues) {
  const std::string dir = std::string(CODELOOM_BINARY_DIR) + "/harness-test-out/cli-malformed";
  std::filesystem::create_directories(dir);
  std::ifstream in(testing::data_path("humaneval_4.jsonl"));
  std::string first;
  std::getline(in, first);
  std::ofstream(dir + "/data.jsonl") << first << "\n{broken\n";
  auto r = codeloom::testing::run_process(
      {cli(), "eval", "humaneval", "--canonical", "--workers", "2", "--data", dir + "/data.jsonl"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 0) << r->err;
  EXPECT_NE(r->err.find("skipped line 2"), std::string::npos) << r->err;
  EXPECT_NE(r->out.find("1/1"), std::string::npos) << r->out;
}

TEST(HarnessCli, KLargerThanNIsRejected) {
  auto r = codeloom::testing::run_process({cli(), "eval", "humaneval", "--n", "1", "--k", "1,10", "--data",
                                           testing::data_path("humaneval_4.jsonl")});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("--n >= 10"), std::string::npos) << r->err;
}

// The benchmark files ship with codeloom: found without --data/--data-dir
// from the build tree, and from an installed prefix through the executable's
// location (no compiled-in data path).
TEST(HarnessCli, ShippedBenchmarkFilesAreFoundWithoutFlags) {
  auto r = codeloom::testing::run_process(
      {cli(), "eval", "humaneval", "--canonical", "--json", "--workers", "2", "--limit", "2"});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->exit_code, 0) << r->err;
  auto j = nlohmann::json::parse(r->out);
  EXPECT_EQ(j["canonical"]["passed"], 2) << r->out;
}

TEST(HarnessCli, InstalledLayoutFindsBenchmarksBesideTheBinary) {
  namespace fs = std::filesystem;
  const fs::path prefix = fs::path(CODELOOM_BINARY_DIR) / "harness-test-out" / "install-prefix";
  fs::remove_all(prefix);
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "share" / "codeloom" / "benchmarks" / "humaneval");
  fs::copy_file(cli(), prefix / "bin" / "codeloom");
  fs::copy_file(fs::path(CODELOOM_SOURCE_DIR) / "data" / "benchmarks" / "humaneval" / "HumanEval.jsonl.gz",
                prefix / "share" / "codeloom" / "benchmarks" / "humaneval" / "HumanEval.jsonl.gz");
  // The installed tree wins over the checkout: a tampered installed file is refused.
  {
    std::ofstream(prefix / "share" / "codeloom" / "benchmarks" / "humaneval" / "HumanEval.jsonl.gz",
                  std::ios::app) << "x";
  }
  auto r = codeloom::testing::run_process({(prefix / "bin" / "codeloom").string(), "eval", "humaneval",
                                           "--canonical", "--limit", "1"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 2) << r->out;
  EXPECT_NE(r->err.find("sha256"), std::string::npos) << r->err;
  EXPECT_NE(r->err.find((prefix / "share" / "codeloom" / "benchmarks").string()), std::string::npos) << r->err;
}

TEST(HarnessCli, TamperedDataDirIsRefusedButOwnFilesAreNot) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(CODELOOM_BINARY_DIR) / "harness-test-out" / "tampered";
  fs::remove_all(dir);
  fs::create_directories(dir / "humaneval");
  fs::copy_file(testing::data_path("humaneval_4.jsonl"), dir / "humaneval" / "HumanEval.jsonl.gz");
  auto r = codeloom::testing::run_process(
      {cli(), "eval", "humaneval", "--canonical", "--data-dir", dir.string(), "--workers", "2"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("sha256"), std::string::npos) << r->err;
  // The same file named with --data is the user's own: not checked.
  r = codeloom::testing::run_process({cli(), "eval", "humaneval", "--canonical", "--workers", "2", "--data",
                                      (dir / "humaneval" / "HumanEval.jsonl.gz").string()});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->exit_code, 0) << r->err;
}

}  // namespace
}  // namespace codeloom::harness
