// `codeloom tokenizer ...` end to end: train on a mined corpus, check (incl. the
// libllama comparison), encode/decode, export, and bad input.
#include <filesystem>

#include "cli_env.h"

namespace codeloom::testing {
namespace {

namespace fs = std::filesystem;

class CliTokenizer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("codeloom-cli-tok-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    const fs::path golden = fs::path(CODELOOM_TEST_DATA_DIR) / "lang" / "golden";
    auto mine = codeloom({"data", "mine", (golden / "python").string(), (golden / "java").string(), "--out",
                          (dir_ / "corpus").string(), "--quiet", "--threads", "1"});
    ASSERT_EQ(mine.exit_code, 0) << mine.err;
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static std::string corpus() { return (dir_ / "corpus").string(); }
  static std::string tok() { return (dir_ / "tok.json").string(); }
  static inline fs::path dir_;
};

TEST_F(CliTokenizer, TrainsChecksEncodesDecodesAndExports) {
  auto train = codeloom({"tokenizer", "train", "--corpus", corpus(), "--split", "all", "--vocab-size", "1200",
                         "--out", tok(), "--json"});
  ASSERT_EQ(train.exit_code, 0) << train.err;
  const auto t = nlohmann::json::parse(train.out);
  EXPECT_EQ(t["vocab_size"], 1200);
  EXPECT_GT(t["samples"].get<int>(), 100);

  auto check = codeloom({"tokenizer", "check", "-t", tok(), "--corpus", corpus(), "--llama", "--json"});
  ASSERT_EQ(check.exit_code, 0) << check.err << check.out;
  const auto c = nlohmann::json::parse(check.out);
  EXPECT_EQ(c["round_trip_failures"], 0);
  EXPECT_EQ(c["llama_compared"], true);
  EXPECT_EQ(c["llama_mismatches"], 0);
  EXPECT_GT(c["bytes_per_token"].get<double>(), 2.5);

  const std::string text = "    public int size() { return count; }\n";
  auto enc = codeloom({"tokenizer", "encode", "-t", tok(), text, "--json"});
  ASSERT_EQ(enc.exit_code, 0) << enc.err;
  std::vector<std::string> args = {"tokenizer", "decode", "-t", tok(), "--json"};
  const auto encoded = nlohmann::json::parse(enc.out);
  for (const auto& x : encoded["tokens"]) args.push_back(std::to_string(x["id"].get<int>()));
  auto dec = codeloom(args);
  ASSERT_EQ(dec.exit_code, 0) << dec.err;
  EXPECT_EQ(nlohmann::json::parse(dec.out)["text"], text);

  auto special = codeloom({"tokenizer", "encode", "-t", tok(), "<cl|eot>", "--specials", "--json"});
  ASSERT_EQ(special.exit_code, 0) << special.err;
  EXPECT_EQ(nlohmann::json::parse(special.out)["count"], 1);

  const std::string gguf = (dir_ / "vocab.gguf").string();
  auto exp = codeloom({"tokenizer", "export", "-t", tok(), "--out", gguf});
  ASSERT_EQ(exp.exit_code, 0) << exp.err;
  // The exported vocabulary is a model file codeloom's llama.cpp commands accept.
  auto info = codeloom({"tokenize", "return count;", "--model", gguf, "--json"});
  ASSERT_EQ(info.exit_code, 0) << info.err;
}

TEST_F(CliTokenizer, BadInputExitsWithTwoAndOneLine) {
  const auto bad = [](const ProcessOutput& r, const std::string& needle) {
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(line_count(r.err), 1) << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  };
  bad(codeloom({"tokenizer", "train", "--corpus", (dir_ / "missing").string(), "--out", tok() + ".x", "-q"}),
      "codeloom data mine");
  bad(codeloom({"tokenizer", "train", "--out", tok() + ".x", "-q"}), "--corpus");
  bad(codeloom({"tokenizer", "train", "--corpus", corpus(), "--split", "dev", "--out", tok() + ".x", "-q"}),
      "unknown split");
  bad(codeloom({"tokenizer", "train", "--corpus", corpus(), "--vocab-size", "260", "--out", tok() + ".x"}),
      "too small");
  bad(codeloom({"tokenizer", "encode", "-t", (dir_ / "nope.json").string(), "x"}), "no such file");
  const std::string junk = write_temp_file("junk-tok.json", "{\"format\": 3}");
  bad(codeloom({"tokenizer", "encode", "-t", junk, "x"}), "format");
  ASSERT_EQ(codeloom({"tokenizer", "train", "--corpus", corpus(), "--vocab-size", "400", "--out", tok() + ".s", "-q"})
                .exit_code,
            0);
  bad(codeloom({"tokenizer", "decode", "-t", tok() + ".s", "1", "99999"}), "outside the vocabulary");
  EXPECT_FALSE(fs::exists(tok() + ".x"));
}

}  // namespace
}  // namespace codeloom::testing
