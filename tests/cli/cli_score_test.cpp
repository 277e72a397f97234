// `codeloom score` (apps/codeloom/cmd_score.cpp): corpus BLEU and CodeBLEU on the
// committed pairs equal CodeXGLUE's bleu.py and the codebleu package
// (tests/data/eval/golden_*.json) within 1e-6; plain one-per-line files as the
// reference tools read them; bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/run_process.h"

namespace {

std::string cli() { return std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom"; }
std::string eval_data(const std::string& name) { return std::string(CODELOOM_TEST_DATA_DIR) + "/eval/" + name; }

nlohmann::json load(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

class ScoreParity : public ::testing::TestWithParam<std::string> {};

TEST_P(ScoreParity, CorpusBleuAndCodebleuMatchTheReferenceTools) {
  const std::string lang = GetParam();
  auto r = codeloom::testing::run_process({cli(), "score", "--pairs", eval_data("pairs_" + lang + ".jsonl"),
                                           "--pred-field", "candidate", "--ref-field", "reference", "--language",
                                           lang, "--json"});
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->exit_code, 0) << r->err;
  const auto got = nlohmann::json::parse(r->out);
  const auto bleu = load(eval_data("golden_bleu.json")).at("languages").at(lang).at("corpus");
  EXPECT_NEAR(got["corpus"]["bleu"].get<double>(), bleu.at("bleu").get<double>(), 1e-6);
  EXPECT_DOUBLE_EQ(got["corpus"]["bleu_x100"].get<double>(), bleu.at("bleu_x100_rounded").get<double>());
  const auto cb = load(eval_data("golden_codebleu_" + lang + ".json")).at("corpus");
  const auto& ours = got["corpus"]["codebleu"];
  EXPECT_NEAR(ours["codebleu"].get<double>(), cb.at("codebleu").get<double>(), 1e-6);
  EXPECT_NEAR(ours["ngram_match"].get<double>(), cb.at("ngram_match_score").get<double>(), 1e-6);
  EXPECT_NEAR(ours["weighted_ngram_match"].get<double>(), cb.at("weighted_ngram_match_score").get<double>(), 1e-6);
  EXPECT_NEAR(ours["syntax_match"].get<double>(), cb.at("syntax_match_score").get<double>(), 1e-6);
  EXPECT_NEAR(ours["dataflow_match"].get<double>(), cb.at("dataflow_match_score").get<double>(), 1e-6);
  EXPECT_GE(got["corpus"]["exact_match"].get<double>(), 0.0);
  EXPECT_GT(got["corpus"]["ast_parsed"].get<int>(), 0);
}

INSTANTIATE_TEST_SUITE_P(Languages, ScoreParity, ::testing::Values("python", "java", "cpp"));

// Plain files as bleu.py reads them: lines stripped, universal newlines; several
// reference files give several references per item.
TEST(Score, PlainFilesOneItemPerLine) {
  const std::filesystem::path dir = std::filesystem::path(CODELOOM_BINARY_DIR) / "cli-test-out" / "score";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "ref.txt") << "return a + b\r\nint x = 1 ;\n";
  std::ofstream(dir / "ref2.txt") << "return a - b\n  int y = 2 ;  \n";
  std::ofstream(dir / "hyp.txt") << "  return a - b\nint x = 1 ;";
  auto r = codeloom::testing::run_process({cli(), "score", "--pred", (dir / "hyp.txt").string(), "--ref",
                                           (dir / "ref.txt").string(), "--per-item", "--json"});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->exit_code, 0) << r->err;
  auto j = nlohmann::json::parse(r->out);
  EXPECT_EQ(j["items"], 2);
  EXPECT_EQ(j["format"], "lines");
  EXPECT_DOUBLE_EQ(j["corpus"]["exact_match"].get<double>(), 0.5);  // second line matches after strip
  EXPECT_TRUE(j["corpus"]["codebleu"].is_null());                   // needs --language
  EXPECT_EQ(j["per_item"][1]["exact_match"], true);
  r = codeloom::testing::run_process({cli(), "score", "--pred", (dir / "hyp.txt").string(), "--ref",
                                      (dir / "ref.txt").string(), "--ref", (dir / "ref2.txt").string(), "--json"});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->exit_code, 0) << r->err;
  j = nlohmann::json::parse(r->out);
  EXPECT_DOUBLE_EQ(j["corpus"]["exact_match"].get<double>(), 1.0);  // first item matches ref2
}

TEST(Score, BadInputIsAClearError) {
  const std::filesystem::path dir = std::filesystem::path(CODELOOM_BINARY_DIR) / "cli-test-out" / "score-bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "two.txt") << "a\nb\n";
  std::ofstream(dir / "one.txt") << "a\n";
  std::ofstream(dir / "bad.jsonl") << "{\"prediction\": \"x\", \"reference\": \"x\"}\n{oops\n";
  struct Case {
    std::vector<std::string> args;
    std::string message;
  } cases[] = {
      {{"--pred", (dir / "two.txt").string(), "--ref", (dir / "one.txt").string()}, "has 2 items but"},
      {{"--pred", (dir / "missing.txt").string(), "--ref", (dir / "one.txt").string()}, "no such file"},
      {{"--pairs", (dir / "bad.jsonl").string()}, "bad.jsonl:2: not valid JSON"},
      {{"--pred", (dir / "one.txt").string()}, "--ref"},
      {{"--pred", "/dev/null", "--ref", (dir / "one.txt").string()}, "not a regular file"},
      {{"--pred", (dir / "one.txt").string(), "--ref", (dir / "one.txt").string(), "--language", "cobol"}, "cobol"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> argv = {cli(), "score"};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    auto r = codeloom::testing::run_process(argv);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->exit_code, 2) << c.message << "\n" << r->err;
    EXPECT_NE(r->err.find(c.message), std::string::npos) << r->err;
  }
}

}  // namespace
