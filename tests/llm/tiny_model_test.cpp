// tests/support/tiny_model: the generator other modules' tests rely on.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "test_models.h"

namespace codeloom::llm {
namespace {

namespace fs = std::filesystem;
using testing::TinyModelOptions;

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(TinyModel, WritesLoadableModelsForEveryCodeVocabulary) {
  for (const char* vocab : {"qwen2", "deepseek-coder", "starcoder", "llama-spm"}) {
    TinyModelOptions o;
    o.vocab = vocab;
    auto m = test::load_tiny(o);
    ASSERT_TRUE(m) << vocab;
    EXPECT_EQ(m->info().architecture, "llama") << vocab;
    EXPECT_EQ(m->info().n_embd, 64);
    EXPECT_EQ(m->info().n_layer, 2);
    EXPECT_EQ(m->info().n_ctx_train, 2048);
    EXPECT_GT(m->n_vocab(), 30000) << vocab;
    EXPECT_EQ(m->metadata("llama.vocab_size"), std::to_string(m->n_vocab()));
  }
}

TEST(TinyModel, CachedPathIsStableAndDependsOnOptions) {
  TinyModelOptions a;
  auto p1 = testing::tiny_model_path(a);
  auto p2 = testing::tiny_model_path(a);
  ASSERT_TRUE(p1 && p2);
  EXPECT_EQ(*p1, *p2);
  TinyModelOptions b = a;
  b.seed = 7;
  auto p3 = testing::tiny_model_path(b);
  ASSERT_TRUE(p3);
  EXPECT_NE(*p1, *p3);
}

TEST(TinyModel, SameSeedSameBytesDifferentSeedDifferentWeights) {
  const std::string dir = testing::make_temp_dir("codeloom-tiny");
  ASSERT_FALSE(dir.empty());
  TinyModelOptions o;
  o.vocab = "starcoder";
  o.n_layer = 1;
  ASSERT_TRUE(testing::write_tiny_model(o, dir + "/a.gguf"));
  ASSERT_TRUE(testing::write_tiny_model(o, dir + "/b.gguf"));
  o.seed = 43;
  ASSERT_TRUE(testing::write_tiny_model(o, dir + "/c.gguf"));
  const std::string a = slurp(dir + "/a.gguf"), b = slurp(dir + "/b.gguf"), c = slurp(dir + "/c.gguf");
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), c.size());
  EXPECT_NE(a, c);
  fs::remove_all(dir);
}

TEST(TinyModel, F16IsAboutHalfTheSizeAndLoads) {
  TinyModelOptions f32;
  f32.vocab = "deepseek-coder";
  TinyModelOptions f16 = f32;
  f16.type = "f16";
  auto p32 = testing::tiny_model_path(f32);
  auto p16 = testing::tiny_model_path(f16);
  ASSERT_TRUE(p32 && p16);
  const double ratio = static_cast<double>(fs::file_size(*p16)) / static_cast<double>(fs::file_size(*p32));
  EXPECT_LT(ratio, 0.6);
  auto m = test::load_tiny(f16);
  ASSERT_TRUE(m);
  EXPECT_NE(m->info().description.find("F16"), std::string::npos) << m->info().description;
}

TEST(TinyModel, VocabOnlyFileHasNoWeights) {
  TinyModelOptions o;
  o.vocab_only = true;
  auto p = testing::tiny_model_path(o);
  ASSERT_TRUE(p);
  EXPECT_LT(fs::file_size(*p), 8u << 20);  // tokenizer only; the qwen2 weights alone are ~40 MB
  auto m = Model::load(*p, {.vocab_only = true});
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ((*m)->tokenize("hello", false).size(), 1u);
}

TEST(TinyModel, ExtraSpecialTokensBecomeControlTokensAndCodeLlamaFim) {
  TinyModelOptions o;
  o.vocab = "llama-spm";
  o.extra_special_tokens = {"▁<PRE>", "▁<SUF>", "▁<MID>", "▁<EOT>"};
  auto m = test::load_tiny(o);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->n_vocab(), 32000 + 4);
  auto pre = m->find_token("▁<PRE>");
  ASSERT_TRUE(pre);
  EXPECT_EQ(*pre, 32000);
  EXPECT_TRUE(m->is_control(*pre));
  EXPECT_EQ(m->fim_prefix(), 32000);
  EXPECT_EQ(m->fim_suffix(), 32001);
  EXPECT_EQ(m->fim_middle(), 32002);
  // parse_special turns the text into the single control token.
  auto toks = m->tokenize("▁<PRE>", false, true);
  ASSERT_EQ(toks.size(), 1u);
  EXPECT_EQ(toks[0], 32000);
}

TEST(TinyModel, BadOptionsAndMissingVocabAreErrors) {
  TinyModelOptions o;
  o.n_head = 3;  // 64 is not a multiple of 3
  auto r = testing::tiny_model_path(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  o = {};
  o.type = "q4_0";
  EXPECT_EQ(testing::tiny_model_path(o).error().code, ErrorCode::kInvalidArgument);
  o = {};
  o.vocab = "no-such-vocab";
  r = testing::tiny_model_path(o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_NE(r.error().message.find("no-such-vocab"), std::string::npos);
}

}  // namespace
}  // namespace codeloom::llm
