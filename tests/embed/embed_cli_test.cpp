// `codeloom embed ...` black-box: bad input exits 2 with one clear line; a small
// end-to-end run works.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "embed_test_util.h"
#include "support/run_process.h"

namespace codeloom::embed {
namespace {

::codeloom::testing::ProcessOutput codeloom(std::vector<std::string> args) {
  args.insert(args.begin(), std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom");
  auto r = ::codeloom::testing::run_process(args, {.timeout_s = 120});
  EXPECT_TRUE(r) << r.error().message;
  return r ? *r : ::codeloom::testing::ProcessOutput{};
}

void expect_bad_input(const ::codeloom::testing::ProcessOutput& r, const std::string& needle) {
  EXPECT_EQ(r.exit_code, 2) << "stderr: " << r.err << "\nstdout: " << r.out;
  EXPECT_NE(r.err.find(needle), std::string::npos) << "expected '" << needle << "' in: " << r.err;
}

std::string token_file() {
  std::string text;
  // 3 clusters of 5 tokens, as in train_test, written as a token file.
  for (int s = 0; s < 150; ++s) {
    const int c = s % 3;
    for (int i = 0; i < 20; ++i) text += "k" + std::to_string(c) + "_" + std::to_string((s * 7 + i * 3) % 5) + " ";
    text += "\n";
  }
  const std::string path = testing::temp_path("cli-tokens.txt");
  testing::write_bytes(path, text);
  return path;
}

TEST(EmbedCli, TrainNeighborsScoreEndToEnd) {
  const std::string model = testing::temp_path("cli.c2v");
  const std::string text = testing::temp_path("cli.txt");
  auto r = codeloom({"embed", "train", "--tokens", token_file(), "--out", model, "--dim", "16", "--epochs", "3",
                     "--min-count", "1", "--sample", "0", "--threads", "2", "--text-out", text, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["vocab"], 15);
  EXPECT_EQ(j["words"], 150 * 20 * 3);
  r = codeloom({"embed", "neighbors", "k1_2", "--model", model, "--k", "4", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["neighbors"].size(), 4u);
  for (const auto& n : j["neighbors"]) EXPECT_EQ(n["token"].get<std::string>().rfind("k1_", 0), 0u) << n;
  // The text export is a model too.
  r = codeloom({"embed", "neighbors", "k1_2", "--model", text, "--k", "2"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string pairs = testing::temp_path("cli-pairs.tsv");
  testing::write_bytes(pairs, "any\tk0_1\tk0_2\tk2_3\nany\tk2_0\tk2_4\tk1_1\nany\tk2_0\tk2_4\tnope\n");
  r = codeloom({"embed", "score", "--model", model, "--pairs", pairs, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["scored"], 2);
  EXPECT_EQ(j["passed"], 2);
  EXPECT_EQ(j["missing"].size(), 1u);
}

// --corpus reads mined shards (the same sequences export-tokens writes).
TEST(EmbedCli, TrainsFromMinedCorpusLikeFromExportedTokens) {
  const std::string mined = testing::temp_path("cli-mined");
  auto r = codeloom({"data", "mine", std::string(CODELOOM_TEST_DATA_DIR) + "/pipeline/corpus", "--out", mined,
                     "--threads", "1", "--train", "1", "--val", "0", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string toks = testing::temp_path("cli-mined.txt");
  r = codeloom({"embed", "export-tokens", "--corpus", mined, "--out", toks, "-j", "2", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> opts = {"--dim", "8", "--epochs", "1", "--min-count", "2", "--threads", "2", "-q"};
  auto train = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"embed", "train"});
    args.insert(args.end(), opts.begin(), opts.end());
    auto t = codeloom(args);
    EXPECT_EQ(t.exit_code, 0) << t.err;
  };
  const std::string a = testing::temp_path("from-corpus.c2v"), b = testing::temp_path("from-tokens.c2v");
  train({"--corpus", mined, "--out", a, "--read-threads", "1"});
  train({"--tokens", toks, "--out", b});
  EXPECT_TRUE(testing::read_bytes(a) == testing::read_bytes(b)) << "--corpus and export-tokens must give the same corpus";
  EXPECT_GT(testing::read_bytes(a).size(), 1000u);
}

TEST(EmbedCli, BadInputExitsTwo) {
  const std::string model = testing::temp_path("cli-bad.c2v");
  auto r = codeloom({"embed", "train", "--tokens", token_file(), "--out", model, "--dim", "8", "--epochs", "1",
                     "--min-count", "1", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_bad_input(codeloom({"embed", "neighbors", "no_such_token", "--model", model}), "no_such_token");
  expect_bad_input(codeloom({"embed", "neighbors", "k0_1", "--model", "/nonexistent/m.c2v"}), "cannot open");
  expect_bad_input(codeloom({"embed", "train", "--corpus", "/nonexistent/corpus", "--out", model}), "/nonexistent/corpus");
  expect_bad_input(codeloom({"embed", "train", "--tokens", "/nonexistent/t.txt", "--out", model}), "cannot open");
  expect_bad_input(codeloom({"embed", "train", "--out", model}), "--corpus");
  expect_bad_input(codeloom({"embed", "train", "--tokens", token_file(), "--out", model, "--dim", "0"}), "dim");
  expect_bad_input(codeloom({"embed", "train", "--tokens", token_file(), "--out", model, "--window", "x"}), "window");
  expect_bad_input(codeloom({"embed", "train", "--tokens", token_file(), "--out", model, "--min-count", "100000"}),
                   "min-count");
  expect_bad_input(codeloom({"embed", "export-tokens", "--corpus", "/nonexistent/corpus", "--out", model + ".t"}),
                   "/nonexistent/corpus");
  // A corrupt model file.
  std::string bytes = testing::read_bytes(model);
  bytes[bytes.size() / 2] ^= 0x10;
  const std::string bad = testing::temp_path("cli-corrupt.c2v");
  testing::write_bytes(bad, bytes);
  expect_bad_input(codeloom({"embed", "neighbors", "k0_1", "--model", bad}), "checksum");
  expect_bad_input(codeloom({"embed", "score", "--model", model, "--pairs", "/nonexistent/p.tsv"}), "cannot open");
}

}  // namespace
}  // namespace codeloom::embed
