// End to end through the CLI with codeloom's real tokenizer: a corpus of
// real code (tests/tokenizer's golden files), `codeloom train` on the tiny
// recipe, `codeloom export`, then libllama loads the GGUF and tokenizes 1,000
// samples exactly as our tokenizer does. Bad input exits 2 with a precise message.
#include <gtest/gtest.h>
#include <zstd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "codeloom/llm/model.h"
#include "codeloom/tokenizer/tokenizer.h"
#include "codeloom/tokenizer/train.h"
#include "codeloom/train/checkpoint.h"
#include "support/run_process.h"
#include "tokenizer/corpus.h"

namespace codeloom::train {
namespace {

using codeloom::testing::run_process;
const std::string kCodeloom = std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom";
const std::string kRecipe = std::string(CODELOOM_SOURCE_DIR) + "/recipes/tiny-test.toml";

void write_shard(const std::string& path, const std::vector<std::string>& texts, const std::string& split) {
  std::string jsonl;
  for (std::size_t i = 0; i < texts.size(); ++i)
    jsonl += nlohmann::json{{"id", std::to_string(i)}, {"language", "python"}, {"name", "f"}, {"path", "x.py"},
                            {"split", split}, {"text", texts[i]}, {"tokens", 1}}
                 .dump() +
             "\n";
  std::string z(ZSTD_compressBound(jsonl.size()), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), jsonl.data(), jsonl.size(), 3));
  std::ofstream(path, std::ios::binary) << z;
}

class TrainCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = (std::filesystem::temp_directory_path() / ("codeloom-train-cli-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ + "/corpus");
    std::vector<std::string> samples = tokenizer::testdata::samples();
    std::vector<std::string> train(samples.begin() + 100, samples.end()), val(samples.begin(), samples.begin() + 100);
    write_shard(dir_ + "/corpus/train-00000.jsonl.zst", train, "train");
    write_shard(dir_ + "/corpus/val-00000.jsonl.zst", val, "val");
    // Readers accept a corpus only once `data mine` wrote stats.json (listing its shards) last.
    std::ofstream(dir_ + "/corpus/stats.json")
        << nlohmann::json{{"shards", {"train-00000.jsonl.zst", "val-00000.jsonl.zst"}}}.dump();
    tokenizer::TrainOptions o;
    o.vocab_size = 600;
    auto tok = tokenizer::train_bpe(tokenizer::count_words(train, 2), o);
    ASSERT_TRUE(tok.ok()) << tok.error().message;
    ASSERT_TRUE(tok->save(dir_ + "/tok.json").ok());
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::string dir_;
};
std::string TrainCli::dir_;

TEST_F(TrainCli, TrainExportAndLlamaTokenizesLikeUs) {
  auto t = run_process({kCodeloom, "train", "--recipe", kRecipe, "--corpus", dir_ + "/corpus", "--tokenizer",
                        dir_ + "/tok.json", "--out", dir_ + "/run", "--steps", "6", "--quiet", "--json"});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->exit_code, 0) << t->err;
  auto j = nlohmann::json::parse(t->out);
  EXPECT_EQ(j["steps"], 6);
  EXPECT_GT(j["tokens_per_s"].get<double>(), 0);
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/run/loss.svg"));
  EXPECT_TRUE(std::filesystem::exists(dir_ + "/run/train.jsonl"));

  auto e = run_process({kCodeloom, "export", "--checkpoint", dir_ + "/run/checkpoint.clck", "--tokenizer",
                        dir_ + "/tok.json", "--type", "q8_0", "--out", dir_ + "/m.gguf"});
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->exit_code, 0) << e->err;

  auto model = llm::Model::load(dir_ + "/m.gguf");
  ASSERT_TRUE(model.ok()) << model.error().message;
  auto tok = tokenizer::Tokenizer::load(dir_ + "/tok.json");
  ASSERT_TRUE(tok.ok());
  EXPECT_EQ((*model)->n_vocab(), tok->vocab_size());
  EXPECT_EQ((*model)->fim_middle(), tok->specials().fim_middle);
  EXPECT_TRUE((*model)->is_eog(tok->specials().eot));
  const std::vector<std::string> samples = tokenizer::testdata::samples();
  ASSERT_GE(samples.size(), 1000u);
  std::size_t same = 0;
  for (std::size_t i = 0; i < 1000; ++i) {
    same += (*model)->tokenize(samples[i], /*add_special=*/false, /*parse_special=*/false) == tok->encode(samples[i]);
  }
  EXPECT_EQ(same, 1000u);
}

TEST_F(TrainCli, NprocStartsDataParallelWorkers) {
  auto t = run_process({kCodeloom, "train", "--recipe", kRecipe, "--corpus", dir_ + "/corpus", "--tokenizer",
                        dir_ + "/tok.json", "--out", dir_ + "/ddp", "--steps", "3", "--nproc", "2", "--threads", "1",
                        "--quiet"});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->exit_code, 0) << t->err;
  auto ck = load_checkpoint(dir_ + "/ddp/checkpoint.clck");
  ASSERT_TRUE(ck.ok()) << ck.error().message;
  EXPECT_EQ(ck->world_size, 2);
  EXPECT_EQ(ck->step, 3);
  EXPECT_EQ(ck->data_position, 3 * 4 * 2 * 2);  // batch 4 × grad_accum 2 × 2 processes per step
}

TEST_F(TrainCli, BadInputIsReportedBeforeAnyWork) {
  const std::string bad = dir_ + "/bad.toml";
  std::ofstream(bad) << "[model]\ndim = 64\nn_heads = 4\nwidth = 2\n";
  auto r = run_process({kCodeloom, "train", "--recipe", bad, "--corpus", dir_ + "/corpus", "--tokenizer",
                        dir_ + "/tok.json", "--out", dir_ + "/bad"});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("unknown key 'model.width'"), std::string::npos) << r->err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/bad"));

  std::ofstream(bad) << "[model]\ndim = 64\nn_heads = 4\nn_kv_heads = 3\n";
  r = run_process({kCodeloom, "train", "--recipe", bad});
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("model.n_kv_heads (3) must divide model.n_heads (4)"), std::string::npos) << r->err;

  r = run_process({kCodeloom, "train", "--recipe", kRecipe, "--corpus", dir_ + "/nothing", "--tokenizer",
                   dir_ + "/tok.json", "--out", dir_ + "/bad"});
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("data.corpus"), std::string::npos) << r->err;

  std::filesystem::create_directories(dir_ + "/empty-corpus");
  r = run_process({kCodeloom, "train", "--recipe", kRecipe, "--corpus", dir_ + "/empty-corpus", "--tokenizer",
                   dir_ + "/tok.json", "--out", dir_ + "/bad"});
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("data.corpus"), std::string::npos) << r->err;

  std::ofstream(dir_ + "/junk.clck") << "junk";
  r = run_process({kCodeloom, "export", "--checkpoint", dir_ + "/junk.clck", "--out", dir_ + "/x.gguf"});
  EXPECT_EQ(r->exit_code, 2);
  EXPECT_NE(r->err.find("corrupt"), std::string::npos) << r->err;
  r = run_process({kCodeloom, "export", "--checkpoint", dir_ + "/junk.clck", "--out", dir_ + "/x.gguf", "--type", "q4"});
  EXPECT_EQ(r->exit_code, 2);
}

}  // namespace
}  // namespace codeloom::train
